// Whole pages of the thirteenth round (docs/INGEST.md, "Pages whose type
// matters"): official texts of every kind, each shown as its site prints
// it; the sites and texts are invented.
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest_service/parser/document_parser.h"
#include "tests/parser/parse_text.h"

namespace docsearch::ingest {
namespace {

using ::testing::Not;

// The page's fields on one row, with bars between them: read as a menu by
// its bars, the row still dates the text above which it stands (the event's
// dates in the text's first line are not its publication).
constexpr char kFieldsRowWithADate[] = R"(Valtioneuvosto
Suomeksi | På svenska | In English
Ministries | Topics | Documents | Press
You are here: Government > Ministry for the Environment > Documents

Chair's Summary - Helsinki Meeting on Baltic Sea Nutrients

Documents
Press releases
Speeches

Article | Date: 14.03.2019 | Ministry for the Environment

Helsinki Meeting on Baltic Sea Nutrients, 12-13 March 2019

1. The Government of Finland hosted a meeting of the coastal states on nutrient loads in the Baltic Sea in Helsinki on 12 and 13 March 2019.

2. Participants agreed to publish their national nutrient reduction figures every year and to meet again in 2020.
)";

TEST(TypedPages, AFieldsRowReadAsAMenuStillDatesTheText) {
  const v1::Document document = ParseText(kFieldsRowWithADate);
  EXPECT_EQ(document.title(), "Chair's Summary - Helsinki Meeting on Baltic Sea Nutrients");
  EXPECT_THAT(document.published(), IsDate(2019, 3, 14));
  EXPECT_FALSE(BodyHolds(document, "Date: 14.03.2019"));
}

// A bare date between a section and a name is a listing's row, not the
// page's field: it dates nothing once the text has begun.
constexpr char kListingRowUnderTheText[] = R"(Ministry for the Environment
Press releases

New rules for coastal fisheries take effect

The new rules for coastal fisheries take effect on 1 June, the ministry said in Helsinki on Thursday.

They limit the catch of cod and herring in the coastal zone for the next three years.

Related
News | 02.05.2019 | Ministry for the Environment
)";

// An event's row keys its other cells too: its date is the event's, not
// the text's.
TEST(TypedPages, AnEventsRowDatesNothing) {
  std::string page = kFieldsRowWithADate;
  const std::string row = "Article | Date: 14.03.2019 | Ministry for the Environment";
  page.replace(page.find(row), row.size(),
               "Workshop | Date: 20.05.2019 | Venue: Helsinki City Library");
  const v1::Document document = ParseText(page);
  EXPECT_THAT(document.published(), Not(IsDate(2019, 5, 20)));
  // A bare "Date:" with no issuer among the cells dates nothing either.
  page = kFieldsRowWithADate;
  page.replace(page.find(row), row.size(), "Workshop | Date: 20.05.2019 | Middelburg");
  EXPECT_THAT(ParseText(page).published(), Not(IsDate(2019, 5, 20)));
}

TEST(TypedPages, ARowUnderTheTextDatesNothing) {
  const v1::Document document = ParseText(kListingRowUnderTheText);
  EXPECT_EQ(document.title(), "New rules for coastal fisheries take effect");
  EXPECT_THAT(document.published(), Not(IsDate(2019, 5, 2)));
}

// A readout's headline ends with the call's date, as do the related
// readouts listed under the text: the headline is the title, the stamp
// under it the publication (title_from_roles_test.cc has the rule that
// keeps such a headline when the model reads it as text).
constexpr char kReadoutWithTheDateInItsHeadline[] = R"(Cookies on Gov.example
We use some essential cookies to make this website work.
We'd like to set additional cookies to understand how you use Gov.example, remember your settings and improve our services.
We also use cookies set by other sites to help us deliver content from their services.
Accept additional cookies
Reject additional cookies
View cookies
Skip to main content
Gov.example
Menu
Home
Government
International relations
Press release

PM call with Prime Minister of Chile: 3 March 2023

The Prime Minister spoke to the Prime Minister of Chile this morning.

From:
Prime Minister's Office
Published
3 March 2023

