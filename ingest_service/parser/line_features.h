// The features the line-role model reads, one set per non-blank line.
//
// The rule cascade is the feature set: every detector of the parser votes on
// every line (date line, Updated header, reference, type label, furniture
// reason, byline, salutation, paragraph marker, sidebar item), beside the
// line's shape (position, length, case, punctuation, blank lines around it),
// its first words, what the rule parser made of it (its "fate": title,
// dropped as navigation, kept as body, ...) and the same votes for its
// neighbours. Features are strings ("len=15-29", "vote=date_line",
// "prev:vote=type_label"), so the weights file stays readable.
//
// Contract: a pure function of the lines and the rule parse; the model never
// sees the labels.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_LINE_FEATURES_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_LINE_FEATURES_H_

#include <string>
#include <vector>

#include "docsearch/v1/ingest_service.pb.h"
#include "ingest_service/parser/body_parser.h"

namespace docsearch::ingest {

// Lines past this many non-blank lines are left to the rules (the model
// reads heads and the furniture around them; bodies are long).
inline constexpr size_t kModelLineLimit = 160;

struct LineFeatures {
  size_t line_index = 0;  // Index into the lines given.
  std::vector<std::string> features;
  // What the rule cascade made of the line: "title", "subtitle", "kept",
  // or "dropped_<reason>".
  std::string rule_fate;
};

// One entry per non-blank line among the first kModelLineLimit, in order.
// `rule_parse` is what the rule cascade made of the same lines.
std::vector<LineFeatures> ComputeLineFeatures(
    const std::vector<SourceLine>& lines, const docsearch::v1::ParseDocumentResponse& rule_parse);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_LINE_FEATURES_H_
