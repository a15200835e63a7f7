// The ids of a search's hits, in rank order, as the tests of this folder
// compare them; an error is reported through gtest and gives no ids.
#ifndef DOCSEARCH_TESTS_QUERY_SERVICE_SERVER_HIT_IDS_H_
#define DOCSEARCH_TESTS_QUERY_SERVICE_SERVER_HIT_IDS_H_

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "query_service/search/search_index.h"
#include "query_service/server/search_request_mapping.h"

namespace docsearch::query {

inline std::vector<std::string> HitIds(SearchIndex& index, const v1::SearchRequest& request) {
  auto response = SearchByRequest(index, request);
  EXPECT_TRUE(response.ok()) << response.status();
  std::vector<std::string> ids;
  if (response.ok()) {
    for (const auto& hit : response->hits()) ids.push_back(hit.id());
  }
  return ids;
}

// A query_string search analysed in `language` ("" lets the engine choose).
inline std::vector<std::string> HitIds(SearchIndex& index, const std::string& query_string,
                                       const std::string& language) {
  v1::SearchRequest request;
  request.set_query_string(query_string);
  request.set_language(language);
  return HitIds(index, request);
}

}  // namespace docsearch::query

#endif  // DOCSEARCH_TESTS_QUERY_SERVICE_SERVER_HIT_IDS_H_
