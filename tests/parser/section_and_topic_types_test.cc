// Pages written for the test after the kinds of failure the tenth round's
// sets showed (docs/INGEST.md, "Types from where a site files a page"):
// a breadcrumb printed one step per line, a topics line by the headline, a
// label over the date line of a message quoted on a forum, a press
// conference and a United Nations transcript named in their titles. The
// sites and texts are invented.
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest_service/parser/document_parser.h"
#include "tests/parser/parse_text.h"

namespace docsearch::ingest {
namespace {

// A customs service's news item; its path printed one step per line under
// the menu, its first step an item of the menu.
constexpr char kPathOneStepPerLine[] = R"(Skip to main content
Ruritanian Customs Service
Who we are
Our work
News and Events
Contact
Home
News and Events
News
2024

Customs officers seize counterfeit medicines at the northern border

14 March 2024

Customs officers at the northern border crossing of Zenda seized more than 40,000 counterfeit tablets on Tuesday, the Ruritanian Customs Service said.

The tablets, hidden in a shipment of garden furniture, carried the packaging of well-known painkillers and antibiotics sold in the country's pharmacies.

The service has opened an investigation together with the police and the national medicines agency, and has warned pharmacies to buy only from licensed wholesalers.
)";

TEST(SectionAndTopicTypes, APathPrintedOneStepPerLineNamesTheSection) {
  const v1::Document document = ParseText(kPathOneStepPerLine);
  EXPECT_EQ(document.title(),
            "Customs officers seize counterfeit medicines at the northern border");
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_UPDATE);
}

// An embassy's page filed under two topics on its byline: the printed kind
// names it over "News".
constexpr char kTopicsLine[] = R"(Skip to content
An official website of the United States government
U.S. Embassy in Ruritania
Menu
Home | News & Events

Ambassador opens new American Corner in Strelsau

By U.S. Embassy Strelsau | 3 May, 2024 | Topics: News, Press Releases

STRELSAU – The U.S. Ambassador on Thursday opened a new American Corner at the National Library in Strelsau, a space where students can learn English, use computers and find out about studying in the United States.

The corner, the third in Ruritania, was equipped with support from the U.S. Department of State and will host weekly conversation clubs and workshops on entrepreneurship.

"Young Ruritanians are eager to connect with the world, and this corner opens a door for them," the Ambassador said at the opening ceremony.
)";

TEST(SectionAndTopicTypes, ATopicsLineNamesThePrintedKind) {
  const v1::Document document = ParseText(kTopicsLine);
  EXPECT_EQ(document.title(), "Ambassador opens new American Corner in Strelsau");
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_PRESS_RELEASE);
}

// A ministry's release quoted in a forum's message: its label stands over
// its date line and headline, amid the forum's furniture.
constexpr char kQuotedRelease[] = R"(Forum Défense
Le forum des passionnés de défense
FAQ  Rechercher  Membres  S'enregistrer  Connexion
Communiqué officiel : nouvelle base navale
Index du Forum -> Actualités -> Communiqués officiels
Auteur  Message
Marin_56
Inscrit le: 3 Fév 2009
Posté le: Mar 12 Mai 2009 10:12    Sujet du message: Communiqué officiel : nouvelle base navale
Reçu ce matin par la liste de diffusion du ministère, je le partage ici :
-------- Message original --------
De : Service de presse
Objet : Communiqué de presse - base navale

MINISTÈRE DE LA DÉFENSE DE RURITANIE

COMMUNIQUÉ DE PRESSE

Strelsau, le 12 mai 2009

Le ministre inaugure la nouvelle base navale de Zenda

Le ministre de la Défense a inauguré ce mardi la nouvelle base navale de Zenda, qui accueillera à terme deux frégates et quatre patrouilleurs.

La base, construite en trois ans, permettra de surveiller les approches maritimes du nord du pays et de soutenir les missions de sauvetage en mer.

Le ministre a remercié les entreprises et les ouvriers qui ont mené le chantier dans les délais prévus.
)";

