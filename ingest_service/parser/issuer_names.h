// Lines that name who issued a text and nothing else: the issuing body
// ("Department of Conservation", "T.C. Dışişleri Bakanlığı", "Ulkoministeriö"),
// a minister's offices ("Minister for Fire and Disaster Recovery and
// Minister for Corrective Services"), a type label naming the body ("Press
// Release: Department of Conservation", "Pressmeddelande från
// Socialdepartementet"), a news site's name ("UN News Centre"). Read after
// the line-role model (issuer_title.h, contents_pages.h): the lexicon here
// feeds no line feature.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_ISSUER_NAMES_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_ISSUER_NAMES_H_

#include "absl/strings/string_view.h"

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

// The two of NamesTheIssuer's readings that name the issuer by more than a
// body's name alone: a type label parted from the body's name, or a
// minister's offices.
bool NamesTheIssuerByLabelOrOffice(absl::string_view line);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_ISSUER_NAMES_H_
