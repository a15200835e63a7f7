// FindNearDuplicates as clusters (without `pairs`) on a coordinator: the
// answer one node holding every document gives
// (compare/near_duplicate_clusters.h), from the shards.
//
// Every shard's live documents are gathered with their fingerprints,
// canonical keys and whether the filter passes them
// (ShardComparisonService.GetFingerprints with mark_filtered and
// canonical_keys); the coordinator builds the graph and its components with
// the same code as one node (DuplicateGraph, BatchClusters): over every
// document at the shards' --duplicate_resemblance (then members limited to
// the filter, as one node limits its kept clusters), or over the filtered
// documents at another min_resemblance. Order, page tokens and members'
// order are one node's; the page's titles and dates come from the owners.
//
// Cost: a full gather of the fingerprints (64 MinHash values a document)
// and a graph built per call, like pairs mode; no state is kept between
// calls.
#ifndef DOCSEARCH_QUERY_SERVICE_COORDINATOR_CLUSTER_DUPLICATE_CLUSTERS_H_
#define DOCSEARCH_QUERY_SERVICE_COORDINATOR_CLUSTER_DUPLICATE_CLUSTERS_H_

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "docsearch/v1/comparison.pb.h"
#include "query_service/coordinator/shard_caller.h"

namespace docsearch::query {

absl::StatusOr<docsearch::v1::FindNearDuplicatesResponse> ListClustersAcrossShards(
    const ShardCaller& caller, const docsearch::v1::FindNearDuplicatesRequest& request,
    absl::Time deadline);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_COORDINATOR_CLUSTER_DUPLICATE_CLUSTERS_H_
