// CompareSets: what distinguishes the documents of one typed query from
// those of another (e.g. 2001 against 2003, speeches against communiqués).
//
// Both queries (typed, or query strings parsed like Search's) are evaluated
// like Search queries; up to max_documents of each side, spread evenly over
// its matches in index order, are tallied: content words, and phrases of
// two words or more (phrase_extractor.h). A term or phrase is significant
// for the side where it is in a larger share of the documents; its score is
// Dunning's log-likelihood ratio G² on the 2×2 table of documents with and
// without it on each side (3.84: p < 0.05; 10.83: p < 0.001). Document
// counts rather than occurrences, so one long document repeating a word
// does not make it typical of its set.
//
// Two ways to the same answer:
//   - CompareTalliedSets adds the per-document tallies computed at indexing
//     (document_vectors.h): milliseconds, inside SearchIndex::Read;
//   - CompareAnalyzedSets analyzes copies of the documents at request time
//     (~0.4 ms per document, without the lock), for an index without
//     DocumentVectors attached.
//
// Errors: INVALID_ARGUMENT naming the field ("a or query_string_a is
// required", the query's field path, "query_string_b: position 7: ...",
// "max_terms ...").
#ifndef DOCSEARCH_QUERY_SERVICE_COMPARE_SET_COMPARER_H_
#define DOCSEARCH_QUERY_SERVICE_COMPARE_SET_COMPARER_H_

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "absl/status/statusor.h"
#include "common/text_analyzer.h"
#include "docsearch/v1/comparison.pb.h"
#include "query_service/compare/document_vectors.h"
#include "query_service/index/index_data.h"
#include "query_service/search/index_snapshot.h"
#include "query_service/search/query_evaluator.h"

namespace docsearch::query::compare {

inline constexpr int kMaxSetTerms = 1000;
inline constexpr int kMaxSetDocuments = 100000;
// Per side when the request leaves max_documents 0 (as before the
// index-time tallies): adding a document's tallies costs ~1-2 µs, and a
// sample of 2000 a side keeps CompareSets near its 20 ms target at 100k
// documents (docs/BENCHMARKS.md) while its G² already separates shares a
// few points apart.
inline constexpr int kDefaultSetDocuments = 2000;

// G² of k1 of n1 against k2 of n2 (0 when either side is empty).
double LogLikelihoodRatio(int64_t k1, int64_t n1, int64_t k2, int64_t n2);

// The documents of both sides.
struct SelectedSets {
  int64_t matching[2] = {0, 0};  // Documents matching each query.
  std::vector<DocId> sample[2];  // At most max_documents, ascending.
  size_t max_terms = 20;
};

// Validates `request` and evaluates both queries. Call inside SearchIndex::Read.
// `samples`, when given, replaces max_documents for each side (a shard's
// part of a cluster-wide sample; 0 tallies nothing).
absl::StatusOr<SelectedSets> SelectSets(
    const docsearch::v1::CompareSetsRequest& request, IndexSnapshot index, TextAnalyzer& analyzer,
    const QueryLimits& limits, const std::optional<std::array<size_t, 2>>& samples = std::nullopt);

// The answer from the index-time tallies. Call inside SearchIndex::Read;
// `vectors` must be the annex of the index `sets` was selected from.
docsearch::v1::CompareSetsResponse CompareTalliedSets(const SelectedSets& sets,
                                                      const DocumentVectors& vectors);

// Copies of the sampled documents, for CompareAnalyzedSets.
struct SetDocuments {
  int64_t matching[2] = {0, 0};
  std::vector<docsearch::v1::Document> documents[2];
  size_t max_terms = 20;
};

// Copies the sample out of the index (decompressing each). Call inside
// SearchIndex::Read.
absl::StatusOr<SetDocuments> CopySetDocuments(const SelectedSets& sets, IndexSnapshot index);

// The answer by analyzing the copies at request time. Needs no lock.
docsearch::v1::CompareSetsResponse CompareAnalyzedSets(const SetDocuments& sets,
                                                       TextAnalyzer& analyzer);

}  // namespace docsearch::query::compare

#endif  // DOCSEARCH_QUERY_SERVICE_COMPARE_SET_COMPARER_H_
