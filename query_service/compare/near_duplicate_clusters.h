// FindNearDuplicates as clusters (the default answer; near_duplicates.h
// gives the pairs): the clusters the index keeps up to date on ingest
// (duplicate_cluster_index.h), or, for another min_resemblance or a server
// without them, clusters built for the call over the filtered documents
// (the same graph and union-find: BatchClusters).
//
// A coordinator lists the same clusters across shards
// (coordinator/cluster_duplicate_clusters.h) with the helpers below.
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

#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "common/text_analyzer.h"
#include "docsearch/v1/comparison.pb.h"
#include "query_service/search/index_snapshot.h"
#include "query_service/search/query_evaluator.h"

namespace docsearch::query::compare {

inline constexpr int kDefaultClusterPageSize = 20;
inline constexpr int kMaxClusterPageSize = 1000;

// The checks of min_resemblance and page_size, shared with a coordinator.
absl::Status ValidateClusterListing(const docsearch::v1::FindNearDuplicatesRequest& request);

// The page of listed clusters a request asks for: `listed` holds each
// cluster's (listed members, cluster_id), sorted by ClusterListedBefore;
// the page is [begin, end), next_page_token set when more follow.
// INVALID_ARGUMENT for a malformed page_token.
struct ClusterPage {
  size_t begin = 0;
  size_t end = 0;
  std::string next_page_token;
};
bool ClusterListedBefore(size_t size_a, const std::string& id_a, size_t size_b,
                         const std::string& id_b);
absl::StatusOr<ClusterPage> PageOfClusters(
    const docsearch::v1::FindNearDuplicatesRequest& request,
    const std::vector<std::pair<size_t, std::string>>& listed);

// Call inside SearchIndex::Read.
absl::StatusOr<docsearch::v1::FindNearDuplicatesResponse> ListNearDuplicateClusters(
    const docsearch::v1::FindNearDuplicatesRequest& request, IndexSnapshot index,
    TextAnalyzer& analyzer, const QueryLimits& limits);

}  // namespace docsearch::query::compare

#endif  // DOCSEARCH_QUERY_SERVICE_COMPARE_NEAR_DUPLICATE_CLUSTERS_H_
