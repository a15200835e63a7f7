// Layouts of sites the development corpus does not hold, written for the
// test after the kinds of failure seen on archives the parser had never
// read: dates printed in figures, a label glued to its headline, Markdown
// marks, contact and sharing furniture, labels in other wordings.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest_service/parser/document_parser.h"
#include "tests/parser/parse_text.h"

namespace docsearch::ingest {
namespace {

using ::testing::Not;

constexpr char kMinistryRelease[] = R"(Ministry of Foreign Affairs
Press release

Minister meets counterpart on regional security

DATE

The minister met today with his counterpart to discuss regional security and the situation in the east of the country.

Both sides agreed to continue the dialogue.
)";

// A date line in figures is the text's date, whichever separator the site
// prints, and the headline above it stays the title.
TEST(UnseenLayouts, DateLinesInFigures) {
  const struct {
    const char* printed;
    int year, month, day;
  } kDates[] = {{"25/06/2018", 2018, 6, 25},
                {"11-07-2016", 2016, 7, 11},
                {"11.07.2016", 2016, 7, 11},
                {"2016-07-11", 2016, 7, 11},
                {"25.06.2018", 2018, 6, 25}};
  for (const auto& date : kDates) {
    const v1::Document document =
        ParseText(absl::StrReplaceAll(kMinistryRelease, {{"DATE", date.printed}}));
    EXPECT_EQ(document.title(), "Minister meets counterpart on regional security") << date.printed;
    EXPECT_THAT(document.published(), IsDate(date.year, date.month, date.day)) << date.printed;
    EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_PRESS_RELEASE) << date.printed;
    EXPECT_THAT(ParagraphTexts(document), Not(testing::Contains(date.printed)));
  }
}

TEST(UnseenLayouts, ALabelGluedToItsHeadline) {
  const v1::Document document = ParseText(
      "NATO\n"
      "Press StatementMeeting of the Euro-Atlantic Partnership Council at the level of Defence "
      "Ministers\n"
      "12 June 1998\n\n"
      "1. Defence Ministers of the Euro-Atlantic Partnership Council met today in Brussels to "
      "review progress in the development of the Partnership for Peace.\n\n"
      "2. Ministers welcomed the increasing number of Partners participating in exercises.\n");
  EXPECT_EQ(document.title(),
            "Meeting of the Euro-Atlantic Partnership Council at the level of Defence Ministers");
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_PRESS_STATEMENT);
  EXPECT_EQ(document.doc_type_raw(), "Press Statement");
  EXPECT_THAT(document.published(), IsDate(1998, 6, 12));
}

TEST(UnseenLayouts, MarkdownHeadlineAndDateLine) {
  const v1::Document document = ParseText(
      "# Joint Statement of the NATO-Ukraine Commission\n\n"
      "**Brussels, 3 April 2008**\n\n"
      "The NATO-Ukraine Commission met today at the level of Heads of State and Government.\n\n"
      "Allies reaffirmed their support for the reforms under way in Ukraine.\n");
  EXPECT_EQ(document.title(), "Joint Statement of the NATO-Ukraine Commission");
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_PRESS_STATEMENT);
  EXPECT_THAT(document.published(), IsDate(2008, 4, 3));
  ASSERT_EQ(document.paragraphs_size(), 2);
}

