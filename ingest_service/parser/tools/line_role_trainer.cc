#include "ingest_service/parser/tools/line_role_trainer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/algorithm/container.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "ingest_service/parser/date_parser.h"
#include "ingest_service/parser/doc_type.h"
#include "ingest_service/parser/document_parser.h"
#include "ingest_service/parser/header_lines.h"
#include "ingest_service/parser/line_shape.h"
#include "ingest_service/parser/text_normalizer.h"
#include "ingest_service/parser/tools/layout_labels.h"

namespace docsearch::ingest {
namespace {

std::string AlnumOnly(absl::string_view text) {
  std::string out;
  for (char c : FoldAccents(text)) {
    if (absl::ascii_isalnum(static_cast<unsigned char>(c))) out.push_back(c);
  }
  return out;
}

std::string IsoDate(const v1::Date& date) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year(), date.month(), date.day());
  return buffer;
}

// Lines [begin, end) whose letters and digits, joined, spell `target`
// (the last line may run on: a title fused with what follows). The first
// such run among unassigned lines, or nullopt.
std::optional<std::pair<size_t, size_t>> FindSpelled(const std::vector<std::string>& alnum,
                                                     const std::vector<int>& assigned,
                                                     const std::string& target, size_t limit) {
  if (target.empty()) return std::nullopt;
  for (size_t start = 0; start < alnum.size() && start < limit; ++start) {
    std::string spelled;
    for (size_t end = start; end < alnum.size() && assigned[end] < 0; ++end) {
      if (alnum[end].empty()) break;
      const std::string candidate = spelled + alnum[end];
      if (candidate.size() >= target.size()) {
        if (absl::StartsWith(candidate, target) &&
            (end == start || candidate == target || candidate.size() - target.size() < 40)) {
          return std::make_pair(start, end + 1);
        }
        break;
      }
      if (!absl::StartsWith(target, candidate)) break;
      spelled = candidate;
    }
  }
  // A line holding the target inside (a banner fused before it).
  if (target.size() >= 8) {
    for (size_t k = 0; k < alnum.size() && k < limit; ++k) {
      if (assigned[k] < 0 && absl::StrContains(alnum[k], target)) return std::make_pair(k, k + 1);
    }
  }
  return std::nullopt;
}

// Deterministic order, the same on every platform (std::shuffle is not).
std::vector<size_t> Permutation(size_t n, uint64_t seed) {
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  uint64_t state = seed;
  for (size_t i = n; i > 1; --i) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    std::swap(order[i - 1], order[(state >> 33) % i]);
  }
  return order;
}

// The features that documents of at least options.min_source_groups source
// groups show, over lines (spans = false) or title candidates (true).
absl::flat_hash_set<std::string> SharedFeatures(
    const std::vector<const TrainingDocument*>& documents, const TrainingOptions& options,
    bool spans) {
  absl::flat_hash_map<std::string, absl::flat_hash_set<std::string>> groups;
  auto count = [&](const std::vector<std::string>& features, const std::string& group) {
    for (const std::string& feature : features) groups[feature].insert(group);
  };
  for (const TrainingDocument* document : documents) {
    if (spans) {
      for (const TitleCandidate& candidate : document->candidates) {
        count(candidate.features, document->group);
      }
    } else {
      for (const LineFeatures& line : document->features) count(line.Names(), document->group);
    }
  }
  absl::flat_hash_set<std::string> shared;
  for (const auto& [feature, seen_in] : groups) {
    if (static_cast<int>(seen_in.size()) >= options.min_source_groups) shared.insert(feature);
  }
  return shared;
}

