#include "query_service/search/query_planner.h"

namespace docsearch::query {

using docsearch::v1::Query;

QueryPlan PlanQuery(const Query& query, const std::string& path, bool needs_every_match,
                    const QueryLimits& limits) {
  QueryPlan plan;
  if (needs_every_match) return plan;
  if (query.kind_case() == Query::kPhrase) {
    // A phrase over several fields sums per document: evaluated in full.
    if (query.phrase().field().empty()) return plan;
    plan.algorithm = TopKAlgorithm::kPhrase;
    plan.scored = &query;
    plan.scored_path = path;
    return plan;
  }
  const Query* text = &query;
  std::string text_path = path;
  if (query.kind_case() == Query::kBoolean) {
    // Filters add 0 to the score, so the top k of the match among the
    // documents the filters accept is the bool's top k.
    const docsearch::v1::BoolQuery& boolean = query.boolean();
    if (boolean.must_size() != 1 || boolean.should_size() != 0 ||
        boolean.minimum_should_match() != 0 || boolean.must(0).kind_case() != Query::kMatch ||
        1 + boolean.filter_size() + boolean.must_not_size() > limits.max_clauses) {
      return plan;
    }
    text = &boolean.must(0);
    text_path = path + ".boolean.must[0]";
    plan.filters = &boolean;
    plan.filters_path = path;
  }
  if (text->kind_case() != Query::kMatch) {
    plan.filters = nullptr;
    return plan;
  }
  const docsearch::v1::MatchQuery& match = text->match();
  if (match.operator_() == docsearch::v1::MATCH_OPERATOR_AND) {
    plan.algorithm = TopKAlgorithm::kConjunction;
  } else if (match.minimum_should_match() <= 1) {
    plan.algorithm = TopKAlgorithm::kMaxScore;
  } else {
    plan.filters = nullptr;
    return plan;
  }
  plan.scored = text;
  plan.scored_path = text_path;
  return plan;
}

}  // namespace docsearch::query
