// RepairTitleRun's first steps (title_run.h), from the chosen run's first
// line down: which lines hold the headline and where it ends. After them the
// run's end is settled; the steps that open it higher (title_run_start.h)
// move its start only.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_TITLE_RUN_END_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_TITLE_RUN_END_H_

#include <cstddef>
#include <vector>

#include "absl/strings/string_view.h"
#include "ingest_service/parser/body_parser.h"
#include "ingest_service/parser/line_features.h"
#include "ingest_service/parser/title_span.h"

namespace docsearch::ingest {

// In this order: a printed label alone gives way to the headline under it;
// a speech's title in quotes is the headline; a subtitle opener, a repeat of
// the headline or a date line inside the run ends it; a headline wrapped
// over the next lines goes on over them; the first line of a paragraph
// printed under the headline is none of it. `run` indexes `features`, and
// is not "no title".
void RepairTitleRunEnd(const std::vector<SourceLine>& lines,
                       const std::vector<LineFeatures>& features, TitleCandidate* run);

// Shared with the steps that open the run higher (title_run_start.cc): both
// halves of the repair read the line tests below, so they are declared here
// instead of staying private to one of them.

// Lines a label printed one word a line ("Opening" / "Statement") takes.
inline constexpr size_t kMaxLabelLines = 3;
// Words a line of a narrow column holds.
inline constexpr int kNarrowLineWords = 3;

// No blank line between model lines k - 1 and k.
bool Adjacent(const std::vector<LineFeatures>& features, size_t k);

// A line that can continue a headline wrapped before it: short, not prose,
// not a date, furniture, a new label or a subtitle.
bool CanContinueHeadline(absl::string_view raw, absl::string_view text);

// "by" or "By", alone or opening the text ("by NATO Secretary General …"):
// who speaks, under a label or after it.
bool StartsWithBy(absl::string_view text);

// A headline printed in a narrow column, a word or three a line
// ("Meeting" / "of Allied" / "and Partner"): every line of the run is
// that short.
bool NarrowColumn(const std::vector<SourceLine>& lines, const std::vector<LineFeatures>& features,
                  const TitleCandidate& run);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_TITLE_RUN_END_H_
