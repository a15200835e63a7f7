// FindNearDuplicates as clusters (the default answer; near_duplicates.h
// gives the pairs): the clusters the index keeps up to date on ingest
// (duplicate_cluster_index.h), or, for another min_resemblance or a server
// without them, clusters built for the call over the filtered documents
// (the same graph and union-find: BatchClusters).
//
// Order: largest cluster first, ties by cluster_id; a page_token names the
// last cluster listed (its size and id), so a page starts after it even
// when clusters changed in between (a cluster that grew past it may then be
// skipped or seen twice). Members: canonical first, then in canonical order.
//
// Errors: INVALID_ARGUMENT naming the field (min_resemblance, page_size,
// page_token, the filter's path); NOT_FOUND for an unknown id.
#ifndef DOCSEARCH_QUERY_SERVICE_COMPARE_NEAR_DUPLICATE_CLUSTERS_H_
#define DOCSEARCH_QUERY_SERVICE_COMPARE_NEAR_DUPLICATE_CLUSTERS_H_

#include "absl/status/statusor.h"
#include "common/text_analyzer.h"
#include "docsearch/v1/comparison.pb.h"
#include "query_service/search/index_snapshot.h"
#include "query_service/search/query_evaluator.h"

namespace docsearch::query::compare {

inline constexpr int kDefaultClusterPageSize = 20;
inline constexpr int kMaxClusterPageSize = 1000;

// Call inside SearchIndex::Read.
absl::StatusOr<docsearch::v1::FindNearDuplicatesResponse> ListNearDuplicateClusters(
    const docsearch::v1::FindNearDuplicatesRequest& request, IndexSnapshot index,
    TextAnalyzer& analyzer, const QueryLimits& limits);

}  // namespace docsearch::query::compare

#endif  // DOCSEARCH_QUERY_SERVICE_COMPARE_NEAR_DUPLICATE_CLUSTERS_H_
