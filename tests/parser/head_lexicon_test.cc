// The general lexicon of what press offices and government sites print
// around a text (head_lexicon.h). Lines written for the test.
#include "ingest_service/parser/head_lexicon.h"

#include <optional>

#include "gtest/gtest.h"

namespace docsearch::ingest {
namespace {

TEST(HeadLexicon, PressOfficeFormulasOpenTheLine) {
  EXPECT_TRUE(IsPressOfficeFormula("For Immediate Release"));
  EXPECT_TRUE(IsPressOfficeFormula("   Office of the Press Secretary"));
  EXPECT_TRUE(IsPressOfficeFormula("Service de presse et d'information"));
  EXPECT_TRUE(IsPressOfficeFormula("EMBARGOED UNTIL 12:00"));
  // A sentence about a press office is not the formula.
  EXPECT_FALSE(IsPressOfficeFormula("The minister thanked the press office for its work."));
  EXPECT_FALSE(IsPressOfficeFormula("Meeting of the Example Council"));
}

TEST(HeadLexicon, AnInstitutionNamedAloneIsABanner) {
  EXPECT_TRUE(NamesInstitutionOnly("U.S. Department of State"));
  EXPECT_TRUE(NamesInstitutionOnly("Council of the EU"));
  EXPECT_TRUE(NamesInstitutionOnly("Ministère des Affaires étrangères"));
  EXPECT_TRUE(NamesInstitutionOnly("THE WHITE HOUSE"));
  // An event or a document named makes it a headline.
  EXPECT_FALSE(NamesInstitutionOnly("Meeting of the Example Council"));
  EXPECT_FALSE(NamesInstitutionOnly("Statement by the Ministry of Defence"));
  EXPECT_FALSE(NamesInstitutionOnly("Council of the EU, 25/09/2017"));
  EXPECT_FALSE(NamesInstitutionOnly("The council met in the city today."));
}

TEST(HeadLexicon, AMenuIsCapitalizedWordsWithNothingBetween) {
  EXPECT_TRUE(ReadsAsMenu("Home Issues & Press Travel & Business Countries"));
  EXPECT_TRUE(ReadsAsMenu("Home | News | Events | Documents | Contact"));
  EXPECT_FALSE(ReadsAsMenu("Statement to the Press Following the Council Meeting"));
  EXPECT_FALSE(ReadsAsMenu("Home News"));
}

TEST(HeadLexicon, DeliveryNotesOpenTheLineOrFollowItsDate) {
  EXPECT_TRUE(HasDeliveryNote("Check against delivery"));
  EXPECT_TRUE(HasDeliveryNote("As delivered by the Deputy Representative"));
  EXPECT_TRUE(HasDeliveryNote("21 mai 2021 - Seul le prononcé fait foi"));
  EXPECT_TRUE(HasDeliveryNote("Es gilt das gesprochene Wort"));
  // Inside a sentence the words mean something else.
  EXPECT_FALSE(HasDeliveryNote(
      "The ministers reviewed the aid to the region as delivered by the agencies this year."));
}

TEST(HeadLexicon, ALabelPrintedInsideAHeadLineNamesTheType) {
  EXPECT_EQ(DocTypeInsideLine("Example Union - Conclusions of the Council - Press release of the "
                              "Council (Brussels, 22/03/2024)"),
            v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeInsideLine("COUNCIL OF THE EXAMPLE UNION 1234/04 (Presse 195) PRESS RELEASE "
                              "2590th Council Meeting"),
            v1::DOC_TYPE_PRESS_RELEASE);
  // Words of a label in a sentence, not printed as one, name nothing.
  EXPECT_EQ(DocTypeInsideLine("The minister said in a press release that the Council met."),
            std::nullopt);
  EXPECT_EQ(DocTypeInsideLine("Meeting of the Example Council"), std::nullopt);
}

// A site's banner: an institution's names joined by a dash, a short name of
// the site among them, its press team, or a label naming who issues the
// site's texts; a headline joined to a name by a dash is none.
TEST(HeadLexicon, BannerLinesOfSites) {
  EXPECT_TRUE(OpensSiteBanner("NATO - North Atlantic Treaty Organization"));
  EXPECT_TRUE(
      OpensSiteBanner("France Diplomatie - Minist\xC3\xA8re de l'Europe et des Affaires "
                      "\xC3\xA9trang\xC3\xA8res"));
  EXPECT_TRUE(OpensSiteBanner("Delegation of the European Union to the United Nations"));
  EXPECT_TRUE(OpensSiteBanner("OSCE"));
  EXPECT_FALSE(OpensSiteBanner("NATO - Allies agree a new readiness plan"));
  EXPECT_FALSE(OpensSiteBanner("Allies agree a new readiness plan"));
  EXPECT_TRUE(IsSiteBannerLine("EEAS Press Team"));
  EXPECT_TRUE(IsSiteBannerLine("Press release from Ministry for Foreign Affairs"));
  EXPECT_FALSE(IsSiteBannerLine("Press release on the readiness plan"));
}

}  // namespace
}  // namespace docsearch::ingest
