// Words a scrape glued together get their break back; names written in one
// piece stay whole.
#include "ingest_service/parser/glued_words.h"

#include <string>

#include "gtest/gtest.h"
#include "ingest_service/parser/document_parser.h"

namespace docsearch::ingest {
namespace {

TEST(GluedWords, AnElidedCapitalEndsTheWordBeforeIt) {
  const SeparatedText separated =
      SeparateGluedWords("Communiqué du porte-paroleL’Alliance a décidé de se réunir.");
  EXPECT_EQ(separated.text, "Communiqué du porte-parole L’Alliance a décidé de se réunir.");
  EXPECT_EQ(separated.separated, 1);
  EXPECT_EQ(SeparateGluedWords("Message du ministreD'abord, je remercie.").text,
            "Message du ministre D'abord, je remercie.");
}

TEST(GluedWords, AnInitialismWithPeriodsEndsTheWordBeforeIt) {
  const SeparatedText separated = SeparateGluedWords("Related LinksU.N. Security Council");
  EXPECT_EQ(separated.text, "Related Links U.N. Security Council");
  EXPECT_EQ(separated.separated, 1);
}

TEST(GluedWords, TwoWordsOfTheDocumentAreSeparated) {
  const SeparatedText separated = SeparateGluedWords(
      "Talks on the Baltic region\nThe ministers met on the BalticRegion question; the region "
      "and the sea were discussed.");
  EXPECT_EQ(separated.text,
            "Talks on the Baltic region\nThe ministers met on the Baltic Region question; the "
            "region and the sea were discussed.");
  EXPECT_EQ(separated.separated, 1);
}

TEST(GluedWords, AChainOfGluedWordsIsSeparatedAtEachJoint) {
  const SeparatedText separated = SeparateGluedWords(
      "The united nations security council met. The UnitedNationsSecurityCouncil agreed.");
  EXPECT_EQ(separated.text,
            "The united nations security council met. The United Nations Security Council "
            "agreed.");
  EXPECT_EQ(separated.separated, 3);
}

TEST(GluedWords, NamesWrittenInOnePieceStayWhole) {
  for (const std::string text : {
           // Parts of fewer than three letters.
           "The PfP programme and Mr McCallum of the DeVos foundation; iPhone, mRNA.",
           // Parts the document never uses as words.
           "Slides in PowerPoint were shared on YouTube and WorldLII.",
           // An upper-case run inside a word is no joint.
           "The NATOSummit and WorldLII pages.",
           // No capital after a lower-case letter at all.
           "A plain sentence, with l'OTAN and U.S. forces.",
       }) {
    const SeparatedText separated = SeparateGluedWords(text);
    EXPECT_EQ(separated.text, text);
    EXPECT_EQ(separated.separated, 0) << text;
  }
}

TEST(GluedWords, AddressesAreLeftAlone) {
  const std::string text =
      "See https://example.org/PressReleases/PressRoom and press room, releases; "
      "mail Press_Room@example.org.";
  EXPECT_EQ(SeparateGluedWords(text).text, text);
}

TEST(GluedWords, ScriptsOtherThanLatinUseTheirOwnCases) {
  // Greek: "δήλωσηΥπουργού" with both halves used as words elsewhere.
  const SeparatedText separated = SeparateGluedWords("η δήλωσηΥπουργού. δήλωση του υπουργού");
  EXPECT_EQ(separated.text, "η δήλωση Υπουργού. δήλωση του υπουργού");
}

TEST(GluedWords, ParseSeparatesThemInTheTextAndWarns) {
  v1::RawDocument raw;
  raw.set_content(
      "Statement by the Council\n\n"
      "The Council met today in Brussels to review the situation in the Baltic region and "
      "agreed that the BalticRegion exercises continue.\n\n"
      "The Allies reaffirmed their commitment to the security of the region.\n");
  absl::StatusOr<v1::ParseDocumentResponse> parsed = ParseRawDocument(raw, {});
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  const v1::Document& document = parsed->document();
  bool warned = false;
  for (const v1::ParseWarning& warning : document.warnings()) {
    if (warning.code() == "glued_words_separated") {
      warned = true;
      EXPECT_EQ(warning.message().substr(0, 2), "1 ");
    }
  }
  EXPECT_TRUE(warned);
  bool found = false;
  for (const v1::Paragraph& paragraph : document.paragraphs()) {
    EXPECT_EQ(paragraph.text().find("BalticRegion"), std::string::npos) << paragraph.text();
    found |= paragraph.text().find("the Baltic Region exercises") != std::string::npos;
  }
  EXPECT_TRUE(found);
}

TEST(GluedWords, ACallersJsonTitleIsKeptAsGiven) {
  v1::RawDocument raw;
  raw.set_content(R"({"title": "The BalticRegion", "body": "The Baltic region and the region's )"
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
