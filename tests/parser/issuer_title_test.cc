// A title that names who issued the text (issuer_title.h): the issuer line
// is recognised in several languages, and on a whole page the headline next
// to it becomes the title. The sites and texts are invented.
#include "ingest_service/parser/issuer_title.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest_service/parser/document_parser.h"
#include "tests/parser/parse_text.h"

namespace docsearch::ingest {
namespace {

TEST(NamesTheIssuer, BodiesOfficesPortfoliosAndLabelsNamingThem) {
  EXPECT_TRUE(NamesTheIssuer("Department of Conservation"));
  EXPECT_TRUE(NamesTheIssuer("Press Release: Department of Conservation"));
  EXPECT_TRUE(NamesTheIssuer("Pressmeddelande från Socialdepartementet"));
  EXPECT_TRUE(NamesTheIssuer("T.C. Dışişleri Bakanlığı"));
  EXPECT_TRUE(NamesTheIssuer("Ulkoministeriö"));
  EXPECT_TRUE(NamesTheIssuer("Ministerio de Relaciones Exteriores"));
  EXPECT_TRUE(NamesTheIssuer("UN News Centre"));
  // Names with words ending as verbs do, or a place ending in -s.
  EXPECT_TRUE(NamesTheIssuer("Embassy of France in Paris"));
  EXPECT_TRUE(NamesTheIssuer("United States Environmental Protection Agency"));
  EXPECT_TRUE(NamesTheIssuer("Department of Veterans Affairs"));
  EXPECT_TRUE(NamesTheIssuer("Washington State Department of Health"));
  EXPECT_TRUE(NamesTheIssuer(
      "Minister for Fire and Disaster Recovery and Minister for Corrective Services"));
}

TEST(NamesTheIssuer, NotAHeadlineAboutABodyOrAMinister) {
  EXPECT_FALSE(NamesTheIssuer("Transfer of Authority in Afghanistan"));
  EXPECT_FALSE(NamesTheIssuer("Minister for Education announces new summer programme"));
  EXPECT_FALSE(NamesTheIssuer("Secretary-General Saddened by Loss of Life in Vanuatu"));
  EXPECT_FALSE(NamesTheIssuer("Ministerial Meeting of the North Atlantic Council"));
  EXPECT_FALSE(NamesTheIssuer("Statement by the Ministry of Foreign Affairs"));
  EXPECT_FALSE(NamesTheIssuer("Government of Canada expands mental health support for Veterans"));
  // A name in sentence case reads like a headline in sentence case: neither
  // is taken for an issuer.
  EXPECT_FALSE(NamesTheIssuer("Regeringen föreslår tillfälligt slopat karensavdrag"));
  EXPECT_FALSE(NamesTheIssuer("Ufficio comunicazione e stampa della Corte costituzionale"));
  EXPECT_FALSE(NamesTheIssuer("Parliament wants a coordinated response to disinformation"));
  EXPECT_FALSE(NamesTheIssuer("Government"));
  // A headline in Title Case about a body: a verb after its name, or the
  // body's word as the headline's object.
  EXPECT_FALSE(NamesTheIssuer("Department of Health Launches Statewide Flu Campaign"));
  EXPECT_FALSE(NamesTheIssuer("Embassy of Japan Hosts Cherry Blossom Reception"));
  EXPECT_FALSE(NamesTheIssuer("Parliament Approves New Cybercrime Law"));
  EXPECT_FALSE(NamesTheIssuer("Government Moving to Boost Onion Production"));
  EXPECT_FALSE(NamesTheIssuer("Presiding Officer Unveils New Parliament Visitor Centre"));
  EXPECT_FALSE(NamesTheIssuer("Embassy reopens in Kyiv."));
  EXPECT_FALSE(NamesTheIssuer("Department of Conservation 2024"));
  EXPECT_FALSE(NamesTheIssuer(""));
}

// A state government prints the minister's portfolios and name under the
// headline.
constexpr char kPortfoliosUnderTheHeadline[] = R"(Skip to content
State Government
Ministerial Media Statements
Search
Search media statements
Home
Ministers
Portfolios
Archive
Subscribe
Contact
Home
Media Statements

New ferry terminal to open for island commuters next spring
Minister for Transport and Main Roads and Minister for Digital Services
The Honourable Anne Lindqvist
Tuesday, 12 March, 2024

Commuters from the southern islands will board at a new ferry terminal from next spring, after the contract for its construction was awarded this week.

The terminal will have covered waiting areas, bicycle parking and a direct bus connection to the city centre.

Minister Lindqvist said the project would cut the daily journey for more than four thousand commuters.
)";

TEST(IssuerTitle, TheHeadlineAboveAMinistersPortfoliosIsTheTitle) {
  const v1::Document document = ParseText(kPortfoliosUnderTheHeadline);
  EXPECT_EQ(document.title(), "New ferry terminal to open for island commuters next spring");
  EXPECT_THAT(document.published(), IsDate(2024, 3, 12));
}

// A court's press office prints its name as a kicker, then the release's
// label and date, then the headline in capitals.
constexpr char kPressOfficeKicker[] = R"(Vai al contenuto principale
Corte suprema
IT | EN
Cerca nel sito
Home
La Corte
Attività
Giurisprudenza
Documentazione
Stampa

Home > Stampa > Comunicati stampa

Ufficio stampa della Corte suprema

Comunicato del 4 aprile 2024

PENSIONI: LEGITTIMA LA RIVALUTAZIONE PARZIALE PER GLI ASSEGNI PIÙ ALTI

È legittima la rivalutazione parziale delle pensioni più elevate decisa per il biennio, ha stabilito oggi la Corte con una sentenza depositata in cancelleria.

Secondo la Corte, il legislatore può graduare la rivalutazione in base all'importo dell'assegno, purché la misura resti temporanea e proporzionata.
)";

