// The saved layout pages as training documents
// (ingest_service/parser/tools/layout_labels.h): what a set's tables say
// of a page becomes its labels, and the pages nobody has read are never
// among those trained on.
#include "ingest_service/parser/tools/layout_labels.h"

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace docsearch::ingest {
namespace {

namespace fs = std::filesystem;

void Write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

class LayoutLabelsTest : public testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::path(testing::TempDir()) /
            testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(root_);
    Write(root_ / "read" / "1.txt", "Ministry\nPress release\nHeadline one\n12 May 2020\nText.\n");
    Write(root_ / "unread" / "2.txt", "Headline two\nText.\n");
    Write(root_ / "expected.tsv",
          "1.txt\tHeadline one|Ministry Headline one\tDOC_TYPE_PRESS_RELEASE|DOC_TYPE_NEWS\t"
          "2020-05-12\n"
          "2.txt\tHeadline two\t*\t\n");
    Write(root_ / "furniture.tsv", "1.txt\tMinistry\n1.txt\tShare this page\n2.txt\tMenu\n");
  }

  fs::path root_;
};

TEST_F(LayoutLabelsTest, APageIsLabelledByTheSetsTables) {
  absl::StatusOr<std::vector<LabelledDocument>> pages = LoadLayoutFolder(root_.string(), "read");
  ASSERT_TRUE(pages.ok()) << pages.status();
  ASSERT_EQ(pages->size(), 1u);  // 2.txt is the other folder's.
  const LabelledDocument& page = pages->front();
  EXPECT_EQ(page.file, "1.txt");
  EXPECT_EQ(page.url, "1.txt");
  EXPECT_EQ(page.group, "layout:1.txt");
  EXPECT_THAT(page.content, testing::StartsWith("Ministry\nPress release\n"));
  EXPECT_EQ(page.labels.title, "Headline one");
  EXPECT_THAT(page.labels.other_titles, testing::ElementsAre("Ministry Headline one"));
  EXPECT_THAT(page.labels.accepted_types,
              testing::ElementsAre("DOC_TYPE_PRESS_RELEASE", "DOC_TYPE_NEWS"));
  EXPECT_EQ(page.labels.published, "2020-05-12");
  EXPECT_THAT(page.labels.boilerplate, testing::ElementsAre("Ministry", "Share this page"));
  EXPECT_TRUE(page.labels.head_partly_labelled);
}

TEST_F(LayoutLabelsTest, AnyTypeAndNoDateLeaveThoseLabelsEmpty) {
  absl::StatusOr<std::vector<LabelledDocument>> pages = LoadLayoutFolder(root_.string(), "unread");
  ASSERT_TRUE(pages.ok()) << pages.status();
  ASSERT_EQ(pages->size(), 1u);
  EXPECT_TRUE(pages->front().labels.accepted_types.empty());
  EXPECT_TRUE(pages->front().labels.published.empty());
  EXPECT_THAT(pages->front().labels.boilerplate, testing::ElementsAre("Menu"));
}

TEST_F(LayoutLabelsTest, AMissingFolderOrABrokenRowIsAnError) {
  EXPECT_EQ(LoadLayoutFolder(root_.string(), "absent").status().code(),
            absl::StatusCode::kNotFound);
  Write(root_ / "expected.tsv", "1.txt\tHeadline one\n");
  EXPECT_EQ(LoadLayoutFolder(root_.string(), "read").status().code(),
            absl::StatusCode::kInvalidArgument);
}

LabelledDocument Page(const std::string& file, std::vector<std::string> furniture) {
  LabelledDocument page;
  page.file = file;
  page.group = "layout:" + file;
  page.labels.boilerplate = std::move(furniture);
  return page;
}

