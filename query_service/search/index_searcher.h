// One search on one copy of the index: parses query text, picks the query's
// language, plans (query_planner.h), runs the top-k algorithm or evaluates
// every match, pages after the spec's cursor, and loads the page's stored
// documents with their snippets and explanations.
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_INDEX_SEARCHER_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_INDEX_SEARCHER_H_

#include "absl/status/statusor.h"
#include "common/text_analyzer.h"
#include "query_service/index/index_data.h"
#include "query_service/search/search_options.h"
#include "query_service/search/search_spec.h"

namespace docsearch::query {

class IndexSearcher {
 public:
  // `data`, `analyzer` and `options` must outlive the searcher; `data` must
  // not change while it runs (SearchIndex searches inside a read).
  IndexSearcher(const IndexData& data, TextAnalyzer& analyzer, const SearchOptions& options)
      : data_(data), analyzer_(analyzer), options_(options) {}

  // INVALID_ARGUMENT naming the part of the query at fault ("query..." or
  // "query_string...") when it does not parse or bind.
  absl::StatusOr<SearchResult> Search(const SearchSpec& spec);

 private:
  // The `language` value most documents have ("" when none).
  std::string MainLanguage() const;

  const IndexData& data_;
  TextAnalyzer& analyzer_;
  const SearchOptions& options_;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_INDEX_SEARCHER_H_
