// What GetIndexStats reports of one copy of the index: counts, memory, the
// documents per doc_type and the range of publication dates.
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_INDEX_STATS_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_INDEX_STATS_H_

#include "docsearch/v1/query_service.pb.h"
#include "query_service/index/index_data.h"

namespace docsearch::query {

// `data`'s statistics; memory counts both copies of the index (left_right.h),
// which share the sealed segments and the stored documents.
docsearch::v1::GetIndexStatsResponse IndexStatsOf(const IndexData& data);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_INDEX_STATS_H_
