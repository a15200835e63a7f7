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

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "common/text_analyzer.h"
#include "docsearch/v1/comparison.pb.h"
#include "query_service/compare/analyzed_text.h"
#include "query_service/compare/term_vectors.h"
#include "query_service/index/index_data.h"
#include "query_service/search/index_snapshot.h"
#include "query_service/search/query_evaluator.h"

namespace docsearch::query::compare {

inline constexpr int kMaxSimilarResults = 1000;
inline constexpr int kMaxSimilarQueryTerms = 200;

// The steps of FindSimilar, for a coordinator that resolves the source and
// weighs its terms with cluster-wide statistics, then has each shard score
// its documents (ScoreSimilar) with them.
struct SimilarTerm {
  std::string term;     // Analyzed.
  std::string surface;  // The source's most frequent form.
  double weight = 0;    // tf-idf in the source.
};

// Live documents and text field lengths: the BM25 length normalization.
struct SimilarStatistics {
  uint64_t document_count = 0;
  uint64_t title_total_length = 0;
  uint64_t body_total_length = 0;
};

// INVALID_ARGUMENT naming the field, or OK.
absl::Status ValidateFindSimilar(const docsearch::v1::FindSimilarRequest& request);

// The source's `max_terms` words of highest tf-idf weight, highest first.
std::vector<SimilarTerm> ChooseSimilarTerms(const AnalyzedText& source,
                                            const TermStatistics& statistics, size_t max_terms);

SimilarStatistics LocalSimilarStatistics(IndexSnapshot index);

// The documents of `index` passing `filter` (every live one when null),
// except `exclude`, scored with `terms`; the best `max_results`, with
// total_size counting every candidate. Call inside SearchIndex::Read.
absl::StatusOr<docsearch::v1::FindSimilarResponse> ScoreSimilar(
    const std::vector<SimilarTerm>& terms, const docsearch::v1::Query* filter,
    std::optional<DocId> exclude, size_t max_results, const SimilarStatistics& statistics,
    IndexSnapshot index, TextAnalyzer& analyzer, const QueryLimits& limits,
    const ScoringOptions& scoring);

absl::StatusOr<docsearch::v1::FindSimilarResponse> FindSimilar(
    const docsearch::v1::FindSimilarRequest& request, IndexSnapshot index, TextAnalyzer& analyzer,
    const QueryLimits& limits, const ScoringOptions& scoring);

}  // namespace docsearch::query::compare

#endif  // DOCSEARCH_QUERY_SERVICE_COMPARE_SIMILAR_FINDER_H_
