#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_PAGE_CONTROLS_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_PAGE_CONTROLS_H_

#include <optional>

#include "absl/strings/string_view.h"

// The lines every page of a site prints around whatever text it carries:
// its controls (print, share, e-mail, back to top, previous and next),
// its legal and help links (privacy, cookies, legal notice, site map),
// its filing of the page (tags, keywords, topics), its copyright and its
// request for feedback ("Was this page useful?"). They are told by the
// words of web sites in general, in the languages the parser reads, not by
// any one site's wording, so that archives of sites the corpus does not
// hold lose them too. boilerplate.h reads them as furniture. The filing,
// the copyright and the request for feedback, which the site says about the
// page rather than offers as a control, are read in page_annotations.h.
//
// `folded` arguments are FoldAccents of the trimmed line; `edges` that
// with its furniture edges (pipes, bullets, dashes, a trailing colon)
// taken off.
namespace docsearch::ingest {

// "navigation" for a control or link of the page, "site" for what the
// site says about the page (tags, copyright, feedback), or nothing.
std::optional<absl::string_view> PageControlReason(absl::string_view edges,
                                                   absl::string_view folded);

// "Related news", "See also", "Voir aussi", "Mehr zum Thema": the heading
// of a list of links to other pages, on a line of its own.
bool IsLinkListHeading(absl::string_view line);

// "Related information: Monetary Policy Report—January 2024; Opening
// statement": such a heading with its links on the same line, no sentence.
// `folded` is FoldAccents of the trimmed line.
bool OpensWithLinkListHeading(absl::string_view folded);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_PAGE_CONTROLS_H_