The Prime Minister spoke to the Prime Minister of Chile this morning about the energy transition and trade between the two countries.

They agreed that their officials would meet in Santiago in May to prepare a partnership on critical minerals.

Share this page
Facebook
Twitter
Related content
PM meeting with President of Peru: 20 February 2023
PM call with President of Brazil: 1 March 2023
Explore the topic
International relations
)";

TEST(TypedPages, AReadoutsHeadlineWithTheCallsDateStaysTheTitle) {
  const v1::Document document = ParseText(kReadoutWithTheDateInItsHeadline);
  EXPECT_EQ(document.title(), "PM call with Prime Minister of Chile: 3 March 2023");
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_THAT(document.published(), IsDate(2023, 3, 3));
  EXPECT_TRUE(BodyHolds(document, "prepare a partnership on critical minerals"));
}

// A regional council's release prints its date and time above the
// headline, as its list of latest releases does under the text: the date
// line is no related item, and the headline under it is the title.
constexpr char kReleaseWithItsTimeAboveTheHeadline[] = R"(Vai al contenuto principale
Consiglio regionale della Liguria
Cerca nel sito
Home / Comunicazione / Comunicati stampa / Porti, approvato il piano per le banchine
Comunicato stampa

14/03/2022 - 11:05

Porti, approvato all'unanimità il piano per le nuove banchine di Savona

Il Consiglio regionale ha approvato all'unanimità il piano che finanzia le nuove banchine del porto di Savona con quaranta milioni di euro.

I lavori cominceranno entro l'estate e dureranno due anni, secondo il cronoprogramma presentato in aula dall'assessore.

Ultimi comunicati
14/03/2022 - Bilancio, via libera in commissione alla variazione
11/03/2022 - Giornata della memoria, le iniziative del Consiglio
)";

TEST(TypedPages, ADateAndTimeAboveTheHeadlineIsNoRelatedItem) {
  const v1::Document document = ParseText(kReleaseWithItsTimeAboveTheHeadline);
  EXPECT_EQ(document.title(),
            "Porti, approvato all'unanimità il piano per le nuove banchine di Savona");
  EXPECT_THAT(document.published(), IsDate(2022, 3, 14));
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_PRESS_RELEASE);
}

// An agency's release: its printed label names the kind, although the
// related releases listed under the text, each with its date, make the
// rules read the page as a digest of news.
constexpr char kAgencyReleaseUnderANewsPath[] =
    R"(We use cookies on this website. Some are essential to make the site work, others help us improve it.
Accept all cookies
Manage preferences
Skip to main content
National Roads Authority
Search
Our Work
Projects
Publications
News & Events
Home > News & Events > News Releases > Road deaths fell by a fifth in 2022, the lowest figure...

News Release

Road deaths fell by a fifth in 2022, the lowest figure since records began

Date released: 12 January 2023

The Authority today published its annual report on road safety, which shows that 131 people died on the roads in 2022, a fall of twenty per cent.

The report credits lower speed limits near schools and the new cameras on rural roads for most of the fall.

Share: Facebook | Twitter | LinkedIn | Email
Related News Releases
New cameras for rural roads switched on in ten counties
02 December 2022
Authority urges drivers to check their tyres before winter
15 November 2022
Speed limits near schools cut to 30 km/h from September
30 August 2022
View all news releases
)";

TEST(TypedPages, APrintedLabelOutranksTheShapeOfADigest) {
  const v1::Document document = ParseText(kAgencyReleaseUnderANewsPath);
  EXPECT_EQ(document.title(),
            "Road deaths fell by a fifth in 2022, the lowest figure since records began");
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(document.doc_type_raw(), "News Release");
}

// A council's news item: its path printed one step per line ends in the
// headline cut short, and the site's menu stands between it and the
// headline; the path's section names the kind.
constexpr char kNewsItemUnderAPathAndAMenu[] = R"(Skip to main content
Borough Council of Exampleton
Search this site
Menu
Report it
Pay for it
Home
News
New cycle lanes open on...
Council tax
Bins and recycling
Roads and parking
Housing

New cycle lanes open on the main roads into the town centre

12/04/2023

