// Where the coordinator finds each shard's replicas: the cluster map
// (refreshed in the background every `refresh`), or a fixed list given on
// the command line (--shard_replicas=0=host:port,host:port;1=...), and the
// gRPC channels to them.
//
// Replicas of a shard are offered in turn (round robin), so searches spread
// over them; a caller tries the next one when one fails.
//
// Thread safety: thread-safe.
#ifndef DOCSEARCH_QUERY_SERVICE_COORDINATOR_REPLICA_DIRECTORY_H_
#define DOCSEARCH_QUERY_SERVICE_COORDINATOR_REPLICA_DIRECTORY_H_

#include <grpcpp/channel.h>

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "cluster/cluster_map.h"

namespace docsearch::query {

using ShardReplicas = std::map<uint32_t, std::vector<std::string>>;

// "0=a:1,b:2;1=c:3" -> {0: [a:1, b:2], 1: [c:3]}; INVALID_ARGUMENT naming
// --shard_replicas otherwise.
absl::StatusOr<ShardReplicas> ParseShardReplicas(const std::string& text);

class ReplicaDirectory {
 public:
  // Fixed replicas for `shard_count` shards.
  ReplicaDirectory(uint32_t shard_count, ShardReplicas fixed);
  // Replicas from `cluster_map` (not owned), re-read every `refresh`.
  ReplicaDirectory(uint32_t shard_count, cluster::ClusterMap* cluster_map, absl::Duration refresh);
  ~ReplicaDirectory();

  uint32_t shard_count() const { return shard_count_; }

  // `shard`'s replicas, starting with the next in turn.
  std::vector<std::string> ReplicasOf(uint32_t shard);

  // The channel to `address`, made once.
  std::shared_ptr<grpc::Channel> ChannelTo(const std::string& address);

 private:
  void Refresh();

  const uint32_t shard_count_;
  cluster::ClusterMap* const cluster_map_ = nullptr;
  absl::Mutex mu_;
  ShardReplicas replicas_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<std::string, std::shared_ptr<grpc::Channel>> channels_ ABSL_GUARDED_BY(mu_);
  // The next turn of each shard: one counter per shard, so that the calls
  // of one search (several per shard) do not always land on the same
  // replica of a shard.
  std::unique_ptr<std::atomic<uint64_t>[]> turns_;
  absl::Notification stop_;
  std::thread refresher_;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_COORDINATOR_REPLICA_DIRECTORY_H_
