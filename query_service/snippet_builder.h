// Highlighted snippets for search hits.
//
// The snippet is the passage (title or body paragraph) with the most query
// term matches, cut to a window around the first match on word boundaries.
// Highlights are byte ranges into the snippet text, so clients can mark them
// in any output format.
#ifndef DOCSEARCH_QUERY_SERVICE_SNIPPET_BUILDER_H_
#define DOCSEARCH_QUERY_SERVICE_SNIPPET_BUILDER_H_

#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "common/text_analyzer.h"
#include "docsearch/v1/query_service.pb.h"

namespace docsearch::query {

// Snippets of `document` for the analyzed `terms`; empty when no passage
// holds any (e.g. a pure filter query). `max_bytes` bounds each snippet.
std::vector<docsearch::v1::Snippet> BuildSnippets(const docsearch::v1::Document& document,
                                                  const absl::flat_hash_set<std::string>& terms,
                                                  TextAnalyzer& analyzer, size_t max_bytes = 240);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SNIPPET_BUILDER_H_
