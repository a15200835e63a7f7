// The human-readable forms of FindSimilar, TermTrend and FindNearDuplicates
// responses: a hit table with the words that matched, a table per term with
// bars of '#', and a list of near-copy pairs.
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

std::string RenderDuplicates(const docsearch::v1::FindNearDuplicatesResponse& response,
                             int width);

}  // namespace docsearch::cli

#endif  // DOCSEARCH_CLI_EXPLORE_PRINTER_H_
