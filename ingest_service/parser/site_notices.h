#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_SITE_NOTICES_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_SITE_NOTICES_H_

#include "absl/strings/string_view.h"

namespace docsearch::ingest {

// Lines a site prints on every page, in words no single rule of
// boilerplate.h knew, read late (LateFurnitureReason): they never enter the
// line-role model's inputs. `trimmed` is the line without its outer white
// space, `folded` FoldAccents of it.

// A photo's caption ending in its credit: "Investigators search premises
// during the action day. Photo: Europol", "Sessão plenária do STF. Foto:
// Rosinei Coutinho/SCO/STF", "An artist's concept of a lander. Credit:
// NASA", "… eastern Chad. © UNHCR/Issa Mahamat". The credit is a name of a
// few words with no sentence after it; a sentence that quotes a photo
// goes on ("Photo: the minister said …" is no credit).
bool IsCaptionWithCredit(absl::string_view trimmed);

// A site's notice about itself or its reader's browser: the United States
// government's banner ("Here's how you know"), "Best viewed in 1024 x 768
// resolution", "Problems viewing this page? …", a disclaimer about the
// links it carries ("… should not be construed as an endorsement …"), and
// the acknowledgement of country Australian sites print in their footers
// ("We acknowledge … Traditional Owners and Custodians … We pay our
// respects to Elders past and present"). A speaker's own acknowledgement
// ("I acknowledge the Traditional Custodians …") opens a speech and stays.
bool IsSiteNotice(absl::string_view folded);

// A link to play the page's video elsewhere or to share it by a messaging
// service, in words a share bar or a player prints: "Watch the video on
// UN Web TV", "Compartilhe por WhatsApp".
bool IsWatchOrShareLink(absl::string_view folded);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_SITE_NOTICES_H_
