// Named entities of a document: persons, organisations and places.
//
// Organisations: a built-in table of the bodies the archive names (NATO,
// EAPC, PJC, NRC, OSCE, UN, EU, WEU, KFOR, SFOR, ...) in English and French,
// plus every acronym the text itself defines: "NATO-Russia Council (NRC)"
// gives the entity "NATO-Russia Council" with acronym "NRC" when the
// acronym's capitals are the initials of the words before it and one of those
// words names a body (Council, Commission, Force, Union, ...). Later bare
// uses of the acronym count as mentions of the same entity.
// Persons: a table of the era's office holders with their short forms
// ("Lord Robertson", "Robertson"; "Jaap de Hoop Scheffer"), plus any
// capitalized name after a title ("President Kostunica", "Dr. Javier
// Solana", "Secretary General Jaap de Hoop Scheffer"). Honorifics (Mr., Dr.,
// M.) and functions are not part of the name; peerages are ("Lord Robertson").
// Places: a gazetteer of countries, capitals and the cities and regions the
// archive mentions, French forms mapped to English names.
//
// Contract: pure and thread-safe; linear in the text; each entity appears
// once, with its distinct surface forms in `mentions` and its count in
// `mention_count`. Ordered by type, then by mention count (most first).
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_ENTITY_EXTRACTOR_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_ENTITY_EXTRACTOR_H_

#include <vector>

#include "absl/strings/string_view.h"
#include "docsearch/v1/document.pb.h"

namespace docsearch::ingest {

std::vector<docsearch::v1::Entity> ExtractEntities(absl::string_view text);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_ENTITY_EXTRACTOR_H_
