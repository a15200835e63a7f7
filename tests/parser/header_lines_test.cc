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

TEST(HeaderLines, RejectsOtherLines) {
  EXPECT_FALSE(ParseUpdatedHeader("We updated: the plan on 7 Dec. 2001").has_value());
  EXPECT_FALSE(ParseUpdatedHeader("Updated: soon").has_value());
}

}  // namespace
}  // namespace docsearch::ingest
