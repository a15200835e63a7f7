// A page that opens with a table of contents under its heading: a digest of
// several texts ("Déclarations officielles de politique étrangère du 18
// août 2017" / "Sommaire" / "1. Point de presse du porte-parole …"), whose
// heading names the collection, not one text.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_CONTENTS_PAGES_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_CONTENTS_PAGES_H_

#include <vector>

#include "absl/strings/string_view.h"
#include "docsearch/v1/ingest_service.pb.h"
#include "ingest_service/parser/body_parser.h"
#include "ingest_service/parser/line_features.h"
#include "ingest_service/parser/line_roles.h"

namespace docsearch::ingest {

// "Sommaire", "Contents", "Table of contents", "Inhalt", "Índice", "In this
// issue": a contents heading alone on its line (a colon may close it).
bool IsContentsHeading(absl::string_view line);

// When a contents heading stands within three lines under the title, the
// page is a digest: its title goes back to the text as its first paragraph,
// with the warning digest_without_title. `roles` are one per `features`
// entry, the title's lines marked kTitle.
void ReadContentsUnderTitle(const std::vector<SourceLine>& lines,
                            const std::vector<LineFeatures>& features,
                            const std::vector<LineRole>& roles,
                            docsearch::v1::ParseDocumentResponse* response);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_CONTENTS_PAGES_H_
