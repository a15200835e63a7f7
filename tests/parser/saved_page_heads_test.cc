// Heads of pages as a browser saves them today, written for the test after
// the kinds of failure the sixth round's sets showed (docs/INGEST.md,
// "Cookie notices, labels and date rows from two more sets"): a cookie
// banner above the page, the issuing office printed as a field under the
// headline, the date in a row after the issuer's name, labels of other
// wordings. The sites and texts are invented.
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest_service/parser/document_parser.h"
#include "tests/parser/parse_text.h"

namespace docsearch::ingest {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

// A portal's cookie banner first, then its menu, a label, the headline, a
// summary, the issuing departments as a "From:" field, the date as a
// "Published" field, the text.
constexpr char kPortalNewsStory[] = R"(Cookies on the Example Portal
We use some essential cookies to make this website work.
We'd like to set additional cookies to understand how you use the portal, remember your settings and improve government services.
Accept additional cookies
Reject additional cookies
View cookies
Skip to main content
Example Portal
Menu
Home
World
News story
Ruritania and Borduria agree a partnership on clean energy
Up to 50 million of new investment will support renewable energy and resilient networks across Borduria.
From:
Ministry of External Affairs and Department for Trade
Published
14 March 2023
Ruritania and Borduria have agreed a new partnership to mobilise private investment into renewable energy, clean transport and resilient infrastructure.
The partnership brings together support from the national development bank, export finance and technical experts from both countries.
Further details of individual projects will be announced at the investment conference later this year.
)";

// The banner is furniture, the headline (not the departments named under
// "From:") is the title, and the summary under the headline stays text.
TEST(SavedPageHeads, ACookieBannerAndAFromFieldAroundTheHeadline) {
  const v1::Document document = ParseText(kPortalNewsStory);
  EXPECT_EQ(document.title(), "Ruritania and Borduria agree a partnership on clean energy");
  EXPECT_THAT(document.published(), IsDate(2023, 3, 14));
  // The label above the headline is read through the notice's sentences.
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_PRESS_RELEASE);
  std::vector<std::string> text = ParagraphTexts(document);
  text.push_back(document.subtitle());
  for (const std::string& line : text) EXPECT_THAT(line, Not(HasSubstr("cookies"))) << line;
  EXPECT_THAT(text, Contains(HasSubstr("Up to 50 million of new investment")));
  // The "Published" field's date is the date, not a line of the text.
  EXPECT_THAT(text, Not(Contains("14 March 2023")));
}

// A date printed in a row after the issuer's name is the date line, and
// the headline above it stays the title; a label numbered in its series is
// the type, not the title.
TEST(SavedPageHeads, ADateInARowAfterTheIssuer) {
  const v1::Document document = ParseText(R"(Skip to main content
Government portal
Ministry of Foreign Affairs
Home
Press
Ministers agree to strengthen cooperation on the southern border
Comunicado No. 098
Ministry of Foreign Affairs | 12 de marzo de 2019
The minister received his counterpart at the ministry today to review the cooperation programmes on the southern border.
Both delegations agreed to set up a working group within sixty days.
)");
  EXPECT_EQ(document.title(), "Ministers agree to strengthen cooperation on the southern border");
  EXPECT_THAT(document.published(), IsDate(2019, 3, 12));
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_PRESS_RELEASE);
}

// "Press Release No: 2012/456/SAR" under the headline is the label and its
// reference, never the title.
TEST(SavedPageHeads, ALabelNumberedWithAReferenceUnderTheHeadline) {
  const v1::Document document = ParseText(R"(The Example Bank
Home
News
Press Release
Example Bank approves a loan to improve rural roads in Borduria
May 22, 2012
Press Release No: 2012/456/SAR
WASHINGTON, May 22, 2012 - The Board of Executive Directors today approved a loan to improve rural roads and market access in Borduria.
The project will upgrade about 500 kilometres of rural roads and build new market centres.
)");
  EXPECT_EQ(document.title(), "Example Bank approves a loan to improve rural roads in Borduria");
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_PRESS_RELEASE);
  // The numbered label is no line of the text either.
  for (const std::string& paragraph : ParagraphTexts(document)) {
    EXPECT_THAT(paragraph, Not(HasSubstr("2012/456/SAR"))) << paragraph;
  }
}

