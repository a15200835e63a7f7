#include "query_service/compare/filter.h"

namespace docsearch::query::compare {

absl::StatusOr<std::vector<bool>> EvaluateFilter(const docsearch::v1::Query* query,
                                                 const std::string& path, IndexSnapshot index,
                                                 TextAnalyzer& analyzer,
                                                 const QueryLimits& limits) {
  if (query == nullptr) return index->live();
  QueryEvaluator evaluator(*index, analyzer, limits, ScoringOptions{});
  absl::StatusOr<DocList> matches = evaluator.Evaluate(*query, path);
  if (!matches.ok()) return matches.status();
  std::vector<bool> allowed(index->live().size(), false);
  for (const ScoredDoc& match : *matches) allowed[match.doc] = true;
  return allowed;
}

}  // namespace docsearch::query::compare
