// Trains the line-role model on the labelled corpus and writes its weights.
//
//   build/dev/ingest_service/parser/tools/parser_train_line_roles [CORPUS_ROOT] [OUT]
//
// CORPUS_ROOT defaults to ../shared/corpus (folders nato-dev and
// statements-dev); OUT to ingest_service/parser/line_role_weights.txt, which
// the build compiles into the parser. Training is deterministic: the same
// corpus gives the same file.
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "ingest_service/parser/tools/labelled_corpus.h"
#include "ingest_service/parser/tools/line_role_trainer.h"

int main(int argc, char** argv) {
  using namespace docsearch::ingest;
  const std::string root = argc > 1 ? argv[1] : "../shared/corpus";
  const std::string out = argc > 2 ? argv[2] : "ingest_service/parser/line_role_weights.txt";
  std::vector<LabelledDocument> documents;
  for (const char* folder : {"nato-dev", "statements-dev"}) {
    absl::StatusOr<std::vector<LabelledDocument>> loaded = LoadLabelledFolder(root, folder);
    if (!loaded.ok()) {
      std::fprintf(stderr, "%s\n", std::string(loaded.status().message()).c_str());
      return 2;
    }
    for (LabelledDocument& document : *loaded) documents.push_back(std::move(document));
  }
  const std::vector<TrainingDocument> training = PrepareTraining(documents);
  std::vector<const TrainingDocument*> all;
  size_t lines = 0;
  for (const TrainingDocument& document : training) {
    all.push_back(&document);
    lines += document.gold.size();
  }
  const LineRoleModel model = TrainLineRoleModel(all, {});
  std::ofstream file(out);
  file << "# Line-role model weights (see line_role_model.h), written by\n"
       << "# parser_train_line_roles from " << documents.size() << " labelled documents (" << lines
       << " lines) of nato-dev and statements-dev. Do not edit by hand: retrain.\n"
       << model.ToText();
  if (!file.good()) {
    std::fprintf(stderr, "cannot write %s\n", out.c_str());
    return 1;
  }
  std::printf("wrote %s\n", out.c_str());
  return 0;
}
