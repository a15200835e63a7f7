// Prints the parser's per-field accuracy on the labelled corpus folders,
// in-sample and held out by source.
//
//   build/dev/ingest_service/parser/tools/parser_accuracy [CORPUS_ROOT] [--failures]
//
// CORPUS_ROOT defaults to ../shared/corpus; the folders read are nato-dev and
// statements-dev (labels.jsonl schema in the corpus README). Documents are
// grouped by source (see labelled_corpus.h); "held out" scores every document
// with a line-role model trained without its group (leave one source out).
#include <cstdio>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "ingest_service/parser/tools/accuracy_report.h"

int main(int argc, char** argv) {
  std::string root = "../shared/corpus";
  bool failures = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--failures") {
      failures = true;
    } else {
      root = arg;
    }
  }
  absl::StatusOr<docsearch::ingest::AccuracyReport> report =
      docsearch::ingest::MeasureAccuracy(root, {"nato-dev", "statements-dev"});
  if (!report.ok()) {
    std::fprintf(stderr, "%s\n", std::string(report.status().message()).c_str());
    return 2;
  }
  std::printf("%s", docsearch::ingest::FormatReport(*report, failures).c_str());
  return 0;
}
