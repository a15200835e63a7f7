// Pages a colleague wrote against the tenth round's rules (docs/INGEST.md,
// "Types from where a site files a page; headlines under the path; text in
// other scripts"), on which a rule did wrong before it was narrowed: a
// kicker, a byline, a series' name or a label's line under the path taken
// for the headline; news typed as a statement, a declaration, a speech or
// a transcript; a footer's "Release notes" read as a release number; the
// date stamp under a standfirst left in the body. The sites and texts are
// invented.
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest_service/parser/document_parser.h"
#include "tests/parser/parse_text.h"

namespace docsearch::ingest {
namespace {

using ::testing::HasSubstr;

constexpr char kFailToIssueJointStatement[] = R"page(Skip to main content
Ministry of Finance of the Republic of Valdoria
Search
EN | FR
Home
The Ministry
Budget
Taxation
International Cooperation
Newsroom
Publications
Contact
Home > Newsroom > News
G20 finance ministers fail to issue joint statement amid divisions over trade
14 March 2024
Finance ministers and central bank governors of the Group of Twenty ended two days of talks in Rio de Janeiro on Thursday without agreeing a joint statement, after delegations could not settle their differences over the wording on trade and on the conflicts in Europe and the Middle East.
The Minister of Finance, Elena Marsh, who led Valdoria's delegation, said the meeting had nonetheless made progress on debt relief for low-income countries and on the taxation of very large fortunes, two priorities of the Brazilian presidency.
"It is disappointing that we could not find common language on trade, but the work on debt and on international taxation goes on, and it goes on with broad support," the Minister told reporters after the closing session.
The presidency will publish a chair's summary of the discussions in the coming days. Ministers are due to meet again in Washington in April, on the margins of the spring meetings of the International Monetary Fund and the World Bank.
Share this page
Facebook
X
LinkedIn
Email
Related news
Minister Marsh to attend G20 meeting in Rio de Janeiro
Valdoria and Brazil sign agreement on double taxation
Ministry of Finance
12 Treasury Square, Valdor
Accessibility | Privacy | Terms of use | Sitemap
© 2024 Ministry of Finance of the Republic of Valdoria
)page";

constexpr char kDeclaracionDeLaRenta[] = R"page(Ir al contenido principal
Agencia Tributaria de Valdoria
Sede electrónica
Castellano | Català | Galego | English
Inicio
Ciudadanos
Empresas y profesionales
Colaboradores
Normativa y criterios
Sala de prensa
Inicio > Sala de prensa > Noticias
Renta 2023: declaración de la renta disponible desde el 3 de abril por internet
Publicado el 20 de marzo de 2024
La campaña de la declaración de la renta y patrimonio del ejercicio 2023 comenzará el próximo 3 de abril, fecha a partir de la cual los contribuyentes podrán consultar su borrador y presentarlo por internet a través de la sede electrónica o de la aplicación móvil.
Desde el 7 de mayo se podrá solicitar cita para recibir asistencia telefónica en el plan «Le llamamos», y a partir del 3 de junio comenzará la atención presencial en las oficinas de la Agencia. La campaña terminará el 1 de julio.
Como novedad, este año los contribuyentes con rendimientos de actividades económicas en estimación directa dispondrán de un formulario que recoge de forma automática sus ingresos y gastos declarados en los libros registro.
La Agencia recuerda que los contribuyentes que tengan un resultado a ingresar y deseen domiciliar el pago podrán hacerlo hasta el 26 de junio.
Compartir
Imprimir
Noticias relacionadas
Calendario del contribuyente 2024
Novedades de la campaña de Renta 2023
Aviso legal | Accesibilidad | Mapa web | Contacto
© Agencia Tributaria de Valdoria
)page";

