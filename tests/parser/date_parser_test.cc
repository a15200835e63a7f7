#include "ingest_service/parser/date_parser.h"

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest_service/parser/source_uri_dates.h"
#include "tests/parser/date_matchers.h"

namespace docsearch::ingest {
namespace {

using ::testing::Optional;

// Every form read has a day or a year in digits: a date in words is not
// a date line, nor is a line of digits alone.
TEST(DateParser, ADateLineHoldsDigits) {
  EXPECT_FALSE(ParseDateLine("Monday").has_value());
  EXPECT_FALSE(ParseDateLine("the fifth of December").has_value());
  EXPECT_FALSE(ParseDateLine("December").has_value());
  EXPECT_FALSE(ParseDateLine("2001").has_value());
  EXPECT_THAT(ParseDateLine("Monday, 5 December 2001"), Optional(IsDate(2001, 12, 5)));
  EXPECT_THAT(ParseDateLine("Bruxelles, le 5 d\xC3\xA9"
                            "cembre 2001"),
              Optional(IsDate(2001, 12, 5)));
}

TEST(DateParser, ReadsAbbreviatedMonthWithPeriod) {
  EXPECT_THAT(ParseDateLine("7 Dec. 2001"), Optional(IsDate(2001, 12, 7)));
}

TEST(DateParser, ReadsFourLetterSeptember) {
  EXPECT_THAT(ParseDateLine("19 Sept. 2001"), Optional(IsDate(2001, 9, 19)));
  EXPECT_THAT(ParseDateLine("15 Nov. 2000"), Optional(IsDate(2000, 11, 15)));
}

TEST(DateParser, ReadsSpaceBeforePeriod) {
  EXPECT_FALSE(ParseDateLine("Press 8 Dec . 2005 |").has_value());
  EXPECT_THAT(ParseDateLine("8 Dec . 2005 |"), Optional(IsDate(2005, 12, 8)));
}

TEST(DateParser, ReadsDayMonthYearWithDashes) {
  EXPECT_THAT(ParseDateLine("07-Dec-2001"), Optional(IsDate(2001, 12, 7)));
  // The month abbreviated with its period, as a French site prints it.
  EXPECT_THAT(ParseDateLine("18-juil.-2024"), Optional(IsDate(2024, 7, 18)));
  EXPECT_FALSE(ParseDateLine("18-juil.-").has_value());
}

// A date line with its time of day: read by the readers after the model,
// not by ParseDateLine.
TEST(DateParser, ReadsADateLineWithItsTimeOfDay) {
  EXPECT_THAT(ParseDateLineWithTime("mardi 16 janvier 2024 à 19:42"),
              Optional(IsDate(2024, 1, 16)));
  EXPECT_THAT(ParseDateLineWithTime("20-January-2012 17:36 IST"), Optional(IsDate(2012, 1, 20)));
  EXPECT_THAT(ParseDateLineWithTime("Monday, 15 November 2010 12:41"),
              Optional(IsDate(2010, 11, 15)));
  EXPECT_THAT(ParseDateLineWithTime("14.03.2024 um 10:30 Uhr"), Optional(IsDate(2024, 3, 14)));
  EXPECT_FALSE(ParseDateLineWithTime("16 janvier 2024").has_value());
  EXPECT_FALSE(ParseDateLineWithTime("16 janvier 2024 à 19:42 à Rabat").has_value());
  EXPECT_FALSE(ParseDateLineWithTime("Meeting at 19:42").has_value());
}

TEST(DateParser, ReadsDatesInCyrillicAndArabicScript) {
  EXPECT_THAT(ParseDateLine("15 марта 2024"), Optional(IsDate(2024, 3, 15)));
  EXPECT_THAT(ParseDateLine("3 листопада 2023"), Optional(IsDate(2023, 11, 3)));
  EXPECT_THAT(ParseDateLine("12 مارس 2024"), Optional(IsDate(2024, 3, 12)));
}

TEST(DateParser, ReadsTheWordForYearAfterASlavicDatesYear) {
  EXPECT_THAT(ParseDateLine("12 марта 2024 года"), Optional(IsDate(2024, 3, 12)));
  EXPECT_THAT(ParseDateLine("12 марта 2024 г."), Optional(IsDate(2024, 3, 12)));
  EXPECT_THAT(ParseDateLine("24 серпня 2023 року"), Optional(IsDate(2023, 8, 24)));
  EXPECT_THAT(ParseDateLine("12 marca 2024 r."), Optional(IsDate(2024, 3, 12)));
  EXPECT_THAT(ParseDateLine("12. марта 2024. године"), Optional(IsDate(2024, 3, 12)));
  EXPECT_THAT(ParseDateLineWithTime("24 серпня 2023 року - 10:00"), Optional(IsDate(2023, 8, 24)));
  // A word of another script after a bar is as often the text's label as
  // its place: not a date line.
  EXPECT_EQ(ParseDateLine("12 марта 2024 | Заявление"), std::nullopt);
  // Only right after the year, and only the word for year.
  EXPECT_EQ(ParseDateLine("года 12 марта 2024"), std::nullopt);
  EXPECT_EQ(ParseDateLine("12 марта 2024 года года"), std::nullopt);
  EXPECT_EQ(ParseDateLine("12 марта 2024 выступление"), std::nullopt);
}

TEST(DateParser, ReadsNumericDatesDayFirst) {
  EXPECT_THAT(ParseDateLine("21/11/2003"), Optional(IsDate(2003, 11, 21)));
  EXPECT_THAT(ParseDateLine("28.06.04"), Optional(IsDate(2004, 6, 28)));
  // With dashes only with the century: "12-10-05" is as often a range or a
  // code as a date.
  EXPECT_THAT(ParseDateLine("11-07-2016"), Optional(IsDate(2016, 7, 11)));
  EXPECT_THAT(ParseDateLine("25-06-2018"), Optional(IsDate(2018, 6, 25)));
  EXPECT_FALSE(ParseDateLine("12-10-05").has_value());
  EXPECT_FALSE(ParseDateLine("11-25-2016").has_value());
  EXPECT_FALSE(ParseDateLine("22-11-4567").has_value());
}

TEST(DateParser, ReadsFirstDayOfARange) {
  EXPECT_THAT(ParseDateLine("1-2 December 2003"), Optional(IsDate(2003, 12, 1)));
  EXPECT_THAT(ParseDateLine("24-26 February 1999"), Optional(IsDate(1999, 2, 24)));
}

TEST(DateParser, ReadsAmericanOrder) {
  EXPECT_THAT(ParseDateLine("April 24, 1999"), Optional(IsDate(1999, 4, 24)));
}

TEST(DateParser, ReadsFrenchMonthsWithAndWithoutAccents) {
  EXPECT_THAT(ParseDateLine("7 décembre 2001"), Optional(IsDate(2001, 12, 7)));
  EXPECT_THAT(ParseDateLine("1er décembre 2001"), Optional(IsDate(2001, 12, 1)));
  EXPECT_THAT(ParseDateLine("19 fv. 1999"), Optional(IsDate(1999, 2, 19)));
  EXPECT_THAT(ParseDateLine("29 nov. 2000"), Optional(IsDate(2000, 11, 29)));
}

TEST(DateParser, ReadsGermanSpanishItalianDutchAndPortugueseDates) {
  EXPECT_THAT(ParseDateLine("5. Juli 2019"), Optional(IsDate(2019, 7, 5)));
  EXPECT_THAT(ParseDateLine("Berlin, den 12. M\xC3\xA4rz 2004"), Optional(IsDate(2004, 3, 12)));
  EXPECT_THAT(ParseDateLine("Montag, 1. Dezember 2003"), Optional(IsDate(2003, 12, 1)));
  EXPECT_THAT(ParseDateLine("Madrid, 5 de julio de 2019"), Optional(IsDate(2019, 7, 5)));
  EXPECT_THAT(ParseDateLine("mi\xC3\xA9rcoles, 18 de diciembre de 2002"),
              Optional(IsDate(2002, 12, 18)));
  EXPECT_THAT(ParseDateLine("Roma, 24 luglio 1997"), Optional(IsDate(1997, 7, 24)));
  EXPECT_THAT(ParseDateLine("Den Haag, 3 mei 2001"), Optional(IsDate(2001, 5, 3)));
  EXPECT_THAT(ParseDateLine("Lisboa, 9 de mar\xC3\xA7o de 2010"), Optional(IsDate(2010, 3, 9)));
  EXPECT_THAT(ParseDateLine("Ver\xC3\xB6"
                            "ffentlicht am 2. April 2020"),
              Optional(IsDate(2020, 4, 2)));
  EXPECT_THAT(ParseDateLine("Publicado el 3 de mayo de 2010"), Optional(IsDate(2010, 5, 3)));
  EXPECT_THAT(ParseDateLine("Roma, il 24 luglio 1997"), Optional(IsDate(1997, 7, 24)));
  const std::vector<FoundDate> dates =
      FindDates("Die Minister trafen sich am 28. Juni 2016 in Warschau.");
  ASSERT_EQ(dates.size(), 1u);
  EXPECT_THAT(dates[0].date, IsDate(2016, 6, 28));
}

TEST(DateParser, ReadsAMonthOfAnotherLanguageOnlyBetweenADayAndAYear) {
  EXPECT_TRUE(FindDates("Marco Rubio spoke about 2019 and the mayo factory.").empty());
  EXPECT_FALSE(ParseDateLine("Marco 2019").has_value());
}

TEST(DateParser, AcceptsWeekdayAndTableFurniture) {
  EXPECT_THAT(ParseDateLine("  • 21 Nov. 2002 -"), Optional(IsDate(2002, 11, 21)));
  EXPECT_THAT(ParseDateLine("Monday, 1 December 2003"), Optional(IsDate(2003, 12, 1)));
}

TEST(DateParser, AcceptsAPlaceOrAnIntroducingPhraseBeforeTheDate) {
  EXPECT_THAT(ParseDateLine("Madrid, 9 July 1997"), Optional(IsDate(1997, 7, 9)));
  EXPECT_THAT(ParseDateLine("Bruxelles, le 7 d\xC3\xA9"
                            "cembre 2001"),
              Optional(IsDate(2001, 12, 7)));
  EXPECT_THAT(ParseDateLine("For Immediate Release April 24, 1999"), Optional(IsDate(1999, 4, 24)));
  EXPECT_THAT(ParseDateLine("  \xE2\x80\xA2 Issued on 21 Nov. 2002"),
              Optional(IsDate(2002, 11, 21)));
  EXPECT_THAT(ParseDateLine("Publi\xC3\xA9 le 3 juin 1996"), Optional(IsDate(1996, 6, 3)));
  EXPECT_THAT(ParseDateLine("New York, 9 July 1997"), Optional(IsDate(1997, 7, 9)));
}

// A place after the date, past a dash or a bar: a town and its country,
// or a town in a row of cells. A listing's source ("- NATO", "- AFNORTH")
// or a headline after the date is no place.
TEST(DateParser, AcceptsAPlaceAfterTheDate) {
  EXPECT_THAT(ParseDateLine("March 28, 2011 - Brussels, Belgium"), Optional(IsDate(2011, 3, 28)));
  EXPECT_THAT(ParseDateLine("23 February 2022 | Brussels"), Optional(IsDate(2022, 2, 23)));
  EXPECT_THAT(ParseDateLine("Datum: 14.08.2014"), Optional(IsDate(2014, 8, 14)));
  EXPECT_FALSE(ParseDateLine("14/07/2003 - AFNORTH").has_value());
  EXPECT_FALSE(ParseDateLine("29 Nov. 2006 - NATO").has_value());
  EXPECT_FALSE(ParseDateLine("7 December 2001 - Joint Statement").has_value());
  EXPECT_FALSE(ParseDateLine("7 December 2001 | Council, Meeting").has_value());
  EXPECT_FALSE(ParseDateLine("23.03.2021 - Artikel").has_value());
  EXPECT_FALSE(ParseDateLine("12 May 2020 | Statements").has_value());
  EXPECT_FALSE(ParseDateLine("12 May 2020 | Prime Minister").has_value());
}

// A row naming who issued the text, or its section, then the date; a
// longer cell or one holding a number is text, not a name.
TEST(DateParser, AcceptsNamesBeforeTheDateInARow) {
  EXPECT_THAT(ParseDateLine("Secretaría de Relaciones Exteriores | 12 de marzo de 2019"),
              Optional(IsDate(2019, 3, 12)));
  EXPECT_THAT(ParseDateLine("News | Press releases | 3 May 2021"), Optional(IsDate(2021, 5, 3)));
  EXPECT_FALSE(
      ParseDateLine("Ministers agree on a new plan for the region | 3 May 2021").has_value());
  EXPECT_FALSE(ParseDateLine("Resolution 1244 | 3 May 2021").has_value());
  EXPECT_FALSE(ParseDateLine("News | 3 May 2021 | Brussels office 2").has_value());
  // A date of another kind in the same row is no publication date.
  EXPECT_FALSE(ParseDateLine("Last updated | 3 May 2021").has_value());
  EXPECT_FALSE(ParseDateLine("Updated | 12 March 2020").has_value());
  EXPECT_FALSE(ParseDateLine("Deadline for applications | 30 June 2021").has_value());
  EXPECT_THAT(ParseDateLine("News and updates | 14 March 2023"), Optional(IsDate(2023, 3, 14)));
  EXPECT_THAT(ParseDateLine("Closing remarks | 14 March 2023"), Optional(IsDate(2023, 3, 14)));
  // Cells filing the text under topics may close the row.
  EXPECT_THAT(
      ParseDateLine("By U.S. Embassy Accra | 17 April, 2024 | Topics: News, Press Releases"),
      Optional(IsDate(2024, 4, 17)));
  EXPECT_THAT(ParseDateLine("News | 3 May 2021 | Tags: defence"), Optional(IsDate(2021, 5, 3)));
  EXPECT_FALSE(ParseDateLine("Topics: News | Tags: defence").has_value());
}

TEST(DateParser, ReadsAMeetingNamedBeforeItsDateAsNoPlace) {
  // The headline of a meeting's page: the meeting and its date, not a place.
  EXPECT_FALSE(ParseDateLine("General Affairs Council, 25/09/2017").has_value());
  EXPECT_FALSE(ParseDateLine("European Council, 22 March 2024").has_value());
  EXPECT_FALSE(ParseDateLine("Riga Summit, 29 November 2006").has_value());
  // Its date is still found in the line.
  EXPECT_EQ(FindDates("General Affairs Council, 25/09/2017").size(), 1u);
}

TEST(DateParser, RejectsLinesWithOtherWords) {
  EXPECT_FALSE(
      ParseDateLine("Ministerial Meeting of the North Atlantic Council: Berlin, 3 June 1996")
          .has_value());
  EXPECT_FALSE(ParseDateLine("The Council met on Tuesday, 18 December 2001").has_value());
  EXPECT_FALSE(ParseDateLine("Defence Ministers Meeting - 1-2 December 2003").has_value());
  EXPECT_FALSE(ParseDateLine("in Brussels on 7 December 2001").has_value());
}

TEST(DateParser, RejectsImpossibleDays) {
  EXPECT_FALSE(ParseDateLine("31 Nov. 2001").has_value());
  EXPECT_FALSE(ParseDateLine("29 Feb. 2001").has_value());
  EXPECT_THAT(ParseDateLine("29 Feb. 2000"), Optional(IsDate(2000, 2, 29)));
}

TEST(DateParser, FindsDatesInsideText) {
  const std::vector<FoundDate> dates =
      FindDates("held in Brussels on Thursday, June 8, 2006 and on 7 December 2001.");
  ASSERT_EQ(dates.size(), 2u);
  EXPECT_THAT(dates[0].date, IsDate(2006, 6, 8));
  EXPECT_THAT(dates[1].date, IsDate(2001, 12, 7));
}

// A paragraph printed on one line: every form is found wherever it stands
// among many words and numbers, and the first without reading on.
TEST(DateParser, FindsEveryFormInALongParagraph) {
  std::string text;
  auto words = [&text](int count) {
    for (int w = 0; w < count; ++w) absl::StrAppend(&text, "word ", w % 7 == 0 ? "123 " : "");
  };
  words(300);
  absl::StrAppend(&text, "the 24 February - 2 March 1999 talks, ");
  words(50);
  absl::StrAppend(&text, "on 1-2 December 2003 and ");
  words(40);
  absl::StrAppend(&text, "filed 2001-12-18, 21/11/2003, 28.06.04 and 07-Dec-01; ");
  words(200);
  absl::StrAppend(&text, "then April 24th, 1999.");
  const std::vector<FoundDate> dates = FindDates(text);
  ASSERT_EQ(dates.size(), 7u);
  EXPECT_THAT(dates[0].date, IsDate(1999, 2, 24));
  EXPECT_THAT(dates[1].date, IsDate(2003, 12, 1));
  EXPECT_THAT(dates[2].date, IsDate(2001, 12, 18));
  EXPECT_THAT(dates[3].date, IsDate(2003, 11, 21));
  EXPECT_THAT(dates[4].date, IsDate(2004, 6, 28));
  EXPECT_THAT(dates[5].date, IsDate(2001, 12, 7));
  EXPECT_THAT(dates[6].date, IsDate(1999, 4, 24));
  EXPECT_EQ(text.substr(dates[0].begin, dates[0].end - dates[0].begin),
            "24 February - 2 March 1999");
  const std::optional<FoundDate> first = FindFirstDate(text);
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->begin, dates[0].begin);
  EXPECT_EQ(first->end, dates[0].end);
  EXPECT_FALSE(FindFirstDate("no date in 123 words, 12345 or 7.").has_value());
}

TEST(DateParser, ReadsDatesInFileNames) {
  EXPECT_THAT(DateFromSourceUri("https://www.nato.int/docu/pr/2001/p011218e.htm"),
              Optional(IsDate(2001, 12, 18)));
  EXPECT_THAT(DateFromSourceUri("/archive/2001-12-18-statement.txt"),
              Optional(IsDate(2001, 12, 18)));
  EXPECT_THAT(DateFromSourceUri("transcripts-en-19970710-statement.txt"),
              Optional(IsDate(1997, 7, 10)));
  EXPECT_FALSE(DateFromSourceUri("https://www.nato.int/docu/pr/2007/p07-130e.htm").has_value());
}

TEST(DateParser, ReadsYearMonthDayFoldersOfANewsSitesPath) {
  EXPECT_THAT(
      DateFromSourceUri("https://www.example.org/news/2021/05/21/joint-statement-by-leaders"),
      Optional(IsDate(2021, 5, 21)));
  EXPECT_THAT(DateFromSourceUri("http://www.example.eu/en/meetings/council/2017/09/25/"),
              Optional(IsDate(2017, 9, 25)));
  // A year folder alone, or folders that are no calendar day, date nothing.
  EXPECT_FALSE(DateFromSourceUri("https://www.example.org/archive/2019/statement").has_value());
  EXPECT_FALSE(DateFromSourceUri("https://www.example.org/2019/13/40/statement").has_value());
}

TEST(DateParser, ReadsAPostedOnDateLine) {
  EXPECT_THAT(ParseDateLine("Posted on 3 May 2010"), Optional(IsDate(2010, 5, 3)));
}

// A long paragraph is tokenized only around its 2- and 4-digit numbers:
// the dates found in it, and where, are those of its sentences read alone.
TEST(DateParser, FindsInALongParagraphTheDatesOfItsSentences) {
  const std::string filler =
      "The delegates of 7 nations and 123 observers met again to talk about the future. ";
  const std::vector<std::string> sentences = {
      "In Brussels on 24 February - 2 March 1999 they met. ",
      "The 42 ministers, 16 of them new, met on December 7, 1941 and on 07-Dec-2001. ",
      "It ended 21/11/2003 (see 12 and 1999 above) ",
  };
  std::string paragraph;
  std::vector<FoundDate> expected;
  for (int round = 0; round < 3; ++round) {
    for (int k = 0; k < 40 * round + 1; ++k) paragraph += filler;
    const size_t offset = paragraph.size();
    paragraph += sentences[round];
    for (FoundDate date : FindDates(sentences[round])) {
      date.begin += offset;
      date.end += offset;
      expected.push_back(date);
    }
  }
  ASSERT_EQ(expected.size(), 4u);
  const std::vector<FoundDate> found = FindDates(paragraph);
  ASSERT_EQ(found.size(), expected.size());
  for (size_t i = 0; i < found.size(); ++i) {
    EXPECT_EQ(found[i].date.SerializeAsString(), expected[i].date.SerializeAsString()) << i;
    EXPECT_EQ(found[i].begin, expected[i].begin) << i;
    EXPECT_EQ(found[i].end, expected[i].end) << i;
  }
  EXPECT_THAT(found[0].date, IsDate(1999, 2, 24));
  const std::optional<FoundDate> first = FindFirstDate(paragraph);
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->begin, expected[0].begin);
}

}  // namespace
}  // namespace docsearch::ingest
