// Which elements of an HTML page are the site's rather than the document's,
// so that html_to_text.h leaves their text out.
//
// Three kinds of evidence, from the most to the least explicit:
//   - the element's tag (script, style, head, nav, aside, footer, form
//     controls, pop-ups) or an ARIA role naming page furniture
//     (navigation, banner, contentinfo, complementary, search, menu,
//     menubar, toolbar, dialog, alertdialog): pages built on generic
//     frameworks mark their menus, banners and sidebars with <div role=...>;
//   - the page hiding it from readers: the `hidden` attribute,
//     aria-hidden="true", an inline display:none or visibility:hidden;
//   - its class or id naming furniture ("breadcrumb", "cookie-banner",
//     "share-links", "related-news", "sidebar"), the signal content
//     extractors such as Mozilla's Readability rely on for pages that mark
//     nothing else. A name that also says content ("sidebar-content",
//     "main", "article") keeps the element, and the caller never applies
//     this test to an element holding the page's headline.
// The first two are definite; the third is a convention, so it is kept to
// whole words of the name and to words that name furniture in every site's
// vocabulary.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_HTML_FURNITURE_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_HTML_FURNITURE_H_

#include <gumbo.h>

#include "absl/strings/string_view.h"

namespace docsearch::ingest {

// Whether the element is furniture by its tag, its role, or because the
// page hides it (the first two kinds above).
bool IsFurnitureElement(const GumboElement& element);

// Whether the element's class or id names furniture (the third kind).
bool NamedAsFurniture(const GumboElement& element);

// Whether a class or id attribute's value names furniture: one of its words
// (split at spaces, '-' and '_', case folded) is a furniture word and none
// says content. Exposed for tests.
bool NamesFurniture(absl::string_view class_or_id);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_HTML_FURNITURE_H_
