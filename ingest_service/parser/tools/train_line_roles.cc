// Trains the line-role model on the labelled corpus and writes its weights.
//
//   build/dev/ingest_service/parser/tools/parser_train_line_roles [CORPUS_ROOT] [OUT]
//       [LAYOUTS_ROOT]
//
// CORPUS_ROOT defaults to ../shared/corpus (folders nato-dev and
// statements-dev); OUT to ingest_service/parser/line_role_weights.txt, which
// the build compiles into the parser; LAYOUTS_ROOT to bench/unseen_layouts
// (its read folders, layout_labels.h). Run from the repository's root.
// Training is deterministic: the same documents give the same file.
#include <cstdio>
#include <fstream>
#include <string>

#include "absl/status/statusor.h"
#include "ingest_service/parser/tools/line_role_trainer.h"

int main(int argc, char** argv) {
  const std::string root = argc > 1 ? argv[1] : "../shared/corpus";
  const std::string out = argc > 2 ? argv[2] : "ingest_service/parser/line_role_weights.txt";
  const std::string layouts = argc > 3 ? argv[3] : "bench/unseen_layouts";
  const absl::StatusOr<std::string> weights = docsearch::ingest::TrainWeightsFile(root, layouts);
  if (!weights.ok()) {
    std::fprintf(stderr, "%s\n", std::string(weights.status().message()).c_str());
    return 2;
  }
  std::ofstream file(out);
  file << *weights;
  if (!file.good()) {
    std::fprintf(stderr, "cannot write %s\n", out.c_str());
    return 1;
  }
  std::printf("wrote %s\n", out.c_str());
  return 0;
}
