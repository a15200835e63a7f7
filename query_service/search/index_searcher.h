// One search on one copy of the index: parses query text, picks the query's
// language, plans (query_planner.h), runs the top-k algorithm or evaluates
// every match, pages after the spec's cursor, and loads the page's stored
// documents with their snippets and explanations.
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_INDEX_SEARCHER_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_INDEX_SEARCHER_H_

#include <string>

#include "absl/status/statusor.h"
#include "common/text_analyzer.h"
#include "query_service/index/index_data.h"
#include "query_service/search/collection_statistics.h"
#include "query_service/search/search_options.h"
#include "query_service/search/search_spec.h"

namespace docsearch::query {

// How a search on one shard of several scores (cluster mode,
// shard_statistics.h): with these statistics (null: the index's own), and
// this main language (empty: the index's).
struct ShardScoring {
  const CollectionStatistics* statistics = nullptr;
  std::string main_language;
};

class IndexSearcher {
 public:
  // `data`, `analyzer` and `options` must outlive the searcher; `data` must
  // not change while it runs (SearchIndex searches inside a read).
  IndexSearcher(const IndexData& data, TextAnalyzer& analyzer, const SearchOptions& options)
      : data_(data), analyzer_(analyzer), options_(options) {}

  // INVALID_ARGUMENT naming the part of the query at fault ("query..." or
  // "query_string...") when it does not parse or bind.
  // `shard` scores as one shard of several would (see ShardScoring).
  absl::StatusOr<SearchResult> Search(const SearchSpec& spec,
                                      const ShardScoring& shard = ShardScoring());

 private:
  const IndexData& data_;
  TextAnalyzer& analyzer_;
  const SearchOptions& options_;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_INDEX_SEARCHER_H_
