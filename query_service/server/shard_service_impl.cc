#include "query_service/server/shard_service_impl.h"

#include "common/grpc_status.h"

namespace docsearch::query {
namespace {

const grpc::Status kNotReady(
    grpc::StatusCode::UNAVAILABLE,
    "replica is recovering or catching up with its shards; retry on another replica");

}  // namespace

grpc::ServerUnaryReactor* ShardServiceImpl::GetTermStatistics(
    grpc::CallbackServerContext* context, const docsearch::v1::GetTermStatisticsRequest* request,
    docsearch::v1::GetTermStatisticsResponse* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  if (!ready_()) {
    reactor->Finish(kNotReady);
    return reactor;
  }
  absl::StatusOr<docsearch::v1::CollectionStatisticsMessage> statistics =
      index_->TermStatistics(request->search(), request->main_language());
  if (statistics.ok()) *response->mutable_statistics() = *std::move(statistics);
  reactor->Finish(ToGrpcStatus(statistics.status()));
  return reactor;
}

grpc::ServerUnaryReactor* ShardServiceImpl::SearchShard(
    grpc::CallbackServerContext* context, const docsearch::v1::SearchShardRequest* request,
    docsearch::v1::SearchShardResponse* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  if (!ready_()) {
    reactor->Finish(kNotReady);
    return reactor;
  }
  absl::StatusOr<docsearch::v1::SearchResponse> searched =
      index_->Search(request->search(), request->statistics());
  if (searched.ok()) *response->mutable_search() = *std::move(searched);
  reactor->Finish(ToGrpcStatus(searched.status()));
  return reactor;
}

}  // namespace docsearch::query