// Pages printing three long furniture lines alike (a site's footer and
// menu) are one site, and one source group; two lines alike, or short
// ones ("Home", "Menu"), do not make a site.
TEST(GroupPagesBySite, PagesSharingASitesFurnitureAreOneGroup) {
  const std::vector<std::string> footer = {"Cookies on the example portal",
                                           "Example portal privacy notice",
                                           "(c) Example Crown copyright"};
  std::vector<LabelledDocument> pages = {
      Page("1.txt", footer),
      Page("2.txt", {"Home", "Menu", "Search", "Contact"}),
      Page("3.txt", {footer[0], footer[1], footer[2], "Share this page"}),
      Page("4.txt", {"Home", "Menu", "Search", "Contact", footer[0], footer[1]}),
  };
  GroupPagesBySite(&pages);
  EXPECT_EQ(pages[0].group, "layout:1.txt");
  EXPECT_EQ(pages[1].group, "layout:2.txt");
  EXPECT_EQ(pages[2].group, "layout:1.txt");
  EXPECT_EQ(pages[3].group, "layout:4.txt");
}

// Lines every site prints ("Skip to main content") tell no site: five
// pages of five sites sharing three of them stay five groups, and the
// character count, not the byte count, decides what is long enough
// (eleven characters are short, in twelve or thirteen bytes).
TEST(GroupPagesBySite, LinesManySitesPrintDoNotJoinThem) {
  const std::vector<std::string> everywhere = {"Skip to main content", "Aller au contenu principal",
                                               "Mentions légales du site"};
  std::vector<LabelledDocument> pages;
  for (int i = 1; i <= 5; ++i) pages.push_back(Page(absl::StrCat(i, ".txt"), everywhere));
  // Eleven characters, thirteen bytes: too short to count.
  const std::vector<std::string> short_lines = {"Défense nat", "Sécurité ab", "Accès rapid"};
  pages.push_back(Page("6.txt", short_lines));
  pages.push_back(Page("7.txt", short_lines));
  GroupPagesBySite(&pages);
  for (const LabelledDocument& page : pages) EXPECT_EQ(page.group, "layout:" + page.file);
}

// A site's own lines tell it however many of its pages print them: six
// pages of one site sharing its footer are one group.
TEST(GroupPagesBySite, ASitesOwnLinesJoinAllItsPages) {
  const std::vector<std::string> footer = {"Ministry of Foreign Affairs of Ruritania",
                                           "12 Castle Street, Strelsau",
                                           "Ruritanian Ministry press office"};
  std::vector<LabelledDocument> pages;
  for (int i = 1; i <= 6; ++i) pages.push_back(Page(absl::StrCat(i, ".txt"), footer));
  GroupPagesBySite(&pages);
  for (const LabelledDocument& page : pages) EXPECT_EQ(page.group, "layout:1.txt");
}

// The model may learn only from pages that were read; the sets kept
// unread measure the parser on sites nobody has looked at, and would
// measure memory once trained on.
TEST(TrainingLayouts, AreTheReadPagesAndNoneOfTheUnread) {
  const fs::path layouts = fs::path(DOCSEARCH_SOURCE_DIR) / "bench" / "unseen_layouts";
  absl::StatusOr<std::vector<LabelledDocument>> pages = LoadTrainingLayouts(layouts.string());
  ASSERT_TRUE(pages.ok()) << pages.status();
  std::set<std::string> trained;
  for (const LabelledDocument& page : *pages) trained.insert(page.file);
  for (const std::string& folder : TrainingLayoutFolders()) {
    for (const fs::directory_entry& entry : fs::directory_iterator(layouts / folder)) {
      EXPECT_TRUE(trained.contains(entry.path().filename().string())) << entry.path();
    }
  }
  for (const char* unread : {"held_out", "held_out_3", "held_out_4", "held_out_5", "held_out_8"}) {
    EXPECT_THAT(TrainingLayoutFolders(), testing::Not(testing::Contains(unread)));
    for (const fs::directory_entry& entry : fs::directory_iterator(layouts / unread)) {
      EXPECT_FALSE(trained.contains(entry.path().filename().string())) << entry.path();
    }
  }
}

}  // namespace
}  // namespace docsearch::ingest
