// Pages as a browser saves them, written for the test after the kinds of
// failure the seventh round's sets showed (docs/INGEST.md, "Captions, site
// notices, breadcrumbs and related lists from four more sets"): a
// breadcrumb that files the page, a "Published:" stamp under a cookie
// banner, a photo's caption with its credit, a related-news list with its
// dates after the text. The sites and texts are invented.
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

// A court's news page: a cookie banner, a menu, a breadcrumb ending in the
// date, the headline, a "Published:" stamp, a caption with its credit,
// the text (which names later dates), a related list with dates.
constexpr char kCourtNewsPage[] = R"(Skip to main content
Cookies on this website
We use some essential cookies to make this website work. We would also like to set additional cookies to understand how you use the site.
Accept additional cookies
Reject additional cookies
The High Court of Ruritania
Search
About
Cases
News
Contact us

Home › News › 18 January 2024

High Court to sit in Strelsau in June 2024

Published: 18 January 2024

The courtroom in Strelsau during an earlier sitting. Photo: Court Press Office

The High Court will sit in Strelsau for a week in June 2024, the latest in a series of sittings outside the capital.
Judges will hear appeals in the city from 10 to 14 June 2024. The hearings will take place in the old town hall and will be open to the public.
Details of the cases to be heard during the visit will be published in the spring, once the listings have been settled.

Related news
Court publishes its annual report
12 December 2023
New judges sworn in at the High Court
28 November 2023
Follow us
Privacy
)";

TEST(SavedPageTails, TheBreadcrumbTypesAPageAndTheStampDatesIt) {
  const v1::Document document = ParseText(kCourtNewsPage);
  EXPECT_EQ(document.title(), "High Court to sit in Strelsau in June 2024");
  // The stamp under the cookie banner, not the first date of the text.
  EXPECT_THAT(document.published(), IsDate(2024, 1, 18));
  // The breadcrumb files the page under News.
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_UPDATE);
  const std::vector<std::string> text = ParagraphTexts(document);
  EXPECT_THAT(text, Contains(HasSubstr("Judges will hear appeals")));
  EXPECT_THAT(text, Not(Contains(HasSubstr("Photo: Court Press Office"))));
  EXPECT_THAT(text, Not(Contains(HasSubstr("annual report"))));
  EXPECT_THAT(text, Not(Contains(HasSubstr("12 December 2023"))));
}

// An agency's news release (the shape of a read page, its names
// changed) with a related list whose dates once made the page a digest of
// dated items, an update.
constexpr char kAgencyNewsRelease[] = R"(Skip to main content
Ruritanian Refugee Agency
Donate
English
Français
Español
العربية
Search
About RRA
What we do
Where we work
News and stories
Get involved
Home > News > News releases

News release

Ruritania: RRA warns of critical shortfalls as Bordurian refugees keep arriving ahead of rainy season

14 May 2024

Share
Facebook
X
LinkedIn
Email
Copy link

Newly arrived refugees from Borduria wait to be registered at the Tarlenheim transit site in eastern Ruritania. © RRA/Anna Novak

STRELSAU, 14 May 2024 – The UN Refugee Agency, RRA, is warning that its operations in eastern Ruritania are approaching a breaking point, as refugees continue to cross from Borduria's Zenda region at a rate of several hundred people a day and the rainy season threatens to cut off the main access roads within weeks.

Since the outbreak of war in Borduria in April 2023, Ruritania has received more than 600,000 refugees, the vast majority of them women and children. Many arrive exhausted after walking for days, having lost family members and all their belongings, and describe attacks on their villages, sexual violence and the burning of homes and crops.

"Ruritania has kept its border open and its communities have shared the little they have, but generosity alone cannot sustain a response of this scale," said RRA's Representative in Ruritania. "Without urgent funding, we will not be able to move people away from the overcrowded border sites before the rains turn them into islands."

At the Tarlenheim transit site, more than 150,000 people are living in makeshift shelters of branches and plastic sheeting, often within sight of the border. Water supply stands at less than nine litres per person per day, well below the emergency standard, and health partners report rising cases of acute malnutrition among children under five.

RRA and the Ruritaniaian authorities have identified land for two new camps further inland, where refugees could receive proper shelter, latrines and access to schools. However, relocation convoys have slowed because of a lack of trucks and fuel, and only a fraction of the planned shelters have been built.

The agency also stressed the importance of supporting Ruritaniaian host communities, who live in one of the poorest regions of the country and whose own food stocks and water points are under severe strain. RRA is working with development partners to expand water networks and health centres that serve both refugees and local residents.

The 2024 regional response plan for the Borduria situation is currently only 9 per cent funded. RRA is appealing to donors to urgently step up their support so that life-saving assistance can be pre-positioned before the roads become impassable in June.

For more information on this topic, please contact:
In Hentzau, Maria Holm, holm@rra.example.org, +99 66 20 41 18
In Strelsau, Jan Berg, berg@rra.example.org, +99 79 217 55 03

