#include "query_service/coordinator/replica_directory.h"

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/log.h"

namespace docsearch::query {

absl::StatusOr<ShardReplicas> ParseShardReplicas(const std::string& text) {
  ShardReplicas replicas;
  for (absl::string_view entry : absl::StrSplit(text, ';', absl::SkipEmpty())) {
    std::pair<absl::string_view, absl::string_view> parts = absl::StrSplit(entry, '=');
    uint32_t shard = 0;
    if (!absl::SimpleAtoi(parts.first, &shard) || parts.second.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "--shard_replicas: '", entry,
          "' is not shard=host:port[,host:port], e.g. 0=127.0.0.1:7001,127.0.0.1:7002"));
    }
    for (absl::string_view address : absl::StrSplit(parts.second, ',', absl::SkipEmpty())) {
      replicas[shard].emplace_back(address);
    }
  }
  return replicas;
}

ReplicaDirectory::ReplicaDirectory(uint32_t shard_count, ShardReplicas fixed)
    : shard_count_(shard_count),
      replicas_(std::move(fixed)),
      turns_(new std::atomic<uint64_t>[shard_count]()) {}

ReplicaDirectory::ReplicaDirectory(uint32_t shard_count, cluster::ClusterMap* cluster_map,
                                   absl::Duration refresh)
    : shard_count_(shard_count),
      cluster_map_(cluster_map),
      turns_(new std::atomic<uint64_t>[shard_count]()) {
  Refresh();
  refresher_ = std::thread([this, refresh] {
    while (!stop_.WaitForNotificationWithTimeout(refresh)) Refresh();
  });
}

ReplicaDirectory::~ReplicaDirectory() {
  stop_.Notify();
  if (refresher_.joinable()) refresher_.join();
}

void ReplicaDirectory::Refresh() {
  absl::StatusOr<ShardReplicas> read = cluster_map_->Replicas();
  if (!read.ok()) {
    // Keep the last map read: replicas that were up are tried anyway, and
    // a failing one is routed around per request.
    LogWarning(
        absl::StrCat("cluster map not read (keeping the last one): ", read.status().message()));
    return;
  }
  absl::MutexLock lock(&mu_);
  replicas_ = *std::move(read);
}

std::vector<std::string> ReplicaDirectory::ReplicasOf(uint32_t shard) {
  std::vector<std::string> replicas;
  {
    absl::MutexLock lock(&mu_);
    auto it = replicas_.find(shard);
    if (it != replicas_.end()) replicas = it->second;
  }
  if (replicas.size() > 1 && shard < shard_count_) {
    const size_t first = turns_[shard].fetch_add(1) % replicas.size();
    std::rotate(replicas.begin(), replicas.begin() + static_cast<std::ptrdiff_t>(first),
                replicas.end());
  }
  return replicas;
}

std::shared_ptr<grpc::Channel> ReplicaDirectory::ChannelTo(const std::string& address) {
  absl::MutexLock lock(&mu_);
  std::shared_ptr<grpc::Channel>& channel = channels_[address];
  if (channel == nullptr) {
    grpc::ChannelArguments arguments;
    arguments.SetMaxReceiveMessageSize(-1);
    // A replica that restarts is found again quickly.
    arguments.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, 100);
    arguments.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 1000);
    channel = grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(), arguments);
  }
  return channel;
}

}  // namespace docsearch::query
