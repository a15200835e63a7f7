#include "ingest_service/parser/line_role_model.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace docsearch::ingest {

// Defined in the .cc that CMake generates from line_role_weights.txt.
extern const char kEmbeddedLineRoleWeights[];

std::vector<LineRole> ViterbiDecode(const std::vector<RoleScores>& emissions,
                                    const RoleTransitions& transitions) {
  const size_t n = emissions.size();
  std::vector<LineRole> roles(n, LineRole::kBody);
  if (n == 0) return roles;
  std::vector<RoleScores> best(n);
  std::vector<std::array<int, kLineRoleCount>> back(n);
  for (int r = 0; r < kLineRoleCount; ++r) {
    best[0][r] = transitions[kLineRoleCount][r] + emissions[0][r];
  }
  for (size_t i = 1; i < n; ++i) {
    for (int r = 0; r < kLineRoleCount; ++r) {
      float top = -std::numeric_limits<float>::infinity();
      int from = 0;
      for (int p = 0; p < kLineRoleCount; ++p) {
        const float score = best[i - 1][p] + transitions[p][r];
        if (score > top) {
          top = score;
          from = p;
        }
      }
      best[i][r] = top + emissions[i][r];
      back[i][r] = from;
    }
  }
  int role = static_cast<int>(std::max_element(best[n - 1].begin(), best[n - 1].end()) -
                              best[n - 1].begin());
  for (size_t i = n; i-- > 0;) {
    roles[i] = static_cast<LineRole>(role);
    if (i > 0) role = back[i][role];
  }
  return roles;
}

LineRoleModel::LineRoleModel() : fixed_slots_(feature::kFixedCount, -1) {
  for (RoleScores& row : transitions_) row.fill(0);
}

absl::StatusOr<LineRoleModel> LineRoleModel::FromText(absl::string_view text) {
  LineRoleModel model;
  int number = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++number;
    line = absl::StripAsciiWhitespace(line);
    if (line.empty() || line.front() == '#') continue;
    std::vector<absl::string_view> parts = absl::StrSplit(line, ' ', absl::SkipEmpty());
    auto bad = [&](absl::string_view why) {
      return absl::InvalidArgumentError(
          absl::StrCat("line-role weights, line ", number, ": ", why, ": '", line, "'"));
    };
    if (parts[0] == "transition") {
      if (parts.size() != 4) return bad("want 'transition FROM TO WEIGHT'");
      const std::optional<LineRole> to = LineRoleFromName(parts[2]);
      const std::optional<LineRole> from = LineRoleFromName(parts[1]);
      float weight = 0;
      if (!to.has_value() || (!from.has_value() && parts[1] != "start") ||
          !absl::SimpleAtof(parts[3], &weight)) {
        return bad("unknown role or weight");
      }
      const int row = from.has_value() ? static_cast<int>(*from) : kLineRoleCount;
      model.transitions_[row][static_cast<int>(*to)] = weight;
    } else if (parts[0] == "feature") {
      if (parts.size() != 2 + kLineRoleCount) {
        return bad(absl::StrCat("want 'feature NAME' and ", kLineRoleCount, " weights"));
      }
      RoleScores scores;
      for (int r = 0; r < kLineRoleCount; ++r) {
        if (!absl::SimpleAtof(parts[2 + r], &scores[r])) return bad("weight is not a number");
      }
      model.set_feature_weights(parts[1], scores);
    } else if (parts[0] == "span") {
      float weight = 0;
      if (parts.size() != 3 || !absl::SimpleAtof(parts[2], &weight)) {
        return bad("want 'span NAME WEIGHT'");
      }
      model.set_span_weight(parts[1], weight);
    } else {
      return bad("unknown record");
    }
  }
  return model;
}

void LineRoleModel::set_feature_weights(absl::string_view name, const RoleScores& scores) {
  weights_[std::string(name)] = scores;
  const FeatureKey key = ParseFeatureName(name);
  int32_t& slot = key.id.has_value() ? fixed_slots_[*key.id]
                                     : open_slots_[static_cast<size_t>(key.kind)]
                                           .try_emplace(std::string(key.key), -1)
                                           .first->second;
  if (slot < 0) {
    slot = static_cast<int32_t>(feature_scores_.size());
    feature_scores_.push_back(scores);
  } else {
    feature_scores_[slot] = scores;
  }
}

int32_t LineRoleModel::Slot(const LineFeatures& line, size_t j) const {
  const OpenFeature* open = line.OpenAt(j);
  if (open == nullptr) return fixed_slots_[line.ids[j]];
  const auto& slots = open_slots_[static_cast<size_t>(open->kind)];
  const auto it = slots.find(open->key);
  return it == slots.end() ? -1 : it->second;
}

