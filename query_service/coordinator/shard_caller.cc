#include "query_service/coordinator/shard_caller.h"

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

std::vector<uint32_t> AllShards(uint32_t shard_count) {
  std::vector<uint32_t> shards(shard_count);
  for (uint32_t shard = 0; shard < shard_count; ++shard) shards[shard] = shard;
  return shards;
}

}  // namespace docsearch::query
