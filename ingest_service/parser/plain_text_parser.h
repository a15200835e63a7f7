// Structure extraction from the plain text of one archived official document.
//
// The text (already UTF-8 and normalized) is read in two parts:
//   - the head, every line before the first body line: the "Updated:" header,
//     the reference ("Press Release (97)87"), the date line, the type label
//     ("Press Statement"), title and subtitle, and site furniture around them
//     (sidebars of related news, place lines such as "Madrid", bylines);
//   - the body (see body_parser.h).
// The first body line is the first numbered paragraph, salutation
// ("Ladies and Gentlemen,") or sentence-shaped line (see IsBodyStart in the
// .cc for the exact rule).
//
// When there is no date line, `published` falls back, in order, to a date in
// the title or subtitle, in the source URI, in the Updated header, then in the
// first paragraphs, and a warning names the source used
// ("published_from_title", ...). Nothing is guessed beyond that.
//
// A digest of dated news items (two or more date lines in the body, or an
// Updated header "Week of ...") has no title and is a DOC_TYPE_UPDATE unless
// a label says otherwise; its published date is the week's first day when the
// header gives one. The type otherwise comes from, in order: a label in the
// head, a label opening the first paragraph, the title, a series name ("Press
// Release"), the header's site section.
//
// Contract: never fails; everything uncertain is a warning on the document.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_PLAIN_TEXT_PARSER_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_PLAIN_TEXT_PARSER_H_

#include "absl/strings/string_view.h"
#include "docsearch/v1/ingest_service.pb.h"
#include "ingest_service/parser/line_readings.h"

namespace docsearch::ingest {

// Fills doc_type, doc_type_raw, title, subtitle, published, updated,
// reference, paragraphs, footnotes and warnings of response->document, and
// response->dropped_lines. `source_uri` is only read for the date fallback.
// `readings`, when given, is the document's memo of line readings
// (line_readings.h), shared with the caller's other readers of the lines.
void ParsePlainText(absl::string_view text, absl::string_view source_uri,
                    docsearch::v1::ParseDocumentResponse* response,
                    LineReadings* readings = nullptr);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_PLAIN_TEXT_PARSER_H_
