// Pages written for the test after the kinds of failure the twelfth
// round's sets showed (docs/INGEST.md, "Regional governments, courts,
// ministries, missions and texts from print; nine more languages"):
// lists of other pages' dated headlines after the text, under a heading
// the reader knows or not; pages in Swedish, Norwegian, Polish, Romanian
// and Turkish. The sites and texts are invented.
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest_service/parser/breadcrumb_section.h"
#include "ingest_service/parser/date_parser.h"
#include "ingest_service/parser/doc_type.h"
#include "ingest_service/parser/document_parser.h"
#include "tests/parser/parse_text.h"

namespace docsearch::ingest {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::Optional;

// A ministry's release; under the text, a list of other releases under a
// heading the reader has no word for, each headline with its date.
constexpr char kReleaseWithRelatedReleases[] = R"(Skip to main content
Ministry of Ocean Affairs
Search
Home
Releases
Speeches

Minister announces new fisheries patrol vessel

12 March 2024

The Minister of Ocean Affairs today announced the purchase of a new patrol vessel to protect the country's fishing grounds from illegal fishing.

The vessel will enter service next year and will be based in the northern port, from where it will patrol the exclusive economic zone for up to forty days at a time.

The Minister said the purchase was part of a wider plan to strengthen the monitoring of the ocean, agreed with the fishing industry last autumn.

Share: Facebook | X | Email

Further releases
Minister to visit the northern islands in the spring – 8 March 2024
New rules for recreational fishing come into force on 1 April, the Ministry reminds anglers – 1 March 2024

Ministry of Ocean Affairs
Privacy | Contact
)";

TEST(RelatedListsAndLanguages, DatedHeadlinesUnderAnUnknownHeadingLeaveTheBody) {
  const v1::Document document = ParseText(kReleaseWithRelatedReleases);
  EXPECT_EQ(document.title(), "Minister announces new fisheries patrol vessel");
  EXPECT_FALSE(BodyHolds(document, "Minister to visit the northern islands"));
  EXPECT_FALSE(BodyHolds(document, "New rules for recreational fishing"));
  // The text itself is whole.
  EXPECT_TRUE(BodyHolds(document, "part of a wider plan to strengthen the monitoring"));
}

// A known heading ("Voir aussi") over long headlines with quotes, each with
// its date after a dash.
constexpr char kSpeechWithSeeAlso[] = R"(Représentation permanente auprès des Nations unies
Accueil
Déclarations

Conseil de sécurité : « La transition politique doit rester inclusive »

Intervention de Mme Claire Dumont, représentante permanente adjointe

Conseil de sécurité – 29 juin 2022

Madame la Présidente,

Je remercie le Représentant spécial pour son exposé et je salue l'engagement constant de la mission sur le terrain.

La France appelle toutes les parties à respecter le calendrier de la transition et à garantir la participation des femmes et de la société civile.

Nous continuerons de soutenir la mission et les efforts des pays de la région pour rétablir la sécurité.

Je vous remercie.

Voir aussi
Région des Grands Lacs : « Le dialogue entre les pays voisins doit reprendre sans tarder » – 16 mai 2022
Sahel : « La communauté internationale doit rester pleinement mobilisée aux côtés des pays » – 7 avril 2022

Mentions légales | Plan du site
)";

TEST(RelatedListsAndLanguages, LongDatedHeadlinesUnderAKnownHeadingLeaveTheBody) {
  const v1::Document document = ParseText(kSpeechWithSeeAlso);
  EXPECT_FALSE(BodyHolds(document, "Le dialogue entre les pays voisins"));
  EXPECT_FALSE(BodyHolds(document, "pleinement mobilisée aux côtés"));
  EXPECT_TRUE(BodyHolds(document, "participation des femmes"));
}

// Dated lines inside the text, with prose after them, are the text's own:
// a programme of visits is no list of other pages.
constexpr char kReleaseWithAProgramme[] = R"(Ministry of Ocean Affairs

Minister to tour the coastal regions

2 May 2024

The Minister of Ocean Affairs will visit the three coastal regions this month to meet fishing communities and port authorities.

Programme
Visit to the northern port and its fish market – 6 May 2024
Meeting with the southern port authority – 13 May 2024

The Minister will report to Parliament on the tour and on the state of the ports before the summer recess.
)";

