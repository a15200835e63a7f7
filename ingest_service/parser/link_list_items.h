#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_LINK_LIST_ITEMS_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_LINK_LIST_ITEMS_H_

#include <cstddef>
#include <vector>

#include "ingest_service/parser/body_parser.h"
#include "ingest_service/parser/line_features.h"
#include "ingest_service/parser/line_roles.h"

namespace docsearch::ingest {

// The items of a list of links under its heading ("Related news" / "NATO
// summit in Madrid" / "Allies agree new plan" / …) are other pages' titles,
// the site's and not the text's; short lines with no sentence's end, up to
// the first line that is one, or a title line. Below the text's prose,
// where its own date was read already, the items' dates ("12 April 2024",
// "Mis à jour le 16/04/2024") are the list's too; above it a date line
// ends the list. The heading is furniture as well.
// Read after the line-role model (layout_reader.h): each item marked is
// made kFurniture in `roles` and its line index added to `furniture`.
// `title_end` is the index of the feature after the title run (0: none).
void MarkLinkListItems(const std::vector<SourceLine>& lines,
                       const std::vector<LineFeatures>& features, size_t title_end,
                       std::vector<LineRole>* roles, std::vector<size_t>* furniture);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_LINK_LIST_ITEMS_H_
