// Search with SearchRequest.collapse_duplicates: one hit per near-duplicate
// cluster (query_service/compare/duplicate_clusters.h), on one node. The
// scan and the page token are collapse_scan.h's, shared with the cluster
// coordinator (coordinator/cluster_collapsed_search.h).
//
// The engine's hits are read in order, in growing batches (without
// snippets: the page's hits get theirs at the end), and a hit whose
// cluster already has one is dropped; the first hit of a cluster stands for
// it (the best-scoring one when sorted by score) and carries the cluster's
// id, the number of its other live members and their ids. Pages count
// collapsed hits: a page token holds how many were listed before, and the
// next page scans again from the first hit, so that a copy whose cluster
// was shown on an earlier page is never shown again. At most
// kMaxCollapseScan matches are read per call; past them the answer ends.
//
// total_size, facets and the date histogram are those of the plain search:
// they count matching documents, every copy included.
//
// Hits and clusters are read in two steps (the search, then the clusters of
// its hits): a write in between may leave a hit without its cluster, then
// shown as a document of its own.
//
// Errors: those of Search; INVALID_ARGUMENT for a page token of another
// query or of a search without collapse_duplicates; FAILED_PRECONDITION
// when the server keeps no clusters (--duplicate_clusters=false).
#ifndef DOCSEARCH_QUERY_SERVICE_SERVER_COLLAPSED_SEARCH_H_
#define DOCSEARCH_QUERY_SERVICE_SERVER_COLLAPSED_SEARCH_H_

#include <cstddef>

#include "absl/status/statusor.h"
#include "docsearch/v1/query_service.pb.h"
#include "query_service/search/search_index.h"
#include "query_service/server/collapse_scan.h"

namespace docsearch::query {

absl::StatusOr<docsearch::v1::SearchResponse> CollapsedSearchByRequest(
    const SearchIndex& index, const docsearch::v1::SearchRequest& request);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SERVER_COLLAPSED_SEARCH_H_
