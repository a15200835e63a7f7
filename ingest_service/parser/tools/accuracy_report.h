// Accuracy of the parser on the labelled corpus folders: in-sample and held
// out by source, per folder and overall. Shared by the parser_accuracy tool
// and the accuracy test so both print the same table.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_TOOLS_ACCURACY_REPORT_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_TOOLS_ACCURACY_REPORT_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "ingest_service/parser/tools/labelled_corpus.h"

namespace docsearch::ingest {

struct AccuracyReport {
  std::vector<std::string> folders;
  int documents = 0;
  int groups = 0;
  // One table per folder, then one for all folders.
  std::vector<AccuracyTable> in_sample;
  std::vector<AccuracyTable> held_out;
};

// Parses every labelled document of `folders` under `corpus_root`.
// NOT_FOUND when a folder is absent.
absl::StatusOr<AccuracyReport> MeasureAccuracy(const std::string& corpus_root,
                                               const std::vector<std::string>& folders);

// The two tables; with `failures`, every wrong field of the held-out run.
std::string FormatReport(const AccuracyReport& report, bool failures);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_TOOLS_ACCURACY_REPORT_H_
