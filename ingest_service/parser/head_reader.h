// The head of a plain-text document: every line before the body.
//
// ReadHead walks those lines once and sorts them: site furniture and sidebar
// items (dropped, with a reason), the "Updated:" header, the reference (also
// printed one word per line), the date line (also opening a longer line), the
// type label (also opening a line, or printed over two narrow lines), and
// everything else gathered into blocks, the candidates for title and
// subtitle (see title_chooser.h). The order of blocks and consumed lines is
// kept in `events`, since what follows a block says what it is ("Madrid"
// before the date line is a place, a block after a label is the title).
//
// Contract: lines consumed are appended to response->dropped_lines; the Head
// holds views into `lines` and into its own `owned` storage, so it must not
// outlive `lines`.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_HEAD_READER_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_HEAD_READER_H_

#include <cstddef>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "docsearch/v1/ingest_service.pb.h"
#include "ingest_service/parser/body_parser.h"
#include "ingest_service/parser/header_lines.h"
#include "ingest_service/parser/line_readings.h"

namespace docsearch::ingest {

// One run of consecutive head lines that are none of header, date, reference
// or label: a title, subtitle, place line, byline or stray furniture.
struct HeadBlock {
  std::vector<absl::string_view> lines;
  std::vector<SourceLine> sources;
  bool opened_by_label = false;
};

// What the head reader met, in order: blocks, and the lines it consumed.
struct HeadEvent {
  enum Kind { kBlock, kDate, kLabel, kOther };
  Kind kind;
  std::string label;  // For kLabel: the label as printed.
};

struct Head {
  std::optional<UpdatedHeader> header;
  std::optional<docsearch::v1::Date> date_line;
  std::string reference;
  std::optional<docsearch::v1::DocType> label_type;
  std::string label_raw;
  std::optional<docsearch::v1::DocType> weak_type;  // "Press Release": a series, not a type.
  std::string weak_raw;
  std::string label_as_title;  // A label line alone, the title if none other.
  std::vector<HeadBlock> blocks;
  std::vector<HeadEvent> events;
  std::deque<std::string> owned;  // Stable storage for text built from lines.
};

// Reads lines [0, end) as the head.
// `readings` as for ParsePlainText.
Head ReadHead(const std::vector<SourceLine>& lines, size_t end,
              docsearch::v1::ParseDocumentResponse* response, LineReadings* readings = nullptr);

// Where a title line fused with the first body sentence should be cut, as
// scraping sometimes glues them: "... Bosnia and HerzegovinaFollowing
// consultations ..." (no space), or "... on Thursday, 8 December 2005 Meeting
// in Brussels on 8 December 2005, we, the ..." (titles end with their date).
std::optional<size_t> FusedTitleEnd(absl::string_view line);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_HEAD_READER_H_
