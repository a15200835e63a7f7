// Where a document lives in the cluster: its shard is a stable hash of its
// id (FNV-1a, 64 bits) modulo the shard count, fixed when the cluster is
// created; each shard is one JetStream stream, DOCS_<shard>, and each
// document one subject of it, docs.<shard>.<id in hex> (hex, because a
// subject token may not hold '.', '*', '>' or white space, and the escape
// must not merge two ids: the stream keeps one message per subject).
#ifndef DOCSEARCH_CLUSTER_SHARD_ROUTER_H_
#define DOCSEARCH_CLUSTER_SHARD_ROUTER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace docsearch::cluster {

// The most shards a cluster may have.
inline constexpr uint32_t kMaxShards = 1024;

// The shard of `id` among `shard_count` (at least 1).
uint32_t ShardOf(absl::string_view id, uint32_t shard_count);

// DOCS_<shard>.
std::string StreamName(uint32_t shard);
// docs.<shard>.> : every subject of the shard's stream.
std::string StreamSubjects(uint32_t shard);
// docs.<shard>.<hex of id>.
std::string DocumentSubject(uint32_t shard, absl::string_view id);

// "0,1,5" -> {0, 1, 5}: INVALID_ARGUMENT naming `flag` for anything else
// (empty entries, repeats, values of kMaxShards or more).
absl::StatusOr<std::vector<uint32_t>> ParseShardList(absl::string_view list,
                                                     absl::string_view flag);

}  // namespace docsearch::cluster

#endif  // DOCSEARCH_CLUSTER_SHARD_ROUTER_H_