// A joint declaration keeps its whole name as its title and is a
// declaration.
TEST(SavedPageHeads, AJointDeclarationUnderItsLabel) {
  const v1::Document document = ParseText(R"(Ministerio de Relaciones Exteriores
Inicio > Sala de Prensa > Noticias
Declaración Conjunta
Declaración Conjunta de los Ministros de Relaciones Exteriores de Ruritania y Borduria
18 de mayo de 2016
Los Ministros de Relaciones Exteriores de ambos países se reunieron hoy en la capital para examinar la agenda bilateral.
Acordaron fortalecer la cooperación en materia de comercio, ciencia y cultura.
)");
  EXPECT_EQ(
      document.title(),
      "Declaración Conjunta de los Ministros de Relaciones Exteriores de Ruritania y Borduria");
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_DECLARATION);
}

// A page filed by its date row's first cell ("Nieuwsbericht | date |
// hour") takes that cell's type; a page whose only date is the line
// signing the text off ("Riga, 3 March 2011") takes that date.
TEST(SavedPageHeads, TheDateRowsCellNamesTheKindAndAClosingLineTheDate) {
  const v1::Document news = ParseText(R"(Ga direct naar inhoud
Ministerie van Voorbeeld
Rijksoverheid
Zoeken binnen Voorbeeld.nl
Zoek
Home
Onderwerpen
Actueel
Organisatie
English
U bevindt zich hier: Home / Actueel / Nieuws
Nieuwsbericht | 02-10-2018 | 09:45
Staatssecretaris opent nieuw opleidingscentrum in Den Helder

De staatssecretaris heeft vandaag in Den Helder een nieuw opleidingscentrum geopend voor technisch personeel van de marine.

Het centrum biedt plaats aan tweehonderd leerlingen en vervangt drie oudere locaties in het noorden van het land.

Delen
Printen
)");
  EXPECT_EQ(news.title(), "Staatssecretaris opent nieuw opleidingscentrum in Den Helder");
  EXPECT_EQ(news.doc_type(), v1::DOC_TYPE_UPDATE);

  const v1::Document signed_off = ParseText(R"(EMBASSY OF RURITANIA IN THE KINGDOM OF BORDURIA
Home
News
Consular Information
Contacts
Home > News
Ambassador meets the Minister of Trade on the new customs agreement

The Ambassador of Ruritania met the Minister of Trade of Borduria to discuss the entry into force of the new customs agreement between the two countries.

Both sides welcomed the growth of trade in the last year and agreed to hold the next meeting of the joint commission in the autumn.

The Ambassador also invited the Minister to visit the Ruritanian pavilion at the spring fair.

Riga, 3 March 2011

Print version
Back
)");
  EXPECT_EQ(signed_off.title(),
            "Ambassador meets the Minister of Trade on the new customs agreement");
  EXPECT_THAT(signed_off.published(), IsDate(2011, 3, 3));
}

// Under its label, a headline over its one-sentence summary with no blank
// line between, then the issuers, the "Published" stamp and the "Last
// updated" stamp with its link: the headline is the title, the summary
// stays text, the stamp dates the page.
TEST(SavedPageHeads, AHeadlineOverItsSummaryAndTheStampsBelowThem) {
  const v1::Document document = ParseText(R"(Skip to main content
Portal.example
Menu
Search Portal.example
Home
International
Trade
Press release
Ruritania opens a trade office in the northern provinces
A new office in Strelsau will help small exporters reach markets in the north, the Trade Minister announced at the spring fair.
From:
Department for Trade and Anna Example MP
Published 12 March 2019
Last updated 14 March 2019 — See all updates
Get emails about this page
Print this page

The Department for Trade will open an office in Strelsau next month to help small and medium-sized exporters sell their goods in the northern provinces, the Trade Minister announced today.

The office will give exporters advice on customs, transport and local partners, and will organise three trade missions in its first year.

Trade Minister Anna Example said:

"Small firms are the backbone of our exports, and this office will help them find new customers in markets they could not reach before."

Updates to this page
14 March 2019 — Corrected the number of trade missions.
12 March 2019 — First published.
)");
  EXPECT_EQ(document.title(), "Ruritania opens a trade office in the northern provinces");
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_THAT(document.published(), IsDate(2019, 3, 12));
  EXPECT_THAT(ParagraphTexts(document),
              Contains(HasSubstr("A new office in Strelsau will help small exporters")));
}