Related news
Borduria: one year on, RRA calls for an end to the war as displacement crisis deepens
12 April 2024
RRA and WFP scale up joint assistance for refugees in eastern Ruritania
28 March 2024
South Borduria: returnees fleeing Borduria face dire conditions at Modra border crossing
21 May 2024
See all news releases
Follow RRA
Facebook
Instagram
X
YouTube
About
Contact us
Careers
Privacy policy
Terms of use
Fraud warning
© RRA 2001-2024
)";

TEST(SavedPageTails, ARelatedListsDatesMakeNoDigest) {
  const v1::Document document = ParseText(kAgencyNewsRelease);
  EXPECT_EQ(document.title(),
            "Ruritania: RRA warns of critical shortfalls as Bordurian refugees keep arriving "
            "ahead of rainy season");
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_THAT(document.published(), IsDate(2024, 5, 14));
  const std::vector<std::string> text = ParagraphTexts(document);
  EXPECT_THAT(text, Contains(HasSubstr("regional response plan")));
  EXPECT_THAT(text, Not(Contains(HasSubstr("RRA/Anna Novak"))));
  EXPECT_THAT(text, Not(Contains(HasSubstr("28 March 2024"))));
}

// A city's press release (the shape of a read page, its names changed)
// whose headline, under a cookie banner and a menu, the line-role model
// takes for the page's: no run ranks as a title, and the headline right
// over the type label is taken; the "Published:" stamp dates it.
constexpr char kCityPressRelease[] = R"(Skip to main content
We use necessary cookies to make our site work. We'd also like to set optional analytics cookies to help us improve it.
Accept all cookies
Reject optional cookies

Mayor of Strelsau
Strelsau Assembly
STRELSAU CITY HALL
Search
Menu
Who we are
What we do
Get involved
Media centre

Home > Media centre > Mayoral press releases

Mayor launches €2m fund to help community groups tackle loneliness

Press release
Published: 06 February 2024

New fund will support grassroots organisations bringing residents together in every borough
Grants of between €5,000 and €50,000 available for projects reaching older people, carers and young adults
Mayor: "No Strelsauer should have to feel alone in our great city"

The Mayor of Strelsau, Anna Berg, has today launched a new €2m fund to help community groups across the capital tackle loneliness and social isolation.

The Connected Communities Fund will provide grants to grassroots organisations running projects that bring people together, from lunch clubs and walking groups to intergenerational mentoring schemes and befriending services. Priority will be given to projects working with groups who are most at risk of isolation, including older residents, unpaid carers, disabled people and young adults who have recently moved to the city.

Research commissioned by City Hall suggests that around one in four residents feel lonely often or some of the time, with the figure rising among those on low incomes and those living alone. Loneliness is linked to a range of poor health outcomes, and community organisations have reported growing demand for their services since the pandemic.

The Mayor of Strelsau, Anna Berg, said: "No Strelsauer should have to feel alone in our great city. Community groups do incredible work to bring people together, often on a shoestring, and this fund will help them reach more residents who need support. I'm determined to continue building a better, fairer Strelsau for everyone."

Applications open on 12 February and close on 25 March 2024. Organisations will be supported through the process by a network of local infrastructure bodies, and successful applicants will be announced in the summer.

Notes to editors
The Connected Communities Fund forms part of the Mayor's wider programme to build strong and inclusive communities.
Further information on eligibility and how to apply is available on the strelsau.example.org website.

Share this page
Share on Facebook
Share on X
Share on LinkedIn
Share by email

Related press releases
01 February 2024
Mayor announces record funding for youth clubs across the capital
25 January 2024
New figures show rise in number of residents volunteering
18 January 2024
Mayor confirms free school meals for all primary pupils will continue

Contact the Mayor
Contact the Strelsau Assembly
Accessibility
Privacy
Cookies
Terms and conditions
Greater Strelsau Authority, City Hall, Kamal Chunchie Way, Strelsau E16 1ZE
© Greater Strelsau Authority
)";

TEST(SavedPageTails, AHeadlineOverTheLabelWhenNoRunRanks) {
  const v1::Document document = ParseText(kCityPressRelease);
  EXPECT_EQ(document.title(),
            "Mayor launches \u20AC2m fund to help community groups tackle loneliness");
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_THAT(document.published(), IsDate(2024, 2, 6));
}

// Pages a review wrote against the rules above, where the earlier reading
// was right and must stay so: a statement's sign-off over its place and
// date at the foot is no headline, and the text keeps every paragraph; a
// standfirst under a wrapped headline is not taken for it; a link to the
// previous release is no headline; a kicker repeating the speech line's
// words stays with it.
constexpr char kSignOffAtTheFoot[] =
    R"(The Foreign Ministers of France, Germany and Poland met today in La Celle-Saint-Cloud. They discussed the situation in Ukraine and the security of Europe.

The Ministers reaffirmed their unwavering support for Ukraine. They agreed to strengthen the cooperation of the Weimar Triangle.

The Ministers will meet again in the autumn.

