// Markdown's marks around whole lines, taken off before the layout is read.
// Texts written for the test.
#include "ingest_service/parser/markdown_marks.h"

#include "gtest/gtest.h"

namespace docsearch::ingest {
namespace {

TEST(MarkdownMarks, HeadingsLoseTheirHashes) {
  EXPECT_EQ(WithoutMarkdownMarks("# Joint Statement of the Commission\n\nText."),
            "Joint Statement of the Commission\n\nText.");
  EXPECT_EQ(WithoutMarkdownMarks("### Background ###"), "Background");
  EXPECT_EQ(WithoutMarkdownMarks("  ## Indented heading"), "Indented heading");
}

TEST(MarkdownMarks, EmphasisAroundAWholeLineGoes) {
  EXPECT_EQ(WithoutMarkdownMarks("**Brussels, 3 April 2008**\nThe Council met."),
            "Brussels, 3 April 2008\nThe Council met.");
  EXPECT_EQ(WithoutMarkdownMarks("__Check against delivery__"), "Check against delivery");
}

// What is not a mark around a whole line stays as printed, and every line
// keeps its place.
TEST(MarkdownMarks, OtherTextStaysAsPrinted) {
  for (const char* text :
       {"#NATO at 70", "# # #", "###", "A **bold** word in a sentence.", "**a** and **b**",
        "** spaced **", "Item #  2", "snake__case__name", "#7 on the list"}) {
    EXPECT_EQ(WithoutMarkdownMarks(text), text) << text;
  }
  EXPECT_EQ(WithoutMarkdownMarks("one\n# two\n\nthree\n"), "one\ntwo\n\nthree\n");
  // The same lines beside a heading, so that the heading rule reads them.
  EXPECT_EQ(WithoutMarkdownMarks("# Title\n#NATO at 70\n###\n#7 on the list\nItem # 2"),
            "Title\n#NATO at 70\n###\n#7 on the list\nItem # 2");
  EXPECT_EQ(WithoutMarkdownMarks(""), "");
}

}  // namespace
}  // namespace docsearch::ingest