// Contact lines, a sharing bar and a sidebar heading are the site's, not
// the text's.
TEST(UnseenLayouts, ContactAndSharingFurnitureLeaveTheBody) {
  const v1::Document release = ParseText(
      "Council of the European Union\nPRESS RELEASE\n345/18\n25/06/2018\n\n"
      "Council conclusions on strengthening civilian CSDP\n\n"
      "The Council adopted today conclusions on strengthening the civilian dimension of the "
      "common security and defence policy.\n\n"
      "The conclusions call on member states to increase their contributions of personnel to "
      "civilian missions.\n\n"
      "press.office@consilium.europa.eu - www.consilium.europa.eu/press\n");
  EXPECT_EQ(release.title(), "Council conclusions on strengthening civilian CSDP");
  EXPECT_THAT(release.published(), IsDate(2018, 6, 25));
  EXPECT_EQ(ParagraphTexts(release).size(), 2u);

  const v1::Document statement = ParseText(
      "Home > News > Statements\n\n"
      "NATO Secretary General condemns attack on ISAF troops\n\n"
      "15 April 2008\n\n"
      "The NATO Secretary General strongly condemns the attack today on ISAF soldiers in the "
      "south of Afghanistan, in which three soldiers lost their lives.\n\n"
      "He expressed his condolences to the families of the soldiers.\n\n"
      "Share this\nFacebook\nTwitter\n\nRelated\nRelations with Afghanistan\n\n"
      "Press Office\nTel. +32 2 707 50 41\n");
  EXPECT_EQ(statement.title(), "NATO Secretary General condemns attack on ISAF troops");
  EXPECT_EQ(ParagraphTexts(statement).size(), 2u)
      << absl::StrJoin(ParagraphTexts(statement), " | ");
}

TEST(UnseenLayouts, LabelsInOtherWordings) {
  const v1::Document summary = ParseText(
      "Ministerial Council\n\nChairperson's Summary\nIstanbul, 19 November 1999\n\n"
      "1. The Ministers met in Istanbul on the occasion of the Summit of Heads of State or "
      "Government.\n\n2. They discussed the situation in the area and the work of the field "
      "missions.\n");
  EXPECT_EQ(summary.doc_type(), v1::DOC_TYPE_CHAIRMANS_SUMMARY);

  const v1::Document spanish = ParseText(
      "Ministerio de Asuntos Exteriores\nComunicado 112\n\n"
      "Espa\xC3\xB1"
      "a condena el atentado contra la misi\xC3\xB3n en Afganist\xC3\xA1n\n\n"
      "Madrid, 10 de mayo de 2011\n\n"
      "El Gobierno de Espa\xC3\xB1"
      "a condena con firmeza el atentado perpetrado hoy contra un "
      "convoy de la misi\xC3\xB3n en Afganist\xC3\xA1n.\n\n"
      "Espa\xC3\xB1"
      "a reitera su compromiso con la estabilidad de Afganist\xC3\xA1n.\n");
  EXPECT_EQ(spanish.doc_type(), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_THAT(spanish.published(), IsDate(2011, 5, 10));

  const v1::Document joint = ParseText(
      "D\xC3\xA9"
      "claration conjointe du Pr\xC3\xA9sident de la R\xC3\xA9publique et du "
      "Chancelier f\xC3\xA9"
      "d\xC3\xA9ral sur la d\xC3\xA9"
      "fense europ\xC3\xA9"
      "enne\n\n"
      "Publi\xC3\xA9 le 7 f\xC3\xA9vrier 2019\n\n"
      "Le Pr\xC3\xA9sident de la R\xC3\xA9publique et le Chancelier f\xC3\xA9"
      "d\xC3\xA9ral ont "
      "adopt\xC3\xA9 ce jour la d\xC3\xA9"
      "claration suivante.\n\n"
      "La France et l'Allemagne renforceront leur coop\xC3\xA9ration dans le domaine de la "
      "d\xC3\xA9"
      "fense.\n");
  EXPECT_EQ(joint.doc_type(), v1::DOC_TYPE_PRESS_STATEMENT);
}

// A date line with its place after the date, a row of cells holding the
// label, the date and the place, a page's stamp of its last change and a
// release's end mark.
TEST(UnseenLayouts, DateLinesWithAPlaceAfterAndStampsBelow) {
  const v1::Document canada = ParseText(
      "Permanent Mission of Canada to NATO\nHome | About us | News | Contact\n\n"
      "Statement by Canada's Ambassador on the situation in Libya\n\n"
      "March 28, 2011 - Brussels, Belgium\n\n"
      "Canada welcomes the decision of the North Atlantic Council to take on the full military "
      "operation in Libya.\n\nCanadian forces will continue to contribute to the protection of "
      "civilians.\n\nDate Modified: 2011-03-29\n");
  EXPECT_EQ(canada.title(), "Statement by Canada's Ambassador on the situation in Libya");
  EXPECT_THAT(canada.published(), IsDate(2011, 3, 28));
  EXPECT_EQ(ParagraphTexts(canada).size(), 2u) << absl::StrJoin(ParagraphTexts(canada), " | ");

  const v1::Document row = ParseText(
      "Press statement | 23 February 2022 | Brussels\n\n"
      "Statement by the North Atlantic Council on Russia's recognition of separatist regions\n\n"
      "The North Atlantic Council condemns Russia's decision to extend recognition to the "
      "so-called republics in eastern Ukraine.\n\nAllies call on Russia to reverse its decision."
      "\n\nPrint\nEmail\n");
  EXPECT_THAT(row.published(), IsDate(2022, 2, 23));
  EXPECT_EQ(row.doc_type(), v1::DOC_TYPE_PRESS_STATEMENT);
  EXPECT_EQ(ParagraphTexts(row).size(), 2u) << absl::StrJoin(ParagraphTexts(row), " | ");

  const v1::Document ended = ParseText(
      "NEWS RELEASE\n\nSecretary of Defense statement on NATO defense spending\n\n"
      "February 13, 2020\n\nThe Secretary of Defense today welcomed new figures on defense "
      "spending by NATO Allies.\n\nHe urged all Allies to meet the guideline of two percent of "
      "GDP.\n\n-END-\n");
  EXPECT_EQ(ParagraphTexts(ended).size(), 2u) << absl::StrJoin(ParagraphTexts(ended), " | ");
}

// With no title found, an institution's banner above the text's date is
// still the page's, not the text's first paragraph.
TEST(UnseenLayouts, ABannerIsNoParagraphWhenNoTitleIsFound) {
  const v1::Document document = ParseText(
      "Organization for Security and Co-operation in Europe\nMinisterial Council\n\n"
      "Chairperson's Summary\nIstanbul, 19 November 1999\n\n"
      "1. The Ministers met in Istanbul on the occasion of the Summit of Heads of State or "
      "Government.\n\n2. They discussed the situation in the area and the work of the field "
      "missions.\n");
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_CHAIRMANS_SUMMARY);
  EXPECT_THAT(ParagraphTexts(document),
              Not(testing::Contains("Organization for Security and Co-operation in Europe")));
}

