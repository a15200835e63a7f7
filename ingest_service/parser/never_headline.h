#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_NEVER_HEADLINE_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_NEVER_HEADLINE_H_

#include <vector>

#include "ingest_service/parser/body_parser.h"
#include "ingest_service/parser/line_features.h"
#include "ingest_service/parser/title_span.h"

namespace docsearch::ingest {

// A run that is not a headline whatever its score: a contents heading
// ("Sommaire", "Contents", "Inhalt"), or a line introducing a list whose
// items open in lower case ("Dans cet espace vous pouvez" / "- soit faire
// …" / "- soit sélectionner …", "You can:" / "- read …"), which a headline
// never does.
bool IsNeverHeadline(const TitleCandidate& candidate, const std::vector<SourceLine>& lines,
                     const std::vector<LineFeatures>& features);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_NEVER_HEADLINE_H_
