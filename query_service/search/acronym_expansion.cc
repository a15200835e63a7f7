#include "query_service/search/acronym_expansion.h"

#include <algorithm>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_join.h"

namespace docsearch::query {
namespace {

using docsearch::v1::Query;

// A word typed as an acronym: ASCII letters, at least two upper case.
bool LooksLikeAcronym(std::string_view word) {
  return std::count_if(word.begin(), word.end(), [](char c) {
           return absl::ascii_isupper(static_cast<unsigned char>(c));
         }) >= 2;
}

void AddOnce(std::vector<std::string>& list, std::string text) {
  if (std::find(list.begin(), list.end(), text) == list.end()) list.push_back(std::move(text));
}

// The phrase queries standing for `alternatives` in the fields of `match`,
// each weighing `boost` per word of the alternative: a long form of three
// words counts about as much as the one word it replaces, not three.
std::vector<Query> AlternativeQueries(const docsearch::v1::MatchQuery& match,
                                      const std::vector<std::string>& alternatives, float boost,
                                      std::string_view language, TextAnalyzer& analyzer) {
  std::vector<Query> out;
  for (const std::string& alternative : alternatives) {
    const size_t words =
        std::max<size_t>(1, AcronymKeyWords(alternative, language, analyzer).size());
    const float weight = boost / static_cast<float>(words);
    auto add = [&](const std::string& field, float field_boost) {
      Query phrase;
      phrase.mutable_phrase()->set_field(field);
      phrase.mutable_phrase()->set_text(alternative);
      phrase.mutable_phrase()->set_boost(weight * (field_boost == 0 ? 1.0f : field_boost));
      out.push_back(std::move(phrase));
    };
    if (match.fields().empty()) add("", 1.0f);
    for (const auto& field : match.fields()) add(field.field(), field.boost());
  }
  return out;
}

Query Expand(const Query& query, const AcronymTable& table, std::string_view language,
             TextAnalyzer& analyzer, const AcronymExpansionOptions& options) {
  if (query.kind_case() == Query::kBoolean) {
    Query expanded = query;
    auto* boolean = expanded.mutable_boolean();
    for (Query& clause : *boolean->mutable_must()) {
      clause = Expand(clause, table, language, analyzer, options);
    }
    for (Query& clause : *boolean->mutable_should()) {
      clause = Expand(clause, table, language, analyzer, options);
    }
    return expanded;
  }
  if (query.kind_case() != Query::kMatch) return query;
  const docsearch::v1::MatchQuery& match = query.match();
  const std::vector<std::string> alternatives =
      AcronymAlternatives(match.text(), table, language, analyzer, options.max_alternatives);
  if (alternatives.empty()) return query;
  Query expanded;
  auto* boolean = expanded.mutable_boolean();
  const bool any_word =
      match.operator_() != docsearch::v1::MATCH_OPERATOR_AND && match.minimum_should_match() <= 1;
  if (any_word) {
    // One of the words or one alternative: the alternatives match too.
    *boolean->add_should() = query;
    boolean->set_minimum_should_match(1);
  } else {
    // The words decide what matches; alternatives only add to the score.
    *boolean->add_must() = query;
  }
  for (Query& alternative :
       AlternativeQueries(match, alternatives, options.boost, language, analyzer)) {
    *boolean->add_should() = std::move(alternative);
  }
  return expanded;
}

}  // namespace

std::vector<std::string> AcronymAlternatives(std::string_view text, const AcronymTable& table,
                                             std::string_view language, TextAnalyzer& analyzer,
                                             size_t max_alternatives) {
  std::vector<std::string> alternatives;
  std::vector<std::string> typed_acronyms;
  // Words typed as acronyms, not parts of a hyphenated compound ("NATO" in
  // "NATO-Russia" is no query word of its own).
  for (size_t i = 0; i < text.size();) {
    if (!absl::ascii_isalpha(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < text.size() && absl::ascii_isalnum(static_cast<unsigned char>(text[end]))) ++end;
    const std::string_view word = text.substr(i, end - i);
    const bool hyphenated =
        (i > 0 && text[i - 1] == '-') || (end < text.size() && text[end] == '-');
    const bool inside_word = (i > 0 && static_cast<unsigned char>(text[i - 1]) >= 0x80) ||
                             (end < text.size() && static_cast<unsigned char>(text[end]) >= 0x80);
    if (!hyphenated && !inside_word && LooksLikeAcronym(word)) {
      typed_acronyms.emplace_back(word);
      for (AcronymTable::LongForm& form : table.LongFormsOf(language, word, max_alternatives)) {
        AddOnce(alternatives, std::move(form.text));
      }
    }
    i = end;
  }
  // Runs of words that are a known long form, longest first; a word in a
  // run found is not looked up again in a shorter one.
  const std::vector<std::string> words = AcronymKeyWords(text, language, analyzer);
  std::vector<bool> covered(words.size(), false);
  const size_t longest = std::min(table.longest_key_words(), words.size());
  for (size_t length = longest; length >= 2; --length) {
    for (size_t begin = 0; begin + length <= words.size(); ++begin) {
      if (std::any_of(covered.begin() + static_cast<std::ptrdiff_t>(begin),
                      covered.begin() + static_cast<std::ptrdiff_t>(begin + length),
                      [](bool c) { return c; })) {
        continue;
      }
      const std::string key =
          absl::StrJoin(words.begin() + static_cast<std::ptrdiff_t>(begin),
                        words.begin() + static_cast<std::ptrdiff_t>(begin + length), " ");
      std::vector<std::string> acronyms = table.AcronymsOf(language, key, max_alternatives);
      if (acronyms.empty()) continue;
      std::fill(covered.begin() + static_cast<std::ptrdiff_t>(begin),
                covered.begin() + static_cast<std::ptrdiff_t>(begin + length), true);
      for (std::string& acronym : acronyms) {
        if (std::find(typed_acronyms.begin(), typed_acronyms.end(), acronym) ==
            typed_acronyms.end()) {
          AddOnce(alternatives, std::move(acronym));
        }
      }
    }
  }
  return alternatives;
}

Query ExpandAcronyms(const Query& query, const AcronymTable& table, std::string_view language,
                     TextAnalyzer& analyzer, const AcronymExpansionOptions& options) {
  if (options.boost <= 0 || table.empty()) return query;
  return Expand(query, table, language, analyzer, options);
}

}  // namespace docsearch::query
