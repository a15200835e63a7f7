#include "query_service/search/cross_language_expansion.h"

#include <utility>
#include <vector>

#include "query_service/search/cross_language_equivalents.h"

namespace docsearch::query {
namespace {

using docsearch::v1::Query;

Query Expand(const Query& query, std::string_view language, TextAnalyzer& analyzer, float boost) {
  if (query.kind_case() == Query::kBoolean) {
    Query expanded = query;
    auto* boolean = expanded.mutable_boolean();
    for (Query& clause : *boolean->mutable_must()) {
      clause = Expand(clause, language, analyzer, boost);
    }
    for (Query& clause : *boolean->mutable_should()) {
      clause = Expand(clause, language, analyzer, boost);
    }
    return expanded;
  }
  if (query.kind_case() != Query::kMatch) return query;
  const docsearch::v1::MatchQuery& match = query.match();
  const std::vector<Equivalent> equivalents =
      CrossLanguageEquivalents(match.text(), language, analyzer);
  if (equivalents.empty()) return query;
  Query expanded;
  auto* boolean = expanded.mutable_boolean();
  if (match.operator_() != docsearch::v1::MATCH_OPERATOR_AND && match.minimum_should_match() <= 1) {
    // One of the words or one equivalent: the equivalents match too.
    *boolean->add_should() = query;
    boolean->set_minimum_should_match(1);
  } else {
    // The words decide what matches; equivalents only add to the score.
    *boolean->add_must() = query;
  }
  for (const Equivalent& equivalent : equivalents) {
    auto add = [&](const std::string& field, float field_boost) {
      Query phrase;
      phrase.mutable_phrase()->set_field(field);
      phrase.mutable_phrase()->set_text(equivalent.text);
      phrase.mutable_phrase()->set_language(equivalent.language);
      phrase.mutable_phrase()->set_boost(boost * (field_boost == 0 ? 1.0f : field_boost));
      *boolean->add_should() = std::move(phrase);
    };
    if (match.fields().empty()) add("", 1.0f);
    for (const auto& field : match.fields()) add(field.field(), field.boost());
  }
  return expanded;
}

}  // namespace

Query ExpandCrossLanguage(const Query& query, std::string_view language, TextAnalyzer& analyzer,
                          float boost) {
  if (boost <= 0) return query;
  return Expand(query, language, analyzer, boost);
}

}  // namespace docsearch::query
