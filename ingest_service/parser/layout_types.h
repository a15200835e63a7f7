// The document's type and reference as the line roles show them, after the
// line-role model (layout_reader.h) has chosen the title: a type label or
// reference line the cascade missed, a delivery note, a head line naming the
// type, an announcing paragraph, a press-release reference series. Each
// reader only fills what is still unset or weak (a type read from the
// title), in that order.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_LAYOUT_TYPES_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_LAYOUT_TYPES_H_

#include <vector>

#include "docsearch/v1/document.pb.h"
#include "ingest_service/parser/body_parser.h"
#include "ingest_service/parser/line_features.h"
#include "ingest_service/parser/line_roles.h"

namespace docsearch::ingest {

// `roles` has one entry per `features` entry, which index `lines`.
void ReadTypeAndReferenceFromRoles(const std::vector<SourceLine>& lines,
                                   const std::vector<LineFeatures>& features,
                                   const std::vector<LineRole>& roles,
                                   docsearch::v1::Document* document);

// Still no type after every other reading, the page's address included: a
// press office's marks of a release ("FOR IMMEDIATE RELEASE", "Release #:
// 051-01", "(Release ID :79521)") make it a press release. The weakest
// sign: a White House prints the first over statements and transcripts
// too, which their label or address names first.
void SetTypeFromReleaseMarks(const std::vector<SourceLine>& lines,
                             const std::vector<LineFeatures>& features,
                             docsearch::v1::Document* document);

// Still no type after every printed sign and the address: a line of the
// head (before the first body line) giving the text's reading time ("3 min
// read", "Lesezeit: 4 Min.") marks a news site's story, DOC_TYPE_UPDATE.
// Press offices print labels; news rooms print reading times over their
// stories (a press office's page with a reading time and no label is
// typed so too: the weakest sign, read last).
void SetTypeFromReadingTime(const std::vector<SourceLine>& lines,
                            const std::vector<LineFeatures>& features,
                            const std::vector<LineRole>& roles, v1::Document* document);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_LAYOUT_TYPES_H_