constexpr char kStatoDiEmergenza[] = R"page(Vai al contenuto principale
Presidenza del Consiglio dei Ministri della Valdoria
Cerca
Home
Governo
Presidente
Consiglio dei Ministri
Notizie
Comunicati
Contatti
Home > Notizie
Maltempo: dichiarazione dello stato di emergenza per tre province del nord
Pubblicato il 18 maggio 2024
Il Consiglio dei Ministri, su proposta del Ministro per la Protezione civile, ha deliberato oggi lo stato di emergenza per dodici mesi nei territori delle province di Marren, Vell e San Lupo, colpiti dalle alluvioni dei giorni scorsi.
Per i primi interventi sono stanziati 20 milioni di euro, destinati al soccorso e all'assistenza della popolazione, al ripristino dei servizi pubblici essenziali e alla messa in sicurezza delle aree colpite.
Il Capo del Dipartimento della Protezione civile coordinerà gli interventi d'intesa con le Regioni interessate.
Condividi
Stampa
Presidenza del Consiglio dei Ministri | Note legali | Privacy | Accessibilità
)page";

constexpr char kDeclaracaoIrpf[] = R"page(Ir para o conteúdo
Ir para o menu
Acessibilidade
Receita Federal da Ruritânia
Serviços
Orientação tributária
Acesso à informação
Assuntos
Notícias
Você está aqui: Início > Notícias > 2024 > Maio
Declaração do Imposto de Renda 2024: Receita recebe 40 milhões de declarações
Prazo de entrega terminou às 23h59 de sexta-feira; quem não entregou está sujeito a multa
Publicado em 01/06/2024 10:15
A Receita Federal recebeu 40,2 milhões de declarações do Imposto de Renda da Pessoa Física 2024 até o fim do prazo, às 23h59 de sexta-feira, 31 de maio. O número supera a expectativa inicial, que era de 39 milhões.
Do total, 57% das declarações devem ter restituição, 22% têm imposto a pagar e 21% não têm imposto a pagar nem a restituir. A declaração pré-preenchida foi usada por 41% dos contribuintes, um recorde.
Quem estava obrigado a declarar e não entregou está sujeito a multa mínima de R$ 165,74, que pode chegar a 20% do imposto devido.
O primeiro lote de restituição será pago em 28 de junho.
Compartilhe
Facebook
X
WhatsApp
Receita Federal da Ruritânia
Política de privacidade | Mapa do site
)page";

constexpr char kRemarksToThePressNews[] = R"page(Skip to content
National Assembly of Valdoria
Members
Committees
Bills and Laws
Plenary
News
Visit Parliament
Search
Home > News > Parliament News
Finance Minister's remarks to the press spark row in budget committee
Published: 5 June 2024
Opposition members of the Budget and Finance Committee on Wednesday demanded that the Minister of Finance appear before the committee, after remarks she made to journalists outside the Treasury were read as announcing a rise in value added tax before the bill reached the Assembly.
The committee's chair, Tomas Varga, said members should not learn of tax measures from the evening news. "Parliament votes the budget. The committee expects to hear the Government's proposals here first," he said.
Government members of the committee said the Minister had only described options under study and that no decision had been taken.
The committee agreed to invite the Minister to a hearing on 12 June. The hearing will be broadcast live on the Assembly's channel.
Share
Print
More parliament news
Committee approves amendments to the Public Procurement Bill
Speaker receives delegation of the Parliament of Ghana
National Assembly of Valdoria | Parliament Square 1, Valdor
Contact | Accessibility | Privacy
)page";

constexpr char kTranscriptOfAddress[] = R"page(Skip to main content
Office of the Prime Minister of Valdoria
Search
Home
Prime Minister
Government
News
Media
Contact
Home > Media
Transcript of the Prime Minister's Address to the Nation on the Floods
Valdor, 9 September 2024
Good evening.
Tonight I want to speak to you about the floods that have struck our country over the past four days, and about what the Government is doing to help.
Since Thursday, the rivers Mara and Vell have burst their banks in more than forty places. Eleven people have lost their lives. Thousands of families have had to leave their homes, and many have lost everything they owned.
I have seen the damage with my own eyes in Marren and in Saint-Loup. I have also seen the extraordinary work of firefighters, soldiers, volunteers and neighbours who have saved lives and given shelter to those in need.
The Government has today declared a state of natural disaster in the six worst-hit districts. Families who have lost their homes will receive emergency assistance of 3,000 euros from next week, and we will rebuild the roads, bridges and schools that were destroyed.
We will get through this together. Thank you, and good night.
Share
Print
Office of the Prime Minister
Privacy | Accessibility
)page";

