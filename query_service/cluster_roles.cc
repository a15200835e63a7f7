#include "query_service/cluster_roles.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "cluster/shard_router.h"
#include "common/health_service.h"
#include "common/log.h"
#include "query_service/coordinator/cluster_index_service.h"
#include "query_service/coordinator/coordinator_service.h"
#include "query_service/coordinator/replica_directory.h"
#include "query_service/coordinator/shard_caller.h"
#include "query_service/replica/applied_positions.h"

namespace docsearch::query {

int RunCoordinator(const ClusterFlags& flags, GrpcServerConfig config) {
  std::unique_ptr<cluster::JetStream> jetstream;
  std::unique_ptr<cluster::ClusterMap> cluster_map;
  std::unique_ptr<ReplicaDirectory> directory;
  if (flags.nats.empty()) {
    LogError("--role=coordinator needs --nats (the cluster map and the shard count live there)");
    return 2;
  }
  absl::StatusOr<std::unique_ptr<cluster::JetStream>> connected =
      cluster::JetStream::Connect(flags.nats, "docsearch-coordinator", absl::Seconds(5));
  if (!connected.ok()) {
    LogError(connected.status().ToString());
    return 1;
  }
  jetstream = *std::move(connected);
  cluster::ClusterMapOptions map_options;
  map_options.replicas = flags.stream_replicas;
  absl::StatusOr<std::unique_ptr<cluster::ClusterMap>> opened =
      cluster::ClusterMap::Open(jetstream.get(), map_options);
  if (!opened.ok()) {
    LogError(opened.status().ToString());
    return 1;
  }
  cluster_map = *std::move(opened);
  // The shard count is the ingest service's to fix: wait for it.
  absl::StatusOr<uint32_t> shard_count = cluster_map->ShardCount();
  for (int attempt = 0; !shard_count.ok() && attempt < 600; ++attempt) {
    if (attempt == 0) LogWarning(absl::StrCat(shard_count.status().message(), "; waiting"));
    absl::SleepFor(absl::Milliseconds(100));
    shard_count = cluster_map->ShardCount();
  }
  if (!shard_count.ok()) {
    LogError(shard_count.status().ToString());
    return 1;
  }
  if (flags.shard_replicas.empty()) {
    directory =
        std::make_unique<ReplicaDirectory>(*shard_count, cluster_map.get(), absl::Seconds(1));
  } else {
    absl::StatusOr<ShardReplicas> fixed = ParseShardReplicas(flags.shard_replicas);
    if (!fixed.ok()) {
      LogError(fixed.status().ToString());
      return 2;
    }
    directory = std::make_unique<ReplicaDirectory>(*shard_count, *std::move(fixed));
  }
  ShardCaller caller(directory.get(), flags.attempt_timeout);
  CoordinatorOptions options;
  options.max_facet_size = flags.max_facet_size;
  options.statistics_cache_entries = static_cast<size_t>(flags.statistics_cache_entries);
  CoordinatorService coordinator(&caller, options);
  ClusterIndexService deletes(jetstream.get(), *shard_count);
  HealthService health({"docsearch.v1.IndexService", "docsearch.v1.QueryService"});
  absl::StatusOr<std::unique_ptr<GrpcServer>> server =
      GrpcServer::Start(config, {&coordinator, &deletes}, &health);
  if (!server.ok()) {
    LogError(server.status().ToString());
    return 1;
  }
  health.SetServing(true);
  LogInfo(
      absl::StrFormat("coordinator serving on port %d listen=%s nats=%s shards=%d replicas from %s",
                      (*server)->port(), config.listen_address, flags.nats, *shard_count,
                      flags.shard_replicas.empty() ? "the cluster map" : flags.shard_replicas));
  const int signal_number = WaitForTerminationSignal();
  LogInfo(absl::StrCat("signal ", signal_number, ": draining"));
  (*server)->Shutdown(flags.shutdown_grace);
  LogInfo("stopped");
  return 0;
}

absl::StatusOr<std::unique_ptr<ReplicaRole>> ReplicaRole::Open(const ClusterFlags& flags,
                                                               Indexer* indexer,
                                                               const std::string& data_dir,
                                                               const std::string& advertise) {
  if (flags.shards.empty()) {
    return absl::InvalidArgumentError(
        "--nats needs --shards (the shards this replica serves, e.g. --shards=0,1) or "
        "--role=coordinator");
  }
  absl::StatusOr<std::vector<uint32_t>> shards = cluster::ParseShardList(flags.shards, "shards");
  if (!shards.ok()) return shards.status();
  std::unique_ptr<ReplicaRole> role(new ReplicaRole());
  absl::StatusOr<std::unique_ptr<cluster::JetStream>> connected = cluster::JetStream::Connect(
      flags.nats, absl::StrCat("docsearch-replica-", advertise), absl::Seconds(5));
  if (!connected.ok()) return connected.status();
  role->jetstream_ = *std::move(connected);
  cluster::ClusterMapOptions map_options;
  map_options.replicas = flags.stream_replicas;
  absl::StatusOr<std::unique_ptr<cluster::ClusterMap>> cluster_map =
      cluster::ClusterMap::Open(role->jetstream_.get(), map_options);
  if (!cluster_map.ok()) return cluster_map.status();
  role->cluster_map_ = *std::move(cluster_map);
  ShardFollowerOptions options;
  options.shards = *shards;
  options.advertise_address = advertise;
  if (!data_dir.empty()) options.positions_path = data_dir + "/cluster-positions";
  AppliedPositions applied;
  if (!options.positions_path.empty()) {
    absl::StatusOr<AppliedPositions> read = ReadAppliedPositions(options.positions_path);
    if (!read.ok()) return read.status();
    applied = *std::move(read);
  }
  std::vector<std::string> described;
  for (uint32_t shard : *shards) {
    described.push_back(
        absl::StrCat(shard, " from sequence ", applied.count(shard) ? applied[shard] + 1 : 1));
  }
  role->description_ = absl::StrCat("replica of shards ", absl::StrJoin(described, ", "), " at ",
                                    advertise, ", nats=", flags.nats);
  role->follower_ =
      std::make_unique<ShardFollower>(role->jetstream_.get(), role->cluster_map_.get(), indexer,
                                      std::move(options), std::move(applied));
  return role;
}

std::string ReplicaRole::Describe() const { return description_; }

}  // namespace docsearch::query
