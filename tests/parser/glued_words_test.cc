// Words a scrape glued together get their space back; names written in one
// piece stay whole.
#include "ingest_service/parser/glued_words.h"

#include <string>

#include "gtest/gtest.h"
#include "ingest_service/parser/document_parser.h"

namespace docsearch::ingest {
namespace {

void ExpectSeparated(const std::string& text, const std::string& want, int joints) {
  const SeparatedText separated = SeparateGluedWords(text);
  EXPECT_EQ(separated.text, want);
  EXPECT_EQ(separated.separated, joints) << text;
}

void ExpectUnchanged(const std::string& text) { ExpectSeparated(text, text, 0); }

TEST(GluedWords, AnElidedCapitalEndsTheWordBeforeIt) {
  // An accented lower-case letter before an ASCII capital.
  const SeparatedText separated =
      SeparateGluedWords("Déclaration du Secrétaire généralL'Alliance a décidé de se réunir.");
  EXPECT_EQ(separated.text, "Déclaration du Secrétaire général L'Alliance a décidé de se réunir.");
  EXPECT_EQ(separated.separated, 1);
  EXPECT_EQ(SeparateGluedWords("Communiqué du porte-paroleL’Union a décidé.").text,
            "Communiqué du porte-parole L’Union a décidé.");
  EXPECT_EQ(SeparateGluedWords("Message du ministreQu'il soit remercié.").text,
            "Message du ministre Qu'il soit remercié.");
}

TEST(GluedWords, APossessiveIsNoElision) { ExpectUnchanged("She holds a PharmD's licence."); }

TEST(GluedWords, AnInitialismWithPeriodsEndsTheWordBeforeIt) {
  ExpectSeparated("Related LinksU.N. Security Council", "Related Links U.N. Security Council", 1);
}

TEST(GluedWords, TwoWordsTheDocumentWritesApartAreSeparated) {
  const SeparatedText separated = SeparateGluedWords(
      "Talks on the Baltic region\nThe ministers met on the BalticRegion question.");
  EXPECT_EQ(separated.text,
            "Talks on the Baltic region\nThe ministers met on the Baltic Region question.");
  EXPECT_EQ(separated.separated, 1);
  // Written with a hyphen elsewhere counts too.
  EXPECT_EQ(SeparateGluedWords("The Euro-Atlantic area and the EuroAtlantic partners.").text,
            "The Euro-Atlantic area and the Euro Atlantic partners.");
}

TEST(GluedWords, AChainOfGluedWordsIsSeparatedAtEachJoint) {
  ExpectSeparated(
      "The united nations security council met. The UnitedNationsSecurityCouncil agreed.",
      "The united nations security council met. The United Nations Security Council agreed.", 3);
}

TEST(GluedWords, NamesWrittenInOnePieceStayWhole) {
  // Parts of fewer than three letters.
  ExpectUnchanged("The PfP programme and Mr McCallum of the DeVos foundation; iPhone, mRNA.");
  // Parts the document uses as words, but never side by side.
  ExpectUnchanged(
      "The power of a point: slides in PowerPoint. Exxon and Mobil merged into ExxonMobil.");
  ExpectUnchanged("Die Bürger und die BürgerInnen, innen und außen.");
  // No capital after a lower-case letter inside a word.
  ExpectUnchanged("A plain sentence, with l'OTAN, NATO and U.S. forces.");
}

TEST(GluedWords, AddressesAndTagsAreLeftAlone) {
  ExpectUnchanged("The press room and press releases: https://example.org/pressRoom/pressReleases");
  ExpectUnchanged("The stronger together campaign, #strongerTogether.");
}

TEST(GluedWords, EmptyAndBrokenTextIsKept) {
  ExpectUnchanged("");
  // A stray byte and a cut sequence keep their bytes.
  const std::string broken = "The baltic region \xFF and the balticRegion \xC3";
  ExpectSeparated(broken, "The baltic region \xFF and the baltic Region \xC3", 1);
}

TEST(GluedWords, ScriptsOtherThanLatinUseTheirOwnCases) {
  // Greek: "δήλωσηΥπουργού" where "δήλωση υπουργού" is written apart.
  ExpectSeparated("η δήλωσηΥπουργού. η δήλωση υπουργού", "η δήλωση Υπουργού. η δήλωση υπουργού", 1);
}

bool Warned(const v1::Document& document) {
  for (const v1::ParseWarning& warning : document.warnings()) {
    if (warning.code() == "glued_words_separated") return true;
  }
  return false;
}

TEST(GluedWords, ParseSeparatesThemInTitleAndParagraphsAndWarns) {
  v1::RawDocument raw;
  raw.set_content(
      "Statement on the BalticRegion\n\n"
      "The Council met today in Brussels to review the situation in the Baltic region and "
      "agreed that the BalticRegion exercises continue.\n\n"
      "The Allies reaffirmed their commitment to the security of the region.\n");
  absl::StatusOr<v1::ParseDocumentResponse> parsed = ParseRawDocument(raw, {});
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  const v1::Document& document = parsed->document();
  EXPECT_EQ(document.title(), "Statement on the Baltic Region");
  EXPECT_TRUE(Warned(document));
  bool found = false;
  for (const v1::Paragraph& paragraph : document.paragraphs()) {
    EXPECT_EQ(paragraph.text().find("BalticRegion"), std::string::npos) << paragraph.text();
    found |= paragraph.text().find("the Baltic Region exercises") != std::string::npos;
  }
  EXPECT_TRUE(found);
}

TEST(GluedWords, ACallersJsonTitleIsKeptAsGiven) {
  v1::RawDocument raw;
  raw.set_content(R"({"title": "The BalticRegion", "body": "The Baltic region and the )"
                  R"(BalticRegion exercises were reviewed by the Council today in Brussels."})");
  absl::StatusOr<v1::ParseDocumentResponse> parsed = ParseRawDocument(raw, {});
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(parsed->document().title(), "The BalticRegion");
  ASSERT_GE(parsed->document().paragraphs_size(), 1);
  EXPECT_NE(parsed->document().paragraphs(0).text().find("Baltic Region exercises"),
            std::string::npos);
}

}  // namespace
}  // namespace docsearch::ingest