constexpr char kPressConferenceNews[] = R"page(Skip to main content
National Assembly of Valdoria
Members
Committees
Bills and Laws
Plenary
News
Search
Home > News > Parliament News
Press conference by opposition leaders interrupted by fire alarm
Published: 14 February 2024
A press conference held by the leaders of the three opposition groups in the Assembly's media room was interrupted for forty minutes on Wednesday when a fire alarm forced the evacuation of the east wing of the building.
The alarm was set off by a fault in a ventilation unit, the Assembly's security service said. No one was hurt, and staff and visitors returned to the building shortly after midday.
The opposition leaders resumed their press conference on the steps of the Assembly, where they presented their joint proposals for reform of the electoral law.
The Speaker has asked the Assembly's administration for a report on the fault.
Share
Print
More parliament news
Committee approves amendments to the Public Procurement Bill
National Assembly of Valdoria | Parliament Square 1, Valdor
Contact | Accessibility | Privacy
)page";

constexpr char kSummaryOfResponses[] = R"page(Skip to main content
Ministry of Environment of Valdoria
Search
Home
Topics
Consultations
Publications
News
Contact
Home > Consultations > Closed consultations
Draft Water Abstraction Charges Regulation (summary of responses)
Published 2 July 2024
The Ministry consulted from 8 January to 29 February 2024 on a draft regulation setting new charges for the abstraction of water from rivers and groundwater. This document summarises the 214 responses received and sets out the Ministry's decisions.
Most water companies and environmental organisations supported the principle of charges that reflect the scarcity of water in each catchment. Farmers' organisations asked for a longer transition period and for a reduced charge for irrigation in drought years.
Having considered the responses, the Ministry will introduce the new charges in two stages, in April 2025 and April 2026, and will keep the reduced rate for irrigation where a drought order is in force.
The final regulation will be laid before the National Assembly in the autumn.
Documents
Summary of responses (PDF, 820 KB)
Draft regulation (PDF, 310 KB)
Ministry of Environment | Privacy | Accessibility
)page";

constexpr char kReleaseNotesFooter[] = R"page(Skip to main content
Valdoria Digital Service
Services
Guidance
About
Blog
Search
Home > Blog
New address lookup goes live for all local councils
Posted on 11 April 2024 by Priya Raman, Head of Product
From today every local council in Valdoria can use the national address lookup in its online forms. Residents no longer need to type their full address when they apply for a parking permit, report a missed bin collection or register a new business.
We built the lookup over the last year with eight pilot councils. In the pilot, forms with the lookup were finished 30% faster, and the number of applications returned because of a wrong address fell by half.
Councils can switch the lookup on from their forms builder. Our support team will run four online sessions in May to help council staff set it up.
We would like to thank the teams in the pilot councils, who tested early versions and told us what did not work.
Tags: addresses, local government, forms
Share this post
Developers
API documentation
Release notes
Service status
Valdoria Digital Service
Accessibility statement | Cookies | Privacy notice
)page";

