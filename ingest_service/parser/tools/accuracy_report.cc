#include "ingest_service/parser/tools/accuracy_report.h"

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "ingest_service/parser/document_parser.h"
#include "ingest_service/parser/line_role_model.h"
#include "ingest_service/parser/parse_warnings.h"
#include "ingest_service/parser/tools/line_role_trainer.h"

namespace docsearch::ingest {
namespace {

void Score(const std::vector<std::string>& folders, const LabelledDocument& labelled,
           const v1::ParseDocumentResponse& parsed, std::vector<AccuracyTable>* tables) {
  const std::vector<FieldResult> results = ScoreParse(labelled, parsed);
  bool doubted = false;
  for (const v1::ParseWarning& warning : parsed.document().warnings()) {
    const std::optional<ParseWarningCode> code = ParseWarningCodeOf(warning.code());
    doubted |=
        code == ParseWarningCode::kTitleUncertain || code == ParseWarningCode::kTitleFromHtmlTitle;
  }
  // ScoredFields() opens with the title.
  const bool title_right = results.front().right;
  for (size_t f = 0; f < folders.size(); ++f) {
    if (folders[f] != labelled.folder) continue;
    (*tables)[f].Add(labelled, results);
    (*tables)[f].AddTitleDoubt(title_right, doubted);
  }
  tables->back().Add(labelled, results);
  tables->back().AddTitleDoubt(title_right, doubted);
}

std::string FormatTitleDoubt(const AccuracyTable& table) {
  return absl::StrFormat(
      "titles the parser doubts (title_uncertain, title_from_html_title): %d of %d wrong titles, "
      "%d of %d right titles\n",
      table.DoubtedWrongTitles(), table.WrongTitles(), table.DoubtedRightTitles(),
      table.RightTitles());
}

// Head lines shown, and title runs listed, per explained document.
constexpr int kExplainedLines = 40;
constexpr size_t kExplainedRuns = 5;

// How `model` read one document: each head line's role and strongest
// features, then the best-scoring title runs with their strongest features.
std::string ExplainDocument(const LabelledDocument& labelled, const LineRoleModel& model) {
  v1::RawDocument raw;
  raw.set_content(labelled.content);
  raw.set_source_uri(labelled.url);
  ParseOptions options;
  options.line_role_model = &model;
  options.explain_lines = true;
  LineTrace trace;
  options.line_trace = &trace;
  absl::StatusOr<v1::ParseDocumentResponse> parsed = ParseRawDocument(raw, options);
  if (!parsed.ok()) return absl::StrCat(labelled.file, ": ", parsed.status().ToString(), "\n");
  std::string out =
      absl::StrCat("== ", labelled.folder, "/", labelled.file, "\n   title: '",
                   parsed->document().title(), "' (labelled '", labelled.labels.title, "')\n");
  int shown = 0;
  for (const v1::LineExplanation& line : parsed->lines()) {
    if (line.role().empty()) continue;
    if (++shown > kExplainedLines) break;
    absl::StrAppendFormat(&out, "%4d %-10s %-50.50s |", line.line_number(), line.role(),
                          line.text());
    for (const v1::LineFeature& feature : line.features()) {
      absl::StrAppendFormat(&out, " %s(%+.1f)", feature.name(), feature.weight());
    }
    absl::StrAppend(&out, "\n");
  }
  std::vector<std::pair<float, size_t>> scored;
  for (size_t c = 0; c < trace.title_candidates.size(); ++c) {
    scored.emplace_back(model.SpanScore(trace.title_candidates[c]), c);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (size_t i = 0; i < scored.size() && i < kExplainedRuns; ++i) {
    const TitleCandidate& run = trace.title_candidates[scored[i].second];
    std::vector<absl::string_view> parts;
    for (size_t k = run.begin; k < run.end; ++k) {
      parts.push_back(trace.lines[trace.features[k].line_index]);
    }
    absl::StrAppendFormat(&out, "   run %+7.2f %-60.60s |", scored[i].first,
                          run.begin == run.end ? "(no title)" : absl::StrJoin(parts, " / "));
    for (const auto& [name, weight] : model.TopSpanFeatures(run, 4)) {
      absl::StrAppendFormat(&out, " %s(%+.1f)", name, weight);
    }
    absl::StrAppend(&out, "\n");
  }
  return out;
}

}  // namespace

absl::StatusOr<AccuracyReport> MeasureAccuracy(const std::string& corpus_root,
                                               const std::vector<std::string>& folders, int folds,
                                               const std::string& explain_file,
                                               const TrainingOptions& training_options,
                                               const std::vector<LabelledDocument>& training_only) {
  AccuracyReport report;
  report.folders = folders;
  std::vector<LabelledDocument> documents;
  for (const std::string& folder : folders) {
    absl::StatusOr<std::vector<LabelledDocument>> loaded = LoadLabelledFolder(corpus_root, folder);
    if (!loaded.ok()) return loaded.status();
    for (LabelledDocument& document : *loaded) documents.push_back(std::move(document));
  }
  std::set<std::string> groups;
  for (const LabelledDocument& document : documents) groups.insert(document.group);
  report.documents = static_cast<int>(documents.size());
  report.groups = static_cast<int>(groups.size());
  report.in_sample.resize(folders.size() + 1);
  report.held_out.resize(folders.size() + 1);

  const std::vector<TrainingDocument> training = PrepareTraining(documents);
  const std::vector<TrainingDocument> extra = PrepareLayoutTraining(training_only);
  auto parse = [&](const LabelledDocument& labelled,
                   const LineRoleModel& model) -> absl::StatusOr<v1::ParseDocumentResponse> {
    v1::RawDocument raw;
    raw.set_content(labelled.content);
    raw.set_source_uri(labelled.url);
    ParseOptions options;
    options.line_role_model = &model;
    return ParseRawDocument(raw, options);
  };

  // In-sample: one model trained on every document.
  std::vector<const TrainingDocument*> all;
  for (const TrainingDocument& document : training) all.push_back(&document);
  for (const TrainingDocument& document : extra) all.push_back(&document);
  const LineRoleModel everything = TrainLineRoleModel(all, training_options);
  for (const LabelledDocument& labelled : documents) {
    absl::StatusOr<v1::ParseDocumentResponse> parsed = parse(labelled, everything);
    if (!parsed.ok()) {
      return absl::InternalError(absl::StrCat(labelled.file, ": ", parsed.status().ToString()));
    }
    Score(folders, labelled, *parsed, &report.in_sample);
  }

  // Held out: groups are dealt into folds in sorted order; each fold is
  // parsed by a model trained on the others.
  const std::vector<std::string> sorted(groups.begin(), groups.end());
  const int fold_count = folds <= 0 ? static_cast<int>(sorted.size()) : folds;
  report.folds = fold_count;
  std::vector<int> fold_of(documents.size());
  for (size_t d = 0; d < documents.size(); ++d) {
    const auto at = std::lower_bound(sorted.begin(), sorted.end(), documents[d].group);
    fold_of[d] = static_cast<int>(at - sorted.begin()) % fold_count;
  }
  std::vector<std::optional<v1::ParseDocumentResponse>> held(documents.size());
  for (int fold = 0; fold < fold_count; ++fold) {
    std::vector<const TrainingDocument*> others;
    bool any = false;
    for (size_t d = 0; d < documents.size(); ++d) {
      if (fold_of[d] != fold) {
        others.push_back(&training[d]);
      } else {
        any = true;
      }
    }
    if (!any) continue;
    for (const TrainingDocument& document : extra) others.push_back(&document);
    const LineRoleModel model = TrainLineRoleModel(others, training_options);
    for (size_t d = 0; d < documents.size(); ++d) {
      if (fold_of[d] != fold) continue;
      absl::StatusOr<v1::ParseDocumentResponse> parsed = parse(documents[d], model);
      if (!parsed.ok()) {
        return absl::InternalError(
            absl::StrCat(documents[d].file, ": ", parsed.status().ToString()));
      }
      held[d] = *std::move(parsed);
      if (!explain_file.empty() && documents[d].file.find(explain_file) != std::string::npos) {
        absl::StrAppend(&report.explanations, ExplainDocument(documents[d], model));
      }
    }
  }
  for (size_t d = 0; d < documents.size(); ++d) {
    if (held[d].has_value()) Score(folders, documents[d], *held[d], &report.held_out);
  }
  return report;
}

std::string FormatReport(const AccuracyReport& report, bool failures) {
  std::vector<std::string> names = report.folders;
  names.push_back("all");
  auto columns = [](const std::vector<AccuracyTable>& tables) {
    std::vector<const AccuracyTable*> pointers;
    for (const AccuracyTable& table : tables) pointers.push_back(&table);
    return pointers;
  };
  std::string out = absl::StrCat(
      report.documents, " documents in ", report.groups, " source groups\n\nheld out by source (",
      report.folds == report.groups ? std::string("leave one source out")
                                    : absl::StrCat(report.folds, " folds of sources"),
      "):\n", FormatTables(names, columns(report.held_out)),
      FormatTitleDoubt(report.held_out.back()), "\nin-sample (trained on every document):\n",
      FormatTables(names, columns(report.in_sample)), FormatTitleDoubt(report.in_sample.back()));
  if (failures) {
    absl::StrAppend(&out, "\nheld-out failures:\n");
    for (const std::string& failure : report.held_out.back().Failures()) {
      absl::StrAppend(&out, "  ", failure, "\n");
    }
  }
  return out;
}

}  // namespace docsearch::ingest
