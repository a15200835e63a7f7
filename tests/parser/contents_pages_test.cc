// A digest that opens with a table of contents under its heading
// (contents_pages.h): the heading names the collection, so the document
// has no single title. The pages are invented.
#include "ingest_service/parser/contents_pages.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest_service/parser/document_parser.h"
#include "tests/parser/parse_text.h"

namespace docsearch::ingest {
namespace {

TEST(ContentsHeading, AContentsHeadingAloneOnItsLine) {
  EXPECT_TRUE(IsContentsHeading("Sommaire"));
  EXPECT_TRUE(IsContentsHeading("  Table of contents: "));
  EXPECT_TRUE(IsContentsHeading("Inhaltsverzeichnis"));
  EXPECT_TRUE(IsContentsHeading("In this issue"));
  EXPECT_FALSE(IsContentsHeading("Contents of the agreement reached in Vienna"));
  EXPECT_FALSE(IsContentsHeading("Summary"));
  EXPECT_FALSE(IsContentsHeading(""));
}

// A foreign ministry's daily digest: its heading names the day's
// statements, a contents heading follows, then the items.
constexpr char kDigestWithContents[] = R"(Ministry of Foreign Affairs
Home | News | Press | Contact

Official statements on foreign policy of 3 March 2016

Contents

1. Spokesperson's press briefing - Syria/Ceasefire - Minister's agenda for 4-10 March 2016 (London, 03/03/2016)

At today's press briefing, the spokesperson made the following statements:

1 - Syria - Ceasefire (27 February 2016) - Statement by the Foreign Minister

The United Kingdom welcomes the entry into force of the cessation of hostilities and calls on all parties to respect it fully.

2 - Minister's agenda

The Minister will travel to Berlin tomorrow to meet her German counterpart.
)";

TEST(ContentsPages, ADigestUnderAContentsHeadingHasNoSingleTitle) {
  const v1::Document document = ParseText(kDigestWithContents);
  EXPECT_EQ(document.title(), "");
  EXPECT_TRUE(BodyHolds(document, "Official statements on foreign policy of 3 March 2016"));
  EXPECT_THAT(document.published(), IsDate(2016, 3, 3));
}

// A single speech with its own contents box keeps its title: the box lists
// sections, not dated texts.
constexpr char kSpeechWithAContentsBox[] = R"(Federal Ministry of Finance
Home | Press | Speeches

Speech by the Federal Minister of Finance on the 2024 budget in the Bundestag

Contents
1. Introduction
2. Investing in the future
3. Sound public finances

Madam President, ladies and gentlemen, the budget we present today invests in the future while keeping public finances sound.

It raises investment to a record level and keeps within the debt brake.
)";

TEST(ContentsPages, ASpeechWithAContentsBoxKeepsItsTitle) {
  EXPECT_EQ(ParseText(kSpeechWithAContentsBox).title(),
            "Speech by the Federal Minister of Finance on the 2024 budget in the Bundestag");
}

constexpr char kStatementWithoutContents[] = R"(Ministère des Affaires étrangères

Déclaration du porte-parole sur la situation en Syrie

Paris, 3 mars 2016

La France salue l'entrée en vigueur de la cessation des hostilités et appelle toutes les parties à la respecter pleinement.
)";

TEST(ContentsPages, AStatementWithoutContentsKeepsItsTitle) {
  EXPECT_EQ(ParseText(kStatementWithoutContents).title(),
            "Déclaration du porte-parole sur la situation en Syrie");
}

}  // namespace
}  // namespace docsearch::ingest
