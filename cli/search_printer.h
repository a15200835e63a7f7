// The human-readable form of a SearchResponse: a table of hits (rank, score,
// date, type, id, title), each followed by its first snippet with the
// matched words marked, then the total, the server time and the token for
// the next page. Facets follow as small tables, and the date histogram as
// one line per bucket with a bar of '#'.
#ifndef DOCSEARCH_CLI_SEARCH_PRINTER_H_
#define DOCSEARCH_CLI_SEARCH_PRINTER_H_

#include <string>

#include "absl/strings/string_view.h"
#include "docsearch/v1/query_service.pb.h"

namespace docsearch::cli {

struct SearchPrintOptions {
  // Terminal columns; titles and snippets are cut to fit. 0 = no limit.
  int width = 0;
  // Mark highlights with ANSI bold instead of [brackets].
  bool ansi = false;
  // Snippet lines shown per hit before cutting with "…".
  int snippet_lines = 2;
};

// `text` with each highlight wrapped in `open` … `close`. Highlights are byte
// ranges; they are clamped to the text, widened to whole UTF-8 characters,
// and overlapping ones are merged, so a bad range from a server never
// produces broken text.
std::string MarkHighlights(const docsearch::v1::Snippet& snippet, absl::string_view open,
                           absl::string_view close);

// The facets and the date histogram of `response` ("" when it has none).
std::string RenderFacetsAndHistogram(const docsearch::v1::SearchResponse& response);

// `explanation` as an indented tree, one node a line: "value  description",
// children two spaces deeper, as Lucene prints an Explanation.
std::string RenderExplanation(const docsearch::v1::Explanation& explanation, int indent = 0);

std::string RenderSearchResponse(const docsearch::v1::SearchResponse& response,
                                 const SearchPrintOptions& options);

}  // namespace docsearch::cli

#endif  // DOCSEARCH_CLI_SEARCH_PRINTER_H_
