// The human-readable form of a CompareDocumentsResponse, compact enough for
// one screen: who A and B are and how far apart in time, the similarity
// measures, shared and distinctive phrases (as written), terms (top N) and
// entities, then the paragraph alignment with the start of each paragraph
// and the paragraphs left unmatched.
#ifndef DOCSEARCH_CLI_COMPARE_PRINTER_H_
#define DOCSEARCH_CLI_COMPARE_PRINTER_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "docsearch/v1/comparison.pb.h"

namespace docsearch::cli {

// What the printer needs besides the response: how to name each side and
// the paragraphs' text (the response only has their indices).
struct CompareSides {
  // Shown for a side without an id (raw text), e.g. "text notes.txt".
  std::string label_a = {};
  std::string label_b = {};
  // Paragraph texts by index; a side may have none (then only indices show).
  std::vector<std::string> paragraphs_a = {};
  std::vector<std::string> paragraphs_b = {};
};

struct ComparePrintOptions {
  // Terminal columns: lists wrap and paragraph excerpts are cut to fit.
  // 0 = not a terminal (lists wrap at 100 columns, excerpts stay ~60).
  int width = 0;
  // Entries shown per term, phrase and entity list.
  int top = 8;
  // Characters of each paragraph shown in the alignment.
  int excerpt_chars = 60;
};

// The paragraphs of raw text as CompareDocuments cuts them: blocks separated
// by a blank line ("\n\n", CRLF read as LF), trimmed, empty ones skipped.
std::vector<std::string> SplitRawParagraphs(absl::string_view text);

std::string RenderComparison(const docsearch::v1::CompareDocumentsResponse& response,
                             const CompareSides& sides, const ComparePrintOptions& options);

}  // namespace docsearch::cli

#endif  // DOCSEARCH_CLI_COMPARE_PRINTER_H_
