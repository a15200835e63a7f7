// The type of a page no label, title or announcement named, read from where
// the site files it: a section's name printed next to the headline ("News"
// over it, "Speeches" under its date), the label with who issues it right
// over it ("Communiqué de presse du Conseil d'Etat"), the breadcrumb above
// it (on one line, or one step per line as a browser copies a list), a
// topics line by it ("Topics: News, Press Releases"). Read after the
// line-role model has chosen the title; each reader only fills a type
// still unset.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_SECTION_TYPES_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_SECTION_TYPES_H_

#include <vector>

#include "docsearch/v1/document.pb.h"
#include "ingest_service/parser/body_parser.h"
#include "ingest_service/parser/line_features.h"
#include "ingest_service/parser/line_roles.h"

namespace docsearch::ingest {

// `roles` has one entry per `features` entry, which index `lines`.
void ReadTypeFromSiteSection(const std::vector<SourceLine>& lines,
                             const std::vector<LineFeatures>& features,
                             const std::vector<LineRole>& roles, docsearch::v1::Document* document);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_SECTION_TYPES_H_