// Menus, then the path to the page, then the headline: an item of the menu
// ("Travel advice") or the site's name printed twice ("The Federal
// Council") above the path is not the title.
TEST(SavedPageHeads, TheHeadlineUnderThePathToThePage) {
  const v1::Document menu = ParseText(R"(Aller au contenu principal
Ruritanie Diplomatie - Ministère des Affaires étrangères
English | Español | Deutsch
Rechercher
Accueil
Politique étrangère
Le ministère et son réseau
Services aux citoyens
Conseils aux voyageurs
Salle de presse
Accueil > Salle de presse > Déclarations officielles
Borduria – Inondations – Déclaration du ministre (12 mai 2016)

J’ai appris avec une grande tristesse les inondations qui ont frappé aujourd’hui plusieurs régions de la Bordurie et fait de nombreuses victimes.

Au nom de la Ruritanie, je présente mes condoléances aux familles des victimes et j’exprime notre solidarité au peuple bordure.

Le centre de crise du ministère est mobilisé pour venir en aide à nos ressortissants présents dans les régions touchées.

Lire aussi
Borduria – Conseils aux voyageurs
Partager
Imprimer
)");
  EXPECT_EQ(menu.title(), "Borduria – Inondations – Déclaration du ministre (12 mai 2016)");

  const v1::Document site_name = ParseText(R"(Aller au contenu principal
Aller à la recherche
DE
FR
EN
Le Conseil fédéral
ruritania.example
Le portail du gouvernement ruritanien
Rechercher
Le Conseil fédéral
Départements
Documentation
Communiqués
Page d'accueil > Documentation > Communiqués
La conseillère fédérale reçoit le ministre des Affaires étrangères de Bordurie à Strelsau
Strelsau, 04.09.2021 - La cheffe du Département des affaires étrangères a reçu ce vendredi son homologue de Bordurie pour une visite de travail consacrée aux relations bilatérales et à la sécurité régionale.

Les deux ministres ont fait le point sur les échanges commerciaux, qui ont progressé ces dernières années, et sur la coopération dans le domaine de la formation professionnelle.

La sécurité régionale a également figuré au centre des discussions, en particulier la situation aux frontières orientales des deux pays.

Adresse pour l'envoi de questions
Communication
)");
  EXPECT_EQ(site_name.title(),
            "La conseillère fédérale reçoit le ministre des Affaires étrangères de Bordurie à "
            "Strelsau");
  EXPECT_EQ(site_name.doc_type(), v1::DOC_TYPE_PRESS_RELEASE);
}

