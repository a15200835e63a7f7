// Where a headline fused with the first paragraph on one line is cut.
#include "ingest_service/parser/head_reader.h"

#include <optional>
#include <string>

#include "gtest/gtest.h"

namespace docsearch::ingest {
namespace {

// A first paragraph long enough for a fused line (the cut is only looked
// for in lines of 200 bytes or more).
constexpr char kParagraph[] =
    "prévoyait de tenir une réunion informelle des Ministres de la défense au début du mois. "
    "Cette réunion s'inscrivait dans une série de rencontres périodiques de réflexion et "
    "d'échanges de vues sur les principales questions au programme.";

std::optional<std::string> HeadOf(const std::string& line) {
  const std::optional<size_t> cut = FusedTitleEnd(line);
  if (!cut.has_value()) return std::nullopt;
  return line.substr(0, *cut);
}

TEST(FusedTitleEnd, CutsATitleCaseHeadlineGluedToItsFirstWord) {
  EXPECT_EQ(HeadOf(std::string("Statement on the Situation in Bosnia and Herzegovina") +
                   "Following consultations " + kParagraph),
            "Statement on the Situation in Bosnia and Herzegovina");
}

TEST(FusedTitleEnd, CutsAFrenchHeadlineGluedToAnElidedCapital) {
  EXPECT_EQ(HeadOf(std::string("Déclaration du Secrétaire général") + "L'OTAN " + kParagraph),
            "Déclaration du Secrétaire général");
  // The typographic apostrophe, and an accented letter before the glue.
  EXPECT_EQ(HeadOf(std::string("Communiqué de la présidence sur la sécurité") + "D\u2019abord " +
                   kParagraph),
            "Communiqué de la présidence sur la sécurité");
}

TEST(FusedTitleEnd, CutsBeforeAnElidedWordOpeningWithAnAccentedLetter) {
  EXPECT_EQ(HeadOf(std::string("Déclaration du Secrétaire général") + "L'État " + kParagraph),
            "Déclaration du Secrétaire général");
  EXPECT_EQ(HeadOf(std::string("Déclaration du Secrétaire général") + "L'élection " + kParagraph),
            "Déclaration du Secrétaire général");
}

TEST(FusedTitleEnd, LeavesAQuoteOrDashRunIntoAnElidedCapitalWhole) {
  // Only a letter before the capital is glue; a closing quote is not.
  EXPECT_EQ(HeadOf(std::string("Déclaration sur la «réunion»") + "L'OTAN " + kParagraph),
            std::nullopt);
  EXPECT_EQ(HeadOf(std::string("Déclaration sur la réunion –") + "L'OTAN " + kParagraph),
            std::nullopt);
}

TEST(FusedTitleEnd, LeavesASentenceGluedToAnElidedCapitalWhole) {
  // A clause break or more than a headline's words before the glue: prose,
  // not a headline.
  EXPECT_EQ(HeadOf(std::string("Le Conseil a rappelé, lors de sa réunion, son soutien") +
                   "L'Alliance " + kParagraph),
            std::nullopt);
  EXPECT_EQ(HeadOf(std::string("les ministres ont rappelé leur soutien aux efforts de la "
                               "communauté internationale dans la région") +
                   "L'Alliance " + kParagraph),
            std::nullopt);
  // A possessive is not an elision.
  EXPECT_EQ(HeadOf(std::string("les décisions prises par le conseil") + "D's " + kParagraph),
            std::nullopt);
}

TEST(FusedTitleEnd, LeavesAShortLineAlone) {
  EXPECT_EQ(HeadOf("Déclaration du Secrétaire généralL'OTAN prévoyait une réunion."), std::nullopt);
}

}  // namespace
}  // namespace docsearch::ingest
