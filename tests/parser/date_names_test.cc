#include "ingest_service/parser/date_names.h"

#include "gtest/gtest.h"

namespace docsearch::ingest {
namespace {

TEST(DateNames, MonthNamesInEachLanguageTheParserIdentifies) {
  EXPECT_EQ(MonthFromName("December"), 12);
  EXPECT_EQ(MonthFromName("décembre"), 12);
  EXPECT_EQ(MonthFromName("März"), 3);
  EXPECT_EQ(MonthFromName("julio"), 7);
  EXPECT_EQ(MonthFromName("ottobre"), 10);
  EXPECT_EQ(MonthFromName("maart"), 3);
  EXPECT_EQ(MonthFromName("março"), 3);
  // Greek, in the genitive a date prints, with or without its accent and
  // in capitals.
  EXPECT_EQ(MonthFromName("Απριλίου"), 4);
  EXPECT_EQ(MonthFromName("ΑΠΡΙΛΙΟΥ"), 4);
  EXPECT_EQ(MonthFromName("Δεκεμβρίου"), 12);
  EXPECT_TRUE(IsWeekday("Δευτέρα"));
  // Russian and Ukrainian in the genitive, in any case; Arabic with and
  // without the hamza.
  EXPECT_EQ(MonthFromName("марта"), 3);
  EXPECT_EQ(MonthFromName("ДЕКАБРЯ"), 12);
  EXPECT_EQ(MonthFromName("листопада"), 11);
  EXPECT_EQ(MonthFromName("أبريل"), 4);
  EXPECT_EQ(MonthFromName("ابريل"), 4);
}

TEST(DateNames, AbbreviationsTakeAnOptionalPeriodAndAnyCase) {
  EXPECT_EQ(MonthFromName("Sept."), 9);
  EXPECT_EQ(MonthFromName("DEC"), 12);
  EXPECT_EQ(MonthFromName("févr."), 2);
}

TEST(DateNames, OtherWordsAreNoMonth) {
  EXPECT_EQ(MonthFromName("Decide"), 0);
  EXPECT_EQ(MonthFromName("."), 0);
  EXPECT_EQ(MonthFromName(""), 0);
  EXPECT_EQ(MonthFromName("septembermonth"), 0);
}

TEST(DateNames, WeekdaysWithOrWithoutAccents) {
  EXPECT_TRUE(IsWeekday("Monday"));
  EXPECT_TRUE(IsWeekday("mercredi"));
  EXPECT_TRUE(IsWeekday("Miércoles"));
  EXPECT_TRUE(IsWeekday("miercoles"));
  EXPECT_TRUE(IsWeekday("Donnerstag"));
  EXPECT_FALSE(IsWeekday("Mon"));
  EXPECT_FALSE(IsWeekday("weekday"));
}

TEST(DateNames, CalendarCheckKnowsLeapYears) {
  EXPECT_TRUE(IsValidDate(2000, 2, 29));
  EXPECT_FALSE(IsValidDate(1900, 2, 29));
  EXPECT_TRUE(IsValidDate(2004, 2, 29));
  EXPECT_FALSE(IsValidDate(2001, 4, 31));
  EXPECT_FALSE(IsValidDate(2001, 13, 1));
  EXPECT_FALSE(IsValidDate(999, 1, 1));
}

}  // namespace
}  // namespace docsearch::ingest
