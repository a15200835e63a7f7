// Calls one shard through its replicas: the next replica in turn first, the
// others after it when one fails in a way another replica may not (down,
// restarting, overloaded, too slow for the attempt's timeout). An answer
// that depends on the request (INVALID_ARGUMENT, NOT_FOUND, ...) is final.
// When every replica failed: UNAVAILABLE naming the shard and each
// replica's error.
//
// Thread safety: thread-safe.
#ifndef DOCSEARCH_QUERY_SERVICE_COORDINATOR_SHARD_CALLER_H_
#define DOCSEARCH_QUERY_SERVICE_COORDINATOR_SHARD_CALLER_H_

#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>

#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "common/grpc_status.h"
#include "query_service/coordinator/replica_directory.h"

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

  // `call(channel, context, response)` on `shard`'s replicas in turn.
  template <typename Response>
  absl::StatusOr<Response> Call(
      uint32_t shard, absl::Time deadline,
      const std::function<grpc::Status(const std::shared_ptr<grpc::Channel>&, grpc::ClientContext&,
                                       Response*)>& call) const {
    const std::vector<std::string> replicas = directory_->ReplicasOf(shard);
    if (replicas.empty()) {
      return absl::UnavailableError(absl::StrCat(
          "shard ", shard, " has no caught-up replica in the cluster map; retry later"));
    }
    std::vector<std::string> failures;
    for (const std::string& address : replicas) {
      const absl::Time now = absl::Now();
      if (now >= deadline) break;
      grpc::ClientContext context;
      context.set_deadline(absl::ToChronoTime(std::min(deadline, now + attempt_timeout_)));
      Response response;
      grpc::Status status = call(directory_->ChannelTo(address), context, &response);
      if (status.ok()) return response;
      if (!WorthAnotherReplica(status.error_code())) return FromGrpcStatus(status);
      failures.push_back(absl::StrCat(address, ": ", status.error_message()));
    }
    return absl::UnavailableError(absl::StrCat("shard ", shard, ": every replica failed (",
                                               absl::StrJoin(failures, "; "), "); retry later"));
  }

 private:
  ReplicaDirectory* const directory_;
  const absl::Duration attempt_timeout_;
};

// Runs `work(shard)` for every shard at once (one thread per shard beyond
// the first) and returns when all are done.
void ForEachShard(uint32_t shard_count, const std::function<void(uint32_t shard)>& work);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_COORDINATOR_SHARD_CALLER_H_