// The title ranker: a perceptron over candidate runs; on a wrong choice the
// labelled run's features gain and the chosen run's lose.
void TrainTitleRanker(const std::vector<const TrainingDocument*>& documents,
                      const TrainingOptions& options, LineRoleModel* model) {
  const absl::flat_hash_set<std::string> shared = SharedFeatures(documents, options, true);
  absl::flat_hash_map<std::string, int> ids;
  std::vector<std::string> names;
  std::vector<std::vector<std::vector<int>>> encoded(documents.size());
  for (size_t d = 0; d < documents.size(); ++d) {
    for (const TitleCandidate& candidate : documents[d]->candidates) {
      std::vector<int> candidate_ids;
      for (const std::string& feature : candidate.features) {
        if (!shared.contains(feature)) continue;
        auto [it, inserted] = ids.emplace(feature, static_cast<int>(names.size()));
        if (inserted) names.push_back(feature);
        candidate_ids.push_back(it->second);
      }
      encoded[d].push_back(std::move(candidate_ids));
    }
  }
  // One averaged perceptron per visiting order; the model is their mean
  // (see TrainingOptions::orders).
  std::vector<float> mean(names.size(), 0);
  for (int order = options.first_order; order < options.first_order + options.orders; ++order) {
    std::vector<float> weights(names.size(), 0);
    std::vector<float> accumulated(names.size(), 0);
    float step = 1;
    for (int epoch = 0; epoch < options.epochs; ++epoch) {
      for (size_t d : Permutation(documents.size(), 104729 + epoch + 1000 * order)) {
        const int gold = documents[d]->gold_candidate;
        if (gold < 0) continue;
        size_t best = 0;
        float best_score = -1e30f;
        for (size_t c = 0; c < encoded[d].size(); ++c) {
          float score = 0;
          for (int f : encoded[d][c]) score += weights[f];
          if (score > best_score) {
            best_score = score;
            best = c;
          }
        }
        if (static_cast<int>(best) != gold) {
          const float size = documents[d]->saved_page ? options.saved_page_weight : 1.0f;
          for (int f : encoded[d][gold]) {
            weights[f] += size;
            accumulated[f] += size * step;
          }
          for (int f : encoded[d][best]) {
            weights[f] -= size;
            accumulated[f] -= size * step;
          }
        }
        step += 1;
      }
    }
    for (size_t f = 0; f < names.size(); ++f) {
      mean[f] += (weights[f] - accumulated[f] / step) / options.orders;
    }
  }
  for (size_t f = 0; f < names.size(); ++f) {
    float average = std::round(mean[f] * 1000) / 1000;
    if (std::fabs(average) >= options.prune_below) model->set_span_weight(names[f], average);
  }
}

// The model's best role sequence among those that give every labelled line
// of `document` its gold role (see TrainingDocument::gold_known).
std::vector<LineRole> BestAgreeingSequence(const std::vector<RoleScores>& emissions,
                                           const RoleTransitions& transitions,
                                           const TrainingDocument& document) {
  constexpr float kRuledOut = -1e9f;
  // A role the labels give to a line of their own is no unlabelled line's:
  // the labelled title is the whole title (an "EMBARGOED UNTIL" line above
  // it is not its first line), and so for the date and type label lines.
  std::array<bool, kLineRoleCount> labelled_elsewhere{};
  for (size_t i = 0; i < document.gold.size(); ++i) {
    const LineRole role = document.gold[i];
    if (document.gold_known[i] &&
        (role == LineRole::kTitle || role == LineRole::kDate || role == LineRole::kTypeLabel)) {
      labelled_elsewhere[static_cast<int>(role)] = true;
    }
  }
  labelled_elsewhere[static_cast<int>(LineRole::kTitle)] = true;
  std::vector<RoleScores> constrained = emissions;
  for (size_t i = 0; i < constrained.size(); ++i) {
    for (int r = 0; r < kLineRoleCount; ++r) {
      const bool ruled_out =
          document.gold_known[i] ? r != static_cast<int>(document.gold[i]) : labelled_elsewhere[r];
      if (ruled_out) constrained[i][r] = kRuledOut;
    }
  }
  return ViterbiDecode(constrained, transitions);
}

}  // namespace

