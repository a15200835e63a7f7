#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_MENU_LABELS_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_MENU_LABELS_H_

#include <cstddef>
#include <vector>

#include "ingest_service/parser/body_parser.h"
#include "ingest_service/parser/line_features.h"

namespace docsearch::ingest {

// Whether feature line `k`, a type's name ("Discours", "Speeches"), is an
// item of the site's menu rather than the text's label: it stands among
// three or more short items printed one under the other, one before it at
// least and one after it at least (three words at most, no sentence's end,
// no date): "Communiqués de presse" / "Déclarations" / "Discours" /
// "Agenda". A label printed over its headline, under a date or over a
// byline has a longer line or a date next to it.
bool IsLabelAmongMenuItems(const std::vector<SourceLine>& lines,
                           const std::vector<LineFeatures>& features, size_t k);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_MENU_LABELS_H_
