// The query service's roles in cluster mode (docs/SCALING.md), kept out of
// main.cc: a replica follows its shards' JetStream streams and announces
// itself in the cluster map; a coordinator holds no documents and answers
// QueryService from the replicas. Without --nats neither exists and the
// service is the single node it always was.
#ifndef DOCSEARCH_QUERY_SERVICE_CLUSTER_ROLES_H_
#define DOCSEARCH_QUERY_SERVICE_CLUSTER_ROLES_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "cluster/cluster_map.h"
#include "cluster/jetstream.h"
#include "common/grpc_server.h"
#include "query_service/replica/shard_follower.h"
#include "query_service/storage/indexer.h"

namespace docsearch::query {

struct ClusterFlags {
  std::string nats;            // NATS URLs; empty: single node.
  std::string role;            // "replica" or "coordinator".
  std::string shards;          // A replica's shards, e.g. "0,1".
  int stream_replicas = 3;     // JetStream replicas of the buckets it creates.
  std::string shard_replicas;  // A coordinator's fixed replicas, instead of the map.
  absl::Duration attempt_timeout = absl::Seconds(2);
  int max_facet_size = 1000;
  int statistics_cache_entries = 4096;
  absl::Duration shutdown_grace = absl::Seconds(5);
};

// Serves QueryService as a coordinator until a termination signal; the
// process's exit code.
int RunCoordinator(const ClusterFlags& flags, GrpcServerConfig config);

// A replica's place in the cluster: its NATS connection, the cluster map and
// the followers of its shards.
class ReplicaRole {
 public:
  // Connects and reads the applied positions of `data_dir` (empty: memory
  // only). Nothing runs before Start.
  static absl::StatusOr<std::unique_ptr<ReplicaRole>> Open(const ClusterFlags& flags,
                                                           Indexer* indexer,
                                                           const std::string& data_dir,
                                                           const std::string& advertise);
  // Starts following (once the index is recovered).
  void Start() { follower_->Start(); }
  // Stops following and withdraws from the cluster map.
  void Stop() { follower_->Stop(); }
  bool caught_up() const { return follower_->caught_up(); }
  // See ShardFollower::WaitForApplied.
  absl::Status WaitForApplied(uint32_t shard, uint64_t sequence, absl::Time deadline) const {
    return follower_->WaitForApplied(shard, sequence, deadline);
  }
  std::string Describe() const;

 private:
  ReplicaRole() = default;

  std::unique_ptr<cluster::JetStream> jetstream_;
  std::unique_ptr<cluster::ClusterMap> cluster_map_;
  std::unique_ptr<ShardFollower> follower_;
  std::string description_;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_CLUSTER_ROLES_H_
