// The body of a plain-text document: paragraphs and footnotes.
//
// Input is the lines after the head (title, date, header lines). Rules:
//   - Blank lines separate blocks. A line opening with a marker ("1.", "(a)",
//     a bullet) starts a paragraph and keeps its number.
//   - Hard-wrapped blocks (every line at most ~100 characters) are re-joined:
//     a paragraph ends only after a line that ends a sentence and is clearly
//     shorter than the wrap width. End-of-line hyphenation is undone when the
//     next line continues the word in lower case ("co-\noperation").
//   - In unwrapped blocks each line is a paragraph, unless the next line starts
//     in lower case (a stray line break mid-sentence).
//   - A block starting in lower case continues the previous paragraph when
//     that one did not end a sentence (page breaks, dropped furniture).
//   - Boilerplate lines (see boilerplate.h) are dropped and reported. After a
//     "Read it all <url>" line, the rest is the clipping site's and is dropped.
//   - Trailing numbered lines whose numbering restarts at 1 are footnotes when
//     the body cites them ("(1)", "[1]").
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_BODY_PARSER_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_BODY_PARSER_H_

#include <string_view>
#include <vector>

#include "absl/strings/string_view.h"
#include "docsearch/v1/ingest_service.pb.h"
#include "ingest_service/parser/line_readings.h"

namespace docsearch::ingest {

struct SourceLine {
  absl::string_view text;
  // 1-based line number in the normalized input.
  int number = 0;
};

// How many dropped lines, and explained lines, a parse lists at most; the
// rest are counted (ParseDocumentResponse.dropped_lines_not_listed,
// lines_not_listed).
inline constexpr int kMaxListedLines = 10000;

// Records `line` in response->dropped_lines with `reason`, or counts it in
// response->dropped_lines_not_listed once kMaxListedLines are listed.
void DropLine(const SourceLine& line, absl::string_view reason,
              docsearch::v1::ParseDocumentResponse* response);

// Appends paragraphs and footnotes to response->document and dropped lines to
// response->dropped_lines.
// `readings` as for ParsePlainText.
void ParseBody(const std::vector<SourceLine>& lines, docsearch::v1::ParseDocumentResponse* response,
               LineReadings* readings = nullptr);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_BODY_PARSER_H_
