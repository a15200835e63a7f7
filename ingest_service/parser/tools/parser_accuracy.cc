// Prints the parser's per-field accuracy on the labelled corpus folders,
// in-sample and held out by source.
//
//   build/dev/ingest_service/parser/tools/parser_accuracy [CORPUS_ROOT] [--failures]
//       [--folds=N] [--explain=FILE] [--order=N] [--orders=K]
//       [--layouts=DIR | --no-layouts]
//
// CORPUS_ROOT defaults to ../shared/corpus; the folders read are nato-dev and
// statements-dev (labels.jsonl schema in the corpus README). Documents are
// grouped by source (see labelled_corpus.h); "held out" scores every document
// with a line-role model trained without its group (leave one source out, or
// with --folds=N, N folds of groups). --explain=FILE prints, for each
// document whose file name contains FILE, how its held-out model read it:
// every head line's role and strongest features, and the best title runs.
// --order=N trains every model visiting the documents in the N-th order
// instead of the first (0): a held-out change that holds over several
// orders is not the luck of one. --orders=K makes every model the mean of K
// perceptrons, visiting in orders N to N+K-1 (TrainingOptions::orders;
// five by default, as the weights file is trained). Every model also learns
// from the read saved pages under --layouts (bench/unseen_layouts by
// default, run from the repository's root), as the shipped model does;
// --no-layouts trains on the corpus alone, to see what the pages bring.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "ingest_service/parser/tools/accuracy_report.h"
#include "ingest_service/parser/tools/layout_labels.h"

int main(int argc, char** argv) {
  std::string root = "../shared/corpus";
  bool failures = false;
  int folds = 0;
  std::string explain;
  docsearch::ingest::TrainingOptions training;
  std::string layouts = "bench/unseen_layouts";
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--failures") {
      failures = true;
    } else if (arg.rfind("--explain=", 0) == 0) {
      explain = arg.substr(10);
    } else if (arg.rfind("--layouts=", 0) == 0) {
      layouts = arg.substr(10);
    } else if (arg.rfind("--page-weight=", 0) == 0) {
      training.saved_page_weight = std::strtof(arg.c_str() + 14, nullptr);
    } else if (arg == "--no-layouts") {
      layouts.clear();
    } else if (arg.rfind("--folds=", 0) == 0) {
      folds = std::atoi(arg.c_str() + 8);
    } else if (arg.rfind("--order=", 0) == 0) {
      training.first_order = std::atoi(arg.c_str() + 8);
    } else if (arg.rfind("--orders=", 0) == 0) {
      training.orders = std::max(1, std::atoi(arg.c_str() + 9));
    } else {
      root = arg;
    }
  }
  std::vector<docsearch::ingest::LabelledDocument> pages;
  if (!layouts.empty()) {
    absl::StatusOr<std::vector<docsearch::ingest::LabelledDocument>> loaded =
        docsearch::ingest::LoadTrainingLayouts(layouts);
    if (!loaded.ok()) {
      std::fprintf(stderr, "%s\n", std::string(loaded.status().message()).c_str());
      return 2;
    }
    pages = *std::move(loaded);
  }
  absl::StatusOr<docsearch::ingest::AccuracyReport> report = docsearch::ingest::MeasureAccuracy(
      root, {"nato-dev", "statements-dev"}, folds, explain, training, pages);
  if (!report.ok()) {
    std::fprintf(stderr, "%s\n", std::string(report.status().message()).c_str());
    return 2;
  }
  std::printf("%s", docsearch::ingest::FormatReport(*report, failures).c_str());
  if (!report->explanations.empty()) std::printf("\n%s", report->explanations.c_str());
  return 0;
}