TEST(IssuerTitle, TheHeadlineUnderAPressOfficesKickerIsTheTitle) {
  const v1::Document document = ParseText(kPressOfficeKicker);
  EXPECT_EQ(document.title(),
            "PENSIONI: LEGITTIMA LA RIVALUTAZIONE PARZIALE PER GLI ASSEGNI PIÙ ALTI");
  EXPECT_FALSE(BodyHolds(document, "PENSIONI"));
}

// A news wire prints the headline, its date, then the label naming the
// department that issued the release.
constexpr char kLabelNamingTheDepartment[] = R"(Wire
Independent News
Top Stories
Parliament
Politics
Regional
Business
Health
Education
Culture
Sport
World
Search Wire
Politics | Video | Search
Politics >>

Ranger Numbers Rise As Island Sanctuary Reopens To Visitors

Tuesday, 4 March 2025, 10:02 am
Press Release: Department of Island Parks

The island sanctuary reopens to visitors this weekend after a season in which ranger numbers rose by a third, the department said today.

"The extra rangers have made it possible to keep the tracks open while the nesting birds are protected," the department's operations manager said.

Visitor numbers will be capped at two hundred a day until the end of the nesting season.
)";

TEST(IssuerTitle, TheHeadlineAboveALabelNamingTheDepartmentIsTheTitle) {
  const v1::Document document = ParseText(kLabelNamingTheDepartment);
  EXPECT_EQ(document.title(), "Ranger Numbers Rise As Island Sanctuary Reopens To Visitors");
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_THAT(document.published(), IsDate(2025, 3, 4));
}

// A headline wrapped before the name it goes on with stays whole.
constexpr char kTitleWrappedBeforeAName[] = R"(Global Affairs Canada
Home | News | Contact

Statement by Minister Joly on the Reopening of the
Embassy of Canada to Ukraine in Kyiv

May 8, 2022 - Ottawa, Ontario - Global Affairs Canada

The Honourable Mélanie Joly, Minister of Foreign Affairs, today issued the following statement on the reopening of the Embassy of Canada to Ukraine in Kyiv.

"Canada's diplomats are returning to Kyiv to continue their work with our Ukrainian partners."
)";

TEST(IssuerTitle, AHeadlineWrappedBeforeANameStaysWhole) {
  EXPECT_EQ(ParseText(kTitleWrappedBeforeAName).title(),
            "Statement by Minister Joly on the Reopening of the Embassy of Canada to Ukraine in "
            "Kyiv");
}

}  // namespace
}  // namespace docsearch::ingest
