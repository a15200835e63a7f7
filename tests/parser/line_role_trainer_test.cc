// Training the line-role model (ingest_service/parser/tools/
// line_role_trainer.h): the same documents and options give the same weights
// file, and the visiting order is an option, so that a held-out figure can
// be measured over several orders (parser_accuracy --order=N); and the
// weights compiled into the parser are what training on the labelled corpus
// writes.
#include "ingest_service/parser/tools/line_role_trainer.h"

#include <filesystem>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "ingest_service/parser/line_role_model.h"

namespace docsearch::ingest {
namespace {

// A document of two head lines and a body line whose features say little:
// their roles conflict across documents, so the perceptron keeps making
// mistakes and its averaged weights depend on the order it met the
// documents in.
TrainingDocument Document(int variant, const std::string& group) {
  TrainingDocument document;
  document.group = group;
  const std::vector<std::vector<std::string>> features = {
      {"bias", "pos=0", "short"},
      {"bias", "pos=1", variant % 2 == 0 ? "short" : "long"},
      {"bias", "pos=2", "long"},
  };
  for (size_t k = 0; k < features.size(); ++k) {
    document.features.push_back(LineFeaturesFromNames(k, features[k]));
  }
  document.gold = {variant % 3 == 0 ? LineRole::kTitle : LineRole::kFurniture,
                   variant % 2 == 0 ? LineRole::kTitle : LineRole::kHeadOther, LineRole::kBody};
  TitleCandidate none;
  none.features = {"none"};
  TitleCandidate first;
  first.begin = 0;
  first.end = 1;
  first.features = {"span", "first:short", variant % 2 == 0 ? "lines=1" : "first:long"};
  TitleCandidate second;
  second.begin = 1;
  second.end = 2;
  second.features = {"span", "first:long", "lines=1"};
  document.candidates = {none, first, second};
  document.gold_candidate = 1 + variant % 3 % 2;
  return document;
}

std::string Train(const std::vector<TrainingDocument>& documents, const TrainingOptions& options) {
  std::vector<const TrainingDocument*> pointers;
  for (const TrainingDocument& document : documents) pointers.push_back(&document);
  return TrainLineRoleModel(pointers, options).ToText();
}

std::vector<TrainingDocument> Documents() {
  std::vector<TrainingDocument> documents;
  for (int variant = 0; variant < 12; ++variant) {
    documents.push_back(Document(variant, "source" + std::to_string(variant % 4)));
  }
  return documents;
}

TEST(LineRoleTrainer, SameDocumentsAndOptionsGiveTheSameWeightsFile) {
  const std::vector<TrainingDocument> documents = Documents();
  EXPECT_EQ(Train(documents, {}), Train(documents, {}));
  TrainingOptions second_order;
  second_order.first_order = 1;
  EXPECT_EQ(Train(documents, second_order), Train(documents, second_order));
}

TEST(LineRoleTrainer, FirstOrderChoosesTheVisitingOrder) {
  const std::vector<TrainingDocument> documents = Documents();
  TrainingOptions first;
  first.first_order = 0;
  TrainingOptions other;
  other.first_order = 3;
  // The default starts at the first order.
  EXPECT_EQ(Train(documents, {}), Train(documents, first));
  EXPECT_NE(Train(documents, first), Train(documents, other));
}

// A head of a title, a line shaped like a reference, and body. Fully
// labelled, the middle line is the reference; partly labelled (a saved
// page's labels name the title alone), its role is unknown and GoldRoles
// leaves the placeholder head_other there.
TrainingDocument ReferenceDocument(bool partly_labelled, int variant) {
  TrainingDocument document;
  document.group = (partly_labelled ? "page" : "corpus") + std::to_string(variant);
  const std::vector<std::vector<std::string>> features = {
      {"bias", "pos=0", "title_case"}, {"bias", "pos=1", "code_shape"}, {"bias", "pos=2", "long"}};
  for (size_t k = 0; k < features.size(); ++k) {
    document.features.push_back(LineFeaturesFromNames(k, features[k]));
  }
  document.gold = {LineRole::kTitle, partly_labelled ? LineRole::kHeadOther : LineRole::kReference,
                   LineRole::kBody};
  if (partly_labelled) document.gold_known = {true, false, true};
  return document;
}

// Training takes the model's best reading that agrees with the labelled
// lines for a partly labelled document, so its unlabelled lines do not
// teach the placeholder: a reference-shaped line stays a reference however
// many saved pages leave it unlabelled. (Trained as if the placeholder
// were a label, the pages outvote the corpus.)
TEST(LineRoleTrainer, UnlabelledLinesOfPartlyLabelledDocumentsTeachNothing) {
  std::vector<TrainingDocument> documents;
  for (int variant = 0; variant < 2; ++variant)
    documents.push_back(ReferenceDocument(false, variant));
  for (int variant = 0; variant < 6; ++variant)
    documents.push_back(ReferenceDocument(true, variant));
  std::vector<const TrainingDocument*> pointers;
  for (const TrainingDocument& document : documents) pointers.push_back(&document);
  const std::vector<LineFeatures> head = ReferenceDocument(false, 9).features;

  const std::vector<LineRole> read = TrainLineRoleModel(pointers, {}).Decode(head);
  ASSERT_EQ(read.size(), 3u);
  EXPECT_EQ(read[0], LineRole::kTitle);
  EXPECT_EQ(read[1], LineRole::kReference);
  EXPECT_EQ(read[2], LineRole::kBody);

  for (TrainingDocument& document : documents) document.gold_known.clear();
  EXPECT_EQ(TrainLineRoleModel(pointers, {}).Decode(head)[1], LineRole::kHeadOther);
}

// The parser ships the model the accuracy figures measure (they train their
// own from the corpus), and a change to what the model reads cannot land
// without the weights retrained to it.
TEST(LineRoleTrainer, TheShippedWeightsAreWhatTrainingOnTheCorpusWrites) {
  const std::string corpus = DOCSEARCH_SHARED_CORPUS;
  for (const char* folder : {"nato-dev", "statements-dev"}) {
    if (!std::filesystem::exists(corpus + "/" + folder + "/labels.jsonl")) {
      GTEST_SKIP() << "labelled corpus not found at " << corpus << "/" << folder;
    }
  }
  const std::string layouts = std::string(DOCSEARCH_SOURCE_DIR) + "/bench/unseen_layouts";
  const absl::StatusOr<std::string> file = TrainWeightsFile(corpus, layouts);
  ASSERT_TRUE(file.ok()) << file.status();
  const absl::StatusOr<LineRoleModel> trained = LineRoleModel::FromText(*file);
  ASSERT_TRUE(trained.ok()) << trained.status();
  const std::vector<std::string> shipped = absl::StrSplit(EmbeddedLineRoleModel().ToText(), '\n');
  const std::vector<std::string> retrained = absl::StrSplit(trained->ToText(), '\n');
  for (size_t i = 0; i < shipped.size() && i < retrained.size(); ++i) {
    ASSERT_EQ(shipped[i], retrained[i])
        << "line " << i + 1 << " of the weights differs from what training writes now; "
        << "retrain: build/dev/ingest_service/parser/tools/parser_train_line_roles " << corpus
        << " ingest_service/parser/line_role_weights.txt " << layouts;
  }
  EXPECT_EQ(shipped.size(), retrained.size());
}

}  // namespace
}  // namespace docsearch::ingest
