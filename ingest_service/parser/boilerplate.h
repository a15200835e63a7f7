// Site furniture: lines that belong to the web page, not to the document.
//
// Recognized anywhere in a document (the reason is what DroppedLine.reason
// reports):
//   "layout"      only table pipes, bullets, empty image links ("![]() |")
//   "navigation"  "Go to Homepage Go to Index", "[ Go to Index ]", "Back to
//                 ...", "Header", "View Header", menus of '|'-separated items
//   "logo"        image file names, e.g. "natologo.jpg (2673 Byte)"
//   "phone_fax"   telephone/fax/e-mail lines, e.g. "+32 (0)2 707 50 41",
//                 "Tel: ...", "Email: press@hq.nato.int"
//   "address"     postal lines, e.g. "B-1110 Brussels/Bruxelles"
//   "site"        account/newsletter/video-portal prompts and "Source: ..."
//                 credits, "You are on page 1of 10", "Read it all http://..."
//   "contact"     "For more information please contact:", "More
//                 information:", "Key links" (a heading with nothing of its
//                 own)
//
// Contract: a pure function of the line; errs on the side of keeping text (a
// sentence of the body never matches: every rule requires a short line or a
// line made only of furniture).
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_BOILERPLATE_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_BOILERPLATE_H_

#include <optional>
#include <string_view>

#include "absl/strings/string_view.h"

namespace docsearch::ingest {

// The reason `line` is furniture, or nullopt when it may be content.
std::optional<absl::string_view> BoilerplateReason(absl::string_view line);
// The same, for a caller that folded the line already (to ask several
// detectors about it): `folded` is FoldAccents(absl::StripAsciiWhitespace(line)).
std::optional<absl::string_view> BoilerplateReason(absl::string_view line,
                                                   absl::string_view folded);

// True when `line` has no letters or digits at all (pipes, bullets, dashes).
bool IsPunctuationOnly(absl::string_view line);

// Shared with late_furniture.cc, which reads the lines the line-role model
// kept with the same edges and the same portal phrases as this cascade: one
// definition keeps the two readings of a line alike.

// Removes "[ ]", pipes and bullets around a line.
absl::string_view StripFurnitureEdges(absl::string_view line);

// How many of the portal phrases (account, newsletter and video-portal
// prompts, a site's notice about itself) occur in `folded`, counted until
// `enough` are found.
int PortalPhrasesIn(absl::string_view folded, int enough);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_BOILERPLATE_H_
