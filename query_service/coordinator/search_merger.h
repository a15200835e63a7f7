// Merges the shards' answers to one Search into the answer one index
// holding every document would give (every shard scored with the summed
// collection statistics, search/shard_statistics.h):
//
//   hits        the shards' pages merged in the request's order (score, or
//               published date, then id) and cut to page_size;
//   totals      summed; "at least" when any shard's was a lower bound;
//   facets      counts summed per value (the shards are asked for every
//               value up to the largest facet_size), then cut to facet_size;
//   histogram   counts summed per bucket;
//   page token  the cursor of the last hit, in the single-node format, so
//               each shard resumes after it on the next page.
#ifndef DOCSEARCH_QUERY_SERVICE_COORDINATOR_SEARCH_MERGER_H_
#define DOCSEARCH_QUERY_SERVICE_COORDINATOR_SEARCH_MERGER_H_

#include <vector>

#include "docsearch/v1/query_service.pb.h"

namespace docsearch::query {

// The request each shard gets: `request` asking for every facet value (up
// to `max_facet_size`) so the merged counts are exact.
docsearch::v1::SearchRequest ShardRequestFor(const docsearch::v1::SearchRequest& request,
                                             int max_facet_size);

// Merges `shards` (one response per shard, each to ShardRequestFor).
docsearch::v1::SearchResponse MergeSearchResponses(
    const docsearch::v1::SearchRequest& request, std::vector<docsearch::v1::SearchResponse> shards);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_COORDINATOR_SEARCH_MERGER_H_
