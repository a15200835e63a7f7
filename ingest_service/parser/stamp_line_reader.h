#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_STAMP_LINE_READER_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_STAMP_LINE_READER_H_

#include <vector>

#include "docsearch/v1/document.pb.h"
#include "ingest_service/parser/body_parser.h"
#include "ingest_service/parser/line_features.h"

namespace docsearch::ingest {

// A content system's stamp line in the head ("Created: 2017.06.20 /
// Updated: 2017.06.21 14:15", header_lines.h) dates a document no date line
// dated: its date is published (the fallback's warning withdrawn) and its
// Updated part the updated time when no Updated header was read. Read after
// the model, on the lines above the first prose line (a key alone on its
// line with the date on the next, or with only a space between them, above
// the third: "Published" / "24 April 2019", "Published 4 April 2022" under
// a summary), so that the cascade's verdicts, the model's
// inputs, stay as they are.
void ReadStampLine(const std::vector<SourceLine>& lines, const std::vector<LineFeatures>& features,
                   docsearch::v1::Document* document);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_STAMP_LINE_READER_H_
