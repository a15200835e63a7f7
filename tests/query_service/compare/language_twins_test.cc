// CompareDocuments of a statement and its translation (the development
// set's English and French renderings of NATO press release (2007)130):
// paragraphs are aligned by their printed numbers, not by word overlap,
// and those present in one version only are listed as unaligned.
#include <set>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "query_service/compare/document_comparer.h"
#include "query_service/compare/paragraph_aligner.h"
#include "tests/query_service/compare/compare_fixture.h"

namespace docsearch::query::compare {
namespace {

constexpr char kEnglish[] = "pr-2007-p07-130e_v2.txt";
constexpr char kFrench[] = "pr-2007-p07-130f.txt";

class LanguageTwins : public ::testing::Test {
 protected:
  void SetUp() override {
    for (auto& document : testing::DevDocuments()) {
      if (document.id() == kEnglish) english_ = document;
      if (document.id() == kFrench) french_ = document;
    }
    if (english_.id().empty() || french_.id().empty()) {
      GTEST_SKIP() << "development corpus absent (../shared/corpus/nato-dev)";
    }
  }

  absl::StatusOr<docsearch::v1::CompareDocumentsResponse> Compare(const std::string& a,
                                                                  const std::string& b) {
    docsearch::v1::CompareDocumentsRequest request;
    request.mutable_a()->set_id(a);
    request.mutable_b()->set_id(b);
    TextAnalyzer analyzer;
    return testing::SharedSeedIndex().Read(
        [&](IndexSnapshot data) { return CompareDocuments(request, data, analyzer, nullptr); });
  }

  docsearch::v1::Document english_;
  docsearch::v1::Document french_;
};

TEST_F(LanguageTwins, AlignsParagraphsByNumberAndFlagsThoseInOneVersionOnly) {
  ASSERT_TRUE(AlignsByNumber(english_, french_));
  auto response = Compare(kEnglish, kFrench);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_TRUE(response->aligned_by_number());
  const std::vector<std::string> numbers_en = ParagraphNumbers(english_);
  const std::vector<std::string> numbers_fr = ParagraphNumbers(french_);
  ASSERT_GE(response->paragraph_pairs_size(), 3);
  for (const auto& pair : response->paragraph_pairs()) {
    EXPECT_FALSE(numbers_en[pair.a_index()].empty());
    EXPECT_EQ(numbers_en[pair.a_index()], numbers_fr[pair.b_index()]);
    EXPECT_TRUE(pair.edits().empty());
  }
  // Every paragraph is either paired or listed, and a numbered paragraph
  // listed has a number the other version lacks.
  const std::set<std::string> set_en(numbers_en.begin(), numbers_en.end());
  const std::set<std::string> set_fr(numbers_fr.begin(), numbers_fr.end());
  EXPECT_EQ(response->paragraph_pairs_size() + response->unaligned_a_size(),
            english_.paragraphs_size());
  EXPECT_EQ(response->paragraph_pairs_size() + response->unaligned_b_size(),
            french_.paragraphs_size());
  for (int i : response->unaligned_a()) {
    if (!numbers_en[i].empty()) {
      EXPECT_FALSE(set_fr.count(numbers_en[i])) << numbers_en[i];
    }
  }
  for (int j : response->unaligned_b()) {
    if (!numbers_fr[j].empty()) {
      EXPECT_FALSE(set_en.count(numbers_fr[j])) << numbers_fr[j];
    }
  }
}

TEST_F(LanguageTwins, DocumentsInOneLanguageAreStillAlignedByTheirWords) {
  auto response = Compare(kEnglish, "pr-2007-p07-130e.txt");
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_FALSE(response->aligned_by_number());
  auto seeds = Compare(testing::kJointStatementId, testing::kUpdateId);
  ASSERT_TRUE(seeds.ok()) << seeds.status();
  EXPECT_FALSE(seeds->aligned_by_number());
}

}  // namespace
}  // namespace docsearch::query::compare