Ministers of Foreign Affairs of the Weimar Triangle
La Celle-Saint-Cloud, 12 February 2024
)";
constexpr char kStandfirstUnderWrappedHeadline[] = R"(European Commission

Commission proposes new rules to better protect
workers from exposure to hazardous chemicals at work
The proposal revises binding limits for lead and diisocyanates and is expected to protect over a million workers across the EU

Press release
13 February 2023

The Commission has today proposed to better protect workers from exposure to hazardous chemicals. The proposal would lower exposure limits for lead.

The proposal will now be discussed by the European Parliament and the Council.
)";
constexpr char kPreviousReleaseLink[] = R"(European Central Bank
Eurosystem

Previous press release: ECB publishes supervisory banking statistics for the third quarter
Monetary policy decisions taken by the Governing Council at its meeting in Frankfurt on 14 December 2023

Press release
14 December 2023

The Governing Council today decided to keep the three key ECB interest rates unchanged. While inflation has dropped in recent months, it is likely to pick up again temporarily in the near term.

The Governing Council's future decisions will ensure that its policy rates will be set at sufficiently restrictive levels for as long as necessary.
)";
constexpr char kKickerOverSpeechLine[] = R"(Foreign, Commonwealth & Development Office

Foreign Secretary at the UN Security Council
Speech by the Foreign Secretary at the UN Security Council meeting on Ukraine

Press release
24 February 2024

Thank you, Madam President. Two years ago, Russia launched its full-scale invasion of Ukraine.

The United Kingdom stands with Ukraine.
)";

TEST(SavedPageTails, TheFallbacksLeaveWhatWasRight) {
  const v1::Document signed_off = ParseText(kSignOffAtTheFoot);
  EXPECT_THAT(signed_off.title(), Not(HasSubstr("Weimar Triangle")));
  EXPECT_THAT(ParagraphTexts(signed_off), Contains(HasSubstr("will meet again in the autumn")));
  EXPECT_THAT(ParseText(kStandfirstUnderWrappedHeadline).title(),
              Not(HasSubstr("The proposal revises")));
  EXPECT_THAT(ParseText(kPreviousReleaseLink).title(), Not(HasSubstr("Previous press release")));
  EXPECT_THAT(ParseText(kKickerOverSpeechLine).title(),
              HasSubstr("Speech by the Foreign Secretary at the UN Security Council"));
}

// A photo between paragraphs, its credit on the line under its caption,
// and the page's record of its changes after the text: neither is the
// text's; the text's own paragraphs around them stay.
TEST(SavedPageTails, ACaptionOverItsCreditAndThePagesHistory) {
  const v1::Document document = ParseText(R"(Skip to main content
Ministry of Foreign Affairs of Ruritania
Home
News
Press releases
Press release
Foreign Minister receives the Bordurian Foreign Minister in Strelsau
12 May 2021

The Foreign Minister received her Bordurian counterpart in Strelsau on Friday for talks on trade, energy and regional security.

The two ministers in front of the Foreign Ministry building.
© Foreign Ministry

The ministers agreed to open a joint chamber of commerce and to hold regular consultations on energy supplies before the winter.

Both sides also discussed the situation on the eastern border and the preparation of the regional summit in the autumn.

Updates to this page
14 May 2021 — Corrected the date of the summit.
12 May 2021 — First published.

Share this page
Contact
Privacy
)");
  EXPECT_EQ(document.title(),
            "Foreign Minister receives the Bordurian Foreign Minister in Strelsau");
  const std::vector<std::string> text = ParagraphTexts(document);
  for (const std::string& paragraph : text) {
    EXPECT_THAT(paragraph, Not(HasSubstr("in front of the Foreign Ministry building")))
        << paragraph;
    EXPECT_THAT(paragraph, Not(HasSubstr("First published"))) << paragraph;
    EXPECT_THAT(paragraph, Not(HasSubstr("Updates to this page"))) << paragraph;
  }
  EXPECT_THAT(text, Contains(HasSubstr("joint chamber of commerce")));
  EXPECT_THAT(text, Contains(HasSubstr("preparation of the regional summit")));
}

// No date line: the dateline opening the text's paragraph under the
// headline and the office's name dates the page.
TEST(SavedPageTails, TheDatelineUnderTheHeadlineAndTheOffice) {
  const v1::Document document = ParseText(R"(Organization for Security in Example
Search
Resources
Home > Newsroom > News and press releases

Press Release

Representative on Freedom of the Media alarmed by detention of journalists in the eastern provinces, calls for their immediate release

Representative on Freedom of the Media

STRELSAU, 12 May 2014 – The Representative on Freedom of the Media today expressed alarm at the detention of at least six journalists in the eastern provinces of Ruritania.

Over the past two weeks, journalists from several countries have been held for days without charge, and their equipment has been confiscated.

"Journalists are not parties to the conflict. Detaining them is unacceptable," the Representative said.
)");
  EXPECT_THAT(document.published(), IsDate(2014, 5, 12));
}

}  // namespace
}  // namespace docsearch::ingest
