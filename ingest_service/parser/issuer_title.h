// A title that names who issued the text, not what it says: the issuing
// body ("Department of Conservation", "T.C. Dışişleri Bakanlığı"), its press
// office ("Ufficio comunicazione e stampa della Corte costituzionale"), a
// minister's portfolios ("Minister for Fire and Disaster Recovery and
// Minister for Corrective Services"), a type label naming the issuer
// ("Press Release: Department of Conservation", "Pressmeddelande från
// Socialdepartementet"), or the news site's name ("UN News Centre"). Sites
// print such a line as a kicker above the headline or as a signature under
// it and its date; the line-role model, which never saw most of those
// sites' words, may take it for the title while the headline a line or
// two away is dropped as furniture or kept as the first paragraph.
//
// Read after the model has chosen the title: the lexicon here feeds no
// line feature, so the weights do not depend on it.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_ISSUER_TITLE_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_ISSUER_TITLE_H_

#include <vector>

#include "absl/strings/string_view.h"
#include "docsearch/v1/ingest_service.pb.h"
#include "ingest_service/parser/body_parser.h"
#include "ingest_service/parser/line_features.h"
#include "ingest_service/parser/line_roles.h"

namespace docsearch::ingest {

// Whether `line` names the text's issuer and nothing else (see above), in
// any of the languages whose words for a ministry, office, agency, court,
// embassy or government are listed: at most eight words (fourteen for a
// minister's portfolios), no digit, no sentence, no event or document
// named ("Ministerial Meeting", "Statement by the Ministry"), every word of
// four letters or more capitalized but the words joining a name's parts (a
// name printed in sentence case, "Ufficio comunicazione e stampa della
// Corte costituzionale", reads like a headline in sentence case,
// "Regeringen föreslår tillfälligt slopat karensavdrag", and is not taken).
bool NamesTheIssuer(absl::string_view line);

// When the title is one line that NamesTheIssuer, and within four lines
// below or above it (nearest first, below before above; not past a
// paragraph of prose or a menu) stands a line shaped like a headline (four
// words or more, no sentence, no date row, type label, menu or issuer line,
// not dropped by a furniture reader): that line becomes the title. The
// issuer line is dropped as a head line; a type label opening it types an
// untyped text. `roles` are one per `features` entry.
void ReplaceIssuerTitle(const std::vector<SourceLine>& lines,
                        const std::vector<LineFeatures>& features,
                        const std::vector<LineRole>& roles,
                        docsearch::v1::ParseDocumentResponse* response);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_ISSUER_TITLE_H_
