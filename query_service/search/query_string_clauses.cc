#include "query_service/search/query_string_clauses.h"

#include <algorithm>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace docsearch::query {
namespace {

using docsearch::v1::Query;

// Whether every clause is a proximity phrase (only they carry a boost).
bool AllProximity(const std::vector<Query>& clauses) {
  for (const Query& clause : clauses) {
    if (clause.kind_case() != Query::kPhrase || clause.phrase().boost() == 0) return false;
  }
  return true;
}

// The proximity phrases of a sequence of typed words (bare words and
// compounds, in the order typed): one per adjacent pair, none with a
// function word of the query's language unless every word is one ("to be
// or not to be").
std::vector<Query> ProximityPairs(const std::vector<std::string>& words,
                                  const QueryStringOptions& options) {
  std::vector<bool> function_word(words.size(), false);
  if (options.is_function_word) {
    for (size_t i = 0; i < words.size(); ++i) function_word[i] = options.is_function_word(words[i]);
    if (std::all_of(function_word.begin(), function_word.end(), [](bool f) { return f; })) {
      function_word.assign(function_word.size(), false);
    }
  }
  std::vector<Query> pairs;
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    if (function_word[i] || function_word[i + 1]) continue;
    Query pair;
    pair.mutable_phrase()->set_text(absl::StrCat(words[i], " ", words[i + 1]));
    pair.mutable_phrase()->set_boost(options.proximity_boost);
    pairs.push_back(std::move(pair));
  }
  return pairs;
}

// The typed sequence the proximity phrases are made from, when the scoring
// part of the group is only optional bare words and compounds (a text
// field, quotes or "+" make it a structured query whose author chose the
// phrases); empty otherwise. Exclusions and filters stand aside.
std::vector<std::string> TypedSequence(const std::vector<QueryStringClause>& clauses,
                                       const QueryStringOptions& options) {
  std::vector<std::string> words;
  if (options.default_and) return words;
  for (const QueryStringClause& clause : clauses) {
    if (clause.negated || !clause.scoring) continue;
    if (clause.required) return {};
    if (clause.bare_word) {
      words.push_back(clause.query.match().text());
    } else if (!clause.compound.empty()) {
      words.push_back(clause.compound);
    } else {
      return {};
    }
  }
  return words;
}

}  // namespace

Query CombineClauses(std::vector<QueryStringClause> clauses, bool top_level,
                     const QueryStringOptions& options) {
  std::vector<std::string> sequence;
  if (top_level && options.proximity_boost > 0) sequence = TypedSequence(clauses, options);
  // A compound the group scores (a negated one stands aside).
  const bool has_compound = std::any_of(clauses.begin(), clauses.end(), [](const auto& clause) {
    return !clause.compound.empty() && !clause.negated && clause.scoring;
  });
  std::vector<Query> required, optional, filters, excluded;
  std::vector<std::string> optional_words;
  for (QueryStringClause& clause : clauses) {
    if (clause.negated) {
      excluded.push_back(std::move(clause.query));
    } else if (!clause.scoring) {
      filters.push_back(std::move(clause.query));
    } else if (clause.required || options.default_and) {
      required.push_back(std::move(clause.query));
    } else if (clause.bare_word) {
      optional_words.push_back(clause.query.match().text());
    } else {
      optional.push_back(std::move(clause.query));
    }
  }
  const int minimum = top_level ? options.minimum_should_match : 0;
  Query query;
  auto* boolean = query.mutable_boolean();
  if (!optional_words.empty()) {
    Query words;
    words.mutable_match()->set_text(absl::StrJoin(optional_words, " "));
    if (optional.empty() && required.empty()) {
      // The words are the whole scoring part: minimum_should_match
      // applies to them directly.
      const int count = static_cast<int>(optional_words.size());
      if (minimum >= count && count > 1) {
        words.mutable_match()->set_operator_(docsearch::v1::MATCH_OPERATOR_AND);
      } else if (minimum > 1) {
        words.mutable_match()->set_minimum_should_match(minimum);
      }
      required.push_back(std::move(words));
    } else if (optional_words.size() == 1) {
      optional.push_back(std::move(words));
    } else {
      for (const std::string& word : optional_words) {
        Query single;
        single.mutable_match()->set_text(word);
        optional.push_back(std::move(single));
      }
    }
  }
  std::vector<Query> pairs = ProximityPairs(sequence, options);
  if (!pairs.empty() && has_compound && !optional.empty()) {
    // Words and compounds side by side: they keep their own matching (one
    // of them, or minimum_should_match of them) as one required group, so
    // that the phrases, which only add to the score, are not counted.
    Query group;
    auto* either = group.mutable_boolean();
    for (Query& q : optional) *either->add_should() = std::move(q);
    either->set_minimum_should_match(
        std::max(1, std::min(minimum, static_cast<int>(optional.size()))));
    optional.clear();
    required.push_back(std::move(group));
  }
  for (Query& pair : pairs) optional.push_back(std::move(pair));
  // Proximity phrases only add to the score: they never change the matches.
  // (Read before the clauses are moved into the query.)
  const bool only_proximity = AllProximity(optional);
  for (Query& q : required) *boolean->add_must() = std::move(q);
  for (Query& q : filters) *boolean->add_filter() = std::move(q);
  for (Query& q : optional) *boolean->add_should() = std::move(q);
  for (Query& q : excluded) *boolean->add_must_not() = std::move(q);
  if (!optional.empty() && !only_proximity) {
    const int count = static_cast<int>(optional.size());
    int minimum_should = std::min(minimum, count);
    if (minimum_should == 0 && required.empty() && filters.empty()) minimum_should = 1;
    boolean->set_minimum_should_match(minimum_should);
  }
  // One match and nothing else: the match itself.
  if (boolean->must_size() == 1 &&
      boolean->filter_size() + boolean->should_size() + boolean->must_not_size() == 0) {
    Query only = boolean->must(0);
    return only;
  }
  return query;
}

}  // namespace docsearch::query