void LineRoleModel::set_span_weight(absl::string_view name, float weight) {
  span_weights_[std::string(name)] = weight;
  IndexSpanLineWeight(name, weight, &span_line_weights_);
}

std::string LineRoleModel::ToText() const {
  std::string out = "# roles:";
  for (int r = 0; r < kLineRoleCount; ++r) {
    absl::StrAppend(&out, " ", LineRoleName(static_cast<LineRole>(r)));
  }
  absl::StrAppend(&out, "\n");
  for (int from = 0; from <= kLineRoleCount; ++from) {
    for (int to = 0; to < kLineRoleCount; ++to) {
      const float weight = transitions_[from][to];
      if (weight == 0) continue;
      absl::StrAppendFormat(
          &out, "transition %s %s %.3f\n",
          from == kLineRoleCount ? "start" : LineRoleName(static_cast<LineRole>(from)),
          LineRoleName(static_cast<LineRole>(to)), weight);
    }
  }
  std::vector<std::string> names;
  for (const auto& [name, scores] : weights_) names.push_back(name);
  std::sort(names.begin(), names.end());
  for (const std::string& name : names) {
    const RoleScores& scores = weights_.at(name);
    absl::StrAppend(&out, "feature ", name);
    for (float weight : scores) absl::StrAppendFormat(&out, " %.3f", weight);
    absl::StrAppend(&out, "\n");
  }
  std::vector<std::string> span_names;
  for (const auto& [name, weight] : span_weights_) span_names.push_back(name);
  std::sort(span_names.begin(), span_names.end());
  for (const std::string& name : span_names) {
    absl::StrAppendFormat(&out, "span %s %.3f\n", name, span_weights_.at(name));
  }
  return out;
}

float LineRoleModel::SpanScore(const TitleCandidate& candidate) const {
  float score = 0;
  for (const std::string& feature : candidate.features) {
    if (auto it = span_weights_.find(feature); it != span_weights_.end()) score += it->second;
  }
  return score;
}

size_t LineRoleModel::ChooseTitle(const std::vector<TitleCandidate>& candidates) const {
  size_t best = 0;
  float best_score = -std::numeric_limits<float>::infinity();
  for (size_t c = 0; c < candidates.size(); ++c) {
    const float score = SpanScore(candidates[c]);
    if (score > best_score) {
      best_score = score;
      best = c;
    }
  }
  return best;
}

std::vector<std::pair<std::string, float>> LineRoleModel::TopSpanFeatures(
    const TitleCandidate& candidate, size_t count) const {
  std::vector<std::pair<std::string, float>> found;
  for (const std::string& feature : candidate.features) {
    if (auto it = span_weights_.find(feature); it != span_weights_.end()) {
      found.emplace_back(feature, it->second);
    }
  }
  std::sort(found.begin(), found.end(),
            [](const auto& a, const auto& b) { return a.second > b.second; });
  if (found.size() > count) found.resize(count);
  return found;
}

RoleScores LineRoleModel::Emission(const LineFeatures& line) const {
  RoleScores scores;
  scores.fill(0);
  for (size_t j = 0; j < line.size(); ++j) {
    const int32_t slot = Slot(line, j);
    if (slot < 0) continue;
    const RoleScores& weights = feature_scores_[slot];
    for (int r = 0; r < kLineRoleCount; ++r) scores[r] += weights[r];
  }
  return scores;
}

std::vector<LineRole> LineRoleModel::Decode(const std::vector<LineFeatures>& lines) const {
  std::vector<RoleScores> emissions;
  emissions.reserve(lines.size());
  for (const LineFeatures& line : lines) emissions.push_back(Emission(line));
  return ViterbiDecode(emissions, transitions_);
}

std::vector<std::pair<std::string, float>> LineRoleModel::TopFeatures(const LineFeatures& line,
                                                                      LineRole role,
                                                                      size_t count) const {
  std::vector<std::pair<std::string, float>> found;
  for (size_t j = 0; j < line.size(); ++j) {
    const int32_t slot = Slot(line, j);
    if (slot < 0) continue;
    found.emplace_back(line.Name(j), feature_scores_[slot][static_cast<int>(role)]);
  }
  std::sort(found.begin(), found.end(),
            [](const auto& a, const auto& b) { return a.second > b.second; });
  if (found.size() > count) found.resize(count);
  return found;
}

const LineRoleModel& EmbeddedLineRoleModel() {
  static const LineRoleModel* const kModel = [] {
    absl::StatusOr<LineRoleModel> model = LineRoleModel::FromText(kEmbeddedLineRoleWeights);
    if (!model.ok()) {
      // The weights are compiled in and tested; a bad file is a build defect.
      std::fprintf(stderr, "%s\n", model.status().ToString().c_str());
      std::abort();
    }
    return new LineRoleModel(*std::move(model));
  }();
  return *kModel;
}

}  // namespace docsearch::ingest
