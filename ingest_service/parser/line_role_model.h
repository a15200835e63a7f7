// The line-role model: a linear scorer per role over the line features
// (line_features.h) and a first-order transition score between the roles of
// consecutive lines, decoded with Viterbi over the whole line sequence
// (a structured averaged perceptron, Collins 2002; the same shallow-feature
// sequence view as boilerplate detection in Kohlschütter et al. 2010).
//
// The weights are a small text file, reviewed like code
// (ingest_service/parser/line_role_weights.txt), compiled into the binary and
// read once at first use: parsing never needs a file or the network.
// `parser_train_line_roles` (ingest_service/parser/tools/) writes it.
//
// Format, one record a line ('#' starts a comment):
//   transition FROM TO WEIGHT      FROM is a role name or "start"
//   feature NAME W_body W_furniture W_header ... (one weight per role, in
//           LineRole order)
//   span NAME WEIGHT               a title-candidate feature (title_span.h)
//
// Thread safety: a loaded model is immutable; Decode may run concurrently.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_LINE_ROLE_MODEL_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_LINE_ROLE_MODEL_H_

#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "ingest_service/parser/line_features.h"
#include "ingest_service/parser/line_roles.h"
#include "ingest_service/parser/title_span.h"

namespace docsearch::ingest {

using RoleScores = std::array<float, kLineRoleCount>;

// Transition scores: [from][to], with row kLineRoleCount for the sequence
// start.
using RoleTransitions = std::array<RoleScores, kLineRoleCount + 1>;

// The best role sequence for per-line `emissions` under `transitions`.
std::vector<LineRole> ViterbiDecode(const std::vector<RoleScores>& emissions,
                                    const RoleTransitions& transitions);

class LineRoleModel {
 public:
  LineRoleModel();

  // INVALID_ARGUMENT naming the line when the text is malformed.
  static absl::StatusOr<LineRoleModel> FromText(absl::string_view text);
  std::string ToText() const;

  std::vector<LineRole> Decode(const std::vector<LineFeatures>& lines) const;

  // The `count` features that pushed `line` most towards `role`, with their
  // weight for it, strongest first.
  std::vector<std::pair<std::string, float>> TopFeatures(const LineFeatures& line, LineRole role,
                                                         size_t count) const;

  RoleScores Emission(const LineFeatures& line) const;

  float SpanScore(const TitleCandidate& candidate) const;
  // Index of the best-scoring candidate (the first on ties).
  size_t ChooseTitle(const std::vector<TitleCandidate>& candidates) const;
  // The `count` candidate features with the largest weights.
  std::vector<std::pair<std::string, float>> TopSpanFeatures(const TitleCandidate& candidate,
                                                             size_t count) const;

  const absl::flat_hash_map<std::string, float>& span_weights() const { return span_weights_; }
  // span_weights() by the line feature they are read from, kept with them.
  const SpanLineWeightIndex& span_line_weights() const { return span_line_weights_; }

  // The "feature" records by name.
  const absl::flat_hash_map<std::string, RoleScores>& weights() const { return weights_; }
  // Sets one "feature" record (and its entry in the scorer's tables).
  void set_feature_weights(absl::string_view name, const RoleScores& scores);
  RoleTransitions& mutable_transitions() { return transitions_; }
  // Sets one "span" record (and its entry in span_line_weights()).
  void set_span_weight(absl::string_view name, float weight);

 private:
  // Where the weights of the feature in place j of `line` are in
  // feature_scores_, or -1 for a feature the model has no weights for.
  int32_t Slot(const LineFeatures& line, size_t j) const;

  absl::flat_hash_map<std::string, RoleScores> weights_;
  // weights_ as the scorer reads them: by fixed feature id, and by open
  // kind and key (line_feature_ids.h), kept with them by
  // set_feature_weights.
  std::vector<int32_t> fixed_slots_;
  std::array<absl::flat_hash_map<std::string, int32_t>, kOpenKindCount> open_slots_;
  std::vector<RoleScores> feature_scores_;
  RoleTransitions transitions_;
  absl::flat_hash_map<std::string, float> span_weights_;
  SpanLineWeightIndex span_line_weights_;  // IndexSpanLineWeights(span_weights_).
};

// The model compiled into the binary (line_role_weights.txt).
const LineRoleModel& EmbeddedLineRoleModel();

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_LINE_ROLE_MODEL_H_