TEST(SectionAndTopicTypes, ALabelOverTheDateLineOfAQuotedRelease) {
  const v1::Document document = ParseText(kQuotedRelease);
  EXPECT_EQ(document.title(), "Le ministre inaugure la nouvelle base navale de Zenda");
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_PRESS_RELEASE);
}

// A foreign ministry's press conference, named so in its title.
constexpr char kPressConference[] = R"(Ministry of Foreign Affairs of Ruritania
Home > Press > Press Conferences by the Spokesperson
Press Conference by Press Secretary KATO Ren
Wednesday, May 15, 2024, 4:00 p.m. Ministry of Foreign Affairs

Press Secretary Kato: Good afternoon. I would like to begin with the Foreign Minister's visit to Strelsau next week, where she will meet her counterpart and sign an agreement on scientific cooperation.

Question: Will the Minister also discuss the fishing dispute during the visit?

Press Secretary Kato: The two ministers will discuss a wide range of issues, including fisheries, and we hope to make progress on all of them.
)";

TEST(SectionAndTopicTypes, APressConferenceIsAKindOfItsOwn) {
  const v1::Document document = ParseText(kPressConference);
  EXPECT_EQ(document.title(), "Press Conference by Press Secretary KATO Ren");
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_OTHER);
}

// A navy's release: its label and number under the standfirst and the
// date line, past where the head's readers stop.
constexpr char kLabelUnderStandfirst[] = R"(gob.rt
Trámites
Gobierno
Búsqueda
Secretaría de Marina
Prensa
Secretaría de Marina rescata a cinco tripulantes de una embarcación menor en costas del sur
Con estas acciones, la Secretaría de Marina refrenda su compromiso de salvaguardar la vida humana en la mar.
Secretaría de Marina | 14 de julio de 2019
Comunicado de Prensa 182/2019
Puerto Zenda.- La Secretaría de Marina, a través de la Sexta Región Naval, informa que rescató a cinco tripulantes de una embarcación menor que se encontraba a la deriva.
Estas acciones se llevaron a cabo luego de que el Centro de Mando recibiera una llamada de auxilio.
Las personas rescatadas fueron trasladadas a la Estación Naval, donde fueron valoradas por personal médico.
)";

TEST(SectionAndTopicTypes, ALabelUnderTheStandfirstAndDateLine) {
  const v1::Document document = ParseText(kLabelUnderStandfirst);
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_PRESS_RELEASE);
}

// A coast guard's plain-text release: no label, but a press office's
// marks; a statement carrying the same marks keeps its label.
constexpr char kReleaseMarks[] = R"(COAST GUARD DISTRICT SEVEN
Public Affairs
FOR IMMEDIATE RELEASE
Date: March 14, 2001
Contact: Public Affairs Office
Release #: 051-01

COAST GUARD RESCUES FOUR FISHERMEN FROM SINKING VESSEL OFF THE NORTH INLET

ZENDA -- A Coast Guard helicopter crew rescued four fishermen this morning after their boat began taking on water.

The fishermen were flown to the airport, where they were met by emergency medical personnel.

###
)";

TEST(SectionAndTopicTypes, APressOfficesReleaseMarksAreTheLastSign) {
  EXPECT_EQ(ParseText(kReleaseMarks).doc_type(), v1::DOC_TYPE_PRESS_RELEASE);
  std::string statement = kReleaseMarks;
  statement.replace(statement.find("COAST GUARD RESCUES"), 0, "Statement\n\n");
  EXPECT_EQ(ParseText(statement).doc_type(), v1::DOC_TYPE_PRESS_STATEMENT);
}

// The page's title bar copied as its first line names the kind before a
// colon; the text's label with its date over the headline (the layout of
// a page of held_out_30, names changed).
constexpr char kTitleBarLine[] =
    R"(Tisková zpráva: Obce mohou od června žádat o dotace na zadržování vody | Ministerstvo Ruritánie
Přeskočit na obsah
Ministerstvo životního prostředí Ruritánie
EN
Hledat

Obce mohou od června žádat o dotace na zadržování vody v krajině

14. 5. 2024

