// The near-duplicate cluster of documents spread over shards, found by a
// breadth-first walk of the shards' duplicate graphs: each hit's compact
// signature and canonical key from its owner, then rounds in which the
// signatures of the members found in the previous round go to every shard
// at once (ShardComparisonService.GetNearDuplicates), each answering the
// live documents its graph's band index joins to them. A round that finds
// nothing new ends the walk; union-find over the edges reported gives the
// connected components, as one node holding every document keeps them
// (compare/duplicate_clusters.h): the same edges (same signatures, bands
// and threshold), the same canonical member (CanonicalBefore).
//
// The members found are remembered for the walk's lifetime (one Search
// call), so the batches of one collapsed search walk each cluster once.
// At most kMaxWalkMembers documents are collected per walk: a cluster
// larger than that (or hits whose clusters together are) is cut, its
// duplicate_count then a lower bound and its canonical the best of those
// found.
//
// A search with allow_partial that left shards out has the walk leave them
// out too (LeaveOut): the clusters are then those of the shards that
// answered.
//
// Errors: the shards' (FAILED_PRECONDITION when one keeps no clusters);
// FAILED_PRECONDITION when shards use different --duplicate_resemblance.
//
// Thread safety: one call's.
#ifndef DOCSEARCH_QUERY_SERVICE_COORDINATOR_CLUSTER_DUPLICATE_WALK_H_
#define DOCSEARCH_QUERY_SERVICE_COORDINATOR_CLUSTER_DUPLICATE_WALK_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "docsearch/v1/shard_comparison.pb.h"
#include "query_service/compare/duplicate_graph.h"
#include "query_service/coordinator/shard_caller.h"
#include "query_service/server/collapse_scan.h"

namespace docsearch::query {

inline constexpr size_t kMaxWalkMembers = 20000;

class ClusterDuplicateWalk {
 public:
  // `caller` is not owned.
  ClusterDuplicateWalk(const ShardCaller* caller, absl::Time deadline)
      : caller_(caller), deadline_(deadline) {}

  // The cluster of each of `ids` (empty cluster_id: in none, or no longer
  // stored), as collapse_duplicates shows it on a hit.
  absl::StatusOr<std::vector<HitCluster>> ClustersOf(const std::vector<std::string>& ids);

  // Asks `shard` nothing from now on (a shard the search left out).
  void LeaveOut(uint32_t shard) { left_out_.insert(shard); }

  // Walks run so far (rounds to every shard), for tests and logs.
  int rounds() const { return rounds_; }

 private:
  struct Node {
    compare::DuplicateMember member;
    std::optional<compare::CompactSignature> signature;
    bool expanded = false;
  };

  // Adds the member answered by a shard, unless known; its index.
  absl::StatusOr<size_t> AddNode(const docsearch::v1::DuplicateGraphMember& member);
  absl::Status CheckThreshold(double threshold);
  size_t Find(size_t node);
  void Union(size_t a, size_t b);

  const ShardCaller* const caller_;
  const absl::Time deadline_;
  std::vector<Node> nodes_;
  std::vector<size_t> parent_;
  absl::flat_hash_map<std::string, size_t> node_of_;
  // Ids asked of their owners and not stored there.
  absl::flat_hash_set<std::string> absent_;
  absl::flat_hash_set<uint32_t> left_out_;
  std::optional<double> threshold_;
  int rounds_ = 0;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_COORDINATOR_CLUSTER_DUPLICATE_WALK_H_
