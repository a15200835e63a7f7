#include "query_service/search/range_bound.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace docsearch::query {
namespace {

using ::testing::HasSubstr;

TEST(ParseIsoDatePeriod, CoversAWholeYearOrMonth) {
  auto year = ParseIsoDatePeriod("2001");
  ASSERT_TRUE(year.ok());
  EXPECT_EQ(year->last - year->first, 364);
  auto february = ParseIsoDatePeriod("2004-02");
  ASSERT_TRUE(february.ok());
  EXPECT_EQ(february->last - february->first, 28);  // Leap year.
}

TEST(ParseIsoDatePeriod, RejectsImpossibleDates) {
  for (const char* text : {"2001-02-30", "2001-13", "01-12-07", "7 Dec 2001", ""}) {
    EXPECT_FALSE(ParseIsoDatePeriod(text).ok()) << text;
  }
}

TEST(DateRange, NamesTheBoundAtFault) {
  auto range = DateRange("", "", "2001-99", "", "query.range");
  EXPECT_THAT(range.status().message(), HasSubstr("query.range.lte"));
}

TEST(DateRange, ExclusiveBoundsSkipTheWholePeriod) {
  auto range = DateRange("", "2001", "", "2003", "q");
  ASSERT_TRUE(range.ok());
  auto y2002 = ParseIsoDatePeriod("2002");
  EXPECT_EQ(range->first, y2002->first);
  EXPECT_EQ(range->last, y2002->last);
}

}  // namespace
}  // namespace docsearch::query
