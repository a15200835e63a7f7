// CompareSets on a coordinator, in rounds over the shards (TallySets):
//
//   1. each shard evaluates both queries, samples up to max_documents of its
//      matches and returns its keys (terms, phrases) in most documents of
//      each side, kCandidateFactor × max_terms + 10 per side and kind, with
//      the most documents any key it left out is in;
//   2. the sample is split over the shards in proportion to their matches
//      (all of them when a side has at most max_documents), and every shard
//      returns the exact counts of the union of the candidates on its part;
//   3. only when round one's bounds cannot prove that no key left out could
//      enter a list: every key in at least ceil(K / shards) documents of a
//      shard's side, K being the fewest documents with which a key absent
//      from every other shard could still reach the last place (G² is
//      largest when the other side has none), then
//   4. the exact counts of the keys round three found.
//
// The coordinator adds the counts and ranks them as one node does (G² on
// the summed document counts, ties by key, the readable form most documents
// use), so the lists equal one node's whenever each side's matches fit in
// max_documents (default 2000). Beyond it, each shard samples its part
// evenly over its own matches: as representative as one node's sample, with
// the same sizes, but not the same documents.
#ifndef DOCSEARCH_QUERY_SERVICE_COORDINATOR_CLUSTER_SET_COMPARISON_H_
#define DOCSEARCH_QUERY_SERVICE_COORDINATOR_CLUSTER_SET_COMPARISON_H_

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "docsearch/v1/comparison.pb.h"
#include "query_service/coordinator/shard_caller.h"

namespace docsearch::query {

// Candidates per side and kind a shard returns in round one, per term asked.
inline constexpr int kCandidateFactor = 4;

// `total` documents split over shards holding `matching[s]` each, in
// proportion (largest remainders, ties to the lower shard); each part at
// most its shard's matches.
std::vector<int64_t> SplitSample(const std::vector<int64_t>& matching, int64_t total);

absl::StatusOr<docsearch::v1::CompareSetsResponse> CompareSetsAcrossShards(
    const ShardCaller& caller, const docsearch::v1::CompareSetsRequest& request,
    absl::Time deadline);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_COORDINATOR_CLUSTER_SET_COMPARISON_H_
