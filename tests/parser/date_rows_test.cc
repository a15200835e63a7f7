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

TEST(DateOfDateRow, PublishingWordsInMoreLanguages) {
  EXPECT_THAT(DateOfDateRow("Publicerad 15 februari 2024"), IsDate(2024, 2, 15));
  EXPECT_THAT(DateOfDateRow("Opublikowano: 12.03.2024"), IsDate(2024, 3, 12));
  EXPECT_THAT(DateOfDateRow("Julkaistu 3.5.2023"), IsDate(2023, 5, 3));
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

TEST(DateOfDateRow, TheTextsLabelOrNumberThenItsDate) {
  EXPECT_THAT(DateOfDateRow("Pressemitteilung Nr. 019 vom 15. Januar 2025"), IsDate(2025, 1, 15));
  EXPECT_THAT(DateOfDateRow("Pressemitteilung vom 14.03.2024:"), IsDate(2024, 3, 14));
  EXPECT_THAT(DateOfDateRow("Communiqué de presse n° 12 du 3 mai 2021"), IsDate(2021, 5, 3));
  EXPECT_THAT(DateOfDateRow("NR-03.087 - August 18, 2003"), IsDate(2003, 8, 18));
  EXPECT_THAT(DateOfDateRow("Press Release 45/2024 – 12 March 2024, 10:00"), IsDate(2024, 3, 12));
  EXPECT_THAT(DateOfDateRow("Comunicado de prensa del 4 de abril de 2023"), IsDate(2023, 4, 4));
}

TEST(DateOfDateRow, NotANameHoldingADate) {
  EXPECT_EQ(DateOfDateRow("Agreement of 5 May 1945"), std::nullopt);
  EXPECT_EQ(DateOfDateRow("Kosovo - 12 March 2019"), std::nullopt);
  EXPECT_EQ(DateOfDateRow("Gesetz vom 12. März 2024"), std::nullopt);
  EXPECT_EQ(DateOfDateRow("Decree No. 45 of 12 March 2024"), std::nullopt);
  EXPECT_EQ(DateOfDateRow("Resolution 1244 - 10 June 1999"), std::nullopt);
  EXPECT_EQ(DateOfDateRow("Letter dated 12 May 2021"), std::nullopt);
  EXPECT_EQ(DateOfDateRow("Meeting of the Council of 12 May 2021"), std::nullopt);
  EXPECT_EQ(DateOfDateRow("Pressemitteilung vom 15. Januar 2025 zur Lage in Gaza"), std::nullopt);
}

TEST(DateOfDateRow, ADateInBracketsOrBeforeItsUpdateStamp) {
  EXPECT_THAT(DateOfDateRow("(Paris, 17 avril 2001)"), IsDate(2001, 4, 17));
  EXPECT_THAT(DateOfDateRow("Burak Dağ   |11.07.2024 - Güncelleme : 12.07.2024"),
              IsDate(2024, 7, 11));
  EXPECT_THAT(DateOfDateRow("16 Julho de 2024 | 14h02 - Actualizado em 17 Julho de 2024 | 15h37"),
              IsDate(2024, 7, 16));
  // Two dates with no update between them are a range, or two events.
  EXPECT_EQ(DateOfDateRow("Vienna, 3 May 2021 | Geneva, 5 May 2021"), std::nullopt);
}

}  // namespace
}  // namespace docsearch::ingest