constexpr char kCategoriesNewsSpeeches[] = R"page(Skip to content
U.S. Embassy in Valdoria
Search
Home
News & Events
Visas
U.S. Citizen Services
Business
Education & Culture
About Us
Students welcome Ambassador's speech on exchange programs at Valdor University
By U.S. Embassy Valdor | 17 April, 2024 | Categories: News, Speeches
More than two hundred students and teachers attended a lecture by Ambassador Sarah Mills at the University of Valdor on Tuesday, where she presented the exchange programs that the United States offers to Valdorian students.
After the lecture, students asked the Ambassador about scholarships for graduate study, summer work and travel programs, and the visa process.
"The questions were very practical, which is exactly what we wanted," said Maria Lenk, a student of international relations who organized the event with the university's American Corner.
The Embassy will hold an information session on the Fulbright program at the American Corner on May 8.
Share
Facebook
X
Email
U.S. Embassy in Valdoria
Privacy | Accessibility | External Link Policy
)page";

constexpr char kEventKickerUnderPath[] = R"page(Skip to main content
Office of the Prime Minister of Valdoria
Search
English | Français
Home
Prime Minister
Government
News
Speeches
Media
Contact
Home > News > Latest news
Official Visit of the Prime Minister to Japan
Prime Minister meets Japanese business leaders in Osaka
16 May 2024
Prime Minister Anna Kovacs met today in Osaka with the heads of twelve Japanese companies that invest in Valdoria or plan to, on the second day of her official visit to Japan.
The meeting focused on the new semiconductor packaging plant that a consortium of Japanese firms is building near Valdor, and on the training of technicians for the plant in the country's technical colleges.
The Prime Minister also invited Japanese investors to take part in the tender for the second phase of the offshore wind farm in the Gulf of Marren, to be launched in the autumn.
On Friday the Prime Minister will travel to Tokyo, where she will hold talks with the Prime Minister of Japan and address the Japan-Valdoria Business Forum.
Share
Facebook
X
Email
Related
Prime Minister arrives in Japan for official visit
Valdoria and Japan sign memorandum on green hydrogen
Office of the Prime Minister
Privacy | Accessibility | Sitemap
)page";

constexpr char kSeriesUnderPath[] = R"page(Skip to main content
Ministry of Foreign Affairs of Valdoria
Search
Home
Ministry
Foreign Policy
Media Centre
Contact
Home > Media Centre > News
Ukraine
Valdoria's support to Ukraine since February 2022
Foreign Minister announces 50 million euro package for Ukraine's energy grid
22 November 2024
The Minister of Foreign Affairs, Lena Park, today announced a new package of 50 million euros to help Ukraine repair its electricity grid ahead of the winter.
The package will finance transformers, generators and spare parts for power stations damaged by Russian missile and drone attacks, which have destroyed more than half of Ukraine's generating capacity.
The support will be delivered through the Ukraine Energy Support Fund managed by the Energy Community Secretariat.
Since February 2022, Valdoria has provided Ukraine with assistance worth more than 1.2 billion euros.
Share
Print
Ministry of Foreign Affairs of Valdoria
Privacy | Accessibility | Sitemap
)page";

constexpr char kOpEdBylineUnderPath[] = R"page(Skip to main content
Ministry of Foreign Affairs of Valdoria
Search
Home
Ministry
Foreign Policy
Media Centre
Contact
Home > Media Centre > Articles and interviews
Op-ed by Foreign Minister Lena Park in The Valdor Times
Europe cannot afford to look away from Sudan
5 March 2024
Ten months after war broke out in Sudan, more than eight million people have been forced from their homes. It is now the largest displacement crisis in the world, and one of the least reported.
In Darfur, the reports of killings along ethnic lines recall the darkest days of twenty years ago. Famine threatens millions of people by the summer if aid cannot reach them.
Europe has the means to do more. We should increase our humanitarian funding, press both warring parties to open crossings for aid, and support the efforts of the African Union and of Sudan's neighbours to bring the parties to the table.
Valdoria will double its humanitarian aid to Sudan this year, to 30 million euros.
Share
Print
Ministry of Foreign Affairs of Valdoria
Privacy | Accessibility | Sitemap
)page";

