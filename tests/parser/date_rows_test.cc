// Date rows next to a headline (date_rows.h): a date alone, or in a row of
// cells with a short label and a time; never a sentence holding a date.
#include "ingest_service/parser/date_rows.h"

#include <optional>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace docsearch::ingest {
namespace {

MATCHER_P3(IsDate, year, month, day, "") {
  return arg.has_value() && arg->year() == year && arg->month() == month && arg->day() == day;
}

TEST(DateOfDateRow, ADateAloneOrInARowOfCells) {
  EXPECT_THAT(DateOfDateRow("30.3.2009"), IsDate(2009, 3, 30));
  EXPECT_THAT(DateOfDateRow("News item | 27-06-2018 | 19:10"), IsDate(2018, 6, 27));
  EXPECT_THAT(DateOfDateRow("2017-01-05 às 16h32"), IsDate(2017, 1, 5));
  EXPECT_THAT(DateOfDateRow("Published 28 June 2016"), IsDate(2016, 6, 28));
  EXPECT_THAT(DateOfDateRow("Press release | 4 April 2023 | 10:00 CET"), IsDate(2023, 4, 4));
  EXPECT_THAT(DateOfDateRow("  November 02, 2022  "), IsDate(2022, 11, 2));
  // Letters of two bytes are letters, not separators.
  EXPECT_THAT(DateOfDateRow("Câmara dos Deputados | 12-03-2021 | 10:30"), IsDate(2021, 3, 12));
  EXPECT_THAT(DateOfDateRow("Notícia | 12-03-2021 – 10:30"), IsDate(2021, 3, 12));
}

TEST(DateOfDateRow, NotASentenceOrARangeOrALongLine) {
  EXPECT_EQ(DateOfDateRow("The ministers met in Brussels on 4 April 2023 to discuss it."),
            std::nullopt);
  EXPECT_EQ(DateOfDateRow("15 Apr 2009 - 22 Feb 2012"), std::nullopt);
  EXPECT_EQ(DateOfDateRow("Statement by the Secretary General, 4 April 2023"), std::nullopt);
  EXPECT_EQ(DateOfDateRow("Ministers of the Alliance | 4 April 2023 | Brussels | Meeting"),
            std::nullopt);
  EXPECT_EQ(DateOfDateRow("Minister welcomes decision on chemical weapons attribution"),
            std::nullopt);
  EXPECT_EQ(DateOfDateRow(""), std::nullopt);
  // A subtitle holding a date is no row of cells.
  EXPECT_EQ(DateOfDateRow("Deadline extended to 30 June 2021"), std::nullopt);
  EXPECT_EQ(DateOfDateRow("Agreement of 5 May 1945 recalled"), std::nullopt);
  EXPECT_EQ(DateOfDateRow("Deadline: 30 June 2021"), std::nullopt);
  EXPECT_EQ(DateOfDateRow("Effective 1 January 2022"), std::nullopt);
}

}  // namespace
}  // namespace docsearch::ingest
