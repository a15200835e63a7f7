#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_PAGE_ANNOTATIONS_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_PAGE_ANNOTATIONS_H_

#include <optional>

#include "absl/strings/string_view.h"

// What a site prints about a page rather than as a control of it: the
// page's number and count ("Page 2 of 3"), its filing under subjects
// ("Tags: defence, NATO"), its copyright, the credit of a picture the text
// lost, the time it takes to read and the site's request for feedback ("Was
// this page useful?"). Told, like the controls of page_controls.h, by the
// words of web sites in general, not by any one site's wording.
//
// `folded` arguments are FoldAccents of the trimmed line; `edges` that
// with its furniture edges (pipes, bullets, dashes, a trailing colon)
// taken off; `bare` that without the arrows and guillemets around a link's
// words ("« Back to news").
namespace docsearch::ingest {

// "layout" for a page's number and count, "site" for what the site says
// about the page, or nothing. Read by PageControlReason (page_controls.h)
// after the page's controls and links.
std::optional<absl::string_view> PageAnnotationReason(absl::string_view edges,
                                                      absl::string_view folded,
                                                      absl::string_view bare);

// "Page 2 of 3", "Página 1 de 2", "Seite 1 von 4": a page's number and
// count, left in a text converted from print. ("Page 12" alone, or "- 2 -",
// may be a text's own reference or list mark.) `folded` as above.
bool IsPageCounter(absl::string_view folded);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_PAGE_ANNOTATIONS_H_
