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
// one: right under or over a counter, with no sentence's end, at most
// twenty words, not opening in lower case, and either printed again
// elsewhere in the text or standing between the halves of a sentence the
// page break cut (a head over a line opening in lower case). The head
// printed on the first page, over the text, is only known by being printed
// again.
bool IsRunningHeadOrFoot(const std::vector<SourceLine>& lines,
                         const std::vector<LineFeatures>& features, size_t k);

// Read after the line-role model (layout_reader.h): each running head or
// foot, and every other line printed the same but the title's, is made
// kFurniture in `roles` and its line index added to `furniture`.
void MarkRunningHeadsAndFeet(const std::vector<SourceLine>& lines,
                             const std::vector<LineFeatures>& features,
                             std::vector<LineRole>* roles, std::vector<size_t>* furniture);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_PAGE_BREAKS_H_
