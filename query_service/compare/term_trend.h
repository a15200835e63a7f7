// TermTrend: how often terms and phrases are used per year or month.
//
// Each requested term is analyzed like query text (in the request's
// language); a single word counts its occurrences in title and body, a
// phrase its exact occurrences (consecutive positions). Documents are
// bucketed by their published date; every period from the earliest to the
// latest dated document passing the filter is reported, with zeros where the
// term is absent, and with the number of documents of the period so that
// callers can plot shares rather than counts.
//
// Errors: INVALID_ARGUMENT naming the field ("terms is required",
// "terms[1] has no words", "interval must be INTERVAL_YEAR or
// INTERVAL_MONTH", or the filter's field path).
#ifndef DOCSEARCH_QUERY_SERVICE_COMPARE_TERM_TREND_H_
#define DOCSEARCH_QUERY_SERVICE_COMPARE_TERM_TREND_H_

#include "absl/status/statusor.h"
#include "common/text_analyzer.h"
#include "docsearch/v1/comparison.pb.h"
#include "query_service/index/index_data.h"
#include "query_service/search/query_evaluator.h"

namespace docsearch::query::compare {

inline constexpr int kMaxTrendTerms = 64;

absl::StatusOr<docsearch::v1::TermTrendResponse> TermTrend(
    const docsearch::v1::TermTrendRequest& request, const IndexData& index, TextAnalyzer& analyzer,
    const QueryLimits& limits);

}  // namespace docsearch::query::compare

#endif  // DOCSEARCH_QUERY_SERVICE_COMPARE_TERM_TREND_H_
