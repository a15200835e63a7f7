// Dates of other calendars and scripts, read through the date parser as
// the layout readers call it.
#include "ingest_service/parser/other_calendars.h"

#include <optional>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest_service/parser/date_parser.h"
#include "tests/parser/date_matchers.h"

namespace docsearch::ingest {
namespace {

using ::testing::Optional;

TEST(OtherCalendars, ReadsArabicAndPersianDigits) {
  EXPECT_THAT(ParseDateLine("٥ مارس ٢٠٢٤"), Optional(IsDate(2024, 3, 5)));
  EXPECT_THAT(ParseDateLine("الثلاثاء ٥ مارس ٢٠٢٤"), Optional(IsDate(2024, 3, 5)));
  // Found in a sentence, where it is printed.
  const std::string sentence = "استقبل الوزير يوم ١٢ مارس ٢٠٢٤ المفوض الأوروبي";
  const std::vector<FoundDate> found = FindDates(sentence);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_THAT(found[0].date, IsDate(2024, 3, 12));
  EXPECT_EQ(sentence.substr(found[0].begin, found[0].end - found[0].begin), "١٢ مارس ٢٠٢٤");
}

TEST(OtherCalendars, ConvertsSolarHijriDates) {
  // 21 Shahrivar 1402 is 12 September 2023; 1 Farvardin 1403 is Nowruz,
  // 20 March 2024.
  EXPECT_THAT(ParseDateLine("۲۱ شهریور ۱۴۰۲"), Optional(IsDate(2023, 9, 12)));
  EXPECT_THAT(ParseDateLine("1 فروردین 1403"), Optional(IsDate(2024, 3, 20)));
  // The autumn months have 30 days.
  EXPECT_FALSE(GregorianFromSolarHijri(1402, 8, 31).has_value());
  EXPECT_FALSE(ParseDateLine("۳۱ آبان ۱۴۰۲").has_value());
}

TEST(OtherCalendars, ReadsThaiBuddhistEraYears) {
  EXPECT_THAT(ParseDateLine("12 มิถุนายน 2567"), Optional(IsDate(2024, 6, 12)));
  EXPECT_EQ(GregorianYearFromBuddhistEra(2567), 2024);
  // With its weekday ("on Tuesday the") and the era's mark before the year.
  EXPECT_THAT(ParseDateLine("วันอังคารที่ 26 มีนาคม พ.ศ. 2567"), Optional(IsDate(2024, 3, 26)));
  // A Buddhist Era year after a month of another language is no year.
  EXPECT_FALSE(ParseDateLine("12 June 2567").has_value());
}

TEST(OtherCalendars, ReadsMonthsOfMoreLanguages) {
  EXPECT_THAT(ParseDateLine("13 септември 2023"), Optional(IsDate(2023, 9, 13)));
  EXPECT_THAT(ParseDateLine("3. октобар 2024."), Optional(IsDate(2024, 10, 3)));
  EXPECT_THAT(ParseDateLine("14 მაისი 2024"), Optional(IsDate(2024, 5, 14)));
  EXPECT_THAT(ParseDateLine("12 փետրվարի 2025"), Optional(IsDate(2025, 2, 12)));
  EXPECT_THAT(ParseDateLine("7 פברואר 2023"), Optional(IsDate(2023, 2, 7)));
  EXPECT_THAT(ParseDateLine("12 במרץ 2024"), Optional(IsDate(2024, 3, 12)));  // "in March"
  EXPECT_THAT(ParseDateLine("28 फ़रवरी 2021"), Optional(IsDate(2021, 2, 28)));
}

TEST(OtherCalendars, ReadsWeekdaysOfMoreLanguagesInAnyCase) {
  EXPECT_THAT(ParseDateLine("Вторник, 5 марта 2024"), Optional(IsDate(2024, 3, 5)));
  EXPECT_THAT(ParseDateLine("Πέμπτη, 12 Σεπτεμβρίου 2024"), Optional(IsDate(2024, 9, 12)));
  EXPECT_THAT(ParseDateLine("Selasa, 05 Maret 2024"), Optional(IsDate(2024, 3, 5)));
}

}  // namespace
}  // namespace docsearch::ingest
