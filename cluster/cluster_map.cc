#include "cluster/cluster_map.h"

#include <algorithm>

#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "common/log.h"

namespace docsearch::cluster {
namespace {

constexpr char kShardCountKey[] = "shards";

std::string ReplicaKey(uint32_t shard, const std::string& address) {
  // Hex: a key may not hold ':' (host:port).
  return absl::StrCat("replica.", shard, ".", absl::BytesToHexString(address));
}

}  // namespace

absl::StatusOr<std::unique_ptr<ClusterMap>> ClusterMap::Open(JetStream* jetstream,
                                                             const ClusterMapOptions& options) {
  // A JetStream cluster that has just formed can drop a client or fail a
  // bucket's creation for a moment (seen under load: "disconnected", then
  // a bare "Error" from the creation): try again for a while before giving
  // up. A refusal that depends on the settings is final.
  const absl::Time deadline = absl::Now() + absl::Seconds(20);
  auto open = [&](const char* bucket, absl::Duration ttl) {
    absl::StatusOr<std::unique_ptr<KeyValueBucket>> opened =
        jetstream->OpenBucket(bucket, options.replicas, ttl);
    while (!opened.ok() && !absl::IsInvalidArgument(opened.status()) &&
           !absl::IsFailedPrecondition(opened.status()) && absl::Now() < deadline) {
      LogWarning(absl::StrCat(opened.status().message(), "; retrying"));
      absl::SleepFor(absl::Milliseconds(250));
      opened = jetstream->OpenBucket(bucket, options.replicas, ttl);
    }
    return opened;
  };
  absl::StatusOr<std::unique_ptr<KeyValueBucket>> config =
      open("cluster_config", absl::ZeroDuration());
  if (!config.ok()) return config.status();
  absl::StatusOr<std::unique_ptr<KeyValueBucket>> replicas =
      open("cluster_map", options.replica_ttl);
  if (!replicas.ok()) return replicas.status();
  return std::unique_ptr<ClusterMap>(new ClusterMap(*std::move(config), *std::move(replicas)));
}

absl::Status ClusterMap::EnsureShardCount(uint32_t shard_count) {
  absl::StatusOr<uint64_t> created = config_->Create(kShardCountKey, absl::StrCat(shard_count));
  if (created.ok()) return absl::OkStatus();
  if (!absl::IsAlreadyExists(created.status())) return created.status();
  absl::StatusOr<uint32_t> recorded = ShardCount();
  if (!recorded.ok()) return recorded.status();
  if (*recorded != shard_count) {
    return absl::FailedPreconditionError(
        absl::StrCat("the cluster was created with ", *recorded, " shards, not ", shard_count,
                     "; the shard count is fixed at creation (--shards)"));
  }
  return absl::OkStatus();
}

absl::StatusOr<uint32_t> ClusterMap::ShardCount() {
  absl::StatusOr<KeyValueEntry> entry = config_->Get(kShardCountKey);
  if (absl::IsNotFound(entry.status())) {
    return absl::FailedPreconditionError(
        "the cluster has no shard count yet: start the ingest service with --nats and --shards "
        "first");
  }
  if (!entry.ok()) return entry.status();
  uint32_t count = 0;
  if (!absl::SimpleAtoi(entry->value, &count) || count == 0) {
    return absl::DataLossError(absl::StrCat("cluster_config shards is '", entry->value, "'"));
  }
  return count;
}

absl::Status ClusterMap::Announce(uint32_t shard, const std::string& address) {
  return replicas_->Put(ReplicaKey(shard, address), address).status();
}

absl::Status ClusterMap::Withdraw(uint32_t shard, const std::string& address) {
  // A delete writes a delete marker: the key disappears from Keys.
  return replicas_->Delete(ReplicaKey(shard, address));
}

absl::StatusOr<std::map<uint32_t, std::vector<std::string>>> ClusterMap::Replicas() {
  absl::StatusOr<std::vector<std::string>> keys = replicas_->Keys();
  if (!keys.ok()) return keys.status();
  std::map<uint32_t, std::vector<std::string>> replicas;
  for (const std::string& key : *keys) {
    std::vector<std::string> parts = absl::StrSplit(key, '.');
    uint32_t shard = 0;
    if (parts.size() != 3 || parts[0] != "replica" || !absl::SimpleAtoi(parts[1], &shard)) {
      continue;  // Not a replica key.
    }
    replicas[shard].push_back(absl::HexStringToBytes(parts[2]));
  }
  for (auto& [shard, addresses] : replicas) std::sort(addresses.begin(), addresses.end());
  return replicas;
}

}  // namespace docsearch::cluster
