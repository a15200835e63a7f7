// Title candidates for the line-role model: the title is one run of
// consecutive head lines (or none), so the model ranks runs rather than
// deciding line by line, which would cut a title wrapped over several
// narrow lines or glue a banner to it.
//
// Every run of 1 to kMaxTitleLines consecutive lines starting among the
// first kTitleWindow non-blank lines is a candidate, plus "no title". A run's
// features are those of its first line ("first:...") and last line
// ("last:..."), its size, the detector votes of its inner lines (a date line
// inside a title is unlikely), whether it crosses a blank line, and how it
// relates to the rule cascade's title (same, part of it, containing it,
// unrelated).
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_TITLE_SPAN_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_TITLE_SPAN_H_

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "docsearch/v1/ingest_service.pb.h"
#include "ingest_service/parser/body_parser.h"
#include "ingest_service/parser/line_features.h"

namespace docsearch::ingest {

// A portal's menus (languages, sections, a breadcrumb) may run to sixty
// lines and more above the headline; a window of 40 lines left such a
// headline out of the runs ranked. Runs starting further down are ranked
// too but never won on the corpus (its parse and weights are the same with
// 40); the parse of the corpus costs 0.02 % more instructions.
inline constexpr size_t kTitleWindow = 96;
inline constexpr size_t kMaxTitleLines = 12;

struct TitleCandidate {
  // [begin, end) indices into the LineFeatures; begin == end: no title.
  size_t begin = 0;
  size_t end = 0;
  // The run's features, in order (TitleCandidates only).
  std::vector<std::string> features;
  // The sum of the span weights of `features`, added in their order, so
  // equal to LineRoleModel::SpanScore to the bit (ScoredTitleCandidates
  // only).
  float score = 0;
  // The cascade's own reading: its title run ("rule:same"), or "no title"
  // when it found none ("none:rule_has_none").
  bool rule_choice = false;
};

// The lines the model read, their features and the title candidates, for
// the training and evaluation tools (ParseOptions::line_trace).
struct LineTrace {
  std::vector<std::string> lines;  // Every line of the text, blank ones too.
  std::vector<LineFeatures> features;
  std::vector<TitleCandidate> title_candidates;
};

// The candidates with their features as strings, for training and
// explanations.
std::vector<TitleCandidate> TitleCandidates(const std::vector<SourceLine>& lines,
                                            const std::vector<LineFeatures>& features,
                                            const docsearch::v1::ParseDocumentResponse& rule_parse);

// A span weight by the line feature it is read from: a line's feature F
// weighs "first:F" where the line opens a run and "last:F" where it closes
// one, and a vote "vote=V" weighs "inner:V" inside a run. One lookup of the
// line's own feature (by its id, line_feature_ids.h) gives all three,
// without building the prefixed names.
struct SpanLineWeights {
  std::optional<float> first;
  std::optional<float> last;
  std::optional<float> inner;
};
class SpanLineWeightIndex {
 public:
  SpanLineWeightIndex() : fixed_(feature::kFixedCount) {}
  // The entry of the line feature named `name`, made if missing.
  SpanLineWeights& Entry(absl::string_view name);
  // The entry of the feature in place j of `line`, or null.
  const SpanLineWeights* Find(const LineFeatures& line, size_t j) const;

 private:
  std::vector<SpanLineWeights> fixed_;  // By fixed feature id.
  std::array<absl::flat_hash_map<std::string, SpanLineWeights>, kOpenKindCount> open_;
};

// Files the span record `name` ("first:F", "last:F", "inner:V") under its
// line feature; records of other kinds are not filed.
void IndexSpanLineWeight(absl::string_view name, float weight, SpanLineWeightIndex* index);

// The "first:", "last:" and "inner:" records of `span_weights` by line
// feature.
SpanLineWeightIndex IndexSpanLineWeights(
    const absl::flat_hash_map<std::string, float>& span_weights);

// The same candidates, in the same order, with their scores under
// `span_weights` (LineRoleModel's "span" records) instead of their features:
// each line's features are looked up once, not once per run holding it
// (a line opens, closes or sits inside up to kMaxTitleLines runs), and no
// feature string is copied per run. `line_weights` is
// IndexSpanLineWeights(span_weights).
std::vector<TitleCandidate> ScoredTitleCandidates(
    const std::vector<SourceLine>& lines, const std::vector<LineFeatures>& features,
    const docsearch::v1::ParseDocumentResponse& rule_parse,
    const absl::flat_hash_map<std::string, float>& span_weights,
    const SpanLineWeightIndex& line_weights);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_TITLE_SPAN_H_
