#include "query_service/search/query_language_by_word_order.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "common/analysis_languages.h"
#include "query_service/search/query_evaluator.h"

namespace docsearch::query {
namespace {

using docsearch::v1::Query;

// Whether `token` of a query_string is a word typed as such: no operator,
// field, quote, group, wildcard or escape ("NATO-Russia" and "l'OTAN" are).
bool PlainWord(absl::string_view token) {
  if (token == "AND" || token == "OR" || token == "NOT") return false;
  if (token.front() == '+' || token.front() == '-') return false;
  constexpr absl::string_view kSyntax = ":\"()[]{}*?~^\\";
  return token.find_first_of(kSyntax) == absl::string_view::npos;
}

// The pairs of plain words typed side by side ("a b c": "a b", "b c").
std::vector<std::string> AdjacentPairs(absl::string_view query_string) {
  const std::vector<absl::string_view> tokens =
      absl::StrSplit(query_string, absl::ByAnyChar(" \t\n"), absl::SkipWhitespace());
  std::vector<std::string> pairs;
  for (size_t i = 0; i + 1 < tokens.size() && pairs.size() < kMaxWordOrderPairs; ++i) {
    if (PlainWord(tokens[i]) && PlainWord(tokens[i + 1])) {
      pairs.push_back(absl::StrCat(tokens[i], " ", tokens[i + 1]));
    }
  }
  return pairs;
}

// The collection's most common languages that the analysis knows, with
// their document counts (dead slots included, as MainLanguageOf counts).
std::vector<std::pair<std::string, size_t>> CommonLanguages(const IndexData& index) {
  std::vector<std::pair<std::string, size_t>> languages;
  auto values = index.keywords().find("language");
  if (values == index.keywords().end()) return languages;
  for (const auto& [value, docs] : values->second) {
    if (docs.empty() || !AnalysisLanguageOf(value).ok()) continue;
    languages.push_back({value, docs.size()});
  }
  std::sort(languages.begin(), languages.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  if (languages.size() > kMaxWordOrderLanguages) languages.resize(kMaxWordOrderLanguages);
  return languages;
}

}  // namespace

std::string QueryLanguageByWordOrder(absl::string_view query_string, const IndexData& index,
                                     TextAnalyzer& analyzer, const QueryLimits& limits,
                                     const ScoringOptions& scoring,
                                     const std::string& main_language) {
  const std::vector<std::string> pairs = AdjacentPairs(query_string);
  if (pairs.empty()) return main_language;
  const std::vector<std::pair<std::string, size_t>> languages = CommonLanguages(index);
  // One language, nothing to choose: no phrase is read.
  if (languages.size() < 2) return main_language;
  std::string best = main_language;
  double best_rate = 0;
  double main_rate = 0;
  for (const auto& [language, documents] : languages) {
    QueryEvaluator evaluator(index, analyzer, limits, scoring);
    size_t held = 0;
    for (const std::string& pair : pairs) {
      Query in_order;
      auto* phrase = in_order.mutable_boolean()->add_must()->mutable_phrase();
      phrase->set_text(pair);
      phrase->set_language(language);
      auto* only = in_order.mutable_boolean()->add_filter()->mutable_term();
      only->set_field("language");
      only->set_value(language);
      // A pair the language cannot analyse (nothing left of a word) holds
      // nowhere; the query itself reports its own errors.
      absl::StatusOr<DocList> holding = evaluator.Evaluate(in_order, "query");
      if (holding.ok()) held += holding->size();
    }
    const double rate = static_cast<double>(held) / static_cast<double>(documents);
    if (language == main_language) main_rate = rate;
    if (rate > best_rate) {
      best_rate = rate;
      best = language;
    }
  }
  return best_rate > main_rate ? best : main_language;
}

}  // namespace docsearch::query