// A page's controls, filing, copyright and feedback below the text, and the
// items of a list of related links under its heading, leave the body; a
// sentence after the list stays.
TEST(UnseenLayouts, PageControlsAndRelatedLinksLeaveTheBody) {
  const v1::Document document = ParseText(R"(Ministry of Defence
Press release

Minister meets Allied counterparts in Brussels

14 March 2019

The Minister of Defence met her Allied counterparts in Brussels today to discuss burden sharing and readiness.

Related news
Minister visits troops in Estonia
12/03/2019 - New frigates ordered
Defence budget rises for the fifth year

The Minister will report to Parliament on the outcome of the meeting next week.

Tags: defence, NATO, readiness
Print this page
Back to top
Was this page useful? Yes No
© Ministry of Defence 2019
)");
  EXPECT_EQ(document.title(), "Minister meets Allied counterparts in Brussels");
  EXPECT_THAT(
      ParagraphTexts(document),
      testing::ElementsAre(
          "The Minister of Defence met her Allied counterparts in Brussels today to "
          "discuss burden sharing and readiness.",
          "The Minister will report to Parliament on the outcome of the meeting next week."));
}

// A section's name printed right above the headline, or under its date,
// names the type when no label does; the same names in a menu further up
// do not.
TEST(UnseenLayouts, ASectionNextToTheHeadlineNamesTheType) {
  const v1::Document above = ParseText(R"(Ministry of Defence
Home
About us
Contact

Speeches

Address of the Minister to the officers of the staff college

Lisbon, 4 May 2018

Officers, it is a pleasure to speak to you at the end of your course on the future of the Alliance.

The years ahead will ask much of you, and the country is grateful for your service.
)");
  EXPECT_EQ(above.title(), "Address of the Minister to the officers of the staff college");
  EXPECT_EQ(above.doc_type(), v1::DOC_TYPE_SPEECH);

  const v1::Document under_the_date = ParseText(R"(Home > News > 2017

Allies and partners open a new cyber range in Tartu

12 Apr. 2017

News

Representatives of twelve countries opened a new training range for cyber defence in Tartu on Wednesday.

The range will host its first exercise in the autumn.
)");
  EXPECT_EQ(under_the_date.title(), "Allies and partners open a new cyber range in Tartu");
  EXPECT_EQ(under_the_date.doc_type(), v1::DOC_TYPE_UPDATE);

  const v1::Document menu_only = ParseText(R"(Ministry of Defence
Home
Speeches
News
Contact us

Allies and partners open a new cyber range in Tartu

12 Apr. 2017

Representatives of twelve countries opened a new training range for cyber defence in Tartu on Wednesday.

The range will host its first exercise in the autumn.
)");
  EXPECT_EQ(menu_only.title(), "Allies and partners open a new cyber range in Tartu");
  EXPECT_EQ(menu_only.doc_type(), v1::DOC_TYPE_UNSPECIFIED);
}

