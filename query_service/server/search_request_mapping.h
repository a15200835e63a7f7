// The QueryService's Search on the wire and the engine's search
// (search/search_spec.h): what a SearchRequest must hold to be a search at
// all (its INVALID_ARGUMENT statuses name the field), page tokens as strings,
// and the SearchResponse built from the engine's result.
#ifndef DOCSEARCH_QUERY_SERVICE_SERVER_SEARCH_REQUEST_MAPPING_H_
#define DOCSEARCH_QUERY_SERVICE_SERVER_SEARCH_REQUEST_MAPPING_H_

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "docsearch/v1/query_service.pb.h"
#include "query_service/search/search_index.h"
#include "query_service/search/search_spec.h"

namespace docsearch::query {

// The spec `request` asks for, with its defaults resolved and its page
// token decoded. INVALID_ARGUMENT naming the field when `request` breaks a
// rule of the wire or a limit of `limits` (page_size, facets, facet_size).
absl::StatusOr<SearchSpec> SearchSpecOf(const docsearch::v1::SearchRequest& request,
                                        const SearchOptions& limits);

// The response to `request` for the engine's `result`; `took` is the time
// the search took.
docsearch::v1::SearchResponse SearchResponseOf(const docsearch::v1::SearchRequest& request,
                                               SearchResult result, absl::Duration took);

// Search as the QueryService serves it: SearchSpecOf, the engine's search on
// `index`, SearchResponseOf.
// `shard` scores as one shard of several (cluster mode; the default: with
// the index's own statistics).
absl::StatusOr<docsearch::v1::SearchResponse> SearchByRequest(
    const SearchIndex& index, const docsearch::v1::SearchRequest& request,
    const ShardScoring& shard = ShardScoring());

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SERVER_SEARCH_REQUEST_MAPPING_H_
