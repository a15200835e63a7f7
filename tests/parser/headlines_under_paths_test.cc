// Pages written for the test after the kinds of failure the tenth round's
// sets showed (docs/INGEST.md, "Types from where a site files a page;
// headlines under the path"): the headline right under the breadcrumb over
// its standfirst or occasion, a path printed one step per line, a typed
// byline under a finished headline, a note in brackets and a topics field
// near the headline, a label printed alone again under its headline. The sites and texts are
// invented.
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest_service/parser/document_parser.h"
#include "tests/parser/parse_text.h"

namespace docsearch::ingest {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// A development bank's release: path, label, headline, standfirst, date.
constexpr char kHeadlineOverStandfirst[] = R"(Saltar al contenido principal
Banco Regional de Desarrollo
Mejorando vidas
English | Español
Buscar
Quiénes somos
Noticias
Inicio / Noticias / Comunicados de prensa
Comunicado de prensa
El Banco aprueba US$200 millones para ampliar el riego en zonas rurales de Ruritania
El programa beneficiará a cerca de 90.000 familias de agricultores en municipios con baja cobertura de riego y alta vulnerabilidad climática
12 de marzo de 2024
El Banco Regional de Desarrollo aprobó un préstamo de US$200 millones para apoyar a Ruritania en la ampliación de los sistemas de riego en zonas rurales.
El programa financiará la construcción de canales, reservorios y sistemas de riego por goteo en tres regiones del norte del país.
La operación también apoyará a las asociaciones de usuarios de agua en la gestión de los nuevos sistemas.
)";

TEST(HeadlinesUnderPaths, TheHeadlineRightUnderThePathOverItsStandfirst) {
  const v1::Document document = ParseText(kHeadlineOverStandfirst);
  EXPECT_EQ(document.title(),
            "El Banco aprueba US$200 millones para ampliar el riego en zonas rurales de Ruritania");
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_PRESS_RELEASE);
}

// A central bank's speech: the occasion under the headline names the kind;
// a translation note in brackets stands among the speaker's lines.
constexpr char kSpeechUnderPath[] = R"(Skip to main content
Bank of Ruritania
Menu
About the Bank
Monetary Policy
Statistics
Home > Announcements > Speeches and Statements > Speeches 2025
Economic Activity, Prices, and Monetary Policy in Ruritania
Speech at a Meeting with Business Leaders in Zenda
KATO Ren
Member of the Policy Board
(English translation based on the Ruritanian original)
February 6, 2025
Thank you for the kind introduction. It is a great pleasure to have this opportunity to exchange views with business leaders in Zenda.
Today, I would like to explain the Bank's view on developments in economic activity and prices, and then talk about the conduct of monetary policy.
The economy has recovered moderately, although some weakness has been seen in part.
)";

TEST(HeadlinesUnderPaths, TheHeadlineOverTheOccasionAndNoBracketedNote) {
  const v1::Document document = ParseText(kSpeechUnderPath);
  EXPECT_EQ(document.title(), "Economic Activity, Prices, and Monetary Policy in Ruritania");
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_SPEECH);
  EXPECT_THAT(document.published(), IsDate(2025, 2, 6));
}

// A children's fund's release: its label, headline and standfirst in
// blocks of their own over the date.
constexpr char kHeadlineUnderLabel[] = R"(Skip to main content
Children's Fund
For every child
Select language
English
Français
Search
Menu
What we do
Research and reports
Stories and features
Where we work
Press releases

Press release

On International Day of Education, the Fund warns that more than 8,000 schools remain closed across the north

Insecurity in the northern provinces is keeping well over a million children out of the classroom

24 January 2024

Available in:
English
Français

ZENDA/NEW YORK, 24 January 2024 – More than 8,000 schools are closed or not operational across the northern provinces because of insecurity, the Fund said today.

Attacks on schools, threats against teachers and the displacement of families have disrupted the education of an entire generation of children.

"Every day that a child spends out of school is a day of lost learning and lost protection," said the Fund's Regional Director.
)";

TEST(HeadlinesUnderPaths, TheHeadlineRightUnderTheLabelOverItsStandfirst) {
  EXPECT_EQ(ParseText(kHeadlineUnderLabel).title(),
            "On International Day of Education, the Fund warns that more than 8,000 schools "
            "remain closed across the north");
}

// An electoral court's news: a kicker of two words between the path and
// the headline, the standfirst under it.
constexpr char kKickerUnderPath[] = R"(Ir para o conteúdo
Ir para o menu
Ir para a busca
Acessibilidade
Alto contraste
Mapa do site
Tribunal Superior Eleitoral da Ruritânia
Buscar no portal
Institucional
Eleitor e eleições
Partidos
Jurisprudência
Legislação
Comunicação
Transparência e prestação de contas