// A long menu pushes the headline and its date line far down the page; the
// date printed next to the headline, in a row of cells or with a time, is
// the text's date, and the row is no paragraph of the text.
TEST(UnseenLayouts, TheDateNextToAHeadlineBelowALongMenu) {
  std::string menu;
  for (const char* item : {"Skip to content",
                           "Ministry of Foreign Affairs",
                           "Search",
                           "Menu",
                           "Topics",
                           "Ministries",
                           "Government",
                           "Documents",
                           "Latest",
                           "Contact",
                           "Countries",
                           "Embassies",
                           "Trade",
                           "Development",
                           "Consular services",
                           "Careers",
                           "Press",
                           "Speeches",
                           "Events",
                           "Videos",
                           "Photos",
                           "Archive",
                           "You are here:",
                           "Home",
                           "Latest"}) {
    absl::StrAppend(&menu, item, "\n");
  }
  const struct {
    const char* row;
    int year, month, day;
  } kRows[] = {{"News item | 27-06-2018 | 19:10", 2018, 6, 27},
               {"2018-06-27 às 16h32", 2018, 6, 27},
               {"27.6.2018", 2018, 6, 27}};
  for (const auto& row : kRows) {
    const v1::Document document = ParseText(absl::StrCat(menu, R"(
Minister welcomes decision on chemical weapons attribution
)",
                                                         row.row, R"(

The minister welcomed the decision taken today by the states parties to give the organisation the power to attribute attacks.

The country will make an additional contribution to the organisation's trust fund.
)"));
    EXPECT_EQ(document.title(), "Minister welcomes decision on chemical weapons attribution")
        << row.row;
    EXPECT_THAT(document.published(), IsDate(row.year, row.month, row.day)) << row.row;
    EXPECT_THAT(ParagraphTexts(document), Not(testing::Contains(row.row))) << row.row;
  }
}

// A release forwarded by e-mail: the message's headers and the mail
// system's notice are not the text's, and the date it was sent is not the
// date of the release.
TEST(UnseenLayouts, AReleaseSavedFromAMailbox) {
  const v1::Document document = ParseText(R"(From: Press Office <press@example.org>
Sent: Friday 19 June 2020 00:07
To: Press Office <press@example.org>
Subject: Press Release: Minister welcomes election to the Security Council
Importance: High

CAUTION: This email originated from outside of the organisation. Do not click links or open attachments unless you recognise the sender.

PRESS RELEASE

Minister welcomes election to the Security Council

18 June 2020

The Minister for Foreign Affairs has today welcomed the country's election to the United Nations Security Council for two years.

The country will take its seat on the Council in January.
)");
  EXPECT_EQ(document.title(), "Minister welcomes election to the Security Council");
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_THAT(document.published(), IsDate(2020, 6, 18));
  EXPECT_THAT(ParagraphTexts(document),
              testing::ElementsAre(testing::StartsWith("The Minister for Foreign Affairs"),
                                   "The country will take its seat on the Council in January."));
}

