// Line features held as ids keep the names of the weights file: every fixed
// id's name reads back as that id, a line's features read back from their
// names as the same ids and open keys, and names the id table does not list
// (a line's words, a vote it does not know) keep their names. Documents
// written for the test.
#include "ingest_service/parser/line_feature_ids.h"

#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "ingest_service/parser/line_features.h"
#include "ingest_service/parser/plain_text_parser.h"

namespace docsearch::ingest {
namespace {

TEST(LineFeatureIds, EveryFixedNameReadsBackAsItsId) {
  std::set<std::string> names;
  for (FeatureId id = 0; id < feature::kFixedCount; ++id) {
    const absl::string_view name = FixedFeatureName(id);
    ASSERT_FALSE(name.empty()) << id;
    EXPECT_TRUE(names.insert(std::string(name)).second) << name;
    const FeatureKey key = ParseFeatureName(name);
    ASSERT_TRUE(key.id.has_value()) << name;
    EXPECT_EQ(*key.id, id) << name;
  }
  EXPECT_EQ(FixedFeatureName(feature::kPos + PosBucket(7)), "pos=6-7");
  EXPECT_EQ(FixedFeatureName(feature::kLen + LenBucket(170)), "len=160+");
  EXPECT_EQ(FixedFeatureName(feature::kWords + WordsBucket(2)), "words=2");
  EXPECT_EQ(FixedFeatureName(VoteFeature(Vote::kDateLine)), "vote=date_line");
  EXPECT_EQ(FixedFeatureName(feature::kNext + static_cast<size_t>(Vote::kFateDroppedHead)),
            "next:fate_dropped_head");
}

TEST(LineFeatureIds, NamesOutsideTheTableStayOpen) {
  const LineFeatures line = LineFeaturesFromNames(
      3, {"bias", "first_word=nato", "word=summit", "vote=fate_dropped_new_reason",
          "prev:furniture_new_reason", "short"});
  EXPECT_EQ(line.line_index, 3u);
  EXPECT_EQ(line.Names(), (std::vector<std::string>{"bias", "first_word=nato", "word=summit",
                                                    "vote=fate_dropped_new_reason",
                                                    "prev:furniture_new_reason", "short"}));
  EXPECT_EQ(line.OpenAt(0), nullptr);
  ASSERT_NE(line.OpenAt(1), nullptr);
  EXPECT_EQ(line.OpenAt(1)->kind, OpenKind::kFirstWord);
  EXPECT_EQ(line.OpenAt(1)->key, "nato");
  EXPECT_EQ(line.OpenAt(3)->kind, OpenKind::kVote);
  EXPECT_EQ(line.OpenAt(4)->kind, OpenKind::kPrev);
  EXPECT_EQ(line.OpenAt(5)->kind, OpenKind::kOther);
}

TEST(LineFeatureIds, ComputedFeaturesReadBackFromTheirNames) {
  const std::string text =
      "Home | News | Statements\nFor Immediate Release\n\nJoint Statement\n"
      "Brussels, 12 March 2009\n\nThe ministers met today to discuss the economy and "
      "agreed on the rules for shipping.\n";
  std::vector<SourceLine> lines;
  int number = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) lines.push_back({line, ++number});
  v1::ParseDocumentResponse parsed;
  ParsePlainText(text, "https://ministry.example/news/joint-statement.html", &parsed);
  const std::vector<LineFeatures> features = ComputeLineFeatures(lines, parsed);
  ASSERT_EQ(features.size(), 5u);
  for (const LineFeatures& line : features) {
    const LineFeatures read = LineFeaturesFromNames(line.line_index, line.Names());
    EXPECT_EQ(read.ids, line.ids);
    EXPECT_EQ(read.Names(), line.Names());
  }
  EXPECT_TRUE(features[4].Has(feature::kNextNone));
  EXPECT_TRUE(features[3].Has(VoteFeature(Vote::kDateLine)));
  EXPECT_TRUE(features[4].Has(feature::kAfterDateLine));
}

}  // namespace
}  // namespace docsearch::ingest