Você está aqui: Início > Comunicação > Notícias > 2024 > Setembro

Eleições 2024

Tribunal conclui cerimônia de assinatura digital e lacração dos sistemas das eleições municipais

Evento contou com a presença de representantes de partidos políticos, do Ministério Público e da Polícia Federal

Publicado em 06/09/2024 19:40 - Atualizado em 09/09/2024 11:02

O Tribunal Superior Eleitoral concluiu nesta sexta-feira a cerimônia de assinatura digital e lacração dos sistemas que serão usados nas eleições municipais de outubro.

Durante seis dias, técnicos do tribunal e representantes das entidades fiscalizadoras acompanharam a compilação e a assinatura dos programas.

Os sistemas lacrados serão agora instalados nas urnas eletrônicas de todo o país.
)";

TEST(HeadlinesUnderPaths, TheHeadlineUnderAKickerUnderThePath) {
  EXPECT_EQ(ParseText(kKickerUnderPath).title(),
            "Tribunal conclui cerimônia de assinatura digital e lacração dos sistemas das eleições "
            "municipais");
}

// A ministry's release (the layout of a page of held_out_30, names
// changed): path, label, headline, its date line, then the standfirst the
// model chose.
constexpr char kDateBetweenHeadlineAndStandfirst[] = R"(Ir al contenido
Saltar al pie
GOBIERNO DE RURITANIA
MINISTERIO DE AGRICULTURA, PESCA Y ALIMENTACIÓN
Castellano
Català
Galego
Euskara
Valencià
English
Buscar
Menú
Agricultura
Ganadería
Pesca
Alimentación
Desarrollo rural
Prensa
Ministerio
Inicio > Prensa > Últimas noticias

Nota de prensa
Agricultura convoca ayudas por 30 millones de euros para modernizar regadíos con energías renovables
Strelsau, 4 de abril de 2024

Las comunidades de regantes podrán solicitar subvenciones para instalar plantas fotovoltaicas y sistemas de almacenamiento que reduzcan su factura eléctrica
El plazo de presentación de solicitudes estará abierto durante dos meses a partir de mañana

El Ministerio de Agricultura, Pesca y Alimentación ha publicado hoy en el Boletín Oficial del Estado la convocatoria de ayudas, dotada con 30 millones de euros, para la instalación de energías renovables en infraestructuras de regadío gestionadas por comunidades de regantes y otras entidades de riego.

Las ayudas, financiadas con fondos del Plan de Recuperación, Transformación y Resiliencia, cubrirán hasta el 65 % de la inversión subvencionable, con un máximo de 1,5 millones de euros por beneficiario. Podrán financiarse plantas fotovoltaicas sobre suelo, cubiertas o balsas de riego, así como sistemas de almacenamiento y de gestión inteligente de la energía.

El objetivo es reducir los costes energéticos de las explotaciones de regadío, que se han incrementado de forma notable en los últimos años, y avanzar al mismo tiempo en la descarbonización del sector agrario. El Ministerio estima que los proyectos apoyados permitirán instalar cerca de 45 megavatios de potencia renovable.

Las solicitudes podrán presentarse a través de la sede electrónica del Ministerio durante dos meses a partir del día siguiente a la publicación de la convocatoria. Se valorarán especialmente los proyectos que incluyan medidas de ahorro de agua, los situados en zonas con escasez hídrica declarada y los promovidos por entidades con menor capacidad económica.

Esta convocatoria se suma a las inversiones que el Ministerio, a través de la Sociedad Mercantil Estatal de Infraestructuras Agrarias (SEIASA), está realizando en la modernización de regadíos, que superan los 2.000 millones de euros en el conjunto del periodo 2021-2026.

En la resolución de la anterior convocatoria, publicada en diciembre de 2023, se concedieron ayudas a 112 comunidades de regantes de once comunidades autónomas, con una potencia total instalada de 38 megavatios.

Gabinete de Prensa
Ministerio de Agricultura, Pesca y Alimentación
Tlf: 91 347 51 45 / 46
www.mapa.gob.es
gprensa@mapa.es

Compartir
Facebook
X
LinkedIn
WhatsApp
Imprimir
Descargar PDF

Noticias relacionadas
El Ministerio destina 15 millones de euros a la mejora de la eficiencia hídrica en explotaciones de frutales
SEIASA adjudica las obras de modernización del regadío de la Comunidad de Regantes del Canal de Aragón y Cataluña

Contacto
Mapa web)";

TEST(HeadlinesUnderPaths, TheHeadlineOverItsDateLineOverTheStandfirst) {
  EXPECT_EQ(ParseText(kDateBetweenHeadlineAndStandfirst).title(),
            "Agricultura convoca ayudas por 30 millones de euros para modernizar regadíos con "
            "energías renovables");
}

