// Which algorithm runs a search: decided here, once, from the query's shape
// and what the response needs, instead of partly in SearchIndex (whether
// pruning is allowed) and partly in the evaluator (which shapes prune).
//
//   kMaxScore      an OR match query (minimum_should_match at most 1), alone
//                  or as the one `must` clause of a bool whose other clauses
//                  only filter (filter, must_not): max_score.h
//   kConjunction   the same with an AND match: conjunction_scorer.h
//   kPhrase        a phrase query naming one field: phrase_scorer.h
//   kExhaustive    everything else, and every search that needs all of its
//                  matches (facets, date histogram, exact total, sort by
//                  date): every match is scored, then the page sorted out
//
// Two refusals depend on analysing the query and so are found by the top-k
// algorithm itself, which then hands the search to exhaustive evaluation:
// a match whose minimum_should_match exceeds its word count (evaluation
// reports the error), and a phrase that analyses to no word.
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_QUERY_PLANNER_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_QUERY_PLANNER_H_

#include <string>

#include "docsearch/v1/query.pb.h"
#include "query_service/search/query_evaluator.h"

namespace docsearch::query {

enum class TopKAlgorithm { kExhaustive, kMaxScore, kConjunction, kPhrase };

struct QueryPlan {
  TopKAlgorithm algorithm = TopKAlgorithm::kExhaustive;
  // For the top-k algorithms: the match or phrase query they score, and its
  // path in error messages.
  const docsearch::v1::Query* scored = nullptr;
  std::string scored_path;
  // The bool query whose filter and must_not clauses test each candidate,
  // and its path; null when the scored query stands alone.
  const docsearch::v1::BoolQuery* filters = nullptr;
  std::string filters_path;
};

// The plan for `query` (at `path`). `needs_every_match`: the response
// counts or sorts every match, so nothing may be pruned.
QueryPlan PlanQuery(const docsearch::v1::Query& query, const std::string& path,
                    bool needs_every_match, const QueryLimits& limits);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_QUERY_PLANNER_H_
