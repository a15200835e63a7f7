// FindSimilar: more-like-this from a stored document or free text.
//
// The source is reduced to its max_query_terms content words of highest
// tf-idf weight (the same weights as CompareDocuments). Each live document
// passing the filter scores Σ weight(t) × BM25 saturation of t's frequency
// in its body and title (title boosted as in Search), so a document that
// uses the source's distinctive words often, in a short text, ranks first.
// The source document itself is never a hit. Ties are broken by id.
//
// Errors: INVALID_ARGUMENT naming the field ("like needs an id or a text",
// "max_results ..."), or the filter's field path; NOT_FOUND for an unknown
// like.id.
#ifndef DOCSEARCH_QUERY_SERVICE_COMPARE_SIMILAR_FINDER_H_
#define DOCSEARCH_QUERY_SERVICE_COMPARE_SIMILAR_FINDER_H_

#include "absl/status/statusor.h"
#include "common/text_analyzer.h"
#include "docsearch/v1/comparison.pb.h"
#include "query_service/index/index_data.h"
#include "query_service/search/query_evaluator.h"

namespace docsearch::query::compare {

inline constexpr int kMaxSimilarResults = 1000;
inline constexpr int kMaxSimilarQueryTerms = 200;

absl::StatusOr<docsearch::v1::FindSimilarResponse> FindSimilar(
    const docsearch::v1::FindSimilarRequest& request, const IndexData& index,
    TextAnalyzer& analyzer, const QueryLimits& limits, const ScoringOptions& scoring);

}  // namespace docsearch::query::compare

#endif  // DOCSEARCH_QUERY_SERVICE_COMPARE_SIMILAR_FINDER_H_