std::vector<LineRole> GoldRoles(const LineTrace& trace, const DocumentLabels& labels,
                                std::vector<bool>* known) {
  const size_t n = trace.features.size();
  constexpr size_t kHeadLimit = 40;  // Labelled head lines are found near the top.
  std::vector<std::string> texts(n);
  std::vector<std::string> alnum(n);
  for (size_t k = 0; k < n; ++k) {
    texts[k] = std::string(TrimLine(trace.lines[trace.features[k].line_index]));
    alnum[k] = AlnumOnly(texts[k]);
  }
  std::vector<int> assigned(n, -1);
  auto assign = [&](size_t k, LineRole role) { assigned[k] = static_cast<int>(role); };

  for (size_t k = 0; k < n; ++k) {
    for (const std::string& furniture : labels.boilerplate) {
      if (TrimLine(furniture) == texts[k] ||
          FoldForMatching(furniture) == FoldForMatching(texts[k])) {
        assign(k, LineRole::kFurniture);
      }
    }
  }
  size_t head_end = 0;
  bool any_head = false;
  auto mark_head = [&](size_t end) {
    head_end = std::max(head_end, end);
    any_head = true;
  };
  size_t title_end = 0;
  // The readings of the title in the order tried: a reading that is a
  // bare type label ("FINAL COMMUNIQUE" accepted next to the headline under
  // it) last, so that the headline, not the label, is taught as the title.
  std::vector<std::string> readings = {labels.title};
  readings.insert(readings.end(), labels.other_titles.begin(), labels.other_titles.end());
  std::stable_partition(readings.begin(), readings.end(), [](const std::string& reading) {
    return !DocTypeFromLabelLine(reading).has_value();
  });
  std::optional<std::pair<size_t, size_t>> title;
  for (size_t t = 0; !title.has_value() && t < readings.size(); ++t) {
    title = FindSpelled(alnum, assigned, AlnumOnly(readings[t]), kHeadLimit);
  }
  if (title.has_value()) {
    for (size_t k = title->first; k < title->second; ++k) assign(k, LineRole::kTitle);
    mark_head(title->second);
    title_end = title->second;
  }
  if (auto reference = FindSpelled(alnum, assigned, AlnumOnly(labels.reference), kHeadLimit)) {
    for (size_t k = reference->first; k < reference->second; ++k) assign(k, LineRole::kReference);
    mark_head(reference->second);
  }
  if (const std::string label = AlnumOnly(labels.doc_type_raw); !label.empty()) {
    for (size_t k = 0; k < n && k < kHeadLimit; ++k) {
      if (assigned[k] < 0 && absl::StartsWith(alnum[k], label) && CountWords(texts[k]) <= 8) {
        assign(k, LineRole::kTypeLabel);
        mark_head(k + 1);
        break;
      }
    }
  }
  // A saved page names no label as printed, only the types a reader
  // accepts: its label is the first short head line the label reader
  // reads as one of them (a page may list it among its furniture too).
  if (labels.doc_type_raw.empty() && !labels.accepted_types.empty()) {
    for (size_t k = 0; k < n && k < kHeadLimit; ++k) {
      if (assigned[k] >= 0 && assigned[k] != static_cast<int>(LineRole::kFurniture)) continue;
      if (CountWords(texts[k]) > 8) continue;
      const std::optional<v1::DocType> type = DocTypeFromLabelLine(texts[k]);
      if (type.has_value() &&
          absl::c_linear_search(labels.accepted_types, v1::DocType_Name(*type))) {
        assign(k, LineRole::kTypeLabel);
        mark_head(k + 1);
        break;
      }
    }
  }
  if (!labels.published.empty()) {
    for (size_t k = 0; k < n && k < kHeadLimit; ++k) {
      if (assigned[k] >= 0) continue;
      bool found = false;
      if (std::optional<v1::Date> date = ParseDateLine(texts[k])) {
        found = IsoDate(*date) == labels.published;
      }
      if (!found && CountWords(texts[k]) <= 10) {
        for (const FoundDate& date : FindDates(texts[k])) {
          found |= IsoDate(date.date) == labels.published;
        }
      }
      if (found) {
        assign(k, LineRole::kDate);
        mark_head(k + 1);
        break;
      }
    }
  }
  for (size_t k = 0; k < n && k < kHeadLimit; ++k) {
    if (assigned[k] < 0 && ParseUpdatedHeader(texts[k]).has_value()) {
      assign(k, LineRole::kHeader);
      // A saved page's "Last updated" stamp may stand in its footer, after
      // the body: the lines above it are not head lines left unlabelled.
      if (!labels.head_partly_labelled) mark_head(k + 1);
      break;
    }
  }
  // The subtitle: "Issued ..." or a lower-case continuation right after the
  // title, and the lines that wrap it.
  if (title_end > 0 && title_end < n && assigned[title_end] < 0 &&
      (StartsSubtitle(texts[title_end]) || StartsLowercase(texts[title_end]))) {
    size_t k = title_end;
    assign(k++, LineRole::kSubtitle);
    const std::vector<LineFeatures>& features = trace.features;
    while (k < n && assigned[k] < 0 && features[k].line_index == features[k - 1].line_index + 1 &&
           CountWords(texts[k]) < 20 && !EndsSentence(texts[k - 1])) {
      assign(k++, LineRole::kSubtitle);
    }
    head_end = std::max(head_end, k);
  }
  if (known != nullptr) known->assign(n, true);
  for (size_t k = 0; k < n; ++k) {
    if (assigned[k] >= 0) continue;
    const bool head = any_head && k < head_end;
    assign(k, head ? LineRole::kHeadOther : LineRole::kBody);
    if (head && labels.head_partly_labelled && known != nullptr) (*known)[k] = false;
  }
  std::vector<LineRole> roles(n);
  for (size_t k = 0; k < n; ++k) roles[k] = static_cast<LineRole>(assigned[k]);
  return roles;
}

