// HTML pages to the line-structured plain text the plain-text parser reads.
//
// The page goes through gumbo, a conforming HTML5 parser, so broken markup
// is read the way a browser reads it. Then:
//   - script, style, noscript, template, head, nav, aside, footer, form
//     controls (select, button) and dialog content is dropped (never text of
//     the document), and so is an element whose ARIA role names page
//     furniture (navigation, banner, contentinfo, complementary, search,
//     menu, menubar, toolbar, dialog, alertdialog) or that the page hides
//     (the `hidden` attribute, aria-hidden="true", an inline display:none
//     or visibility:hidden). A <header> is kept: inside an article it holds
//     the headline, and at the top of a page it may too;
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
  // The <title> of the page, whitespace collapsed; empty when none.
  std::string page_title;
  // The text of the first <h1> outside dropped content, whitespace
  // collapsed; empty when none.
  std::string headline;
  // True when the page was too deeply nested to parse (see above).
  bool stripped_without_parsing = false;
};

HtmlText HtmlToText(absl::string_view utf8);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_HTML_TO_TEXT_H_
