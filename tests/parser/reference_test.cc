#include "ingest_service/parser/reference.h"

#include "gtest/gtest.h"

namespace docsearch::ingest {
namespace {

std::string ReferenceOf(absl::string_view line) {
  std::optional<ReferenceMatch> match = MatchReferenceAtStart(line);
  return match.has_value() ? match->reference : "<none>";
}

TEST(Reference, ReadsSeriesCodeYearAndSerial) {
  EXPECT_EQ(ReferenceOf("Press Release (97)87"), "Press Release (97)87");
  EXPECT_EQ(ReferenceOf("M-NAC-2(92)106"), "M-NAC-2(92)106");
  EXPECT_EQ(ReferenceOf("Press Communiqu\xC3\xA9 M-NAC(DM)-3(96)172"),
            "Press Communiqu\xC3\xA9 M-NAC(DM)-3(96)172");
  EXPECT_EQ(ReferenceOf("  \xE2\x80\xA2 Communiqu\xC3\xA9 de presse (2002)127 127"),
            "Communiqu\xC3\xA9 de presse (2002)127");
  EXPECT_EQ(ReferenceOf("(2000) 074"), "(2000) 074");
  EXPECT_EQ(ReferenceOf("Press Release M-NACC-2(96) 171"), "Press Release M-NACC-2(96) 171");
}

TEST(Reference, ReportsWhatFollowsTheReference) {
  const std::optional<ReferenceMatch> match =
      MatchReferenceAtStart("Press Release (2004)099 29 June 2004 |");
  ASSERT_TRUE(match.has_value());
  EXPECT_EQ(match->reference, "Press Release (2004)099");
  EXPECT_EQ(absl::string_view("Press Release (2004)099 29 June 2004 |").substr(match->consumed),
            " 29 June 2004 |");
}

TEST(Reference, RejectsOtherLines) {
  EXPECT_EQ(ReferenceOf("Press Release 8 Dec . 2005 |"), "<none>");
  EXPECT_EQ(ReferenceOf("(1) Turkey recognises the Republic of Macedonia"), "<none>");
  EXPECT_EQ(ReferenceOf("Meeting of the North Atlantic Council (NAC) in 2001"), "<none>");
}

TEST(Reference, ReadsCodesOfOtherBodiesByTheirShape) {
  EXPECT_EQ(ReferenceOf("SC/6657"), "SC/6657");
  EXPECT_EQ(ReferenceOf("Press Release SC/6657"), "SC/6657");
  EXPECT_EQ(ReferenceOf("SG/SM/6986 CHOQUE QUE LES FRAPPES"), "SG/SM/6986");
  EXPECT_EQ(ReferenceOf("10189/04 (Presse 195)"), "10189/04");
  EXPECT_EQ(ReferenceOf("PR# 2008-159"), "PR# 2008-159");
  EXPECT_EQ(ReferenceOf("No. 373"), "No. 373");
  EXPECT_EQ(ReferenceOf("PR/CP (2006)150"), "PR/CP (2006)150");
  const std::optional<ReferenceMatch> match = MatchReferenceAtStart("Press Release SC/6657");
  ASSERT_TRUE(match.has_value());
  EXPECT_EQ(match->series, "Press Release");
}

TEST(Reference, DoesNotTakeDatesFractionsOrWordsForCodes) {
  EXPECT_EQ(ReferenceOf("21/11/2003 - NATO"), "<none>");
  EXPECT_EQ(ReferenceOf("2003/11/21"), "<none>");
  EXPECT_EQ(ReferenceOf("24/7 support for the mission"), "<none>");
  EXPECT_EQ(ReferenceOf("UN/CD"), "<none>");
  EXPECT_EQ(ReferenceOf("No. of troops deployed"), "<none>");
  EXPECT_EQ(ReferenceOf("Km/h 120"), "<none>");
}

}  // namespace
}  // namespace docsearch::ingest