// A release exported from a news database: its headline and section fields
// are the headline and the label, the rest is the database's.
TEST(UnseenLayouts, AReleaseExportedFromANewsDatabase) {
  const v1::Document document = ParseText(R"(                                Page 1
                       3 of 12 DOCUMENTS

                   Government News Service

                   July 22, 2003 Tuesday

SECTION: MEDIA RELEASE

LENGTH: 212 words

HEADLINE: Defence force to join the regional assistance mission

BYLINE: Minister for Defence

BODY:

The defence force will provide around 1,700 personnel to the regional assistance mission requested by the island's government.

The mission will support the police as they disarm militants and restore order.

LOAD-DATE: July 23, 2003
)");
  EXPECT_EQ(document.title(), "Defence force to join the regional assistance mission");
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_THAT(document.published(), IsDate(2003, 7, 22));
  EXPECT_THAT(ParagraphTexts(document),
              testing::ElementsAre(testing::StartsWith("The defence force will provide"),
                                   "The mission will support the police as they disarm "
                                   "militants and restore order."));
}

// A portal's menu of fifty items and more above the headline: the headline
// is still among the runs the title is chosen from.
TEST(UnseenLayouts, AHeadlineBelowAMenuOfFiftyItems) {
  std::string page = "Skip to main content\nRegional Union\nEnglish\nFrançais\nPortuguês\n";
  for (int section = 1; section <= 12; ++section) {
    absl::StrAppend(&page, "Section ", section, "\n");
    for (const char* item : {"Overview", "Members", "Documents", "Contacts"}) {
      absl::StrAppend(&page, item, " of section ", section, "\n");
    }
  }
  absl::StrAppend(&page, R"(Home
Press Releases

Chairperson welcomes the signing of the ceasefire agreement in the east of the region
March 14, 2021

The Chairperson of the Commission warmly welcomes the signing today of the ceasefire agreement between the parties in the east of the region.

The Chairperson commends the parties for the spirit of compromise shown throughout the talks.
)");
  const v1::Document document = ParseText(page);
  EXPECT_EQ(
      document.title(),
      "Chairperson welcomes the signing of the ceasefire agreement in the east of the region");
  EXPECT_THAT(document.published(), IsDate(2021, 3, 14));
}

// What the rules of message headers, title parts, salutations and section
// names must leave alone: a body sentence about a message, a headline's
// subject before a colon, a letter quoted in a news text, a menu under the
// title.
TEST(UnseenLayouts, RulesForSavedPagesLeaveTheTextAlone) {
  const v1::Document mailed = ParseText(R"(From: Press Office <press@example.org>
Sent: Thursday 18 June 2020 00:07
To: Newsdesk
Subject: Minister visits flood area

Minister visits flood area

18 June 2020

The minister visited the flooded villages in the north today. She met families who lost their homes.

The minister said the message of the families was clear and that their request for help is confidential and will be treated with care.

A fund of 10 million euros will be opened next week.
)");
  EXPECT_EQ(mailed.title(), "Minister visits flood area");
  EXPECT_THAT(
      ParagraphTexts(mailed),
      testing::Contains(testing::StartsWith("The minister said the message of the families")));

  const v1::Document colon = ParseText(R"(Tax reform: statement deadline moved to September

12 May 2021

Taxpayers will have until the end of September to file their statement under the new rules.

The ministry will send reminders in August.
)");
  EXPECT_NE(colon.doc_type(), v1::DOC_TYPE_PRESS_STATEMENT);

  const v1::Document quoted = ParseText(R"(Statements

Ministers agree on fisheries quotas

12 May 2021

The ministers of the coastal states agreed today on the fishing quotas for next year after two days of talks.

The agreement keeps the cod quota at last year's level and cuts the herring quota by ten percent.

The chair of the meeting read a letter from the fishermen's associations to the ministers:

Dear friends, we ask you to think of the families who live from the sea.

The ministers will meet again in December.
)");
  EXPECT_NE(quoted.doc_type(), v1::DOC_TYPE_SPEECH);

  const v1::Document menu_below = ParseText(R"(Winter tyres become mandatory from November

News

Speeches

Publications

Contact

Winter tyres will be mandatory for all cars from 1 November to 31 March. Drivers who do not comply risk a fine of 200 euros.

The rule applies to cars registered in the country and to foreign cars alike.
)");
  EXPECT_NE(menu_below.doc_type(), v1::DOC_TYPE_UPDATE);
}

