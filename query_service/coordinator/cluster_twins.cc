#include "query_service/coordinator/cluster_twins.h"

#include <utility>
#include <vector>

#include "cluster/shard_router.h"
#include "docsearch/v1/shard_comparison.grpc.pb.h"
#include "query_service/compare/language_twins.h"

namespace docsearch::query {
namespace {

using docsearch::v1::ListTwinsShardRequest;
using docsearch::v1::ListTwinsShardResponse;

absl::StatusOr<ListTwinsShardResponse> AskShard(const ShardCaller& caller, uint32_t shard,
                                                const ListTwinsShardRequest& request,
                                                absl::Time deadline) {
  return caller.Call<ListTwinsShardResponse>(
      shard, deadline,
      Rpc(&docsearch::v1::ShardComparisonService::Stub::PrepareAsyncListTwinsShard, request));
}

}  // namespace

absl::StatusOr<docsearch::v1::ListTwinsResponse> ListTwinsAcrossShards(
    const ShardCaller& caller, const docsearch::v1::ListTwinsRequest& request,
    absl::Time deadline) {
  if (absl::Status valid = compare::ValidateListTwins(request); !valid.ok()) return valid;
  const uint32_t shard_count = caller.directory()->shard_count();
  const uint32_t owner = cluster::ShardOf(request.id(), shard_count);
  ListTwinsShardRequest asked;
  *asked.mutable_twins() = request;
  absl::StatusOr<ListTwinsShardResponse> own = AskShard(caller, owner, asked, deadline);
  if (!own.ok()) return own.status();

  std::vector<docsearch::v1::ListTwinsResponse> answers;
  answers.push_back(std::move(*own->mutable_twins()));
  const docsearch::v1::TwinSignalsMessage& signals = own->signals();
  // No candidate on any shard: nothing to ask the others.
  if (signals.language().empty() || (signals.reference().empty() && signals.dates().empty())) {
    return compare::MergeTwins(std::move(answers), compare::TwinResultsOf(request));
  }
  *asked.mutable_signals() = signals;
  std::vector<uint32_t> other_shards;
  for (uint32_t shard = 0; shard < shard_count; ++shard) {
    if (shard != owner) other_shards.push_back(shard);
  }
  std::vector<absl::StatusOr<ListTwinsShardResponse>> others =
      caller.CallShards<ListTwinsShardResponse>(other_shards, deadline, [&](size_t) {
        return Rpc(&docsearch::v1::ShardComparisonService::Stub::PrepareAsyncListTwinsShard, asked);
      });
  for (absl::StatusOr<ListTwinsShardResponse>& other : others) {
    if (!other.ok()) return other.status();
    answers.push_back(std::move(*other->mutable_twins()));
  }
  return compare::MergeTwins(std::move(answers), compare::TwinResultsOf(request));
}

}  // namespace docsearch::query
