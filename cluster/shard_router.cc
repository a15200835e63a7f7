#include "cluster/shard_router.h"

#include <algorithm>

#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace docsearch::cluster {

uint32_t ShardOf(absl::string_view id, uint32_t shard_count) {
  // FNV-1a: fixed by its definition, so every process and release agrees.
  uint64_t hash = 14695981039346656037ull;
  for (unsigned char byte : id) {
    hash ^= byte;
    hash *= 1099511628211ull;
  }
  return static_cast<uint32_t>(hash % std::max<uint32_t>(shard_count, 1));
}

std::string StreamName(uint32_t shard) { return absl::StrCat("DOCS_", shard); }

std::string StreamSubjects(uint32_t shard) { return absl::StrCat("docs.", shard, ".>"); }

std::string DocumentSubject(uint32_t shard, absl::string_view id) {
  return absl::StrCat("docs.", shard, ".", absl::BytesToHexString(id));
}

absl::StatusOr<std::vector<uint32_t>> ParseShardList(absl::string_view list,
                                                     absl::string_view flag) {
  std::vector<uint32_t> shards;
  for (absl::string_view part : absl::StrSplit(list, ',')) {
    uint32_t shard = 0;
    if (!absl::SimpleAtoi(part, &shard) || shard >= kMaxShards) {
      return absl::InvalidArgumentError(absl::StrCat("--", flag, ": '", part,
                                                     "' is not a shard number (0..", kMaxShards - 1,
                                                     "), e.g. --", flag, "=0,1"));
    }
    if (std::find(shards.begin(), shards.end(), shard) != shards.end()) {
      return absl::InvalidArgumentError(absl::StrCat("--", flag, ": shard ", shard, " repeated"));
    }
    shards.push_back(shard);
  }
  return shards;
}

}  // namespace docsearch::cluster
