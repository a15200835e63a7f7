// Accuracy of the parser on the labelled corpus folders: in-sample and held
// out by source, per folder and overall. Shared by the parser_accuracy tool
// and the accuracy test so both print the same table.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_TOOLS_ACCURACY_REPORT_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_TOOLS_ACCURACY_REPORT_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "ingest_service/parser/tools/labelled_corpus.h"
#include "ingest_service/parser/tools/line_role_trainer.h"

namespace docsearch::ingest {

struct AccuracyReport {
  std::vector<std::string> folders;
  int documents = 0;
  int groups = 0;
  int folds = 0;  // Groups are dealt into this many folds; = groups: leave one out.
  // One table per folder, then one for all folders.
  std::vector<AccuracyTable> in_sample;
  std::vector<AccuracyTable> held_out;
  // With `explain_file`: how the held-out model read each matching document
  // (every head line's role and strongest features, the best title runs).
  std::string explanations;
};

// Parses every labelled document of `folders` under `corpus_root`: with a
// line-role model trained on every document (in-sample), and with models
// trained without the document's fold of source groups (held out; `folds`
// <= 0 means one fold per group: leave one source out).
// NOT_FOUND when a folder is absent.
// With a non-empty `explain_file`, documents whose file name contains it are
// explained as their held-out model read them (AccuracyReport::explanations).
// Every model is trained with `training_options`, and also learns from
// `training_only` (saved layout pages, layout_labels.h), which are never
// scored: they are other sources than every corpus group.
absl::StatusOr<AccuracyReport> MeasureAccuracy(
    const std::string& corpus_root, const std::vector<std::string>& folders, int folds = 0,
    const std::string& explain_file = "", const TrainingOptions& training_options = {},
    const std::vector<LabelledDocument>& training_only = {});

// The two tables; with `failures`, every wrong field of the held-out run.
std::string FormatReport(const AccuracyReport& report, bool failures);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_TOOLS_ACCURACY_REPORT_H_
