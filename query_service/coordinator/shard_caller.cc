#include "query_service/coordinator/shard_caller.h"

#include <thread>

namespace docsearch::query {

bool WorthAnotherReplica(grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::UNAVAILABLE:
    case grpc::StatusCode::DEADLINE_EXCEEDED:
    case grpc::StatusCode::CANCELLED:
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
    case grpc::StatusCode::ABORTED:
    case grpc::StatusCode::INTERNAL:
    case grpc::StatusCode::UNKNOWN:
    case grpc::StatusCode::UNIMPLEMENTED:  // Not a replica (an old binary).
      return true;
    default:
      return false;
  }
}

void ForEachShard(uint32_t shard_count, const std::function<void(uint32_t shard)>& work) {
  std::vector<std::thread> threads;
  for (uint32_t shard = 1; shard < shard_count; ++shard) {
    threads.emplace_back([&work, shard] { work(shard); });
  }
  if (shard_count > 0) work(0);
  for (std::thread& thread : threads) thread.join();
}

}  // namespace docsearch::query
