#include "query_service/coordinator/snippet_fetch.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "cluster/shard_router.h"
#include "docsearch/v1/shard_service.grpc.pb.h"

namespace docsearch::query {

// SearchRequest's page size when it leaves page_size 0 (as the merge).
constexpr int kDefaultPageSize = 10;

using docsearch::v1::SearchShardRequest;
using docsearch::v1::SearchShardResponse;

int SnippetHitsPerShard(const docsearch::v1::SearchRequest& request, uint32_t shard_count) {
  if (request.omit_snippets() || shard_count == 0) return 0;
  const int page_size = request.page_size() <= 0 ? kDefaultPageSize : request.page_size();
  const int shards = static_cast<int>(shard_count);
  return std::min(page_size, (page_size + shards - 1) / shards + 2);
}

absl::Status FetchSnippets(const ShardCaller& caller, const docsearch::v1::SearchRequest& request,
                           const docsearch::v1::CollectionStatisticsMessage& statistics,
                           const absl::flat_hash_set<std::string>& ids, absl::Time deadline,
                           docsearch::v1::SearchResponse* merged) {
  const uint32_t shard_count = caller.directory()->shard_count();
  std::vector<SearchShardRequest> fetches(shard_count);
  for (const docsearch::v1::SearchHit& hit : merged->hits()) {
    if (!ids.contains(hit.id())) continue;
    fetches[cluster::ShardOf(hit.id(), shard_count)].add_fetch_ids(hit.id());
  }
  std::vector<uint32_t> shards;  // Those holding hits of the page.
  for (uint32_t shard = 0; shard < shard_count; ++shard) {
    if (fetches[shard].fetch_ids().empty()) continue;
    shards.push_back(shard);
    SearchShardRequest& fetch = fetches[shard];
    *fetch.mutable_search() = request;
    // The page phase counted these; the fetch only builds hits.
    fetch.mutable_search()->clear_facets();
    fetch.mutable_search()->set_date_histogram(docsearch::v1::INTERVAL_UNSPECIFIED);
    fetch.mutable_search()->clear_page_token();
    fetch.mutable_search()->set_explain(false);
    *fetch.mutable_statistics() = statistics;
  }
  std::vector<absl::StatusOr<SearchShardResponse>> answers =
      caller.CallShards<SearchShardResponse>(shards, deadline, [&](size_t k) {
        return Rpc(&docsearch::v1::ShardService::Stub::PrepareAsyncSearchShard, fetches[shards[k]]);
      });
  absl::flat_hash_map<std::string, docsearch::v1::SearchHit*> by_id;
  for (docsearch::v1::SearchHit& hit : *merged->mutable_hits()) by_id[hit.id()] = &hit;
  for (absl::StatusOr<SearchShardResponse>& answer : answers) {
    if (!answer.ok()) {
      if (request.allow_partial() && absl::IsUnavailable(answer.status())) continue;
      return answer.status();
    }
    for (docsearch::v1::SearchHit& fetched : *answer->mutable_search()->mutable_hits()) {
      auto it = by_id.find(fetched.id());
      if (it != by_id.end())
        *it->second->mutable_snippets() = std::move(*fetched.mutable_snippets());
    }
  }
  return absl::OkStatus();
}

}  // namespace docsearch::query
