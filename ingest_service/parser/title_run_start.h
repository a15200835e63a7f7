// RepairTitleRun's last steps (title_run.h): the lines right above the
// chosen run that open its headline, after its end is settled
// (title_run_end.h).
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_TITLE_RUN_START_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_TITLE_RUN_START_H_

#include <vector>

#include "ingest_service/parser/body_parser.h"
#include "ingest_service/parser/line_features.h"
#include "ingest_service/parser/title_span.h"

namespace docsearch::ingest {

// In this order, each moving the run's start up: a printed label above a
// "by …" line; a label printed over two lines; the short lines above a
// narrow column; the place above a summit's label; the body above a
// meeting's headline; a line above breaking off inside a noun phrase.
// `run` indexes `features`, and is not "no title".
void RepairTitleRunStart(const std::vector<SourceLine>& lines,
                         const std::vector<LineFeatures>& features, TitleCandidate* run);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_TITLE_RUN_START_H_
