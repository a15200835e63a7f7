// Deciding the title run with what is known about headlines in general,
// before and after the line-role model ranks the candidate runs
// (title_span.h):
//
//   - CandidateNamedByHints: the run whose words the URL slug or the page's
//     <title> repeat (title_hints.h) is the title, whatever the model thinks
//     of a banner above it;
//   - RepairTitleRun: the chosen run is completed and trimmed where its
//     edges break what a headline is: a headline printed twice in a row is
//     one headline; a run ending on "under the" or "held in," continues on
//     the next line; a run opening with "by …" under a printed label line
//     ("Opening" / "Statement" / "by NATO Secretary General …") starts at
//     the label, which the headline continues; so does a label printed
//     alone under a word completing it ("Opening" / "Statement"), a
//     narrow column chosen from inside ("Meeting" / "of the" / "North" /
//     "Atlantic" / "Council" / …) and a summit's label under the place
//     that names it ("Riga" / "Summit Declaration"), and a meeting's
//     headline under the body that meets ("Permanent Joint Council" /
//     "Meeting at the Level of …").
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_TITLE_RUN_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_TITLE_RUN_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "ingest_service/parser/body_parser.h"
#include "ingest_service/parser/line_features.h"
#include "ingest_service/parser/title_span.h"

namespace docsearch::ingest {

// A line that reads as prose: eight words or more, most of them starting in
// lower case, ending a sentence.
bool ReadsAsProse(absl::string_view line);

// The text of the model's line `k` (`features[k]`), trimmed.
absl::string_view FeatureLineText(const std::vector<SourceLine>& lines,
                                  const std::vector<LineFeatures>& features, size_t k);

// The text of lines [begin, end) of the model's lines, joined as a title.
std::string JoinRunLines(const std::vector<SourceLine>& lines,
                         const std::vector<LineFeatures>& features, size_t begin, size_t end);

// Index of the candidate the URL's slug or the page title names, if one
// matches strongly (IsStrongHintMatch): most hint words, then the highest
// share of the run's own words, then the fewest lines. Runs of prose or of
// more than 40 words are never named.
std::optional<size_t> CandidateNamedByHints(const std::vector<TitleCandidate>& candidates,
                                            const std::vector<SourceLine>& lines,
                                            const std::vector<LineFeatures>& features,
                                            absl::string_view source_uri,
                                            absl::string_view page_title);

// A headline printed twice near the top (a breadcrumb's last item or a
// page-title echo, then the headline; at most three lines between the
// copies, before the first prose line): the candidate that is its second
// copy.
std::optional<size_t> CandidatePrintedTwice(const std::vector<TitleCandidate>& candidates,
                                            const std::vector<SourceLine>& lines,
                                            const std::vector<LineFeatures>& features);

// A line opening in lower case with a preposition ("of the North", "held in
// Brussels", "at the Level of …"): the rest of a headline, never its start.
bool StartsWithHeadlineContinuation(absl::string_view text);

// "The following is a statement from …:": a sentence announcing the text
// below it (8 to 30 words, more of them in lower case than not, ending
// with a colon), which introduces a text and never names it.
bool ReadsAsAnnouncement(absl::string_view text);

// A run opening with a line of the page's wrapping that is furniture
// wherever it stands (LateFurnitureReason: a press office's formula, a
// menu bar opening with "Home", a reader notice, a welcome banner …): the
// page's, never its headline, whatever the model ranks it.
bool OpensWithPageWrapping(const std::vector<SourceLine>& lines,
                           const std::vector<LineFeatures>& features, const TitleCandidate& run);

// See the file comment. `run` indexes `features`; "no title" stays so.
void RepairTitleRun(const std::vector<SourceLine>& lines, const std::vector<LineFeatures>& features,
                    TitleCandidate* run);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_TITLE_RUN_H_