constexpr char kJointMediaReleaseUnderLabel[] = R"page(Skip to main content
Minister for Health and Aged Care
The Hon Daniel Crane MP
Home
Media
Speeches
Transcripts
Contact
Media release
Joint media release with the Minister for Regional Development
Hundreds of new GP training places for regional towns
28 February 2024
The Government will fund 400 additional places for doctors training to become general practitioners in regional and rural communities from next year.
The new places will be offered through the regional training hubs, which match trainees with practices in towns that have struggled to attract and keep doctors.
Trainees who complete their training in a regional town and stay on for two years will also receive an incentive payment of up to $30,000.
The measure is part of the Government's plan to strengthen Medicare and make it easier for people to see a doctor close to home.
Media contact: Minister Crane's office 02 6277 7220
Privacy | Accessibility | Copyright
)page";

constexpr char kStampUnderStandfirst[] = R"page(Skip to main content
Ministry of Environment of Valdoria
Search
Home
Topics
Consultations
Publications
News
Contact
Press release
Ban on single-use plastic cutlery and plates comes into force
Shops and takeaways will have to offer reusable or compostable alternatives from 1 October, with small businesses given six more months to sell existing stock
From: Ministry of Environment
Published 20 September 2024
From 1 October 2024, shops, restaurants and takeaways may no longer sell or give away single-use plastic cutlery, plates, bowls and polystyrene food containers.
The ban, announced in the national plastics strategy last year, is expected to prevent 900 million items of plastic from being thrown away every year.
Businesses with fewer than ten employees will have until 1 April 2025 to use up their existing stock.
Local trading standards officers will enforce the ban, with fines of up to 2,500 euros for repeat offenders.
Share this page
Ministry of Environment | Privacy | Accessibility
)page";

constexpr char kPublicadoUnderStandfirst[] = R"page(Ir para o conteúdo
Ir para o menu
Acessibilidade
Receita Federal da Ruritânia
Serviços
Orientação tributária
Acesso à informação
Assuntos
Notícias
Você está aqui: Início > Notícias > 2024 > Maio
Receita recebe 40 milhões de declarações do Imposto de Renda 2024
Prazo de entrega terminou às 23h59 de sexta-feira; quem não entregou está sujeito a multa
Publicado em 01/06/2024 10:15
A Receita Federal recebeu 40,2 milhões de declarações do Imposto de Renda da Pessoa Física 2024 até o fim do prazo, às 23h59 de sexta-feira, 31 de maio. O número supera a expectativa inicial, que era de 39 milhões.
Do total, 57% das declarações devem ter restituição, 22% têm imposto a pagar e 21% não têm imposto a pagar nem a restituir. A declaração pré-preenchida foi usada por 41% dos contribuintes, um recorde.
Quem estava obrigado a declarar e não entregou está sujeito a multa mínima de R$ 165,74, que pode chegar a 20% do imposto devido.
O primeiro lote de restituição será pago em 28 de junho.
Compartilhe
Facebook
X
WhatsApp
Receita Federal da Ruritânia
Política de privacidade | Mapa do site
)page";

// News of a joint statement not issued is no statement.
TEST(TenthRoundCounterExamples, FailToIssueJointStatement) {
  const v1::Document document = ParseText(kFailToIssueJointStatement);
  EXPECT_NE(document.doc_type(), v1::DOC_TYPE_PRESS_STATEMENT);
}

// "declaración de la renta" after a colon is a tax return.
TEST(TenthRoundCounterExamples, DeclaracionDeLaRenta) {
  const v1::Document document = ParseText(kDeclaracionDeLaRenta);
  EXPECT_NE(document.doc_type(), v1::DOC_TYPE_DECLARATION);
}

// "dichiarazione dello stato di emergenza" names no speaker.
TEST(TenthRoundCounterExamples, StatoDiEmergenza) {
  const v1::Document document = ParseText(kStatoDiEmergenza);
  EXPECT_NE(document.doc_type(), v1::DOC_TYPE_DECLARATION);
}

