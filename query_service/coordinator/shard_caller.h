// Calls shards through their replicas: the next replica in turn first, the
// others after it when one fails in a way another replica may not (down,
// restarting, overloaded, too slow for the attempt's timeout). An answer
// that depends on the request (INVALID_ARGUMENT, NOT_FOUND, ...) is final.
// When every replica failed: UNAVAILABLE naming the shard and each
// replica's error.
//
// CallShards has every shard's call in flight at once from the calling
// thread alone: the calls are asynchronous on one completion queue that
// this thread drains, starting a shard's next attempt (on its next
// replica) as soon as one fails. So a fan-out to S shards costs one thread,
// blocked until the last shard answers, not S threads, and it depends on no
// other thread (no pool to starve when many searches wait at once).
//
// Thread safety: thread-safe.
#ifndef DOCSEARCH_QUERY_SERVICE_COORDINATOR_SHARD_CALLER_H_
#define DOCSEARCH_QUERY_SERVICE_COORDINATOR_SHARD_CALLER_H_

#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>
#include <grpcpp/completion_queue.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "common/grpc_status.h"
#include "query_service/coordinator/replica_directory.h"
#include "query_service/coordinator/shard_rpc.h"

namespace docsearch::query {

// Whether a failure of one replica is worth trying another for.
bool WorthAnotherReplica(grpc::StatusCode code);

class ShardCaller {
 public:
  // `directory` is not owned. Each attempt may take at most
  // `attempt_timeout` (and never past the call's deadline).
  ShardCaller(ReplicaDirectory* directory, absl::Duration attempt_timeout)
      : directory_(directory), attempt_timeout_(attempt_timeout) {}

  ReplicaDirectory* directory() const { return directory_; }

  // `make_call(k)` on `shards[k]`'s replicas, for every k at once; the
  // answers by k, once every shard has answered or failed.
  template <typename Response>
  std::vector<absl::StatusOr<Response>> CallShards(
      const std::vector<uint32_t>& shards, absl::Time deadline,
      const std::function<StubCall<Response>(size_t k)>& make_call) const;

  // `call` on `shard`'s replicas in turn.
  template <typename Response>
  absl::StatusOr<Response> Call(uint32_t shard, absl::Time deadline,
                                const StubCall<Response>& call) const {
    std::vector<absl::StatusOr<Response>> answers =
        CallShards<Response>({shard}, deadline, [&call](size_t) { return call; });
    return std::move(answers[0]);
  }

 private:
  ReplicaDirectory* const directory_;
  const absl::Duration attempt_timeout_;
};

// 0, 1, ..., shard_count - 1: every shard.
std::vector<uint32_t> AllShards(uint32_t shard_count);

template <typename Response>
std::vector<absl::StatusOr<Response>> ShardCaller::CallShards(
    const std::vector<uint32_t>& shards, absl::Time deadline,
    const std::function<StubCall<Response>(size_t k)>& make_call) const {
  // One shard's attempts; the one in flight owns context, rpc, response
  // and status until its completion comes out of the queue.
  struct Attempts {
    StubCall<Response> call;
    std::vector<std::string> replicas;
    size_t next = 0;
    std::vector<std::string> failures;
    std::string address;
    std::unique_ptr<grpc::ClientContext> context;
    ShardRpc<Response> rpc;
    Response response;
    grpc::Status status;
  };
  std::vector<absl::StatusOr<Response>> answers(shards.size());
  std::vector<Attempts> attempts(shards.size());
  grpc::CompletionQueue queue;
  size_t in_flight = 0;
  // Starts shards[k]'s next attempt, or settles its answer when none is
  // left (or none is needed).
  auto start_next = [&](size_t k) {
    Attempts& shard = attempts[k];
    const absl::Time now = absl::Now();
    if (shard.next >= shard.replicas.size() || now >= deadline) {
      answers[k] = absl::UnavailableError(
          absl::StrCat("shard ", shards[k], ": every replica failed (",
                       absl::StrJoin(shard.failures, "; "), "); retry later"));
      return;
    }
    shard.address = shard.replicas[shard.next++];
    shard.context = std::make_unique<grpc::ClientContext>();
    shard.context->set_deadline(absl::ToChronoTime(std::min(deadline, now + attempt_timeout_)));
    shard.response = Response();
    shard.rpc = shard.call(directory_->ChannelTo(shard.address), shard.context.get(), &queue);
    if (shard.rpc.reader == nullptr) {
      answers[k] = Response();
      return;
    }
    shard.rpc.reader->StartCall();
    // Tags are k + 1: never null.
    shard.rpc.reader->Finish(&shard.response, &shard.status, reinterpret_cast<void*>(k + 1));
    ++in_flight;
  };
  for (size_t k = 0; k < shards.size(); ++k) {
    attempts[k].call = make_call(k);
    attempts[k].replicas = directory_->ReplicasOf(shards[k]);
    if (attempts[k].replicas.empty()) {
      answers[k] = absl::UnavailableError(absl::StrCat(
          "shard ", shards[k], " has no caught-up replica in the cluster map; retry later"));
      continue;
    }
    start_next(k);
  }
  void* tag = nullptr;
  bool ok = false;
  // Every started call completes (each has a deadline), so this ends.
  while (in_flight > 0 && queue.Next(&tag, &ok)) {
    --in_flight;
    const size_t k = reinterpret_cast<size_t>(tag) - 1;
    Attempts& shard = attempts[k];
    if (shard.status.ok()) {
      answers[k] = std::move(shard.response);
    } else if (!WorthAnotherReplica(shard.status.error_code())) {
      answers[k] = FromGrpcStatus(shard.status);
    } else {
      shard.failures.push_back(absl::StrCat(shard.address, ": ", shard.status.error_message()));
      start_next(k);
    }
  }
  queue.Shutdown();
  while (queue.Next(&tag, &ok)) {
  }
  return answers;
}

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_COORDINATOR_SHARD_CALLER_H_
