// The features the line-role model reads, one set per non-blank line.
//
// The rule cascade is the feature set: every detector of the parser votes on
// every line (date line, Updated header, reference, type label, furniture
// reason, byline, salutation, paragraph marker, sidebar item), beside the
// line's shape (position, length, case, punctuation, blank lines around it),
// its first words, what the rule parser made of it (its "fate": title,
// dropped as navigation, kept as body, ...) and the same votes for its
// neighbours. Each feature has a name ("len=15-29", "vote=date_line",
// "prev:type_label"), the weights file's, and is held as an integer id
// (line_feature_ids.h), so that computing and scoring a line's features
// builds and hashes no name; only the line's words are kept as strings.
//
// Contract: a pure function of the lines and the rule parse; the model never
// sees the labels.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_LINE_FEATURES_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_LINE_FEATURES_H_

#include <string>
#include <vector>

#include "docsearch/v1/ingest_service.pb.h"
#include "ingest_service/parser/body_parser.h"
#include "ingest_service/parser/line_feature_ids.h"
#include "ingest_service/parser/line_readings.h"

namespace docsearch::ingest {

// Lines past this many non-blank lines are left to the rules (the model
// reads heads and the furniture around them; bodies are long).
inline constexpr size_t kModelLineLimit = 160;

// A feature without a fixed id: its name is OpenPrefix(kind) + key.
struct OpenFeature {
  OpenKind kind = OpenKind::kOther;
  std::string key;
};

struct LineFeatures {
  size_t line_index = 0;  // Index into the lines given.
  // The features in order (the scores are sums in this order): a fixed id,
  // or feature::kFixedCount + i for open[i].
  std::vector<FeatureId> ids;
  std::vector<OpenFeature> open;
  // What the rule cascade made of the line: "title", "subtitle", "kept",
  // or "dropped_<reason>".
  std::string rule_fate;

  size_t size() const { return ids.size(); }
  // Whether the line has the fixed feature `id`.
  bool Has(FeatureId id) const;
  // The open feature in place j, or null when that one is fixed.
  const OpenFeature* OpenAt(size_t j) const {
    return ids[j] < feature::kFixedCount ? nullptr : &open[ids[j] - feature::kFixedCount];
  }
  void Add(FeatureId id) { ids.push_back(id); }
  void AddOpen(OpenKind kind, std::string key);
  // The name of the feature in place j, and of all of them in order (for
  // explanations and the training tools).
  std::string Name(size_t j) const;
  std::vector<std::string> Names() const;
};

// A line with the features `names`, each filed as ParseFeatureName files it
// (tests and tools that write features by name).
LineFeatures LineFeaturesFromNames(size_t line_index, const std::vector<std::string>& names);

// One entry per non-blank line among the first kModelLineLimit, in order.
// `rule_parse` is what the rule cascade made of the same lines.
// `readings`, when given, is the memo the rule parse filled (line_readings.h).
std::vector<LineFeatures> ComputeLineFeatures(
    const std::vector<SourceLine>& lines, const docsearch::v1::ParseDocumentResponse& rule_parse,
    LineReadings* readings = nullptr);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_LINE_FEATURES_H_
