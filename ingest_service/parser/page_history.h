#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_PAGE_HISTORY_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_PAGE_HISTORY_H_

#include <cstddef>
#include <vector>

#include "ingest_service/parser/body_parser.h"
#include "ingest_service/parser/line_features.h"
#include "ingest_service/parser/line_roles.h"

namespace docsearch::ingest {

// A page's record of its own changes under its heading ("Updates to this
// page" / "5 April 2022 — Corrected the amount …" / "4 April 2022 — First
// published."): the heading and the dated entries under it (a date opening
// the line, then a dash or a colon) are the site's, not the text's, when
// no prose of the text follows them. Only the lines the model reads (the
// first kModelLineLimit) are looked at. Read
// after the line-role model (layout_reader.h): each line marked is made
// kFurniture in `roles` and its line index added to `furniture`.
void MarkPageHistory(const std::vector<SourceLine>& lines,
                     const std::vector<LineFeatures>& features, std::vector<LineRole>* roles,
                     std::vector<size_t>* furniture);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_PAGE_HISTORY_H_
