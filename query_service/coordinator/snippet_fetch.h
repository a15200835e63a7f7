// The fetch phase of a search across shards (query-then-fetch, as
// Elasticsearch's): the page phase asks every shard for its top k without
// snippets, the coordinator merges them, and only the hits of the merged
// page get snippets, each built by a replica of the shard holding it
// (SearchShardRequest.fetch_ids). Snippets are most of a shard's work for a
// search (docs/BENCHMARKS.md), and a shard's top k is mostly not shown.
//
// Thread safety: as ShardCaller.
#ifndef DOCSEARCH_QUERY_SERVICE_COORDINATOR_SNIPPET_FETCH_H_
#define DOCSEARCH_QUERY_SERVICE_COORDINATOR_SNIPPET_FETCH_H_

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "docsearch/v1/query_service.pb.h"
#include "docsearch/v1/shard_service.pb.h"
#include "query_service/coordinator/shard_caller.h"

namespace docsearch::query {

// Whether a search's page phase leaves the snippets to a fetch phase: when
// the caller wants snippets at all.
inline bool FetchesSnippets(const docsearch::v1::SearchRequest& request) {
  return !request.omit_snippets();
}

// Sets the snippets of `merged`'s hits, asking the shards that own them
// (all at once) for the hits of `request` scored with `statistics`. A hit
// whose document was deleted since the page phase keeps no snippet. When a
// shard's replicas all fail: that failure, or, with `allow_partial`, its
// hits are left without snippets.
absl::Status FetchSnippets(const ShardCaller& caller, const docsearch::v1::SearchRequest& request,
                           const docsearch::v1::CollectionStatisticsMessage& statistics,
                           absl::Time deadline, docsearch::v1::SearchResponse* merged);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_COORDINATOR_SNIPPET_FETCH_H_
