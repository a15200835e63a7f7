// The comparison RPCs on a coordinator (query_service --role=coordinator):
// each answers as one node holding every document would (docs/SCALING.md,
// "Comparisons across shards"):
//
//   CompareDocuments    both documents fetched from their owning shards and
//                       compared here, idf from the document frequencies
//                       summed over the shards.
//   FindSimilar         the source resolved here, its terms weighed with the
//                       summed statistics; each shard scores its documents
//                       with those weights and the cluster's field lengths;
//                       the pages merged by (score, id).
//   TermTrend           the shards' series summed period by period.
//   CompareSets         in cluster_set_comparison.h.
//   FindNearDuplicates  with an id: its fingerprint broadcast, each shard
//                       returns the documents near it; without: every
//                       shard's fingerprints, paired here by the same LSH.
//
// Errors: those of the single-node RPC (a shard's validation answer is
// passed on), or UNAVAILABLE when a shard has no replica answering.
//
// Thread safety: thread-safe (no state beyond the caller).
#ifndef DOCSEARCH_QUERY_SERVICE_COORDINATOR_CLUSTER_COMPARISONS_H_
#define DOCSEARCH_QUERY_SERVICE_COORDINATOR_CLUSTER_COMPARISONS_H_

#include <functional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "docsearch/v1/comparison.pb.h"
#include "docsearch/v1/document.pb.h"
#include "docsearch/v1/shard_service.pb.h"
#include "query_service/compare/document_comparer.h"
#include "query_service/compare/term_vectors.h"
#include "query_service/coordinator/shard_caller.h"

namespace docsearch::query {

class ClusterComparisons {
 public:
  // `caller` is not owned.
  explicit ClusterComparisons(const ShardCaller* caller) : caller_(caller) {}

  absl::StatusOr<docsearch::v1::CompareDocumentsResponse> CompareDocuments(
      const docsearch::v1::CompareDocumentsRequest& request, absl::Time deadline) const;
  absl::StatusOr<docsearch::v1::FindSimilarResponse> FindSimilar(
      const docsearch::v1::FindSimilarRequest& request, absl::Time deadline) const;
  absl::StatusOr<docsearch::v1::TermTrendResponse> TermTrend(
      const docsearch::v1::TermTrendRequest& request, absl::Time deadline) const;
  absl::StatusOr<docsearch::v1::FindNearDuplicatesResponse> FindNearDuplicates(
      const docsearch::v1::FindNearDuplicatesRequest& request, absl::Time deadline) const;

  // The stored document `id` from its owning shard; NOT_FOUND as
  // "<path>.id: no document with id '...'".
  absl::StatusOr<docsearch::v1::Document> FetchDocument(const std::string& id,
                                                        const std::string& path,
                                                        absl::Time deadline) const;

 private:
  // A side resolved as compare::ResolveSide does, the document fetched from
  // its shard.
  absl::StatusOr<compare::SideText> ResolveSide(const docsearch::v1::ComparisonSide& side,
                                                const std::string& path, absl::Time deadline) const;
  // Runs `work` with the collection statistics summed over the shards: once
  // to learn which terms it looks up, then with their frequencies fetched
  // (again if it asked for more).
  absl::Status WithClusterStatistics(
      absl::Time deadline, const std::function<void(const compare::TermStatistics&)>& work,
      docsearch::v1::CollectionStatisticsMessage* totals = nullptr) const;

  const ShardCaller* const caller_;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_COORDINATOR_CLUSTER_COMPARISONS_H_
