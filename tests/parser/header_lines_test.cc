#include "ingest_service/parser/header_lines.h"

#include "gtest/gtest.h"

namespace docsearch::ingest {
namespace {

TEST(HeaderLines, ReadsUpdatedDateAndSection) {
  const std::optional<UpdatedHeader> header =
      ParseUpdatedHeader("Updated: 07-Dec-2001 NATO Press Statement");
  ASSERT_TRUE(header.has_value());
  EXPECT_EQ(header->date.year(), 2001);
  EXPECT_EQ(header->date.month(), 12);
  EXPECT_EQ(header->date.day(), 7);
  EXPECT_EQ(header->section, "NATO Press Statement");
}

TEST(HeaderLines, ReadsLastUpdateWithTime) {
  const std::optional<UpdatedHeader> header =
      ParseUpdatedHeader("Last update: 11-Dec-2003 18:33 NATO Update");
  ASSERT_TRUE(header.has_value());
  EXPECT_EQ(header->hour, 18);
  EXPECT_EQ(header->minute, 33);
  EXPECT_EQ(header->section, "NATO Update");
  EXPECT_EQ(UpdatedHeaderEpochSeconds(*header), 1071167580);
}

TEST(HeaderLines, ReadsAStampLineWithItsUpdatedPart) {
  const std::optional<StampLine> stamp =
      ParseStampLine("Created: 2019.03.04 / Updated: 2019.03.05 09:30");
  ASSERT_TRUE(stamp.has_value());
  EXPECT_EQ(stamp->created.year(), 2019);
  EXPECT_EQ(stamp->created.month(), 3);
  EXPECT_EQ(stamp->created.day(), 4);
  ASSERT_TRUE(stamp->updated.has_value());
  EXPECT_EQ(stamp->updated->date.day(), 5);
  EXPECT_EQ(stamp->updated->hour, 9);
  EXPECT_EQ(stamp->updated->minute, 30);
}

TEST(HeaderLines, ReadsStampLinesInOtherForms) {
  const std::optional<StampLine> slashes = ParseStampLine("Posted: 2010/05/03");
  ASSERT_TRUE(slashes.has_value());
  EXPECT_EQ(slashes->created.month(), 5);
  EXPECT_FALSE(slashes->updated.has_value());
  const std::optional<StampLine> words =
      ParseStampLine("Date published: 4 May 2010 | Last updated: 5 May 2010");
  ASSERT_TRUE(words.has_value());
  EXPECT_EQ(words->created.day(), 4);
  ASSERT_TRUE(words->updated.has_value());
  EXPECT_EQ(words->updated->date.day(), 5);
  EXPECT_TRUE(ParseStampLine("Publi\xC3\xA9 le : 2015-11-02").has_value());
  // The key with its "on" before the colon.
  const std::optional<StampLine> posted_on = ParseStampLine("Posted on: December 8, 2023");
  ASSERT_TRUE(posted_on.has_value());
  EXPECT_EQ(posted_on->created.day(), 8);
  EXPECT_TRUE(ParseStampLine("Published on: 12 March 2024").has_value());
}

TEST(HeaderLines, RejectsStampKeysWithOtherText) {
  EXPECT_FALSE(ParseStampLine("Created: the Council in 1949").has_value());
  EXPECT_FALSE(ParseStampLine("Created: 2019.03.04 by the press office").has_value());
  EXPECT_FALSE(ParseStampLine("Reviewed: 2019.03.04").has_value());
  EXPECT_FALSE(ParseStampLine("2019.03.04").has_value());
}

TEST(HeaderLines, IgnoresTablePipesAndBullets) {
  const std::optional<UpdatedHeader> header =
      ParseUpdatedHeader("Updated: 29-Oct-2001 | NATO Press Releases |");
  ASSERT_TRUE(header.has_value());
  EXPECT_EQ(header->section, "NATO Press Releases");
  EXPECT_TRUE(ParseUpdatedHeader("  • Last updated: 21 Apr. 2009 12:49").has_value());
}

TEST(HeaderLines, ReadsFrenchHeadersEvenWithLostAccents) {
  EXPECT_TRUE(ParseUpdatedHeader("Mise à jour: 18 juin 1999 OTAN Communiqués").has_value());
  EXPECT_TRUE(ParseUpdatedHeader("Mise--jour: 18 juin 1999 OTAN Communiqus de presse").has_value());
  EXPECT_TRUE(ParseUpdatedHeader("  • Mis à jour le: 03 Nov. 2008 21:04").has_value());
}

TEST(HeaderLines, ReadsGermanSpanishItalianAndDutchHeaders) {
  const std::optional<UpdatedHeader> german = ParseUpdatedHeader("Stand: 05.07.2019");
  ASSERT_TRUE(german.has_value());
  EXPECT_EQ(german->date.month(), 7);
  EXPECT_TRUE(ParseUpdatedHeader("Zuletzt aktualisiert: 12. M\xC3\xA4rz 2004").has_value());
  const std::optional<UpdatedHeader> spanish =
      ParseUpdatedHeader("\xC3\x9Altima actualizaci\xC3\xB3n: 5 de julio de 2019 10:15");
  ASSERT_TRUE(spanish.has_value());
  EXPECT_EQ(spanish->date.day(), 5);
  EXPECT_EQ(spanish->hour, 10);
  EXPECT_TRUE(ParseUpdatedHeader("Ultima actualizacion: 5 de julio de 2019").has_value());
  EXPECT_TRUE(ParseUpdatedHeader("Ultimo aggiornamento: 24 luglio 1997").has_value());
  EXPECT_TRUE(ParseUpdatedHeader("Laatst bijgewerkt: 3 mei 2001").has_value());
  const std::optional<StampLine> stamp = ParseStampLine(
      "Ver\xC3\xB6"
      "ffentlicht am: 2. April 2020 | Aktualisiert: 3. April 2020");
  ASSERT_TRUE(stamp.has_value());
  EXPECT_EQ(stamp->created.day(), 2);
  ASSERT_TRUE(stamp->updated.has_value());
  EXPECT_EQ(stamp->updated->date.day(), 3);
  EXPECT_TRUE(ParseStampLine("Pubblicato: 2010-05-03").has_value());
  EXPECT_TRUE(ParseStampLine("Publicado: 3 de mayo de 2010").has_value());
  EXPECT_FALSE(ParseUpdatedHeader("Stand: with Ukraine").has_value());
}

TEST(HeaderLines, RejectsOtherLines) {
  EXPECT_FALSE(ParseUpdatedHeader("We updated: the plan on 7 Dec. 2001").has_value());
  EXPECT_FALSE(ParseUpdatedHeader("Updated: soon").has_value());
}

}  // namespace
}  // namespace docsearch::ingest
