// Titles read from the shape of the page (title_page_shape.h), through the
// whole parser: a site's banner above the headline, and a headline right
// above its date line that the model passed over. The texts are written for
// the test, in layouts of sites the development corpus does not hold.
#include "ingest_service/parser/title_page_shape.h"

#include <string>

#include "absl/strings/str_replace.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest_service/parser/document_parser.h"
#include "tests/parser/parse_text.h"

namespace docsearch::ingest {
namespace {

using ::testing::Contains;
using ::testing::Not;

constexpr char kBannerPage[] = R"(BANNER

Norway hosts Allied air exercise over the Arctic

Oslo, 14 September 2021

Norway hosted today a large Allied air exercise over the Arctic, with aircraft from nine Allies taking part.

The exercise trains the air forces of the Allies to operate together in cold weather.
)";

// Whatever institution the banner names, and whether it prints its acronym
// or its press office under the name, the headline below it is the title
// and the banner is not the text's.
TEST(TitlePageShape, ABannerAboveTheHeadlineIsNotTheTitle) {
  for (const char* banner :
       {"Royal Norwegian Ministry of Defence", "NORDEFCO\nNordic Defence Cooperation Secretariat",
        "Permanent Delegation of Norway to the North Atlantic Treaty Organization",
        "Ministry of Defence\nNorwegian Press Office"}) {
    const v1::Document document = ParseText(absl::StrReplaceAll(kBannerPage, {{"BANNER", banner}}));
    EXPECT_EQ(document.title(), "Norway hosts Allied air exercise over the Arctic") << banner;
    EXPECT_THAT(ParagraphTexts(document), Not(Contains(banner))) << banner;
  }
}

// A headline naming an institution, with its date right below it and no
// other block between, stays the title.
TEST(TitlePageShape, AHeadlineNamingAnInstitutionStays) {
  const v1::Document document = ParseText(R"(New NATO Liaison Office in Kyiv

12 April 2005

The Secretary General opened today the new NATO Liaison Office in Kyiv, which will support the reform of the defence sector.

The Office works with the Ministry of Defence of Ukraine.
)");
  EXPECT_EQ(document.title(), "New NATO Liaison Office in Kyiv");
}

// Under a type label, a short headline right above the date line whose
// words come back in the text is the title, not "no title".
TEST(TitlePageShape, AHeadlineRightAboveItsDateLine) {
  const v1::Document document = ParseText(R"(Office of the Prime Minister
News release

PM welcomes Allied decision on Baltic air policing

9 March 2004

The Prime Minister today welcomed the decision of the Allies on air policing over the Baltic states.

The decision strengthens the security of the whole region.
)");
  EXPECT_EQ(document.title(), "PM welcomes Allied decision on Baltic air policing");
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_PRESS_RELEASE);
}

// A headline in capitals wrapped over two lines, under an archive's
// reference and date, is one title.
TEST(TitlePageShape, AHeadlineInCapitalsGoesOnToItsNextLine) {
  const v1::Document document = ParseText(R"(NATO PRESS SERVICE
Press Release
(97)31
4 March 1997
NATO DEPUTY SECRETARY GENERAL TO OPEN
THE CONFERENCE ON CIVIL EMERGENCY PLANNING
The Deputy Secretary General of NATO will open the conference on civil emergency planning in Budapest on 6 March 1997.
The conference will bring together experts from Allied and Partner countries.
)");
  EXPECT_EQ(document.title(),
            "NATO DEPUTY SECRETARY GENERAL TO OPEN THE CONFERENCE ON CIVIL EMERGENCY PLANNING");
}

// A dense page with no blank lines: a site named by its address, a menu of
// languages on one line, a path, a label naming who speaks under the
// headline and the date in brackets. The headline is the title, the label
// its type, and the headline is no paragraph.
TEST(TitlePageShape, ADensePageUnderASiteAddress) {
  const v1::Document document = ParseText(R"(Diplomatie.example - Ministère des Affaires étrangères
Français English Español Deutsch
Accueil > Politique étrangère > OTAN
Sommet de l'Alliance atlantique à Riga
Déclaration du porte-parole
(Paris, 29 novembre 2006)
La France se félicite des décisions prises aujourd'hui par les chefs d'État et de gouvernement de l'Alliance réunis à Riga.
Elle salue en particulier les progrès accomplis en Afghanistan.
Imprimer cette page
Haut de page
)");
  EXPECT_EQ(document.title(), "Sommet de l'Alliance atlantique à Riga");
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_PRESS_STATEMENT);
  EXPECT_THAT(ParagraphTexts(document), Not(Contains(testing::HasSubstr("Sommet de l'Alliance"))));
}

// A site's name printed twice above its menu (its logo's text, then its
// name) is no headline printed twice; the headline under the date, above
// the text, is the title.
TEST(TitlePageShape, ABannerPrintedTwiceIsNoHeadline) {
  const v1::Document document = ParseText(R"(Skip to content
Council of the European Union
European Council
Council of the European Union
Menu
Home
Press
English
Press release
19 November 2018
Civilian crisis management: Council agrees to strengthen EU missions
The Council agreed today to strengthen the civilian crisis management missions of the European Union.
Member states will provide more personnel to the missions.
)");
  EXPECT_EQ(document.title(),
            "Civilian crisis management: Council agrees to strengthen EU missions");
}

