#include "query_service/coordinator/cluster_bulk_reads.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "docsearch/v1/query_service.grpc.pb.h"
#include "query_service/coordinator/shard_fan_out.h"

namespace docsearch::query {
namespace {

namespace v1 = docsearch::v1;

uint32_t ShardFor(const ShardCaller& caller, const std::string& id) {
  return id.empty() ? 0 : cluster::ShardOf(id, caller.directory()->shard_count());
}

}  // namespace

absl::StatusOr<v1::ListVersionsResponse> ListVersionsOnOwner(const ShardCaller& caller,
                                                             const v1::ListVersionsRequest& request,
                                                             absl::Time deadline) {
  return caller.Call<v1::ListVersionsResponse>(
      ShardFor(caller, request.id()), deadline,
      Rpc(&v1::QueryService::Stub::PrepareAsyncListVersions, request));
}

absl::StatusOr<v1::CompareVersionsResponse> CompareVersionsOnOwner(
    const ShardCaller& caller, const v1::CompareVersionsRequest& request, absl::Time deadline) {
  return caller.Call<v1::CompareVersionsResponse>(
      ShardFor(caller, request.id()), deadline,
      Rpc(&v1::QueryService::Stub::PrepareAsyncCompareVersions, request));
}

absl::StatusOr<v1::BatchGetDocumentsResponse> BatchGetFromOwners(
    const ShardCaller& caller, const v1::BatchGetDocumentsRequest& request, int max_ids,
    absl::Time deadline) {
  auto batch_get = [](const v1::BatchGetDocumentsRequest& part) {
    return Rpc(&v1::QueryService::Stub::PrepareAsyncBatchGetDocuments, part);
  };
  bool refused = request.ids().empty() || request.ids_size() > max_ids;
  for (const std::string& id : request.ids()) refused = refused || id.empty();
  if (refused) return caller.Call<v1::BatchGetDocumentsResponse>(0, deadline, batch_get(request));

  const uint32_t shard_count = caller.directory()->shard_count();
  std::vector<v1::BatchGetDocumentsRequest> parts(shard_count);
  absl::flat_hash_set<std::string> asked;
  for (const std::string& id : request.ids()) {
    if (!asked.insert(id).second) continue;
    v1::BatchGetDocumentsRequest& part = parts[ShardFor(caller, id)];
    if (part.ids().empty()) *part.mutable_field_mask() = request.field_mask();
    part.add_ids(id);
  }
  absl::StatusOr<std::vector<v1::BatchGetDocumentsResponse>> answers =
      CallEveryShard<v1::BatchGetDocumentsResponse>(
          caller, deadline, [&](uint32_t shard) -> StubCall<v1::BatchGetDocumentsResponse> {
            if (parts[shard].ids().empty()) return NoRpc<v1::BatchGetDocumentsResponse>();
            return batch_get(parts[shard]);
          });
  if (!answers.ok()) return answers.status();
  // Each part answers its ids in order, the missing ones listed: match them
  // by position (a field mask may leave the ids out of the documents).
  absl::flat_hash_map<std::string, v1::Document*> found;
  for (uint32_t shard = 0; shard < shard_count; ++shard) {
    v1::BatchGetDocumentsResponse& answer = (*answers)[shard];
    const absl::flat_hash_set<std::string> missing(answer.missing_ids().begin(),
                                                   answer.missing_ids().end());
    int next = 0;
    for (const std::string& id : parts[shard].ids()) {
      if (missing.contains(id)) continue;
      if (next >= answer.documents_size()) {
        return absl::InternalError("a shard answered fewer documents than it was asked for");
      }
      found[id] = answer.mutable_documents(next++);
    }
  }
  v1::BatchGetDocumentsResponse response;
  absl::flat_hash_set<std::string> answered;
  for (const std::string& id : request.ids()) {
    if (!answered.insert(id).second) continue;
    auto it = found.find(id);
    if (it != found.end()) {
      *response.add_documents() = std::move(*it->second);
    } else {
      response.add_missing_ids(id);
    }
  }
  return response;
}

}  // namespace docsearch::query
