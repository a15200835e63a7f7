#include "cli/terminal_text.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace docsearch::cli {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(DisplayWidth, CountsCharactersNotBytesAndIgnoresAnsiEscapes) {
  EXPECT_EQ(DisplayWidth("défense"), 7);
  EXPECT_EQ(DisplayWidth("\033[1mbold\033[0m"), 4);
  EXPECT_EQ(DisplayWidth(""), 0);
}

TEST(TruncateToWidth, LeavesShortTextAlone) {
  EXPECT_EQ(TruncateToWidth("Joint Statement", 15), "Joint Statement");
  EXPECT_EQ(TruncateToWidth("Joint Statement", 0), "Joint Statement");
}

TEST(TruncateToWidth, EndsCutTextWithAnEllipsisWithinTheWidth) {
  EXPECT_EQ(TruncateToWidth("Joint Statement", 8), "Joint S…");
  EXPECT_EQ(TruncateToWidth("Joint Statement", 7), "Joint…");  // No space before the "…".
}

TEST(TruncateToWidth, NeverSplitsAMultiByteCharacter) {
  EXPECT_EQ(TruncateToWidth("décembre 2001", 3), "dé…");
}

TEST(TruncateToWidth, ResetsTheTerminalWhenCuttingMarkedText) {
  EXPECT_EQ(TruncateToWidth("a \033[1mbold word\033[0m", 6), "a \033[1mbol…\033[0m");
}

TEST(WrapText, BreaksBetweenWordsAndCollapsesWhitespace) {
  EXPECT_THAT(WrapText("We condemn\n terrorism   in all its manifestations.", 16),
              ElementsAre("We condemn", "terrorism in all", "its", "manifestations."));
}

TEST(WrapText, KeepsAWordLongerThanTheLineWhole) {
  EXPECT_THAT(WrapText("a military-to-military b", 8),
              ElementsAre("a", "military-to-military", "b"));
}

TEST(WrapText, EmptyTextHasNoLinesAndZeroWidthMeansOneLine) {
  EXPECT_THAT(WrapText("  \n ", 10), IsEmpty());
  EXPECT_THAT(WrapText("one  two\nthree", 0), ElementsAre("one two three"));
}

TEST(FormatDate, PrintsAsMuchOfTheDateAsIsKnown) {
  docsearch::v1::Date date;
  EXPECT_EQ(FormatDate(date), "");
  date.set_year(2001);
  EXPECT_EQ(FormatDate(date), "2001");
  date.set_month(12);
  EXPECT_EQ(FormatDate(date), "2001-12");
  date.set_day(7);
  EXPECT_EQ(FormatDate(date), "2001-12-07");
}

TEST(DocTypeKeyword, IsTheLowerCaseNameWithoutPrefix) {
  EXPECT_EQ(DocTypeKeyword(docsearch::v1::DOC_TYPE_PRESS_STATEMENT), "press_statement");
  EXPECT_EQ(DocTypeKeyword(docsearch::v1::DOC_TYPE_CHAIRMANS_SUMMARY), "chairmans_summary");
}

TEST(FormatNumbers, AreReadable) {
  EXPECT_EQ(FormatBytes(512), "512 B");
  EXPECT_EQ(FormatBytes(1500), "1.5 KB");
  EXPECT_EQ(FormatBytes(12'300'000), "12.3 MB");
  EXPECT_EQ(FormatCount(0), "0");
  EXPECT_EQ(FormatCount(999), "999");
  EXPECT_EQ(FormatCount(1234567), "1,234,567");
  EXPECT_EQ(FormatElapsed(absl::Milliseconds(950)), "950ms");
  EXPECT_EQ(FormatElapsed(absl::Milliseconds(12400)), "12.4s");
  EXPECT_EQ(FormatElapsed(absl::Seconds(185)), "3m05s");
}

TEST(Bar, ScalesToTheMaximumAndShowsEveryNonZeroCount) {
  EXPECT_EQ(Bar(10, 10, 20), std::string(20, '#'));
  EXPECT_EQ(Bar(5, 10, 20), std::string(10, '#'));
  EXPECT_EQ(Bar(1, 1000, 20), "#");
  EXPECT_EQ(Bar(0, 10, 20), "");
  EXPECT_EQ(Bar(3, 0, 20), "");
}

}  // namespace
}  // namespace docsearch::cli
