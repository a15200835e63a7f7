// DiffVersions: what a reader of two versions of a statement sees changed.
#include "query_service/compare/version_diff.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace docsearch::query::compare {
namespace {

using docsearch::v1::CompareVersionsResponse;
using docsearch::v1::Document;
using docsearch::v1::ParagraphChange;

Document Version(const std::string& title, const std::vector<std::string>& paragraphs) {
  Document document;
  document.set_id("statement");
  document.set_title(title);
  int number = 1;
  for (const std::string& text : paragraphs) {
    auto* paragraph = document.add_paragraphs();
    paragraph->set_number(std::to_string(number++));
    paragraph->set_text(text);
  }
  return document;
}

const ParagraphChange* FindChange(const CompareVersionsResponse& response,
                                  docsearch::v1::ParagraphChangeKind kind) {
  for (const ParagraphChange& change : response.changes()) {
    if (change.kind() == kind) return &change;
  }
  return nullptr;
}

TEST(DiffVersions, FindsAddedRemovedMovedAndRewordedParagraphs) {
  const Document older =
      Version("Statement on the Council meeting",
              {"The Council met in Brussels on 12 May 1997.",
               "Ministers reviewed progress in the Partnership for Peace.",
               "They welcomed the accession talks with three countries.",
               "The next meeting will be held in Madrid.", "This paragraph was dropped later."});
  const Document newer = Version("Statement on the Council meeting in Brussels",
                                 {"The Council met in Brussels on 14 May 1997.",
                                  "Ministers reviewed progress in the Partnership for Peace.",
                                  "The next meeting will be held in Madrid.",
                                  "They welcomed the accession talks with three countries.",
                                  "A new paragraph on civil emergency planning."});
  const CompareVersionsResponse diff = DiffVersions(older, newer);

  ASSERT_EQ(diff.title_edits_size(), 1);
  EXPECT_EQ(diff.title_edits(0).kind(), docsearch::v1::WORD_EDIT_KIND_INSERT);
  EXPECT_EQ(diff.title_edits(0).to_text(), "in Brussels");

  // Paragraphs 2 and one of the swapped pair stay in order.
  EXPECT_EQ(diff.unchanged_paragraphs(), 2);

  const ParagraphChange* reworded = FindChange(diff, docsearch::v1::PARAGRAPH_CHANGE_KIND_CHANGED);
  ASSERT_NE(reworded, nullptr);
  EXPECT_EQ(reworded->from_index(), 0);
  EXPECT_EQ(reworded->to_index(), 0);
  ASSERT_EQ(reworded->edits_size(), 1);
  EXPECT_EQ(reworded->edits(0).from_text(), "12");
  EXPECT_EQ(reworded->edits(0).to_text(), "14");
  EXPECT_TRUE(reworded->edits(0).numeric());

  const ParagraphChange* moved = FindChange(diff, docsearch::v1::PARAGRAPH_CHANGE_KIND_MOVED);
  ASSERT_NE(moved, nullptr);
  EXPECT_DOUBLE_EQ(moved->similarity(), 1.0);
  EXPECT_NE(moved->from_index() - moved->to_index(), 0);

  const ParagraphChange* added = FindChange(diff, docsearch::v1::PARAGRAPH_CHANGE_KIND_ADDED);
  ASSERT_NE(added, nullptr);
  EXPECT_EQ(added->to_index(), 4);
  EXPECT_EQ(added->from_index(), -1);
  EXPECT_EQ(added->text(), "A new paragraph on civil emergency planning.");

  const ParagraphChange* removed = FindChange(diff, docsearch::v1::PARAGRAPH_CHANGE_KIND_REMOVED);
  ASSERT_NE(removed, nullptr);
  EXPECT_EQ(removed->from_index(), 4);
  EXPECT_EQ(removed->to_index(), -1);
  EXPECT_EQ(removed->text(), "This paragraph was dropped later.");
  EXPECT_EQ(diff.changes_size(), 4);
}

TEST(DiffVersions, ListsChangesInTheNewerReadingOrder) {
  const Document older = Version("T", {"alpha one two", "beta three four", "gamma five six"});
  const Document newer = Version("T", {"alpha one two", "delta seven eight", "gamma five six"});
  const CompareVersionsResponse diff = DiffVersions(older, newer);
  // Nothing in common between beta and delta: removed where it stood (after
  // alpha), then the added one, as a unified diff reads.
  ASSERT_EQ(diff.changes_size(), 2);
  EXPECT_EQ(diff.changes(0).kind(), docsearch::v1::PARAGRAPH_CHANGE_KIND_REMOVED);
  EXPECT_EQ(diff.changes(0).from_index(), 1);
  EXPECT_EQ(diff.changes(1).kind(), docsearch::v1::PARAGRAPH_CHANGE_KIND_ADDED);
  EXPECT_EQ(diff.changes(1).to_index(), 1);
  EXPECT_EQ(diff.unchanged_paragraphs(), 2);
}

TEST(DiffVersions, EqualVersionsDifferInNothingButWhitespace) {
  const Document older = Version("Title", {"Same  text\nwrapped.", "Second."});
  const Document newer = Version("Title", {"Same text wrapped.", "Second."});
  const CompareVersionsResponse diff = DiffVersions(older, newer);
  EXPECT_EQ(diff.changes_size(), 0);
  EXPECT_EQ(diff.title_edits_size(), 0);
  EXPECT_EQ(diff.unchanged_paragraphs(), 2);
}

}  // namespace
}  // namespace docsearch::query::compare