TEST(RelatedListsAndLanguages, DatedLinesWithTheTextGoingOnStay) {
  const v1::Document document = ParseText(kReleaseWithAProgramme);
  EXPECT_TRUE(BodyHolds(document, "Visit to the northern port and its fish market"));
  EXPECT_TRUE(BodyHolds(document, "Meeting with the southern port authority"));
}

// A statistics office's release in Swedish: the path and the label name
// the kind, the stamp dates it.
constexpr char kSwedishRelease[] = R"(Till innehåll
Statistikbyrån
In English
Sök
Startsida / Om oss / Press / Pressmeddelanden
Pressmeddelande
Fler hushåll bor i hyresrätt än för tio år sedan
Publicerad: 2024-03-14 08:00
Andelen hushåll som bor i hyresrätt har ökat under det senaste decenniet, enligt ny statistik från myndigheten.
Ökningen är störst i storstadsregionerna, där nästan hälften av alla hushåll nu bor i en hyresrätt.
Statistiken bygger på uppgifter från registret över lägenheter och hushåll.
Dela sidan
Skriv ut
)";

TEST(RelatedListsAndLanguages, ASwedishReleaseIsTypedAndDated) {
  const v1::Document document = ParseText(kSwedishRelease);
  EXPECT_EQ(document.title(), "Fler hushåll bor i hyresrätt än för tio år sedan");
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_THAT(document.published(), IsDate(2024, 3, 14));
}

// A Romanian ministry's release: its date line opens with the weekday.
constexpr char kRomanianRelease[] = R"(Ministerul Afacerilor Externe
Acasă
Comunicate de presă

Comunicat de presă

Convorbire telefonică a ministrului afacerilor externe cu omologul său din Republica Moldova

Miercuri, 21 februarie 2024

Ministrul afacerilor externe a avut, miercuri, o convorbire telefonică cu omologul său, în cadrul căreia au fost discutate proiectele comune de infrastructură.

Cei doi miniștri au convenit să organizeze o nouă rundă de consultări politice în cursul lunii aprilie.
)";

TEST(RelatedListsAndLanguages, ARomanianReleaseIsTypedAndDated) {
  const v1::Document document = ParseText(kRomanianRelease);
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_THAT(document.published(), IsDate(2024, 2, 21));
}

TEST(RelatedListsAndLanguages, MonthsAndWeekdaysOfNineMoreLanguages) {
  EXPECT_THAT(ParseDateLine("4 maja 2023"), Optional(IsDate(2023, 5, 4)));
  EXPECT_THAT(ParseDateLine("Czwartek, 12 października 2023"), Optional(IsDate(2023, 10, 12)));
  EXPECT_THAT(ParseDateLine("Miercuri, 21 februarie 2024"), Optional(IsDate(2024, 2, 21)));
  EXPECT_THAT(ParseDateLine("15 Nisan 2023"), Optional(IsDate(2023, 4, 15)));
  EXPECT_THAT(ParseDateLine("3 Aralık 2022"), Optional(IsDate(2022, 12, 3)));
  EXPECT_THAT(ParseDateLine("Torsdag 20. juni 2024"), Optional(IsDate(2024, 6, 20)));
  EXPECT_THAT(ParseDateLine("12 augusti 2024"), Optional(IsDate(2024, 8, 12)));
  EXPECT_THAT(ParseDateLine("17 Agustus 2023"), Optional(IsDate(2023, 8, 17)));
  EXPECT_THAT(ParseDateLine("9 Disember 2023"), Optional(IsDate(2023, 12, 9)));
  EXPECT_THAT(ParseDateLine("12. března 2024"), Optional(IsDate(2024, 3, 12)));
  // Only between a day and a year: "mart" and "ekim" alone are words.
  EXPECT_FALSE(ParseDateLine("Mart").has_value());
}

