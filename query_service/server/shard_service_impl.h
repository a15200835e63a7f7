// docsearch.v1.ShardService: the two phases of a search across shards, as a
// replica of a shard serves them to a coordinator (cluster mode,
// docs/SCALING.md; the scoring is in search/shard_statistics.h).
#ifndef DOCSEARCH_QUERY_SERVICE_SERVER_SHARD_SERVICE_IMPL_H_
#define DOCSEARCH_QUERY_SERVICE_SERVER_SHARD_SERVICE_IMPL_H_

#include <functional>

#include "docsearch/v1/shard_service.grpc.pb.h"
#include "query_service/search/search_index.h"

namespace docsearch::query {

class ShardServiceImpl final : public docsearch::v1::ShardService::CallbackService {
 public:
  // `index` is not owned. Calls fail with UNAVAILABLE while `ready` says
  // false (recovering, or not caught up with the shards' streams).
  ShardServiceImpl(const SearchIndex* index, std::function<bool()> ready)
      : index_(index), ready_(std::move(ready)) {}

  grpc::ServerUnaryReactor* GetTermStatistics(
      grpc::CallbackServerContext* context, const docsearch::v1::GetTermStatisticsRequest* request,
      docsearch::v1::GetTermStatisticsResponse* response) override;
  grpc::ServerUnaryReactor* SearchShard(grpc::CallbackServerContext* context,
                                        const docsearch::v1::SearchShardRequest* request,
                                        docsearch::v1::SearchShardResponse* response) override;

 private:
  const SearchIndex* const index_;
  const std::function<bool()> ready_;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SERVER_SHARD_SERVICE_IMPL_H_
