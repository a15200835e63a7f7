// The settings of a SearchIndex (search_index.h): request limits, query
// limits, scoring, and when segments seal and merge.
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_SEARCH_OPTIONS_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_SEARCH_OPTIONS_H_

#include <functional>

#include "common/text_analyzer.h"
#include "query_service/index/segment_merge.h"
#include "query_service/search/bm25.h"
#include "query_service/search/query_binder.h"

namespace docsearch::query {

struct SearchOptions {
  // Largest page_size accepted (the QueryService's request limits; the
  // engine takes any spec).
  int max_page_size = 1000;
  // page_size when the request leaves it 0.
  int default_page_size = 10;
  // Most facets one Search may ask for (each costs a pass over the
  // matches and a list in the response).
  int max_facets = 16;
  QueryLimits query_limits;
  ScoringOptions scoring;
  // How documents and queries are analysed into terms (one setting for
  // both, so they meet).
  AnalysisOptions analysis;
  // When open postings are sealed into a segment and segments merge.
  MergePolicy segments;
  // Told the duration of every merge published (metrics); runs on the
  // merger thread, so it must be quick.
  std::function<void(double seconds)> on_merge;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_SEARCH_OPTIONS_H_