// "Declaração do Imposto de Renda" is a tax return.
TEST(TenthRoundCounterExamples, DeclaracaoIrpf) {
  const v1::Document document = ParseText(kDeclaracaoIrpf);
  EXPECT_NE(document.doc_type(), v1::DOC_TYPE_DECLARATION);
}

// News of a minister's remarks to the press goes on with its verb.
TEST(TenthRoundCounterExamples, RemarksToThePressNews) {
  const v1::Document document = ParseText(kRemarksToThePressNews);
  EXPECT_NE(document.doc_type(), v1::DOC_TYPE_SPEECH);
}

// A transcript of an address is a speech.
TEST(TenthRoundCounterExamples, TranscriptOfAddress) {
  const v1::Document document = ParseText(kTranscriptOfAddress);
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_SPEECH);
}

// A press conference by people named in lower case is news.
TEST(TenthRoundCounterExamples, PressConferenceNews) {
  const v1::Document document = ParseText(kPressConferenceNews);
  EXPECT_NE(document.doc_type(), v1::DOC_TYPE_OTHER);
}

// "(summary of responses)" names no one who made it.
TEST(TenthRoundCounterExamples, SummaryOfResponses) {
  const v1::Document document = ParseText(kSummaryOfResponses);
  EXPECT_NE(document.doc_type(), v1::DOC_TYPE_CHAIRMANS_SUMMARY);
}

// "Release notes" in a footer is no release number.
TEST(TenthRoundCounterExamples, ReleaseNotesFooter) {
  const v1::Document document = ParseText(kReleaseNotesFooter);
  EXPECT_NE(document.doc_type(), v1::DOC_TYPE_PRESS_RELEASE);
}

// A story filed under "News" and "Speeches" is news.
TEST(TenthRoundCounterExamples, CategoriesNewsSpeeches) {
  const v1::Document document = ParseText(kCategoriesNewsSpeeches);
  EXPECT_NE(document.doc_type(), v1::DOC_TYPE_SPEECH);
}

// An event's kicker under the path over the headline the model chose.
TEST(TenthRoundCounterExamples, EventKickerUnderPath) {
  const v1::Document document = ParseText(kEventKickerUnderPath);
  EXPECT_EQ(document.title(), "Prime Minister meets Japanese business leaders in Osaka");
}

// A series' name under a kicker under the path.
TEST(TenthRoundCounterExamples, SeriesUnderPath) {
  const v1::Document document = ParseText(kSeriesUnderPath);
  EXPECT_THAT(document.title(), HasSubstr("Foreign Minister announces 50 million euro package"));
}

// An op-ed's byline under the path.
TEST(TenthRoundCounterExamples, OpEdBylineUnderPath) {
  const v1::Document document = ParseText(kOpEdBylineUnderPath);
  EXPECT_EQ(document.title(), "Europe cannot afford to look away from Sudan");
}

// A joint release's label line under the label.
TEST(TenthRoundCounterExamples, JointMediaReleaseUnderLabel) {
  const v1::Document document = ParseText(kJointMediaReleaseUnderLabel);
  EXPECT_EQ(document.title(), "Hundreds of new GP training places for regional towns");
}

// The headline over its standfirst: the stamp under the standfirst stays the date line.
TEST(TenthRoundCounterExamples, StampUnderStandfirst) {
  const v1::Document document = ParseText(kStampUnderStandfirst);
  EXPECT_EQ(document.title(), "Ban on single-use plastic cutlery and plates comes into force");
  EXPECT_THAT(document.published(), IsDate(2024, 9, 20));
  EXPECT_FALSE(BodyHolds(document, "Published 20 September 2024"));
}

// The same with a Portuguese stamp and its time.
TEST(TenthRoundCounterExamples, PublicadoUnderStandfirst) {
  const v1::Document document = ParseText(kPublicadoUnderStandfirst);
  EXPECT_THAT(document.published(), IsDate(2024, 6, 1));
  EXPECT_FALSE(BodyHolds(document, "Publicado em 01/06/2024"));
}

}  // namespace
}  // namespace docsearch::ingest
