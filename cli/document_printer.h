// The human-readable form of a Document (`docsearch get`) and of a parse
// dry run (`docsearch parse`): the metadata the parser decided, then the
// title, the numbered paragraphs wrapped to the terminal, footnotes,
// entities, attributes and warnings; for a dry run also the content type and
// encoding used and every line dropped as boilerplate, with its reason.
//
// Everything a user needs to check the parser is shown; only long paragraphs
// are shortened unless `full` is set.
#ifndef DOCSEARCH_CLI_DOCUMENT_PRINTER_H_
#define DOCSEARCH_CLI_DOCUMENT_PRINTER_H_

#include <string>

#include "docsearch/v1/document.pb.h"
#include "docsearch/v1/ingest_service.pb.h"

namespace docsearch::cli {

struct DocumentPrintOptions {
  // Wrap width in columns (paragraphs, long values).
  int width = 80;
  // Print whole paragraphs; otherwise a paragraph is cut after
  // `max_paragraph_lines` lines with a note of how much was left out (but
  // only when that saves a few lines: hiding five words helps nobody).
  bool full = false;
  int max_paragraph_lines = 8;
};

// The wrap width for a terminal of `terminal_width` columns (0 = not a
// terminal): the terminal's width, but never wider than reads comfortably.
int DocumentWidthForTerminal(int terminal_width);

std::string RenderDocument(const docsearch::v1::Document& document,
                           const DocumentPrintOptions& options);

std::string RenderParseResponse(const docsearch::v1::ParseDocumentResponse& response,
                                const DocumentPrintOptions& options);

// Every line the parser read (ParseDocumentRequest.explain_lines), aligned:
// number, role, the line (cut to 60 columns), and the features that weigh
// most for the role, with their weights. Blank lines show their number only.
std::string RenderLineRoles(const docsearch::v1::ParseDocumentResponse& response);

}  // namespace docsearch::cli

#endif  // DOCSEARCH_CLI_DOCUMENT_PRINTER_H_