Three new protected cycle lanes opened today on the main roads into the town centre, after eight months of work.

The lanes link the railway station, the hospital and the college with the high street.
)";

TEST(TypedPages, APathEndingInTheHeadlineCutShortNamesTheSection) {
  const v1::Document document = ParseText(kNewsItemUnderAPathAndAMenu);
  EXPECT_EQ(document.title(), "New cycle lanes open on the main roads into the town centre");
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_UPDATE);
  // A menu without the headline's head names no section.
  std::string without_path = kNewsItemUnderAPathAndAMenu;
  without_path.erase(without_path.find("New cycle lanes open on..."),
                     std::string("New cycle lanes open on...\n").size());
  EXPECT_EQ(ParseText(without_path).doc_type(), v1::DOC_TYPE_UNSPECIFIED);
  // The last items of a menu over a featured headline are no path: more
  // than one line between "Home" and the headline's head.
  std::string menu_items = kNewsItemUnderAPathAndAMenu;
  menu_items.replace(menu_items.find("Home\nNews\n"), std::string("Home\nNews\n").size(),
                     "Home\nEvents\nSpeeches\n");
  EXPECT_EQ(ParseText(menu_items).doc_type(), v1::DOC_TYPE_UNSPECIFIED);
}

// A conference's outcome: the text's short name over its longer title
// names the kind.
constexpr char kDeclarationUnderItsShortName[] = R"(EXAMPLE.ORG
The Organization
Education
Culture
English | Français | Español
Search
Example > Culture > Heritage > Conference on Living Heritage > Outcome

Conference on Living Heritage
10 - 12 May 2016, Lisbon, Portugal

Lisbon Declaration

Conference on Living Heritage: Safeguarding Crafts and Oral Traditions in the Coming Decade

12-05-2016 (Lisbon)

We, the participants gathered at the Conference on Living Heritage in Lisbon, adopt the following declaration:

1. Crafts and oral traditions are threatened by the loss of the places where they were passed on from one generation to the next.

2. We call upon the Member States to list their crafts and oral traditions and to support the people who keep them alive.
)";

TEST(TypedPages, AShortNameOverALongerTitleNamesTheKind) {
  const v1::Document document = ParseText(kDeclarationUnderItsShortName);
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_DECLARATION);
  // A heading in lower case is a section's or a topic's, not a name.
  std::string heading = kDeclarationUnderItsShortName;
  heading.replace(heading.find("Lisbon Declaration"), std::string("Lisbon Declaration").size(),
                  "Tax declaration");
  EXPECT_NE(ParseText(heading).doc_type(), v1::DOC_TYPE_DECLARATION);
}

// A presidency's menu holds "Discours", which the model reads as the label;
// the title names the communiqué the council of ministers issued.
constexpr char kCommuniqueUnderAMenuOfKinds[] = R"(Aller au contenu principal
République du Mali
Présidence de la République
Accueil
Le Président
Actualités
Discours
Conseil des ministres
Médiathèque
Contact
Rechercher
English
Accueil > Actualités > Conseil des ministres

COMMUNIQUÉ DU CONSEIL DES MINISTRES DU MERCREDI 6 MARS 2024
Publié le 7 mars 2024

Le Conseil des ministres s'est réuni ce mercredi 6 mars 2024 au palais présidentiel, sous la présidence du Chef de l'État.

AU TITRE DES MESURES LÉGISLATIVES

Le Conseil a adopté un projet de loi relatif à la protection des données personnelles, présenté par le ministre de la Communication.

AU TITRE DES COMMUNICATIONS

Le ministre de l'Économie a informé le Conseil de l'évolution des prix des produits de première nécessité.
)";

TEST(TypedPages, ATitleNamingItsKindOutranksAMenuItemReadAsTheLabel) {
  const v1::Document document = ParseText(kCommuniqueUnderAMenuOfKinds);
  EXPECT_EQ(document.title(), "COMMUNIQUÉ DU CONSEIL DES MINISTRES DU MERCREDI 6 MARS 2024");
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_COMMUNIQUE);
}

}  // namespace
}  // namespace docsearch::ingest
