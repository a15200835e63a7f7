// One shard call as the coordinator makes it: a unary RPC prepared on a
// replica's channel and a completion queue, for ShardCaller to start,
// await and, when the replica fails, prepare again on another replica.
//
//   caller.Call<SearchShardResponse>(
//       shard, deadline, Rpc(&ShardService::Stub::PrepareAsyncSearchShard, request));
//
// The calls are asynchronous (a completion queue) so that one thread can
// have every shard's call in flight at once: no thread per shard.
//
// Thread safety: a StubCall may be invoked from any thread; the request it
// refers to must outlive the ShardCaller call that uses it.
#ifndef DOCSEARCH_QUERY_SERVICE_COORDINATOR_SHARD_RPC_H_
#define DOCSEARCH_QUERY_SERVICE_COORDINATOR_SHARD_RPC_H_

#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>
#include <grpcpp/completion_queue.h>
#include <grpcpp/support/async_unary_call.h>

#include <functional>
#include <memory>

namespace docsearch::query {

// A prepared, not yet started, call. No reader: nothing to ask, the answer
// is an empty Response (a shard with no part of a batch).
template <typename Response>
struct ShardRpc {
  std::shared_ptr<void> stub;  // Kept until the call completes.
  std::unique_ptr<grpc::ClientAsyncResponseReader<Response>> reader;
};

// Prepares one attempt on `channel` with `context`, completing on `queue`.
template <typename Response>
using StubCall =
    std::function<ShardRpc<Response>(const std::shared_ptr<grpc::Channel>& channel,
                                     grpc::ClientContext* context, grpc::CompletionQueue* queue)>;

// The call of a generated stub's PrepareAsync<Method> with `request` (not
// copied: it must outlive the call).
template <typename Stub, typename Request, typename Response>
StubCall<Response> Rpc(std::unique_ptr<grpc::ClientAsyncResponseReader<Response>> (Stub::*prepare)(
                           grpc::ClientContext*, const Request&, grpc::CompletionQueue*),
                       const Request& request) {
  return [prepare, &request](const std::shared_ptr<grpc::Channel>& channel,
                             grpc::ClientContext* context, grpc::CompletionQueue* queue) {
    auto stub = std::make_shared<Stub>(channel);
    ShardRpc<Response> rpc;
    rpc.reader = ((*stub).*prepare)(context, request, queue);
    rpc.stub = std::move(stub);
    return rpc;
  };
}

// A call that asks nothing and answers an empty Response.
template <typename Response>
StubCall<Response> NoRpc() {
  return [](const std::shared_ptr<grpc::Channel>&, grpc::ClientContext*, grpc::CompletionQueue*) {
    return ShardRpc<Response>();
  };
}

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_COORDINATOR_SHARD_RPC_H_
