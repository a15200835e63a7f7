#include "query_service/server/shard_service_impl.h"

#include <chrono>

#include "absl/time/clock.h"
#include "common/grpc_status.h"
#include "google/protobuf/util/message_differencer.h"
#include "query_service/search/shard_statistics.h"
#include "query_service/server/search_request_mapping.h"

namespace docsearch::query {
namespace {

const grpc::Status kNotReady(
    grpc::StatusCode::UNAVAILABLE,
    "replica is recovering or catching up with its shards; retry on another replica");

}  // namespace

absl::Status ShardServiceImpl::AwaitTokens(const grpc::CallbackServerContext& context,
                                           const docsearch::v1::SearchRequest& search) const {
  if (wait_for_applied_ == nullptr || search.consistency_tokens().empty()) {
    return absl::OkStatus();
  }
  // Answer a little before the caller's deadline, so that it reads why
  // (and tries another replica) rather than a bare DEADLINE_EXCEEDED.
  const auto call_deadline = context.deadline();
  const absl::Time deadline = call_deadline == std::chrono::system_clock::time_point::max()
                                  ? absl::Now() + absl::Seconds(10)
                                  : absl::FromChrono(call_deadline) - absl::Milliseconds(50);
  for (const docsearch::v1::ConsistencyToken& token : search.consistency_tokens()) {
    if (absl::Status waited = wait_for_applied_(token.shard(), token.sequence(), deadline);
        !waited.ok()) {
      return waited;
    }
  }
  return absl::OkStatus();
}

grpc::ServerUnaryReactor* ShardServiceImpl::GetTermStatistics(
    grpc::CallbackServerContext* context, const docsearch::v1::GetTermStatisticsRequest* request,
    docsearch::v1::GetTermStatisticsResponse* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  if (!ready_()) {
    reactor->Finish(kNotReady);
    return reactor;
  }
  if (absl::Status waited = AwaitTokens(*context, request->search()); !waited.ok()) {
    reactor->Finish(ToGrpcStatus(waited));
    return reactor;
  }
  // Validated as Search validates the request, so a bad one fails here.
  absl::StatusOr<SearchSpec> spec = SearchSpecOf(request->search(), index_->options());
  if (!spec.ok()) {
    reactor->Finish(ToGrpcStatus(spec.status()));
    return reactor;
  }
  absl::StatusOr<docsearch::v1::CollectionStatisticsMessage> statistics =
      index_->TermStatistics(*spec, request->main_language());
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
  if (absl::Status waited = AwaitTokens(*context, request->search()); !waited.ok()) {
    reactor->Finish(ToGrpcStatus(waited));
    return reactor;
  }
  if (request->has_expected_shard_statistics()) {
    // The coordinator reused the statistics it gathered for this search
    // earlier: score with them only if this replica's are still the same.
    absl::StatusOr<SearchSpec> spec = SearchSpecOf(request->search(), index_->options());
    if (!spec.ok()) {
      reactor->Finish(ToGrpcStatus(spec.status()));
      return reactor;
    }
    absl::StatusOr<docsearch::v1::CollectionStatisticsMessage> current =
        index_->TermStatistics(*spec, MainLanguageOf(request->statistics()));
    if (!current.ok()) {
      reactor->Finish(ToGrpcStatus(current.status()));
      return reactor;
    }
    if (!google::protobuf::util::MessageDifferencer::Equals(*current,
                                                            request->expected_shard_statistics())) {
      response->set_stale_statistics(true);
      *response->mutable_shard_statistics() = *std::move(current);
      reactor->Finish(grpc::Status::OK);
      return reactor;
    }
  }
  // Scored with the statistics summed over every shard, the main language
  // being theirs.
  const MessageStatistics global(request->statistics());
  const absl::Time started = absl::Now();
  absl::StatusOr<SearchSpec> spec = SearchSpecOf(request->search(), index_->options());
  if (!spec.ok()) {
    reactor->Finish(ToGrpcStatus(spec.status()));
    return reactor;
  }
  spec->fetch_ids.assign(request->fetch_ids().begin(), request->fetch_ids().end());
  if (request->snippet_hits() > 0) spec->snippet_hits = request->snippet_hits();
  absl::StatusOr<SearchResult> searched =
      index_->Search(*spec, {&global, MainLanguageOf(request->statistics())});
  if (searched.ok()) {
    *response->mutable_search() =
        SearchResponseOf(request->search(), *std::move(searched), absl::Now() - started);
  }
  reactor->Finish(ToGrpcStatus(searched.status()));
  return reactor;
}

}  // namespace docsearch::query
