#include "query_service/search/query_language_of.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/query_language.h"

namespace docsearch::query {
namespace {

using docsearch::v1::Query;

// The one value a required `language` term of `query` names ("" if none or
// several): the query itself, or a must/filter clause of its top bool.
std::string LanguageFilter(const Query& query) {
  auto value_of = [](const Query& clause) -> std::string {
    if (clause.kind_case() == Query::kTerm && clause.term().field() == "language")
      return clause.term().value();
    if (clause.kind_case() == Query::kTerms && clause.terms().field() == "language" &&
        clause.terms().values_size() == 1)
      return clause.terms().values(0);
    return "";
  };
  if (std::string value = value_of(query); !value.empty()) return value;
  if (query.kind_case() != Query::kBoolean) return "";
  std::string found;
  for (const auto* clauses : {&query.boolean().must(), &query.boolean().filter()}) {
    for (const Query& clause : *clauses) {
      std::string value = value_of(clause);
      if (value.empty()) continue;
      if (!found.empty() && found != value) return "";
      found = value;
    }
  }
  return found;
}

// The words of the text queries in `query`, for detection.
void CollectText(const Query& query, std::string& text) {
  switch (query.kind_case()) {
    case Query::kMatch:
      absl::StrAppend(&text, " ", query.match().text());
      break;
    case Query::kPhrase:
      absl::StrAppend(&text, " ", query.phrase().text());
      break;
    case Query::kBoolean:
      for (const auto* clauses :
           {&query.boolean().must(), &query.boolean().should(), &query.boolean().filter()}) {
        for (const Query& clause : *clauses) CollectText(clause, text);
      }
      break;
    default:
      break;
  }
}

}  // namespace

std::string QueryLanguageOf(const std::string& requested_language, const Query& query,
                            const std::string& main_language) {
  if (!requested_language.empty()) return absl::AsciiStrToLower(requested_language);
  if (std::string filtered = LanguageFilter(query); !filtered.empty())
    return absl::AsciiStrToLower(filtered);
  std::string text;
  CollectText(query, text);
  std::string detected = DetectQueryLanguage(text);
  return detected.empty() ? main_language : detected;
}

std::string MainLanguageOf(const IndexData& index) {
  std::string main_language;
  if (auto languages = index.keywords().find("language"); languages != index.keywords().end()) {
    size_t most = 0;
    for (const auto& [value, docs] : languages->second) {
      if (docs.size() > most || (docs.size() == most && value < main_language)) {
        most = docs.size();
        main_language = value;
      }
    }
  }
  return main_language;
}

}  // namespace docsearch::query
