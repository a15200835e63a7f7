// Dates of Chinese, Japanese and Korean sites, read through the date
// parser's public functions as the layout readers call them.
#include "ingest_service/parser/east_asian_dates.h"

#include <optional>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest_service/parser/breadcrumb_section.h"
#include "ingest_service/parser/date_parser.h"
#include "tests/parser/date_matchers.h"

namespace docsearch::ingest {
namespace {

using ::testing::Optional;

TEST(EastAsianDates, ReadsYearMonthDayCharacters) {
  EXPECT_THAT(ParseDateLine("2024年3月5日"), Optional(IsDate(2024, 3, 5)));
  EXPECT_THAT(ParseDateLine("2023年12月25日"), Optional(IsDate(2023, 12, 25)));
  EXPECT_THAT(ParseDateLine("2024年03月05日"), Optional(IsDate(2024, 3, 5)));
  EXPECT_THAT(ParseDateLine("2024년 3월 5일"), Optional(IsDate(2024, 3, 5)));
}

TEST(EastAsianDates, ReadsTheWeekdayPrintedAfterTheDay) {
  EXPECT_THAT(ParseDateLine("2024年3月5日（火）"), Optional(IsDate(2024, 3, 5)));
  EXPECT_THAT(ParseDateLine("2024年3月5日(火)"), Optional(IsDate(2024, 3, 5)));
  EXPECT_THAT(ParseDateLine("2024年3月5日 星期二"), Optional(IsDate(2024, 3, 5)));
  EXPECT_THAT(ParseDateLine("2024년 3월 5일 (화)"), Optional(IsDate(2024, 3, 5)));
  EXPECT_THAT(ParseDateLine("2024년 3월 5일 화요일"), Optional(IsDate(2024, 3, 5)));
}

TEST(EastAsianDates, CountsYearsOfAnEra) {
  EXPECT_THAT(ParseDateLine("令和6年3月5日"), Optional(IsDate(2024, 3, 5)));
  EXPECT_THAT(ParseDateLine("令和元年5月1日"), Optional(IsDate(2019, 5, 1)));
  EXPECT_THAT(ParseDateLine("平成31年4月30日"), Optional(IsDate(2019, 4, 30)));
  EXPECT_THAT(ParseDateLine("中華民國113年3月5日"), Optional(IsDate(2024, 3, 5)));
}

TEST(EastAsianDates, ReadsADateLineAfterItsLabel) {
  EXPECT_THAT(ParseDateLine("発表日：令和6年3月5日"), Optional(IsDate(2024, 3, 5)));
  EXPECT_THAT(ParseDateLine("发布时间：2024年3月5日"), Optional(IsDate(2024, 3, 5)));
  EXPECT_THAT(ParseDateLine("등록일 2024.03.05"), Optional(IsDate(2024, 3, 5)));
}

TEST(EastAsianDates, ReadsNumericDatesYearFirst) {
  EXPECT_THAT(ParseDateLine("2024.03.05"), Optional(IsDate(2024, 3, 5)));
  EXPECT_THAT(ParseDateLine("2024/3/5"), Optional(IsDate(2024, 3, 5)));
  EXPECT_THAT(ParseDateLine("2024. 3. 5."), Optional(IsDate(2024, 3, 5)));
  // Day before month is never printed after a year.
  EXPECT_FALSE(ParseDateLine("2024/25/03").has_value());
}

// A line of prose that opens with a date is not a date line; the date is
// still found in it.
TEST(EastAsianDates, FindsTheDateInProseWithoutCallingItADateLine) {
  const std::string sentence = "2024年3月5日に外務大臣が談話を発表した。";
  EXPECT_FALSE(ParseDateLine(sentence).has_value());
  const std::vector<FoundDate> found = FindDates(sentence);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_THAT(found[0].date, IsDate(2024, 3, 5));
  EXPECT_EQ(sentence.substr(found[0].begin, found[0].end - found[0].begin), "2024年3月5日");
  const std::string era = "政府は令和6年1月1日に発生した地震について";
  const std::vector<FoundDate> in_era = FindDates(era);
  ASSERT_EQ(in_era.size(), 1u);
  EXPECT_THAT(in_era[0].date, IsDate(2024, 1, 1));
  EXPECT_EQ(era.substr(in_era[0].begin, in_era[0].end - in_era[0].begin), "令和6年1月1日");
}

TEST(EastAsianDates, RejectsDaysThatDoNotExistAndPartialDates) {
  EXPECT_FALSE(ParseDateLine("2023年2月29日").has_value());
  EXPECT_FALSE(ParseDateLine("2024年13月1日").has_value());
  EXPECT_FALSE(ParseDateLine("2024年3月").has_value());
  EXPECT_FALSE(ParseDateLine("2024年度").has_value());
  EXPECT_TRUE(FindDates("2024年度予算").empty());
}

// Taiwan prints its calendar's year in numbers after the date's label.
TEST(EastAsianDates, ReadsTheRepublicOfChinasNumericDates) {
  EXPECT_THAT(ParseDateLine("發布日期：113-08-14"), Optional(IsDate(2024, 8, 14)));
  EXPECT_THAT(ParseDateLine("日期：113/8/14"), Optional(IsDate(2024, 8, 14)));
  EXPECT_FALSE(RepublicOfChinaNumericDate("2024-08-14").has_value());  // A Gregorian year.
  EXPECT_FALSE(RepublicOfChinaNumericDate("113-02-30").has_value());
  // Without the label, "113-08-14" is no date (a code, a phone number).
  EXPECT_FALSE(ParseDateLine("113-08-14").has_value());
}

// An archive's page for a year or a month, as a path's last step.
TEST(EastAsianDates, ReadsAYearOrAMonthAlone) {
  EXPECT_TRUE(IsEastAsianYearOrMonth("令和6年10月"));
  EXPECT_TRUE(IsEastAsianYearOrMonth("2024年"));
  EXPECT_TRUE(IsEastAsianYearOrMonth("2024년 10월"));
  EXPECT_FALSE(IsEastAsianYearOrMonth("2024年10月5日"));
  EXPECT_FALSE(IsEastAsianYearOrMonth("報道資料"));
  EXPECT_EQ(DocTypeFromBreadcrumb("ホーム > 報道・会見 > 報道資料 > 令和6年10月"),
            v1::DOC_TYPE_PRESS_RELEASE);
}

}  // namespace
}  // namespace docsearch::ingest
