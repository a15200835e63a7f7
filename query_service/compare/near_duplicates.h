// FindNearDuplicates: documents that are near-copies of each other, such as
// the same statement republished under a new "Updated:" header.
//
// Resemblance is the MinHash estimate of the Jaccard resemblance of word
// 3-shingle sets of the body (common/text_fingerprint.h). A document's
// fingerprint stored at ingest (Document.fingerprint) is used as it is; one
// written without it gets it computed here from its paragraphs, by the same
// scheme, so stored and computed fingerprints compare with each other.
//
// With an id: that document against every other live document passing the
// filter (linear). Without: every pair above the threshold, found by
// locality-sensitive hashing (32 bands of 2 MinHash rows: a pair at
// resemblance 0.5 becomes a candidate with probability > 0.999, at 0.3 with
// 0.95), each candidate then checked on the full signature.
//
// Errors: INVALID_ARGUMENT naming the field ("min_resemblance ...",
// "max_results ...", or the filter's field path); NOT_FOUND for an unknown
// id.
#ifndef DOCSEARCH_QUERY_SERVICE_COMPARE_NEAR_DUPLICATES_H_
#define DOCSEARCH_QUERY_SERVICE_COMPARE_NEAR_DUPLICATES_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "common/text_analyzer.h"
#include "docsearch/v1/comparison.pb.h"
#include "query_service/index/index_data.h"
#include "query_service/search/index_snapshot.h"
#include "query_service/search/query_evaluator.h"

namespace docsearch::query::compare {

inline constexpr int kMaxNearDuplicatePairs = 10000;

// The documents to compare, copied out of the index: their stored
// fingerprints (a column of the document store: no decompression), or, for
// a document stored without one, its fingerprinted text, to fingerprint
// without the index lock. Titles are read afterwards, only for the pairs
// shown (FillNearDuplicateTitles).
struct NearDuplicateCandidates {
  struct Entry {
    std::string id;
    DocId doc = 0;  // Its slot; a slot's document never changes.
    docsearch::v1::Fingerprint fingerprint;
    // FingerprintedText of a document stored without a fingerprint; the
    // fingerprint is computed from it (then it is cleared).
    std::optional<std::string> text;
  };
  std::vector<Entry> entries;  // The requested document first, if any.
  bool has_source = false;
  double threshold = 0.8;
  size_t max_results = 100;
};

// INVALID_ARGUMENT naming min_resemblance or max_results, or OK.
absl::Status ValidateNearDuplicates(const docsearch::v1::FindNearDuplicatesRequest& request);

// Validates `request` and selects the documents. Call inside SearchIndex::Read.
absl::StatusOr<NearDuplicateCandidates> SelectNearDuplicateCandidates(
    const docsearch::v1::FindNearDuplicatesRequest& request, IndexSnapshot index,
    TextAnalyzer& analyzer, const QueryLimits& limits);

// The near-duplicate pairs among the candidates, without titles. Needs no
// lock.
docsearch::v1::FindNearDuplicatesResponse FindNearDuplicatePairs(
    NearDuplicateCandidates& candidates);

// Sets the titles of `response`'s pairs from the candidates' slots (each
// decompressed once). Call inside SearchIndex::Read.
absl::Status FillNearDuplicateTitles(const NearDuplicateCandidates& candidates, IndexSnapshot index,
                                     docsearch::v1::FindNearDuplicatesResponse* response);

}  // namespace docsearch::query::compare

#endif  // DOCSEARCH_QUERY_SERVICE_COMPARE_NEAR_DUPLICATES_H_
