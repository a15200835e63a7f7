#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_PAGE_BREAKS_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_PAGE_BREAKS_H_

#include <cstddef>
#include <vector>

#include "ingest_service/parser/body_parser.h"
#include "ingest_service/parser/line_features.h"
#include "ingest_service/parser/line_roles.h"

namespace docsearch::ingest {

// A text converted from print repeats lines at each page break: the
// running head over a page ("CENTRAL BANK OF KENYA – Press Release – MPC
// Meeting") and the running foot under one (the office's address), next to
// the page's counter ("Page 2 of 3"). Whether the line of feature `k` is
// one: right under or over a counter, with no sentence's end, not closed
// by a colon, a comma or a semicolon ("PRIME MINISTER:", "Ladies and
// Gentlemen,"), at most twenty words, not opening in lower case, and
// either printed at two breaks or more or standing between the halves of a
// sentence the page break cut (the text over the counter goes on, and the
// line under the head opens in lower case).
bool IsRunningHeadOrFoot(const std::vector<SourceLine>& lines,
                         const std::vector<LineFeatures>& features, size_t k);

// Read after the line-role model (layout_reader.h): each running head or
// foot but the title is made kFurniture in `roles` and its line index added
// to `furniture`; copies of it elsewhere stay (they may be the text's own).
void MarkRunningHeadsAndFeet(const std::vector<SourceLine>& lines,
                             const std::vector<LineFeatures>& features,
                             std::vector<LineRole>* roles, std::vector<size_t>* furniture);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_PAGE_BREAKS_H_
