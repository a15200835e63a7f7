// Aggregations over all the matches of a search (not only the page shown):
// value counts of keyword fields (facets) and a histogram of published dates.
//
// Facet values are reported in the form first indexed (e.g. "Brussels"),
// although matching is case-insensitive.
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_FACET_COUNTER_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_FACET_COUNTER_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "docsearch/v1/query_service.pb.h"
#include "query_service/index/index_data.h"
#include "query_service/search/query_evaluator.h"

namespace docsearch::query {

// The most frequent `size` values of each of `fields` among `matches`.
// INVALID_ARGUMENT naming facets[i] when a field is unknown or not a keyword
// field.
absl::StatusOr<std::vector<docsearch::v1::Facet>> CountFacets(
    const IndexData& index, const DocList& matches, const std::vector<std::string>& fields,
    int size);

// Matches per year or month of `published`, in date order.
std::vector<docsearch::v1::HistogramBucket> PublishedHistogram(const IndexData& index,
                                                               const DocList& matches,
                                                               docsearch::v1::Interval interval);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_FACET_COUNTER_H_
