// docsearch.v1.ShardService: the two phases of a search across shards, as a
// replica of a shard serves them to a coordinator (cluster mode,
// docs/SCALING.md; the scoring is in search/shard_statistics.h).
#ifndef DOCSEARCH_QUERY_SERVICE_SERVER_SHARD_SERVICE_IMPL_H_
#define DOCSEARCH_QUERY_SERVICE_SERVER_SHARD_SERVICE_IMPL_H_

#include <functional>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "docsearch/v1/shard_service.grpc.pb.h"
#include "query_service/search/search_index.h"

namespace docsearch::query {

class ShardServiceImpl final : public docsearch::v1::ShardService::CallbackService {
 public:
  // Waits until a shard's stream is applied up to a sequence, or a
  // deadline (ShardFollower::WaitForApplied).
  using WaitForApplied =
      std::function<absl::Status(uint32_t shard, uint64_t sequence, absl::Time deadline)>;

  // `index` is not owned. Calls fail with UNAVAILABLE while `ready` says
  // false (recovering, or not caught up with the shards' streams). A
  // search's consistency tokens are waited for with `wait_for_applied`
  // (null: ignored).
  ShardServiceImpl(const SearchIndex* index, std::function<bool()> ready,
                   WaitForApplied wait_for_applied = nullptr)
      : index_(index), ready_(std::move(ready)), wait_for_applied_(std::move(wait_for_applied)) {}

  grpc::ServerUnaryReactor* GetTermStatistics(
      grpc::CallbackServerContext* context, const docsearch::v1::GetTermStatisticsRequest* request,
      docsearch::v1::GetTermStatisticsResponse* response) override;
  grpc::ServerUnaryReactor* SearchShard(grpc::CallbackServerContext* context,
                                        const docsearch::v1::SearchShardRequest* request,
                                        docsearch::v1::SearchShardResponse* response) override;

 private:
  // OK once every consistency token of `search` is applied here.
  absl::Status AwaitTokens(const grpc::CallbackServerContext& context,
                           const docsearch::v1::SearchRequest& search) const;

  const SearchIndex* const index_;
  const std::function<bool()> ready_;
  const WaitForApplied wait_for_applied_;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SERVER_SHARD_SERVICE_IMPL_H_
