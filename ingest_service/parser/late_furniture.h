// Furniture read late: lines of the web page that the line-role model kept,
// told by shapes the model's inputs leave out (boilerplate.h reads the rest
// of a page's furniture, before the model).
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_LATE_FURNITURE_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_LATE_FURNITURE_H_

#include <optional>

#include "absl/strings/string_view.h"

namespace docsearch::ingest {

// Furniture told by shapes the line-role model's inputs leave out, read
// after the model on the lines it kept (layout_reader.h): a site's welcome
// banner ("Welcome to the website of …"), a contact heading
// fused with the office it names ("Contact Information … Public Affairs
// Office"), a player's caption or a link to another version of the page
// ("Revoir la déclaration conjointe :", "Watch the press conference:", "Read
// the French version"), a site's notice about itself running to a paragraph
// (two of the portal phrases BoilerplateReason reads on short lines), a
// notice addressed to one kind of reader ("If you are not a journalist, …",
// "Media enquiries: …"), a republishing site's disclaimer (two of its
// phrases: "originating organization", "edited for clarity", "views
// expressed" …), an editor's "Extrait" / "[Excerpts]" line, a page's stamp
// of when it was put on line ("Publié le 06 septembre 2014"), a menu bar
// opening with "Home", a language named alone on its line (a menu printed
// one item to a line: "English" / "Français" / "Русский"), and a press
// office's wrapping line ("Office of the Press Secretary") left below the
// headline, a photo's caption ending in its credit, a site's notice about
// itself or the reader's browser, a player's or a messaging service's
// share link (site_notices.h), and a list of links printed on its
// heading's line ("Related information: …", page_controls.h). They are kept out of
// BoilerplateReason because the cascade's verdicts are the model's training inputs: a new verdict
// on one document retrains the title ranker and moves titles of unrelated documents
// (docs/INGEST.md).
std::optional<absl::string_view> LateFurnitureReason(absl::string_view line);
// The same, with `folded` = FoldAccents(absl::StripAsciiWhitespace(line)).
std::optional<absl::string_view> LateFurnitureReason(absl::string_view line,
                                                     absl::string_view folded);

// "Welcome to the website of …", "Willkommen auf den Seiten des …": a site
// greeting its visitors (one of LateFurnitureReason's shapes), which a title
// run never opens with.
bool IsWelcomeBannerLine(absl::string_view line);

// "Français", "Русский", "Deutsch": a language named alone on its line, an
// item of a language menu (one of LateFurnitureReason's shapes), never a
// headline.
bool NamesALanguageAlone(absl::string_view line);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_LATE_FURNITURE_H_
