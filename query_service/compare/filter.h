// The optional typed filter of the comparison RPCs, as a DocId bitmap.
#ifndef DOCSEARCH_QUERY_SERVICE_COMPARE_FILTER_H_
#define DOCSEARCH_QUERY_SERVICE_COMPARE_FILTER_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "common/text_analyzer.h"
#include "docsearch/v1/query.pb.h"
#include "query_service/index/index_data.h"
#include "query_service/search/query_evaluator.h"

namespace docsearch::query::compare {

// By DocId: true for live documents matching `query` (every live document
// when `query` is null). Errors are the evaluator's INVALID_ARGUMENT, with
// `path` ("filter") at the start of the field path.
absl::StatusOr<std::vector<bool>> EvaluateFilter(const docsearch::v1::Query* query,
                                                 const std::string& path, const IndexData& index,
                                                 TextAnalyzer& analyzer, const QueryLimits& limits);

}  // namespace docsearch::query::compare

#endif  // DOCSEARCH_QUERY_SERVICE_COMPARE_FILTER_H_