// An organisation's pages: the section's name printed again over its own
// menu is no headline printed twice; a type's name among the menu's items
// gives way to the label over the headline, or to the breadcrumb's
// section; the series name every text carries gives way to the kind the
// title names.
TEST(SavedPageHeads, MenusOfAnOrganisationsPressPages) {
  const v1::Document section = ParseText(R"(Organización de los Estados Ejemplares
English | Español | Français
Buscar
Inicio
Acerca de la OEE
Temas
Países Miembros
Centro de Noticias
Documentos
Centro de Noticias
Comunicados de Prensa
Discursos
Fotografías
Videos

Comunicado de Prensa

Misión de Observación Electoral de la OEE llega a Ruritania

12 de mayo de 2021

La Misión de Observación Electoral de la Organización llegó hoy a Strelsau para observar las elecciones generales del próximo domingo.

La Misión está integrada por veinte observadores de doce países y se desplegará en todas las provincias del país.

Durante los próximos días, el Jefe de Misión se reunirá con las autoridades electorales y los candidatos.
)");
  EXPECT_EQ(section.title(), "Misión de Observación Electoral de la OEE llega a Ruritania");
  EXPECT_EQ(section.doc_type(), v1::DOC_TYPE_PRESS_RELEASE);

  const v1::Document menu_label = ParseText(R"(Passer au contenu principal
Commission exemplaire
Logo de la Commission exemplaire
français (fr)
Coin presse
Recherche
Accueil
Communiqués de presse
Déclarations
Discours
Questions et réponses
Actualités quotidiennes
Agenda
Contacts presse

Communiqué de presse
18 novembre 1998
Bruxelles

La Commission propose un cadre juridique pour les signatures électroniques

La Commission a adopté aujourd'hui une proposition de directive qui établit un cadre juridique commun pour les signatures électroniques dans le marché intérieur.

La proposition repose sur le principe de la reconnaissance mutuelle des certificats délivrés dans les États membres.

Le texte sera maintenant transmis au Parlement et au Conseil.
)");
  EXPECT_EQ(menu_label.title(),
            "La Commission propose un cadre juridique pour les signatures électroniques");
  EXPECT_EQ(menu_label.doc_type(), v1::DOC_TYPE_PRESS_RELEASE);

  const v1::Document series = ParseText(R"(Skip to main content
Welcome to the Example Nations
Meetings Coverage and Press Releases
Search
Home
Security Council
Press Briefings
Home / Security Council / Press Releases
For information media. Not an official record.

Press Release
SC/99999
14 June 2021

Security Council Press Statement on Attack against Peacekeepers in Ruritania

The following Security Council press statement was issued today by the Council President:

The members of the Security Council condemned in the strongest terms the attack against peacekeepers in Ruritania, which killed two peacekeepers and injured four.

The members of the Security Council expressed their deepest condolences to the families of the victims.
)");
  EXPECT_EQ(series.title(),
            "Security Council Press Statement on Attack against Peacekeepers in Ruritania");
  EXPECT_EQ(series.doc_type(), v1::DOC_TYPE_PRESS_STATEMENT);
}

// A page kept by a web archive: the archive's toolbar, its addresses and
// its notice are no headline and no text.
TEST(SavedPageHeads, APageUnderAWebArchivesToolbar) {
  const v1::Document document = ParseText(
      R"(The Wayback Machine - https://web.archive.org/web/19990203154512/http://www.example.gov:80/news/text.asp?1206
INTERNET ARCHIVE
Wayback Machine
http://www.example.gov/news/text.asp?1206
Go
4 captures
JAN FEB MAR
About this capture
COLLECTED BY
Organization: Alexa Crawls
Starting in 1996, Alexa Internet has been donating their crawl data to the Internet Archive. Flowing in every day, these data are added to the Wayback Machine after an embargo period.
TIMESTAMPS

Ministry of Foreign Affairs of Ruritania
Home | About the Ministry | News | Travel Advice | Services

News index > Statements > 1998

STATEMENT

12 May 1998

FOREIGN MINISTER CONDEMNS THE NUCLEAR TESTS

The Foreign Minister issued the following statement today on the nuclear tests carried out yesterday:

"The Government of Ruritania is dismayed by the news of the tests. They will damage the region's security and its relations with its neighbours."

"I have asked the ambassador to call on the Foreign Ministry tomorrow to hear our concern."
)");
  EXPECT_EQ(document.title(), "FOREIGN MINISTER CONDEMNS THE NUCLEAR TESTS");
  for (const std::string& paragraph : ParagraphTexts(document)) {
    EXPECT_THAT(paragraph, Not(HasSubstr("Alexa Internet"))) << paragraph;
    EXPECT_THAT(paragraph, Not(HasSubstr("web.archive.org"))) << paragraph;
  }
}

}  // namespace
}  // namespace docsearch::ingest
