// Per-field accuracy of the parser on the labelled development corpus
// (../shared/corpus/nato-dev and statements-dev: real archived documents with
// hand labels, see the corpus README), held out by source and in-sample.
// Prints the tables (the same as the parser_accuracy tool) and the held-out
// failures, and fails when a held-out figure drops below the floor measured
// for the current parser (kFloors). The project's bars are printed beside the
// figures; docs/INGEST.md says which are met. Skips when the corpus is not
// beside the checkout.
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "ingest_service/parser/tools/accuracy_report.h"
#include "ingest_service/parser/tools/layout_labels.h"

namespace docsearch::ingest {
namespace {

const std::string kCorpus = DOCSEARCH_SHARED_CORPUS;

// Held-out share (all folders) below which the test fails: what the parser
// reaches today, so that a change that makes it worse is caught. Title,
// boilerplate removed and published are this split's figures for the model
// as the mean of five perceptrons (131, 135 and 142 of 144 documents). The
// floors before it, boilerplate 0.94 and published 0.99, were what one
// visiting order of one perceptron happened to give: over ten orders that
// model's means in ten folds were 133.8 and 141.8, below both (INGEST.md,
// "A mean of five perceptrons"). Title went from 131 to 130 when the date
// lines of two German documents came to be read (INGEST.md, "Dates, headers
// and pages in more languages"): the titles that moved are other documents',
// moved by the perceptrons' training, over five orders 130.0 -> 129.0.
// It went back to 131 when a meeting named before its date stopped being
// read as a place ("General Affairs Council, 25/09/2017"; INGEST.md, "Site
// controls never the headline; a meeting is no place"), over five orders
// 129.0 -> 130.2. It rose to 134 when a headline fused with its first
// paragraph kept the cascade's cut (INGEST.md, "Headlines fused with their
// first paragraph"): two documents' titles, and one more moved by training;
// over five orders 130.2 -> 133.0. The floor, 133, leaves that one. When
// the model came to learn from the read saved layout pages too (INGEST.md,
// "Learning from the read layouts"), titles went to 132 (over five orders
// 133.0 -> 132.0), types to 141 (141.8 -> 141.0), boilerplate removed
// rose to 137 (136.0 -> 137.4) and published to 144 (143.4 -> 144.0): a
// title and a type of the corpus for nine titles, three types and
// thirty-one cleaned pages of a hundred pages of sites nobody on the
// project has read. Cookie notices read as furniture, more labels and date
// rows (INGEST.md, "Cookie notices, labels and date rows from two more
// sets") left titles where they were over six orders (mean 132.0, orders
// 0-5 giving 130 to 133), raised types (141.0 -> 142.0) and boilerplate
// removed (137.4 -> 138.0, every order). This split is order 0, whose title
// fell to 130: the floor was 130, the mean stands. A title run that reads
// as prose stopped being taken (INGEST.md, "Governments' and
// organisations' own sites, two more sets; prose never a title"): this
// split's titles 130 -> 131, the floor 131. With a heading over a table
// of contents read as a digest's, as the corpus labels one (INGEST.md,
// "Issuers, date rows and controls in more languages"), this split's
// titles are 133 (one source held out: 133 -> 135), the floor 133.
const std::map<std::string, double> kFloors = {
    {"title", 0.923},     {"doc_type", 0.97}, {"boilerplate removed", 0.958},
    {"published", 0.993}, {"language", 1.00}, {"reference", 0.97},
    {"updated", 0.99},
};

TEST(CorpusAccuracy, HeldOutBySourceStaysAtOrAboveFloors) {
  for (const char* folder : {"nato-dev", "statements-dev"}) {
    if (!std::filesystem::exists(kCorpus + "/" + folder + "/labels.jsonl")) {
      GTEST_SKIP() << "labelled corpus not found at " << kCorpus << "/" << folder
                   << " (set -DDOCSEARCH_SHARED_CORPUS=...); accuracy not measured";
    }
  }
  // Ten folds of sources rather than one per source: the same held-out
  // guarantee (no document is scored by a model trained on its source) in a
  // tenth of the training time.
  // Every model learns from the read saved pages too, as the shipped one.
  absl::StatusOr<std::vector<LabelledDocument>> pages =
      LoadTrainingLayouts(std::string(DOCSEARCH_SOURCE_DIR) + "/bench/unseen_layouts");
  ASSERT_TRUE(pages.ok()) << pages.status();
  absl::StatusOr<AccuracyReport> report =
      MeasureAccuracy(kCorpus, {"nato-dev", "statements-dev"}, /*folds=*/10, "", {}, *pages);
  ASSERT_TRUE(report.ok()) << report.status();
  std::printf("%s", FormatReport(*report, /*failures=*/true).c_str());
  const AccuracyTable& all = report->held_out.back();
  for (size_t f = 0; f < ScoredFields().size(); ++f) {
    auto floor = kFloors.find(ScoredFields()[f]);
    if (floor == kFloors.end()) continue;
    EXPECT_GE(all.Share(f) + 1e-9, floor->second) << ScoredFields()[f] << " fell below its floor";
  }
}

}  // namespace
}  // namespace docsearch::ingest
