// Small helpers over ShardCaller for the coordinator's RPCs: one call to
// every shard at once, or to the shard owning an id.
//
// Thread safety: as ShardCaller.
#ifndef DOCSEARCH_QUERY_SERVICE_COORDINATOR_SHARD_FAN_OUT_H_
#define DOCSEARCH_QUERY_SERVICE_COORDINATOR_SHARD_FAN_OUT_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "cluster/shard_router.h"
#include "query_service/coordinator/shard_caller.h"

namespace docsearch::query {

// `make_call(shard)` on every shard at once; the answers by shard, or the
// first shard's error.
template <typename Response>
absl::StatusOr<std::vector<Response>> CallEveryShard(
    const ShardCaller& caller, absl::Time deadline,
    const std::function<StubCall<Response>(uint32_t shard)>& make_call) {
  const std::vector<uint32_t> shards = AllShards(caller.directory()->shard_count());
  std::vector<absl::StatusOr<Response>> answers =
      caller.CallShards<Response>(shards, deadline, [&](size_t k) { return make_call(shards[k]); });
  std::vector<Response> responses;
  responses.reserve(answers.size());
  for (auto& answer : answers) {
    if (!answer.ok()) return answer.status();
    responses.push_back(*std::move(answer));
  }
  return responses;
}

// The same call on every shard.
template <typename Response>
absl::StatusOr<std::vector<Response>> CallEveryShard(const ShardCaller& caller, absl::Time deadline,
                                                     const StubCall<Response>& call) {
  return CallEveryShard<Response>(caller, deadline, [&call](uint32_t) { return call; });
}

// `call` on the shard that owns `id`.
template <typename Response>
absl::StatusOr<Response> CallOwner(const ShardCaller& caller, const std::string& id,
                                   absl::Time deadline, const StubCall<Response>& call) {
  return caller.Call<Response>(cluster::ShardOf(id, caller.directory()->shard_count()), deadline,
                               call);
}

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_COORDINATOR_SHARD_FAN_OUT_H_
