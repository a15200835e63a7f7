// HTML pages to the line-structured plain text the plain-text parser reads.
//
// The page goes through gumbo, a conforming HTML5 parser, so broken markup
// is read the way a browser reads it. Then:
//   - what html_furniture.h calls the site's rather than the document's is
//     left out: script, style, head, nav, aside, footer, form controls and
//     pop-ups, elements whose ARIA role names furniture or that the page
//     hides, and elements whose class or id names furniture (except those
//     holding the page's first <h1>);
//   - block elements (p, div, h1-h6, li, tr, br, table, blockquote, ...)
//     end lines, and paragraphs and headings are followed by a blank line, so
//     the page's structure becomes the line structure the parser expects;
//   - table cells side by side stay on one line, separated by " | " (the
//     form the archive's text copies have: "Updated: 29-Oct-2001 | NATO Press
//     Releases");
//   - list items start with a bullet, so numbering and bullets survive;
//   - whitespace inside text collapses to single spaces (except in <pre>).
//
// Pages nested deeper than kMaxHtmlDepth (hostile or broken input) are not
// given to gumbo, whose clean-up recurses: their tags are stripped by a
// simple scanner instead, and `stripped_without_parsing` says so.
//
// Contract: never fails; `utf8` must be valid UTF-8.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_HTML_TO_TEXT_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_HTML_TO_TEXT_H_

#include <string>

#include "absl/strings/string_view.h"

namespace docsearch::ingest {

inline constexpr int kMaxHtmlDepth = 2000;

struct HtmlText {
  std::string text;
  // The page's own title for the text, whitespace collapsed; empty when
  // none: its Open Graph or Twitter card title (og:title, twitter:title),
  // else its <title> less a trailing " | Site name" of at most eight words.
  std::string page_title;
  // The text of the first <h1> outside furniture (html_furniture.h), whitespace
  // collapsed; empty when none.
  std::string headline;
  // True when the page was too deeply nested to parse (see above).
  bool stripped_without_parsing = false;
};

HtmlText HtmlToText(absl::string_view utf8);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_HTML_TO_TEXT_H_
