#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_SITE_NOTICES_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_SITE_NOTICES_H_

#include "absl/strings/string_view.h"

namespace docsearch::ingest {

// Lines a site prints on every page, in words no single rule of
// boilerplate.h knew, read late (late_furniture.h): they never enter the
// line-role model's inputs. `trimmed` is the line without its outer white
// space, `folded` FoldAccents of it.

// A photo's caption ending in its credit: "Investigators search premises
// during the action day. Photo: Europol", "Sessão plenária do STF. Foto:
// Rosinei Coutinho/SCO/STF", "An artist's concept of a lander. Credit:
// NASA", "… eastern Chad. © UNHCR/Issa Mahamat". The caption before the
// key ends a sentence and the credit is a capitalized name of a few words
// with no sentence after it: "Expanding the Tax Credit: up to 1,200
// dollars" is text.
bool IsCaptionWithCredit(absl::string_view trimmed);

// The same caption with its credit on the next line ("Le conseiller fédéral
// et son homologue devant le Palais fédéral." / "© DFAE", "… de la Ciudad
// de México." / "Foto: SRE"): read as the two joined, the credit line short
// (a sign or a key and four words at most) and holding no digit and no
// copyright notice's words ("© Crown copyright" closes a page's footer,
// and a text's last paragraph may stand right above it).
bool IsCaptionOverCreditLine(absl::string_view caption, absl::string_view credit_line);

// A site's notice about itself or its reader's browser: the United States
// government's banner ("Here's how you know", alone on its line, and its
// sentences about .gov addresses: "A .gov website belongs to …"), advice
// about the screen or browser ("Best viewed in 1024 x 768 resolution"),
// "Problems viewing this page? …", a disclaimer about the site's external
// links ("… should not be construed as an endorsement …"), and the
// acknowledgement of country Australian sites print in their footers
// ("We acknowledge … Traditional Owners and Custodians … We pay our
// respects to Elders past and present"). A speaker's own acknowledgement
// ("Before I begin, I acknowledge …", "Let me acknowledge …") opens a
// speech and stays; so does a comet "best viewed with binoculars".
bool IsSiteNotice(absl::string_view folded);

// A web archive's toolbar over the page it kept: a line holding the
// archive's address ("The Wayback Machine - https://web.archive.org/web/
// 19990203154512/http://…"), the archive's name alone on its line
// ("INTERNET ARCHIVE", "Wayback Machine"), or its notice about whose crawl
// it holds ("… donating their crawl data to the Internet Archive").
bool IsWebArchiveToolbar(absl::string_view folded);

// A link to play the page's video elsewhere or to share it by a messaging
// service, in words a share bar or a player prints: "Watch the video on
// UN Web TV", "Compartilhe por WhatsApp".
bool IsWatchOrShareLink(absl::string_view folded);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_SITE_NOTICES_H_
