#include "query_service/coordinator/cluster_index_stats.h"

#include <algorithm>
#include <map>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "docsearch/v1/query_service.grpc.pb.h"

namespace docsearch::query {

absl::StatusOr<docsearch::v1::GetIndexStatsResponse> SumIndexStats(
    const ShardCaller& caller, const docsearch::v1::GetIndexStatsRequest& request,
    absl::Time deadline) {
  const uint32_t shard_count = caller.directory()->shard_count();
  std::vector<absl::StatusOr<docsearch::v1::GetIndexStatsResponse>> stats =
      caller.CallShards<docsearch::v1::GetIndexStatsResponse>(
          AllShards(shard_count), deadline, [&](size_t) {
            return Rpc(&docsearch::v1::QueryService::Stub::PrepareAsyncGetIndexStats, request);
          });
  for (const auto& shard : stats) {
    if (!shard.ok()) return shard.status();
  }
  docsearch::v1::GetIndexStatsResponse summed;
  docsearch::v1::GetIndexStatsResponse* response = &summed;
  std::map<std::string, int64_t> doc_types;
  for (const auto& shard : stats) {
    response->set_document_count(response->document_count() + shard->document_count());
    // Terms shared by shards count once per shard: an upper bound.
    response->set_term_count(response->term_count() + shard->term_count());
    response->set_posting_count(response->posting_count() + shard->posting_count());
    response->set_text_bytes(response->text_bytes() + shard->text_bytes());
    response->set_memory_bytes(response->memory_bytes() + shard->memory_bytes());
    response->set_segment_count(response->segment_count() + shard->segment_count());
    for (const auto& entry : shard->doc_type_counts()) doc_types[entry.value()] += entry.count();
    auto earlier = [](const docsearch::v1::Date& a, const docsearch::v1::Date& b) {
      return std::make_tuple(a.year(), a.month(), a.day()) <
             std::make_tuple(b.year(), b.month(), b.day());
    };
    if (shard->has_earliest_published() &&
        (!response->has_earliest_published() ||
         earlier(shard->earliest_published(), response->earliest_published()))) {
      *response->mutable_earliest_published() = shard->earliest_published();
    }
    if (shard->has_latest_published() &&
        (!response->has_latest_published() ||
         earlier(response->latest_published(), shard->latest_published()))) {
      *response->mutable_latest_published() = shard->latest_published();
    }
  }
  std::vector<std::pair<std::string, int64_t>> counts(doc_types.begin(), doc_types.end());
  std::sort(counts.begin(), counts.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  for (const auto& [value, count] : counts) {
    auto* entry = response->add_doc_type_counts();
    entry->set_value(value);
    entry->set_count(count);
  }
  return summed;
}

}  // namespace docsearch::query
