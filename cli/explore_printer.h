// The human-readable forms of FindSimilar, TermTrend, FindNearDuplicates and
// CompareSets responses: a hit table with the words that matched, a table
// per term with bars of '#', a list of near-copy pairs, and the words and
// phrases typical of each set.
#ifndef DOCSEARCH_CLI_EXPLORE_PRINTER_H_
#define DOCSEARCH_CLI_EXPLORE_PRINTER_H_

#include <string>

#include "absl/strings/string_view.h"
#include "docsearch/v1/comparison.pb.h"

namespace docsearch::cli {

// `source` names what was looked for ("2001-12-07-…" or "text notes.txt").
// `width`: terminal columns (titles and lists are cut); 0 = no limit.
std::string RenderSimilar(const docsearch::v1::FindSimilarResponse& response,
                          absl::string_view source, int width);

// One table per term: period, documents with the term of those in the
// period, occurrences, and a bar of the documents.
std::string RenderTrend(const docsearch::v1::TermTrendResponse& response);

std::string RenderDuplicates(const docsearch::v1::FindNearDuplicatesResponse& response, int width);

// The two sets (as the user typed them) with their document counts, then
// per side a table of the words and of the phrases typical of it: score
// (G²), documents with it in A and in B, and the readable form.
std::string RenderSets(const docsearch::v1::CompareSetsResponse& response,
                       absl::string_view query_a, absl::string_view query_b, int width);

}  // namespace docsearch::cli

#endif  // DOCSEARCH_CLI_EXPLORE_PRINTER_H_
