// Snippets of a search across shards. They are most of a shard's work for
// a search (docs/BENCHMARKS.md), and most of a shard's top k is not shown:
// the page phase asks each shard for snippets of its first hits only
// (SearchShardRequest.snippet_hits: its share of the page and a margin),
// the coordinator merges, and a fetch phase (query-then-fetch, as
// Elasticsearch's) asks the owning shards for the snippets of the merged
// page's other hits, if any (SearchShardRequest.fetch_ids). A fetch phase
// for every search builds the fewest snippets but adds a round trip to
// each; measured, that cost more than it saved unless the cores were
// saturated.
//
// Thread safety: as ShardCaller.
#ifndef DOCSEARCH_QUERY_SERVICE_COORDINATOR_SNIPPET_FETCH_H_
#define DOCSEARCH_QUERY_SERVICE_COORDINATOR_SNIPPET_FETCH_H_

#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/time/time.h"
#include "docsearch/v1/query_service.pb.h"
#include "docsearch/v1/shard_service.pb.h"
#include "query_service/coordinator/shard_caller.h"

namespace docsearch::query {

// How many hits of its page each shard builds snippets for: its share of
// the page and a margin of 2 (with documents spread by hash, 11 of the 14
// benchmark queries of scripts/search_latency.py show no hit past a
// shard's first 7 of a 10-hit page on 2 shards, and then no fetch phase
// runs); 0 when the search asks for no snippets.
int SnippetHitsPerShard(const docsearch::v1::SearchRequest& request, uint32_t shard_count);

// Sets the snippets of the hits of `merged` whose ids are in `ids`, asking
// the shards that own them (all at once) for those hits of `request` scored
// with `statistics`. A hit whose document was deleted since the page phase
// keeps no snippet. When a shard's replicas all fail: that failure, or,
// with `allow_partial`, its hits are left without snippets.
absl::Status FetchSnippets(const ShardCaller& caller, const docsearch::v1::SearchRequest& request,
                           const docsearch::v1::CollectionStatisticsMessage& statistics,
                           const absl::flat_hash_set<std::string>& ids, absl::Time deadline,
                           docsearch::v1::SearchResponse* merged);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_COORDINATOR_SNIPPET_FETCH_H_