// What a review of these rules found them taking from real texts: a name
// above the date line opening the first sentence, a banner-like headline
// above its date and subtitle, a sentence in capitals under a headline in
// capitals, a label under a one-word headline.
TEST(TitlePageShape, TheTextsOwnLinesStayTheTexts) {
  const v1::Document named = ParseText(
      "Jens Stoltenberg\n\n14 June 2021\n\nJens Stoltenberg said today that Allies had agreed "
      "to strengthen their deterrence and defence across the Alliance.\n\nThe Secretary General "
      "spoke after the summit.\n");
  ASSERT_FALSE(named.paragraphs().empty());
  EXPECT_EQ(named.paragraphs(0).text().rfind("Jens Stoltenberg said today", 0), 0u);

  const v1::Document office = ParseText(
      "New NATO Liaison Office in Kyiv\n\n12 April 2005\n\nSecretary General opens office to "
      "support defence reform\n\nThe Secretary General opened today the new NATO Liaison Office "
      "in Kyiv, which will support the reform of the defence sector.\n");
  EXPECT_EQ(office.title(), "New NATO Liaison Office in Kyiv");

  const v1::Document capitals = ParseText(
      "NATO SECRETARY GENERAL WELCOMES AGREEMENT ON BOSNIA\n"
      "THE SECRETARY GENERAL OF NATO, MR. WILLY CLAES, TODAY\n"
      "WELCOMED THE AGREEMENT REACHED IN GENEVA ON THE BASIC\n"
      "PRINCIPLES FOR A SETTLEMENT IN BOSNIA AND HERZEGOVINA.\n");
  EXPECT_EQ(capitals.title(), "NATO SECRETARY GENERAL WELCOMES AGREEMENT ON BOSNIA");

  const v1::Document labelled = ParseText(
      "Afghanistan\nD\xC3\xA9"
      "claration du porte-parole\n(Paris, 29 novembre 2006)\nLa France salue la tenue de la "
      "conf\xC3\xA9rence sur l'Afghanistan et rappelle son engagement aux c\xC3\xB4t\xC3\xA9s des "
      "autorit\xC3\xA9s afghanes.\nElle continuera son effort.\n");
  EXPECT_EQ(labelled.doc_type(), v1::DOC_TYPE_PRESS_STATEMENT);
}

// A saved page opens with the browser's title, the headline and the site's
// name after a bar; the headline printed again below is the title, and the
// site's name is not part of it.
TEST(TitlePageShape, TheHeadlineNotTheBrowsersTitle) {
  const v1::Document document =
      ParseText(R"(Director General's Opening Statement to the Board of Trustees | NSA
Skip to main content
Nuclear Safety Agency
Safety for Peace
Search form
Search
Topics
Services
About Us
Home
Newscenter
Statements

Director General's Opening Statement to the Board of Trustees
Vienna, Austria
3 May 2017
by
Anna Berg
NSA Director General

Mr Chairman,

Since your last meeting, the inspectors of the agency have completed the verification work carried out in the region since January.

Inspections will continue through the summer, with two more teams on the ground.
)");
  EXPECT_EQ(document.title(), "Director General's Opening Statement to the Board of Trustees");
}

// A government's page with a long menu above its breadcrumb: an item of the
// menu the model took for the title gives way to the headline above the
// date line, under the section's name, which also names the type.
TEST(TitlePageShape, AMenusItemGivesWayToTheHeadline) {
  const v1::Document document = ParseText(R"(Go to main content
Go to menu
Republic of Lusitania
25th Government
Search
PT
EN
Government
Prime Minister
Ministries
Council of Ministers
Documents
Communication
Transparency
Careers
Contacts

Home
National Defence
Communication
News

Defence Minister reaffirms commitment to the Alliance's eastern flank

2022-06-16 at 18h45

The Defence Minister took part today, in Brussels, in the meeting of the Alliance's defence ministers and reaffirmed the country's commitment to the security of the eastern flank.

On the margins of the meeting, the minister held bilateral meetings with her counterparts from two neighbouring countries.
)");
  EXPECT_EQ(document.title(),
            "Defence Minister reaffirms commitment to the Alliance's eastern flank");
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_UPDATE);
  EXPECT_EQ(document.published().year(), 2022);
  EXPECT_EQ(document.published().month(), 6);
  EXPECT_EQ(document.published().day(), 16);
  EXPECT_THAT(ParagraphTexts(document), Not(Contains("Council of Ministers")));
}

// A title holding a bar is kept when the words before the bar come back
// only as a heading of the text, below its first sentence.
TEST(TitlePageShape, ATitleWithABarIsKept) {
  const v1::Document document = ParseText(R"(Annual Report 2020 | Foreword by the Director

12 May 2021

This year was unlike any other. The agency had to change the way it works in a matter of weeks.

Annual Report 2020

The report covers the agency's work from January to December 2020. It is published in three languages.
)");
  EXPECT_EQ(document.title(), "Annual Report 2020 | Foreword by the Director");
  EXPECT_THAT(ParagraphTexts(document),
              Contains("This year was unlike any other. The agency had to change the way it "
                       "works in a matter of weeks."));
}

}  // namespace
}  // namespace docsearch::ingest