Obce mohou od června žádat o dotace na projekty, které pomohou zadržet vodu v krajině, oznámilo dnes ministerstvo.

Na program je vyčleněno 500 milionů korun a žádosti bude možné podávat do konce roku.

Podpořeny budou tůně, mokřady a obnova vodních toků.
)";

constexpr char kLabelWithItsDate[] = R"(Zum Inhalt springen
zenda.gv.rt
Stadt Zenda
Leichter Lesen
Gebärdensprache
English
Suche
Menü
Presse-Service
Rathauskorrespondenz
Mediengalerie
Pressekontakte
Stadt Zenda > Presse-Service > Rathauskorrespondenz > 2024 > März

Rathauskorrespondenz vom 14.03.2024:
Klimafitte Grätzl: Stadt Zenda pflanzt bis Herbst 2.000 neue Bäume in Nordstadt und Südstadt

Schwerpunkt auf Straßenzügen mit wenig Grün – Anrainer*innen können mitbestimmen

Zenda (RK) - Die Stadt Zenda setzt ihre Baumpflanzoffensive fort: Bis zum Herbst werden in Nordstadt und Südstadt rund 2.000 neue Bäume gepflanzt. Im Mittelpunkt stehen dicht bebaute Straßenzüge, in denen es bisher kaum Grün gibt und die sich im Sommer besonders stark aufheizen. Das gab die zuständige Stadträtin für Klima, Umwelt, Demokratie und Personal am Donnerstag bei einem Pressetermin in der Quellenstraße bekannt.

Die Standorte wurden auf Basis des städtischen Hitzeaktionsplans und der Stadtklimaanalyse ausgewählt. Wo es die Einbauten im Untergrund zulassen, werden die Bäume in großzügigen Baumscheiben gepflanzt, die nach dem Schwammstadt-Prinzip Regenwasser speichern und an die Wurzeln abgeben. Das sorgt für gesündere Bäume und entlastet zugleich das Kanalnetz bei Starkregen.

„Jeder Baum ist eine kleine Klimaanlage für die Nachbarschaft. Gerade in den Bezirken mit hoher Bebauungsdichte wollen wir die Hitzebelastung spürbar senken und die Aufenthaltsqualität im öffentlichen Raum verbessern“, betonte die Stadträtin.

Bei der Auswahl der Baumarten setzen die Zendaer Stadtgärten auf hitze- und trockenheitsresistente Sorten wie Zürgelbaum, Hopfenbuche oder Silberlinde. Eine möglichst große Artenvielfalt soll die Bäume zudem widerstandsfähiger gegenüber Schädlingen und Krankheiten machen.

Die Anrainer*innen werden in die Planung eingebunden: Bis Ende April können sie auf der Beteiligungsplattform der Stadt Vorschläge für zusätzliche Standorte einbringen und sich für Baumpatenschaften melden. Begleitend finden in beiden Bezirken Informationsabende statt, die Termine werden in den Bezirkszeitungen veröffentlicht.

Seit 2021 wurden im Rahmen der Initiative „Raus aus dem Asphalt“ in ganz Zenda mehr als 25.000 Bäume im Straßenraum neu gepflanzt. Die Kosten für das aktuelle Pflanzprogramm in Nordstadt und Südstadt belaufen sich auf rund 9,5 Millionen Euro und werden zu zwei Dritteln aus dem Zentralbudget der Stadt getragen. (Schluss) mak

Rückfragehinweis für Medien
Markus Keller
Mediensprecher der Stadträtin für Klima, Umwelt, Demokratie und Personal
Telefon: +43 1 4000 81427
E-Mail: markus.keller@zenda.gv.rt

Teilen
Facebook
X
LinkedIn
E-Mail
Drucken

Weitere Meldungen vom 14.03.2024)";

TEST(SectionAndTopicTypes, ATitleBarLineAndALabelWithItsDate) {
  EXPECT_EQ(ParseText(kTitleBarLine).doc_type(), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(ParseText(kLabelWithItsDate).doc_type(), v1::DOC_TYPE_PRESS_RELEASE);
}

}  // namespace
}  // namespace docsearch::ingest
