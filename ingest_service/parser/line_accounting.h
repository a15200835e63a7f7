// Accounting for the lines a parse leaves out of the document: each is
// listed once among the response's dropped lines, with its reason, so that
// a caller sees everything the parse did not keep. The readers drop lines
// as they go (boilerplate, headers, dates, references...); these close the
// account after the layout is read.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_LINE_ACCOUNTING_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_LINE_ACCOUNTING_H_

#include <vector>

#include "docsearch/v1/ingest_service.pb.h"
#include "ingest_service/parser/layout_types.h"
#include "ingest_service/parser/line_features.h"
#include "ingest_service/parser/line_roles.h"

namespace docsearch::ingest {

// Keeps the first of the dropped lines that share a line number (a line two
// head readers both dropped: a reference line read as a place too).
void RemoveDuplicateDroppedLines(docsearch::v1::ParseDocumentResponse* response);

// Lists as dropped each head line the line-role model read (`features[k]`
// is line `lines[features[k].line_index]`, its role `roles[k]`; the head is
// every line before the first body line, and 8 lines past it) that is
// neither among the dropped lines nor in the document's kept text (title,
// subtitle, reference, printed type label, the paragraphs' opening, as
// much as the head lines could fill twice over, at most 1 MiB, and the
// footnotes, at most 1 MiB): reason
// "date_line" for a date line, "head" otherwise. A line is in the kept
// text when its letters and digits are (ASCII lower-cased; punctuation,
// spaces and the symbols of U+0080-U+00BF and U+2000-U+2BFF aside), its
// opening digits aside (a paragraph number is not kept in the paragraph's
// text): whole, or from 24 bytes of them on also its first or last two
// thirds (at most 256 bytes each; only those past 384 bytes), as when a
// type label or a date opening it went to another field, or a headline
// fused with the first sentence was cut between the title and the body.
// Lines with no letter are not listed. Linear in the kept text per line.
void ReportUnkeptHeadLines(const std::vector<SourceLine>& lines,
                           const std::vector<LineFeatures>& features,
                           const std::vector<LineRole>& roles,
                           docsearch::v1::ParseDocumentResponse* response);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_LINE_ACCOUNTING_H_