// A department's release (the layout of a page of held_out_30, names
// changed) whose dateline (date – place – department) the model chose: a
// dateline is never a headline.
constexpr char kDatelineOfParts[] = R"(Skip to main content
Skip to "About government"
Language selection
Français
fr
Government of Ruritania / Gouvernement du Ruritania
Search
Search Ruritania.ca
Menu
Main Menu
You are here:
Ruritania.ca
Veterans Affairs Ruritania
News

Government of Ruritania expands mental health support for families of Veterans
From: Veterans Affairs Ruritania

News release

May 9, 2024 – Zenda, North Province – Veterans Affairs Ruritania

Families play an essential role in the well-being of Veterans, and they often carry a heavy load when a loved one is living with an operational stress injury. That is why the Government of Ruritania is making it easier for the spouses, partners, children and parents of Veterans to access mental health support in their own right.

Today, the Minister of Veterans Affairs and Associate Minister of National Defence, the Honourable Claire Thibodeau, announced that family members of Veterans will be eligible for up to 20 sessions of counselling per year through the Veterans Affairs Ruritania Assistance Service, double the number previously available. The change takes effect on June 1, 2024.

In addition, eligibility for the Veteran Family Program will be extended to the families of all medically released Veterans, regardless of their date of release. Until now, families of Veterans released before 2019 could access the program only through a limited number of Military Family Resource Centres.

The Department is also investing $8.4 million over four years to support peer-led programs for children and youth whose parents are Veterans living with a mental health condition. These programs will be delivered in partnership with community organizations in every province and territory.

Quotes

“When a member of the Canadian Armed Forces serves, their whole family serves with them. Families have told us clearly that they need support that recognizes their own experiences, not just as caregivers. These changes will help ensure that no family has to face these challenges alone.”

The Honourable Claire Thibodeau, Minister of Veterans Affairs and Associate Minister of National Defence

Quick facts

The Veterans Affairs Ruritania Assistance Service is a free, confidential service available 24 hours a day, 7 days a week, at 1-800-268-7708.

In 2023, more than 11,000 family members of Veterans contacted the Assistance Service.

The Veteran Family Program is delivered through the network of 32 Military Family Resource Centres across Ruritania.

Associated links

Veterans Affairs Ruritania Assistance Service
Veteran Family Program
Mental health services for Veterans and their families

Contacts

Media Relations, Veterans Affairs Ruritania
613-992-7468
media@veterans.gc.ca

Office of the Minister of Veterans Affairs and Associate Minister of National Defence
613-996-4649

Search for related information by keyword: Health | Veterans Affairs Ruritania | Ruritania | Veterans | Families | general public | news releases)";

TEST(HeadlinesUnderPaths, ADatelineOfPartsIsNoHeadline) {
  EXPECT_EQ(ParseText(kDatelineOfParts).title(),
            "Government of Ruritania expands mental health support for families of Veterans");
}

// A label with its number under the path is the label, not the headline.
constexpr char kNumberedLabelUnderPath[] = R"(Conseil de Ruritanie
Salle de presse
Rechercher

Conseil de Ruritanie > Salle de presse > Communiqués de presse

Communiqué de presse - 518(2006)

Zenda : le Secrétaire Général appelle à la reprise du dialogue sur le règlement du conflit

Strelsau, 18.09.2006 – Le Secrétaire Général du Conseil de Ruritanie a appelé aujourd'hui les parties à reprendre sans tarder le dialogue sur le règlement du conflit.

Il a rappelé que seule une solution négociée pouvait garantir la stabilité de la région et la sécurité de ses habitants.
)";

TEST(HeadlinesUnderPaths, ANumberedLabelUnderThePathIsNoHeadline) {
  const v1::Document document = ParseText(kNumberedLabelUnderPath);
  EXPECT_EQ(document.title(),
            "Zenda : le Secrétaire Général appelle à la reprise du dialogue sur le règlement du "
            "conflit");
}

// A path printed one step per line, its middle step also an item of the
// menu above.
constexpr char kPathOneStepPerLine[] = R"(Passer au contenu principal
Banque régionale de développement
English | Français
Rechercher
À propos
Pays
Centre des médias
Carrières
Accueil
Centre des médias
Communiqués de presse
Ruritanie : la Banque accorde 85 millions d'euros pour étendre l'accès à l'électricité en milieu rural
18-juil.-2024
Communiqué de presse
Partager
Le Conseil d'administration de la Banque régionale de développement a approuvé, le 16 juillet 2024, un prêt de 85 millions d'euros à la Ruritanie.
Le projet prévoit la construction d'environ 2 400 kilomètres de lignes de moyenne et basse tension dans les régions du nord.
Il permettra de raccorder près de 300 000 ménages au réseau électrique d'ici à 2028.
)";