LineRoleModel TrainLineRoleModel(const std::vector<const TrainingDocument*>& documents,
                                 const TrainingOptions& options) {
  // Features as dense ids, so that an epoch is array arithmetic.
  const absl::flat_hash_set<std::string> shared = SharedFeatures(documents, options, false);
  absl::flat_hash_map<std::string, int> ids;
  std::vector<std::string> names;
  std::vector<std::vector<std::vector<int>>> encoded(documents.size());
  for (size_t d = 0; d < documents.size(); ++d) {
    for (const LineFeatures& line : documents[d]->features) {
      std::vector<int> line_ids;
      for (const std::string& feature : line.Names()) {
        if (!shared.contains(feature)) continue;
        auto [it, inserted] = ids.emplace(feature, static_cast<int>(names.size()));
        if (inserted) names.push_back(feature);
        line_ids.push_back(it->second);
      }
      encoded[d].push_back(std::move(line_ids));
    }
  }
  std::vector<RoleScores> mean(names.size());
  for (RoleScores& scores : mean) scores.fill(0);
  RoleTransitions mean_transitions;
  for (RoleScores& row : mean_transitions) row.fill(0);
  for (int order = options.first_order; order < options.first_order + options.orders; ++order) {
    std::vector<RoleScores> weights(names.size());
    std::vector<RoleScores> accumulated(names.size());
    for (size_t f = 0; f < names.size(); ++f) {
      weights[f].fill(0);
      accumulated[f].fill(0);
    }
    RoleTransitions transitions;
    RoleTransitions transitions_accumulated;
    for (size_t r = 0; r <= kLineRoleCount; ++r) {
      transitions[r].fill(0);
      transitions_accumulated[r].fill(0);
    }
    // The averaging trick: accumulated holds sum(step * update), so the
    // average of all intermediate weights is weights - accumulated / steps.
    float step = 1;
    for (int epoch = 0; epoch < options.epochs; ++epoch) {
      for (size_t d : Permutation(documents.size(), 7919 + epoch + 1000 * order)) {
        const std::vector<std::vector<int>>& lines = encoded[d];
        std::vector<RoleScores> emissions(lines.size());
        for (size_t i = 0; i < lines.size(); ++i) {
          emissions[i].fill(0);
          for (int f : lines[i]) {
            for (int r = 0; r < kLineRoleCount; ++r) emissions[i][r] += weights[f][r];
          }
        }
        const std::vector<LineRole> predicted = ViterbiDecode(emissions, transitions);
        const std::vector<LineRole> gold =
            documents[d]->gold_known.empty()
                ? documents[d]->gold
                : BestAgreeingSequence(emissions, transitions, *documents[d]);
        const float size = documents[d]->saved_page ? options.saved_page_weight : 1.0f;
        for (size_t i = 0; i < lines.size(); ++i) {
          const int want = static_cast<int>(gold[i]);
          const int got = static_cast<int>(predicted[i]);
          if (want != got) {
            for (int f : lines[i]) {
              weights[f][want] += size;
              weights[f][got] -= size;
              accumulated[f][want] += size * step;
              accumulated[f][got] -= size * step;
            }
          }
          const int want_from = i == 0 ? kLineRoleCount : static_cast<int>(gold[i - 1]);
          const int got_from = i == 0 ? kLineRoleCount : static_cast<int>(predicted[i - 1]);
          if (want_from != got_from || want != got) {
            transitions[want_from][want] += size;
            transitions[got_from][got] -= size;
            transitions_accumulated[want_from][want] += size * step;
            transitions_accumulated[got_from][got] -= size * step;
          }
        }
        step += 1;
      }
    }
    for (size_t f = 0; f < names.size(); ++f) {
      for (int r = 0; r < kLineRoleCount; ++r) {
        mean[f][r] += (weights[f][r] - accumulated[f][r] / step) / options.orders;
      }
    }
    for (int from = 0; from <= kLineRoleCount; ++from) {
      for (int to = 0; to < kLineRoleCount; ++to) {
        mean_transitions[from][to] +=
            (transitions[from][to] - transitions_accumulated[from][to] / step) / options.orders;
      }
    }
  }
  LineRoleModel model;
  TrainTitleRanker(documents, options, &model);
  for (size_t f = 0; f < names.size(); ++f) {
    RoleScores average;
    bool keep = false;
    for (int r = 0; r < kLineRoleCount; ++r) {
      average[r] = std::round(mean[f][r] * 1000) / 1000;
      keep |= std::fabs(average[r]) >= options.prune_below;
    }
    if (keep) model.set_feature_weights(names[f], average);
  }
  for (int from = 0; from <= kLineRoleCount; ++from) {
    for (int to = 0; to < kLineRoleCount; ++to) {
      model.mutable_transitions()[from][to] = std::round(mean_transitions[from][to] * 1000) / 1000;
    }
  }
  return model;
}