TEST(RelatedListsAndLanguages, LabelsSectionsAndHomeStepsOfMoreLanguages) {
  EXPECT_EQ(DocTypeFromLabelLine("PRESSEMELDING"), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromLabelLine("Pressmeddelande"), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromLabelLine("Komunikat prasowy"), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromLabelLine("Oświadczenie"), v1::DOC_TYPE_PRESS_STATEMENT);
  EXPECT_EQ(DocTypeFromLabelLine("Comunicat de presă"), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromLabelLine("BASIN AÇIKLAMASI"), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromLabelLine("Basın Açıklaması"), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromLabelLine("Siaran Pers"), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_THAT(DocTypeFromBreadcrumb("Norges Bank / Nyheter og arrangementer / Pressemeldinger"),
              Optional(v1::DOC_TYPE_PRESS_RELEASE));
  EXPECT_THAT(DocTypeFromBreadcrumb("Ana Sayfa / Açıklamalar / Basın Açıklamaları"),
              Optional(v1::DOC_TYPE_PRESS_RELEASE));
  EXPECT_THAT(DocTypeFromBreadcrumb("Strona główna > Aktualności"), Optional(v1::DOC_TYPE_UPDATE));
}

TEST(RelatedListsAndLanguages, AJointCommuniqueNamedFirstInItsHeadline) {
  EXPECT_EQ(DocTypeFromTitle("Comunicado Conjunto de los Presidentes de los Estados Partes"),
            v1::DOC_TYPE_COMMUNIQUE);
  EXPECT_EQ(DocTypeFromTitle("Comunicato congiunto dei ministri degli Esteri"),
            v1::DOC_TYPE_COMMUNIQUE);
  EXPECT_EQ(DocTypeFromTitle("Gemeinsames Kommuniqué der Außenminister"), v1::DOC_TYPE_COMMUNIQUE);
}

TEST(RelatedListsAndLanguages, AParliamentaryStatementNamedInItsHeadline) {
  EXPECT_EQ(DocTypeFromTitleWording("Written Statement: Final Local Government Settlement"),
            v1::DOC_TYPE_PRESS_STATEMENT);
  EXPECT_EQ(DocTypeFromTitleWording("Oral Statement: The Flood Recovery Programme"),
            v1::DOC_TYPE_PRESS_STATEMENT);
  // Two words before a one-word label name a topic.
  EXPECT_NE(DocTypeFromTitleWording("Tax Reform Statement: Deadline Moved"),
            v1::DOC_TYPE_PRESS_STATEMENT);
}

// A canton's release: the label over the headline names who issues it.
constexpr char kCantonRelease[] = R"(Aller au contenu principal
République et canton de Ruritanie
Rechercher
Menu
Démarches
Actualités
Accueil
Actualités
Communiqué de presse du Conseil d'Etat
Le Conseil d'Etat présente son plan pour les transports publics
Publié le 12.03.2024
Le Conseil d'Etat a adopté un plan qui prévoit de doubler l'offre de bus dans les communes périphériques d'ici à 2030.
Le plan sera transmis au Grand Conseil, qui l'examinera lors de sa session de juin.
Partager
Imprimer
)";

TEST(RelatedListsAndLanguages, ALabelWithWhoIssuesItOverTheHeadlineTypesThePage) {
  const v1::Document document = ParseText(kCantonRelease);
  EXPECT_EQ(document.title(), "Le Conseil d'Etat présente son plan pour les transports publics");
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_PRESS_RELEASE);
}

TEST(RelatedListsAndLanguages, ADateWithItsWeekdayOrHourOpensADateLine) {
  EXPECT_TRUE(
      OpensWithItsDate("Wednesday, November 8, 2023, 4:05 p.m. Ministry of Foreign Affairs"));
  EXPECT_TRUE(OpensWithItsDate("12.03.2024 14:30 Berlin"));
  EXPECT_FALSE(OpensWithItsDate("11 September 2001: the attacks remembered"));
  EXPECT_FALSE(OpensWithItsDate("Ministers meet on 8 November 2023 in Tokyo"));
}

// A mission's statement whose official headline runs past forty words.
constexpr char kLongOfficialHeadline[] = R"(Permanent Mission of Ruritania to the United Nations
Home
Statements

Home > Statements

Statement by H.E. Ambassador Anna Berg, Permanent Representative of Ruritania to the United Nations, at the Joint Debate on the Report of the Economic and Social Council and the Follow-up to the Outcomes of the Major United Nations Conferences and Summits in the Economic and Social Fields, 14 November 2023

14 Nov 2023

Mr. President,

Ruritania thanks the President of the Council for presenting the report and welcomes the progress made over the past year.

We call on all members to support the reform of the Council's working methods, which would make its work more transparent and more effective.

Thank you, Mr. President.
)";