// A second review's cases: a news phrase after a dash, a short lead-in
// before a quoted greeting, a body sentence about e-mail
// under a message's headers, a database's copyright line above its fields,
// a site's name before the bar of a browser's title.
TEST(UnseenLayouts, RulesForSavedPagesLeaveTheTextAloneSecondReview) {
  EXPECT_NE(ParseText(R"(Tax reform — Statement deadline moved to September

12 May 2021

Taxpayers will have until the end of September to file their statement under the new rules.

The ministry will send reminders in August.
)")
                .doc_type(),
            v1::DOC_TYPE_PRESS_STATEMENT);
  EXPECT_NE(ParseText(R"(Statements

Ministers agree on fisheries quotas

12 May 2021

The fishermen's associations wrote to the ministers on Monday:

Dear friends, we ask you to think of the families who live from the sea and of the harbours that depend on them.

The ministers of the coastal states agreed today on the fishing quotas for next year after two days of talks.

The ministers will meet again in December.
)")
                .doc_type(),
            v1::DOC_TYPE_SPEECH);

  const v1::Document mailed = ParseText(R"(From: Press Office <press@dpa.example.org>
Sent: Thursday 18 June 2020 09:07
To: Newsdesk
Subject: Employers may not read staff email, authority rules

Employers may not read staff email, authority rules

The data protection authority ruled today that an employee's private email is confidential and may not be read by the employer without consent.

The ruling follows a complaint by a bank clerk whose messages were read by her manager.

The employer has one month to appeal.
)");
  EXPECT_THAT(ParagraphTexts(mailed),
              testing::Contains(testing::StartsWith("The data protection authority ruled today")));
  EXPECT_THAT(mailed.published(), IsDate(2020, 6, 18));

  const v1::Document exported = ParseText(R"(Page 1
3 of 12 DOCUMENTS
US Fed News
Copyright 2020 Federal Information and News Dispatch, Inc.
June 18, 2020 Thursday
SECTION: PRESS RELEASE
LENGTH: 468 words
HEADLINE: Senator welcomes funding for rural hospitals
BYLINE: Office of Senator Jane Smith
DATELINE: WASHINGTON
BODY:
Senator Jane Smith welcomed today the decision of the Department of Health to fund twelve rural hospitals in the state.

"Rural families deserve good care close to home," the senator said.

The hospitals will receive 40 million dollars over three years.

LOAD-DATE: June 19, 2020
LANGUAGE: ENGLISH
PUBLICATION-TYPE: Newswire
)");
  EXPECT_EQ(exported.title(), "Senator welcomes funding for rural hospitals");
  EXPECT_EQ(exported.doc_type(), v1::DOC_TYPE_PRESS_RELEASE);

  EXPECT_NE(ParseText(R"(Ministry of Health | Minister opens new children's hospital

Ministry of Health

The health minister opened the new children's hospital in the capital today. The hospital has 300 beds and will treat 20,000 children a year.

The hospital cost 250 million euros and was built in three years.
)")
                .title(),
            "Ministry of Health");
}

}  // namespace
}  // namespace docsearch::ingest
