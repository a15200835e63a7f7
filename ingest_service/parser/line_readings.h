// One reading of each line of a document, shared by the parser's stages.
//
// The rule cascade reads the head lines twice (the loop that finds where the
// body begins, then ReadHead) and the body once, and runs again when the
// line-role model finds furniture it kept; the model's line features then
// ask the same detectors about the same lines. Each asked BoilerplateReason
// afresh, folding the line each time. A LineReadings, made once per document
// by ReadLayout, keeps what the furniture rules said about each distinct
// line and the line's fold, so that every later asker reads it back.
//
// Contract: a reading is a pure function of the line's text (white space
// around it ignored), so a memo changes no output; a null LineReadings* means
// "read it afresh", which is what callers outside ReadLayout do.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_LINE_READINGS_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_LINE_READINGS_H_

#include <optional>
#include <string>

#include "absl/container/node_hash_map.h"
#include "absl/strings/string_view.h"

namespace docsearch::ingest {

struct LineReading {
  // FoldAccents(absl::StripAsciiWhitespace(line)).
  std::string folded;
  // BoilerplateReason(line).
  std::optional<absl::string_view> furniture;
};

// The reading of `line`, computed afresh (what LineReadings keeps).
LineReading ReadLine(absl::string_view line);

class LineReadings {
 public:
  // The reading of `line`, computed on first use. The reference stays valid
  // as long as this object.
  const LineReading& Read(absl::string_view line);

 private:
  // Keyed by the line stripped of ASCII white space; nodes keep the
  // readings in place while others are added.
  absl::node_hash_map<std::string, LineReading> readings_;
};

// BoilerplateReason(line), read from `readings` when there are any.
std::optional<absl::string_view> FurnitureReason(absl::string_view line, LineReadings* readings);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_LINE_READINGS_H_
