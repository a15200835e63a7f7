// CompareSets: what distinguishes the documents of one typed query from
// those of another (e.g. 2001 against 2003, speeches against communiqués).
//
// Both queries are evaluated like Search queries; up to max_documents of
// each side (the earliest indexed) are analyzed like CompareDocuments does:
// content words, and phrases of two words or more (phrase_extractor.h). A
// term or phrase is significant for the side where it is in a larger share
// of the documents; its score is Dunning's log-likelihood ratio G² on the
// 2×2 table of documents with and without it on each side (3.84: p < 0.05;
// 10.83: p < 0.001). Document counts rather than occurrences, so one long
// document repeating a word does not make it typical of its set.
//
// Errors: INVALID_ARGUMENT naming the field ("a is required", the query's
// field path, "max_terms ...").
#ifndef DOCSEARCH_QUERY_SERVICE_COMPARE_SET_COMPARER_H_
#define DOCSEARCH_QUERY_SERVICE_COMPARE_SET_COMPARER_H_

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "common/text_analyzer.h"
#include "docsearch/v1/comparison.pb.h"
#include "query_service/index_data.h"
#include "query_service/query_evaluator.h"

namespace docsearch::query::compare {

inline constexpr int kMaxSetTerms = 1000;
inline constexpr int kMaxSetDocuments = 100000;

// G² of k1 of n1 against k2 of n2 (0 when either side is empty).
double LogLikelihoodRatio(int64_t k1, int64_t n1, int64_t k2, int64_t n2);

// The documents of both sides, copied out of the index so that the costly
// analysis runs without holding its lock (a long reader would stall the
// writers, and the readers queued behind them).
struct SelectedSets {
  int64_t matching[2] = {0, 0};                       // Documents matching each query.
  std::vector<docsearch::v1::Document> documents[2];  // At most max_documents.
  size_t max_terms = 20;
};

// Validates `request` and evaluates both queries. Call under the read lock.
absl::StatusOr<SelectedSets> SelectSets(const docsearch::v1::CompareSetsRequest& request,
                                        const IndexData& index, TextAnalyzer& analyzer,
                                        const QueryLimits& limits);

// The significant terms and phrases of the selected sets. Needs no lock.
docsearch::v1::CompareSetsResponse CompareSelectedSets(const SelectedSets& sets,
                                                       TextAnalyzer& analyzer);

}  // namespace docsearch::query::compare

#endif  // DOCSEARCH_QUERY_SERVICE_COMPARE_SET_COMPARER_H_