std::vector<TrainingDocument> PrepareTraining(const std::vector<LabelledDocument>& documents) {
  std::vector<TrainingDocument> prepared;
  prepared.reserve(documents.size());
  for (const LabelledDocument& labelled : documents) {
    v1::RawDocument raw;
    raw.set_content(labelled.content);
    raw.set_source_uri(labelled.url);
    LineTrace trace;
    ParseOptions options;
    options.line_trace = &trace;
    TrainingDocument document;
    document.group = labelled.group;
    if (ParseRawDocument(raw, options).ok()) {
      std::vector<bool> known;
      document.gold = GoldRoles(trace, labelled.labels, &known);
      if (!absl::c_all_of(known, [](bool is_known) { return is_known; })) {
        document.gold_known = std::move(known);
      }
      document.features = std::move(trace.features);
      document.candidates = std::move(trace.title_candidates);
      size_t begin = 0;
      while (begin < document.gold.size() && document.gold[begin] != LineRole::kTitle) ++begin;
      size_t end = begin;
      while (end < document.gold.size() && document.gold[end] == LineRole::kTitle) ++end;
      const bool has_title = begin < end;
      if (has_title || labelled.labels.title.empty()) {
        for (size_t c = 0; c < document.candidates.size(); ++c) {
          const TitleCandidate& candidate = document.candidates[c];
          if (has_title ? (candidate.begin == begin && candidate.end == end)
                        : candidate.begin == candidate.end) {
            document.gold_candidate = static_cast<int>(c);
            break;
          }
        }
      }
    }
    prepared.push_back(std::move(document));
  }
  return prepared;
}

std::vector<TrainingDocument> PrepareLayoutTraining(const std::vector<LabelledDocument>& pages) {
  std::vector<TrainingDocument> prepared = PrepareTraining(pages);
  std::vector<TrainingDocument> kept;
  for (size_t d = 0; d < prepared.size(); ++d) {
    if (pages[d].labels.title.empty() ||
        absl::c_linear_search(prepared[d].gold, LineRole::kTitle)) {
      kept.push_back(std::move(prepared[d]));
      kept.back().saved_page = true;
    }
  }
  return kept;
}

absl::StatusOr<std::string> TrainWeightsFile(const std::string& corpus_root,
                                             const std::string& layouts_root) {
  std::vector<LabelledDocument> documents;
  for (const char* folder : {"nato-dev", "statements-dev"}) {
    absl::StatusOr<std::vector<LabelledDocument>> loaded = LoadLabelledFolder(corpus_root, folder);
    if (!loaded.ok()) return loaded.status();
    for (LabelledDocument& document : *loaded) documents.push_back(std::move(document));
  }
  absl::StatusOr<std::vector<LabelledDocument>> pages = LoadTrainingLayouts(layouts_root);
  if (!pages.ok()) return pages.status();
  const std::vector<TrainingDocument> training = PrepareTraining(documents);
  const std::vector<TrainingDocument> page_training = PrepareLayoutTraining(*pages);
  std::vector<const TrainingDocument*> all;
  size_t lines = 0;
  for (const TrainingDocument& document : training) {
    all.push_back(&document);
    lines += document.gold.size();
  }
  size_t page_lines = 0;
  for (const TrainingDocument& document : page_training) {
    all.push_back(&document);
    page_lines += document.gold.size();
  }
  const LineRoleModel model = TrainLineRoleModel(all, {});
  return absl::StrCat("# Line-role model weights (see line_role_model.h), written by\n",
                      "# parser_train_line_roles from ", documents.size(), " labelled documents (",
                      lines, " lines) of nato-dev and statements-dev\n# and ", page_training.size(),
                      " of the ", pages->size(), " saved pages (", page_lines,
                      " lines) in bench/unseen_layouts (",
                      absl::StrJoin(TrainingLayoutFolders(), ", "),
                      ").\n# Do not edit by hand: retrain.\n", model.ToText());
}

}  // namespace docsearch::ingest
