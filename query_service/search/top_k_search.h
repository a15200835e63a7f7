// Runs the top-k algorithm a plan chose (query_planner.h): binds the
// scored match or phrase (query_binder.h), builds its scorers (scorer.h)
// and the filters' test of each candidate, and hands them to the top-k
// algorithm that prunes: MaxScore over the words' cursors (max_score.h),
// or one pruning scorer's top k (scorer_top_k.h) for a block-max
// conjunction (conjunction_scorer.h) or a phrase (phrase_scorer.h). The
// scorers are those exhaustive evaluation reads, so hits score exactly
// what it gives them.
//
// Thread safety: one search's, like the evaluator and binder it uses.
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_TOP_K_SEARCH_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_TOP_K_SEARCH_H_

#include <functional>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "docsearch/v1/query.pb.h"
#include "query_service/search/query_binder.h"
#include "query_service/search/scored_doc.h"

namespace docsearch::query {

class QueryEvaluator;
struct QueryPlan;

class TopKSearch {
 public:
  // `evaluator` evaluates the plan's filters; `binder` is the evaluator's.
  TopKSearch(QueryEvaluator& evaluator, QueryBinder& binder)
      : evaluator_(evaluator), binder_(binder) {}

  // The top `k` matches by `before` among those `eligible`; nullopt when
  // the plan is exhaustive or analysis shows its algorithm cannot run
  // (query_planner.h): the caller then evaluates in full.
  absl::StatusOr<std::optional<TopK>> Run(
      const QueryPlan& plan, size_t k,
      const std::function<bool(const ScoredDoc&, const ScoredDoc&)>& before,
      const std::function<bool(const ScoredDoc&)>& eligible);

 private:
  // A phrase in one field (phrase_scorer.h).
  absl::StatusOr<std::optional<TopK>> TopPhrase(
      const docsearch::v1::PhraseQuery& phrase, const std::string& path, size_t k,
      const std::function<bool(const ScoredDoc&, const ScoredDoc&)>& before,
      const std::function<bool(const ScoredDoc&)>& eligible);

  QueryEvaluator& evaluator_;
  QueryBinder& binder_;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_TOP_K_SEARCH_H_