TEST(RelatedListsAndLanguages, ALongOfficialHeadlineWithoutASentenceStaysWhole) {
  const v1::Document document = ParseText(kLongOfficialHeadline);
  EXPECT_THAT(document.title(), HasSubstr("Statement by H.E. Ambassador Anna Berg"));
  EXPECT_THAT(document.title(), HasSubstr("Major United Nations Conferences and Summits"));
}

// A press conference's transcript: its heading is the label with the
// speaker, then the date with the hour and the place.
constexpr char kPressConference[] = R"(Ministry of Foreign Affairs of Ruritania
Home > Press Conferences > Press Conferences by the Press Secretary

Press Conference by Press Secretary Anna Berg
Tuesday, March 12, 2024, 3:00 p.m. Ministry of Foreign Affairs

Main Topics
1. Visit of the Foreign Minister to the northern islands

Press Secretary Berg: Good afternoon. The Foreign Minister will visit the northern islands next week, where she will meet the islands' councils and fishing communities.

Reporter: Will the Minister also discuss the new ferry service?

Press Secretary Berg: The ferry service will be among the subjects of her talks with the councils.
)";

TEST(RelatedListsAndLanguages, ATranscriptsHeadingIsTheLabelWithItsSpeaker) {
  const v1::Document document = ParseText(kPressConference);
  EXPECT_EQ(document.title(), "Press Conference by Press Secretary Anna Berg");
  EXPECT_THAT(document.published(), IsDate(2024, 3, 12));
}

// A speech greeting its audience one dignitary to a line.
constexpr char kSpeechGreetingDignitaries[] = R"(Ministry of Defence
Home
Media Centre
Media Centre / Speeches

SPEECH BY THE MINISTER OF DEFENCE AT THE GRADUATION PARADE OF THE RURITANIAN NAVAL ACADEMY

Posted on: May 3, 2024

(AS DELIVERED)

The Chief of Defence Forces;
The Commander of the Navy;
The Commandant, Naval Academy;
Distinguished Guests;
Ladies and Gentlemen.

It is a great honour for me to preside over this graduation parade and to welcome the new officers into the service of our nation.

I congratulate the graduates and their families, and I thank the instructors of the Academy for their dedication.
)";

TEST(RelatedListsAndLanguages, ASpeechsGreetingsToItsDignitariesStayInTheText) {
  const v1::Document document = ParseText(kSpeechGreetingDignitaries);
  EXPECT_TRUE(BodyHolds(document, "The Chief of Defence Forces;"));
  EXPECT_TRUE(BodyHolds(document, "The Commandant, Naval Academy;"));
  EXPECT_THAT(document.published(), IsDate(2024, 5, 3));
}

// A Greek ministry's statement: its date in Greek, and its paragraphs,
// written in a script the furniture readers know no word of, kept whole.
constexpr char kGreekStatement[] = R"(Μετάβαση στο περιεχόμενο
ΕΛΛΗΝΙΚΗ ΔΗΜΟΚΡΑΤΙΑ
Υπουργείο Αγροτικής Ανάπτυξης
EN
Αναζήτηση
Αρχική » Ενημέρωση » Δελτία Τύπου

Δήλωση του Υπουργού για την καταβολή αποζημιώσεων στους πληγέντες αγρότες

Δευτέρα, 08 Απριλίου 2024

«Σήμερα ολοκληρώθηκε η καταβολή του τρίτου κύκλου αποζημιώσεων στους αγρότες που επλήγησαν από τις πλημμύρες.

Γνωρίζουμε ότι οι αγρότες της περιοχής πέρασαν και περνούν μια πολύ δύσκολη περίοδο. Γι' αυτό επιταχύναμε τις διαδικασίες.

Δεσμευόμαστε ότι κανένας παραγωγός δεν θα μείνει πίσω.»
)";

TEST(RelatedListsAndLanguages, AGreekStatementKeepsItsTextAndDate) {
  const v1::Document document = ParseText(kGreekStatement);
  EXPECT_THAT(document.published(), IsDate(2024, 4, 8));
  EXPECT_TRUE(BodyHolds(document, "Γνωρίζουμε ότι οι αγρότες της περιοχής"));
  EXPECT_TRUE(BodyHolds(document, "Δεσμευόμαστε ότι κανένας παραγωγός"));
}

}  // namespace
}  // namespace docsearch::ingest
