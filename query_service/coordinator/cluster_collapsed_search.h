// Search with collapse_duplicates on a coordinator: the answer one node
// holding every document gives (server/collapsed_search.h), from the shards.
//
// The coordinator's own cross-shard search (coordinator_service.h) is read
// in growing batches through its page tokens, by the scan one node runs
// (server/collapse_scan.h: same batches, same kMaxCollapseScan bound, same
// page token), and each batch's hits get their global clusters from a walk
// of the shards' duplicate graphs (cluster_duplicate_walk.h), shared by the
// batches of the call. total_size, facets and the histogram are the first
// batch's, as on one node. The batches are read without snippets; the
// page's hits get theirs at the end from their shards (snippet_fetch.h),
// so that snippets are built for the page only, as one node does.
//
// Cost over a plain search: per batch, one call to the hits' owners and one
// round to every shard per step of the walk (two when no hit has a copy).
//
// Errors: those of Search; INVALID_ARGUMENT for a page token of another
// query or of a search without collapse_duplicates; FAILED_PRECONDITION
// when a replica keeps no clusters or replicas disagree on
// --duplicate_resemblance.
#ifndef DOCSEARCH_QUERY_SERVICE_COORDINATOR_CLUSTER_COLLAPSED_SEARCH_H_
#define DOCSEARCH_QUERY_SERVICE_COORDINATOR_CLUSTER_COLLAPSED_SEARCH_H_

#include <functional>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "docsearch/v1/query_service.pb.h"
#include "docsearch/v1/shard_service.pb.h"
#include "query_service/coordinator/shard_caller.h"

namespace docsearch::query {

// The coordinator's plain search of `request` (page tokens as usual),
// setting the global statistics its hits were scored with.
using PlainClusterSearch = std::function<absl::StatusOr<docsearch::v1::SearchResponse>(
    const docsearch::v1::SearchRequest& request, absl::Time deadline,
    docsearch::v1::CollectionStatisticsMessage* statistics)>;

// `max_page_size`: the replicas' --max_page_size (batches are cut to it).
absl::StatusOr<docsearch::v1::SearchResponse> CollapsedSearchAcrossShards(
    const PlainClusterSearch& search, const ShardCaller* caller, int max_page_size,
    const docsearch::v1::SearchRequest& request, absl::Time deadline);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_COORDINATOR_CLUSTER_COLLAPSED_SEARCH_H_