TEST(HeadlinesUnderPaths, TheHeadlineUnderAPathPrintedOneStepPerLine) {
  const v1::Document document = ParseText(kPathOneStepPerLine);
  EXPECT_EQ(document.title(),
            "Ruritanie : la Banque accorde 85 millions d'euros pour étendre l'accès à "
            "l'électricité en milieu rural");
  EXPECT_THAT(document.published(), IsDate(2024, 7, 18));
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_PRESS_RELEASE);
}

// A statement's byline under its finished headline: "Statement by …" is
// the subtitle, not more headline.
constexpr char kTypedBylineUnderHeadline[] = R"(Skip to main content
Children's Fund
Press centre
Press releases
Statement
Children in northern Ruritania are paying an unbearable price as violence spreads
Statement by Relief Agency Executive Director Anna Weber
07 February 2025
ZENDA, 7 February 2025 – "The rapid escalation of fighting in the north is having catastrophic consequences for children," said Executive Director Anna Weber.
"Over the past two weeks, we have received reports of children killed and injured, and of schools and hospitals damaged."
"We call on all parties to protect children and to allow humanitarian workers to reach them safely."
)";

TEST(HeadlinesUnderPaths, ATypedBylineUnderTheHeadlineIsNotTitle) {
  const v1::Document document = ParseText(kTypedBylineUnderHeadline);
  EXPECT_EQ(document.title(),
            "Children in northern Ruritania are paying an unbearable price as violence spreads");
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_PRESS_STATEMENT);
}

// A community's declaration: its filing under categories is no headline.
constexpr char kFilingFieldUnderHeadline[] = R"(Saltar para o conteúdo
Comunidade dos Países da Ruritânia
PT | EN
Pesquisar
Início
Comunicação
Notícias
Declarações
Declaração de Zenda sobre Segurança Alimentar na Comunidade dos Países da Ruritânia
XXX Reunião Ordinária do Conselho de Ministros
Publicado em
18/07/2025
Categoria: Declarações | Conselho de Ministros
Os Ministros dos Negócios Estrangeiros dos Estados-Membros, reunidos em Zenda no dia 17 de julho de 2025, adotaram a seguinte declaração.
Recordando a Estratégia de Segurança Alimentar da Comunidade e o papel do seu Conselho de Segurança Alimentar;
Decidem reforçar a cooperação técnica em matéria de segurança alimentar e nutricional.
)";

TEST(HeadlinesUnderPaths, AFilingFieldIsNoHeadline) {
  const v1::Document document = ParseText(kFilingFieldUnderHeadline);
  EXPECT_EQ(document.title(),
            "Declaração de Zenda sobre Segurança Alimentar na Comunidade dos Países da Ruritânia");
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_DECLARATION);
}

// A council's communiqué: its headline names the label, which the page
// prints again alone over the text, under the date and a download line.
constexpr char kLabelAgainOverTheText[] = R"(Skip to main content
Regional Union
Peace and Security Department
English | Français | Português
Search this site
Home
About
Peace and Security Council
Conflict Prevention
Crisis Management
Post-Conflict Reconstruction
Documents
Press Centre
Home › Press Centre › Communiqués
Communiqué of the 412th meeting of the Peace and Security Council held on 24 October 2024 on the situation in Ruritania
Posted by PSC Secretariat
Oct 28, 2024
Download: English (PDF) | Français (PDF)
Communiqué
Adopted by the Peace and Security Council of the Regional Union at its 412th meeting held on 24 October 2024, on the situation in Ruritania.
The Peace and Security Council,
Recalling all its previous decisions and pronouncements on the situation in Ruritania, particularly its communiqué adopted at its 380th meeting held on 12 March 2024;
Reaffirming the commitment of the Union to respect the sovereignty, unity and territorial integrity of Ruritania, as well as its solidarity with the people of Ruritania;
Taking note of the opening remarks by the Chairperson of the Council for the month of October 2024, and the statement by the Commissioner;
Acting under Article 7 of its Protocol, the Peace and Security Council:
1. Welcomes the continued relative calm and the general observance of the ceasefire in Ruritania;
2. Urges the parties to complete the outstanding tasks of the transition;
3. Decides to remain actively seized of the matter.
)";

TEST(HeadlinesUnderPaths, TheHeadlineNamingTheLabelPrintedAgainAlone) {
  const v1::Document document = ParseText(kLabelAgainOverTheText);
  EXPECT_EQ(document.title(),
            "Communiqué of the 412th meeting of the Peace and Security Council held on 24 October "
            "2024 on the situation in Ruritania");
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_COMMUNIQUE);
}

}  // namespace
}  // namespace docsearch::ingest
