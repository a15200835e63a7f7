// The cluster map, kept in JetStream key-value buckets rather than in
// flags, so that membership lives in the replicated engine:
//
//   cluster_config  "shards" -> the shard count, written once with
//                   create-if-absent (compare and set on absence): every
//                   process of the cluster agrees on it or refuses to start.
//   cluster_map     "replica.<shard>.<hex address>" -> the replica's
//                   address. A query service writes its key only once it has
//                   caught up with the shard's stream and rewrites it every
//                   heartbeat; the bucket's TTL removes the key of a
//                   replica that stopped heartbeating, and a replica that
//                   stops cleanly deletes its own.
//
// Thread safety: thread-safe.
#ifndef DOCSEARCH_CLUSTER_CLUSTER_MAP_H_
#define DOCSEARCH_CLUSTER_CLUSTER_MAP_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "cluster/jetstream.h"
#include "cluster/key_value_bucket.h"

namespace docsearch::cluster {

struct ClusterMapOptions {
  // JetStream replicas of the buckets (as the shards' streams).
  int replicas = 1;
  // A replica's key expires this long after its last heartbeat.
  absl::Duration replica_ttl = absl::Seconds(10);
};

class ClusterMap {
 public:
  static absl::StatusOr<std::unique_ptr<ClusterMap>> Open(JetStream* jetstream,
                                                          const ClusterMapOptions& options);

  // Records `shard_count` as the cluster's when none is recorded yet;
  // FAILED_PRECONDITION when another count is.
  absl::Status EnsureShardCount(uint32_t shard_count);
  // The recorded shard count; FAILED_PRECONDITION when none is (no ingest
  // service has created the cluster yet).
  absl::StatusOr<uint32_t> ShardCount();

  // Announces (or renews) `address` as a caught-up replica of `shard`.
  absl::Status Announce(uint32_t shard, const std::string& address);
  // Removes the announcement.
  absl::Status Withdraw(uint32_t shard, const std::string& address);
  // Every announced replica, by shard; addresses sorted.
  absl::StatusOr<std::map<uint32_t, std::vector<std::string>>> Replicas();

 private:
  ClusterMap(std::unique_ptr<KeyValueBucket> config, std::unique_ptr<KeyValueBucket> replicas)
      : config_(std::move(config)), replicas_(std::move(replicas)) {}

  std::unique_ptr<KeyValueBucket> config_;
  std::unique_ptr<KeyValueBucket> replicas_;
};

}  // namespace docsearch::cluster

#endif  // DOCSEARCH_CLUSTER_CLUSTER_MAP_H_
