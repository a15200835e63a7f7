// English-language newsrooms of governments and agencies, written for the
// test after the kinds of failure the eleventh round's sets showed
// (docs/INGEST.md, "Newsrooms without labels"): a section's kicker naming
// its office, a series label naming who issued the release, a minister's
// media statements, a news story's reading time. The sites and texts are
// invented.
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest_service/parser/breadcrumb_section.h"
#include "ingest_service/parser/doc_type.h"
#include "ingest_service/parser/document_parser.h"
#include "tests/parser/parse_text.h"

namespace docsearch::ingest {
namespace {

// A federal agency's regional release: the section's kicker names the
// region, and a standfirst of a sentence stands under the headline.
constexpr char kRegionalRelease[] = R"(Skip to main content
An official website of the United States government
Here's how you know
United States Conservation Agency
Search
Main Menu
Environmental Topics
Laws & Regulations
About the Agency
Newsroom
News Releases from Region 07
Kansas City Rail Yard Ordered to Fix Stormwater Violations and Pay Penalty
Settlement requires company to pay $212,000 penalty and rebuild its drainage basins
June 4, 2024
Contact Information
Press Office (press@example.gov)
KANSAS CITY (June 4, 2024) – The United States Conservation Agency announced today that Midwest Rail Services has agreed to pay a penalty and rebuild its drainage basins to settle alleged violations of its stormwater permit at its rail yard in Kansas City.
According to the agency, the company failed to inspect its drainage basins, allowed polluted runoff to reach the river, and did not keep the records its permit requires.
The company has certified that it is now in compliance with its permit, and will complete the rebuilding of the basins by the end of the year.
Last updated on June 4, 2024
)";

TEST(NewsroomPages, TheKickerOfARegionsReleasesIsNoHeadline) {
  const v1::Document document = ParseText(kRegionalRelease);
  EXPECT_EQ(document.title(),
            "Kansas City Rail Yard Ordered to Fix Stormwater Violations and Pay Penalty");
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_PRESS_RELEASE);
}

// An island's information office: the series' label and who issued the
// release, then the release's reference and date, then the headline.
constexpr char kSeriesLabelOfAnIssuer[] = R"(Skip to main content
Department of Information
Ruritania
English
Home
Press Releases
Government Gazette
Photos
Contact Us
Search
Home / Press Releases / 2024 / October
Press Release by the Ministry for Housing, Lands and Public Works
Reference Number: PR241901, Press Release Issue Date: Oct 17, 2024
Works on the new harbour promenade to be completed by summer
Works on the new promenade along the inner harbour of Strelsau are progressing according to schedule and are expected to be completed by next summer, the Minister said during a visit to the site on Thursday.
The 800-metre promenade, which includes new seating, lighting and a widened footpath, forms part of a wider investment in the harbour area.
The Minister said that the project would give residents and visitors a safe and pleasant space by the sea, and would support the shops and cafés along the harbour.
Photos: MHLPW
Share on Facebook
Print
)";

TEST(NewsroomPages, ASeriesLabelNamingItsIssuerIsNoHeadline) {
  const v1::Document document = ParseText(kSeriesLabelOfAnIssuer);
  EXPECT_EQ(document.title(), "Works on the new harbour promenade to be completed by summer");
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_PRESS_RELEASE);
}

// A news agency's story with no label: its byline and reading time.
constexpr char kStoryWithReadingTime[] = R"(Skip to main content
REPUBLIC OF RURITANIA
Ruritanian Information Agency
Home
News
Regions
Features
Videos
About
Search
Home
News
Northern Region
Health office steps up dengue watch as cases climb after heavy rains
Northern Region
By Anna Berger
Published on August 20, 2024
2 min read
ZENDA (RIA) — The regional health office has intensified its surveillance of dengue after the number of cases in the northern provinces rose by a third in the two weeks since the heavy rains.
The office has sent teams to the most affected towns to clear breeding sites and has asked residents to cover water containers and report fevers early.
Regional health director Maria Kos said hospitals had enough beds and supplies, and that no deaths had been recorded this month.
All content is in the public domain unless otherwise stated.
)";

TEST(NewsroomPages, AStorysReadingTimeMakesItANewsItem) {
  const v1::Document document = ParseText(kStoryWithReadingTime);
  EXPECT_EQ(document.title(),
            "Health office steps up dengue watch as cases climb after heavy rains");
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_UPDATE);
}

// A company's release in its newsroom prints a reading time too; its
// dateline and its boilerplate make it a release, not a news story.
constexpr char kCompanyReleaseWithReadingTime[] = R"(Nordvik Énergie
Groupe
Nos activités
Newsroom
Carrières
Accueil > Newsroom > Communiqués
Nordvik Énergie met en service son premier parc éolien en mer
Temps de lecture : 2 min
PARIS, 12 mars 2024 – Nordvik Énergie annonce la mise en service de son premier parc éolien en mer, au large de la Bretagne, d'une capacité de 480 mégawatts.
Le parc alimentera l'équivalent de 400 000 foyers et a mobilisé plus de mille emplois pendant sa construction.
« Cette mise en service marque une étape pour la transition énergétique de la région », a déclaré la directrice générale du groupe.
À propos de Nordvik Énergie
Nordvik Énergie est un producteur d'électricité renouvelable présent dans six pays européens.
Contact presse : presse@nordvik.example
Partager
© Nordvik Énergie 2024
)";

TEST(NewsroomPages, AReleasesDatelineAndBoilerplateOutrankItsReadingTime) {
  const v1::Document document = ParseText(kCompanyReleaseWithReadingTime);
  EXPECT_EQ(document.title(), "Nordvik Énergie met en service son premier parc éolien en mer");
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_PRESS_RELEASE);
}

// A label under two sentences of the text is its subheading ("Speech"
// over the minister's words), not the type of the news item.
constexpr char kNewsItemWithSubheadings[] = R"(Ministry of Economic Development
Home | Activities | Documents | Press centre
Home › Press centre › News
News
Government approves plan to support small business
7 February 2024, 14:30
The government approved a plan of measures to support small and medium-sized enterprises for 2024.
The plan includes concessional lending, subsidies for modernisation and simpler reporting.
Speech
At the meeting the Minister of Economic Development spoke and stressed the importance of affordable finance.
"We must give entrepreneurs predictable working conditions," the minister said.
Comment
Experts from industry associations welcomed the plan.
Share:
© Ministry of Economic Development
)";

TEST(NewsroomPages, ALabelUnderTwoSentencesIsASubheading) {
  const v1::Document document = ParseText(kNewsItemWithSubheadings);
  EXPECT_EQ(document.title(), "Government approves plan to support small business");
  EXPECT_NE(document.doc_type(), v1::DOC_TYPE_SPEECH);
}

// Counter-examples a review wrote against the round's rules (the sites
// and texts are invented). Under the office's kicker, a line describing the
// office, then the headline: the headline stays.
constexpr char kKickerOverAnOfficesDescription[] = R"(Skip to main content
United States Conservation Agency
Search
Environmental Topics
Laws & Regulations
About the Agency
News Releases from Region 05
Serving Illinois, Indiana, Michigan, Minnesota, Ohio and Wisconsin
Agency Settles with Gary Steel Mill Over Air Violations
March 20, 2024

CHICAGO - The United States Conservation Agency has reached a settlement with a Gary steel mill over violations of the Clean Air Act.

The company will pay a penalty of $240,000 and install new equipment to reduce emissions of fine particles.

Agency inspectors found that the mill failed to repair leaking hoods and filters in a timely manner.
)";

TEST(NewsroomPages, AKickersOfficeDescriptionIsNoHeadline) {
  const v1::Document document = ParseText(kKickerOverAnOfficesDescription);
  EXPECT_EQ(document.title(), "Agency Settles with Gary Steel Mill Over Air Violations");
}

// A series label naming its subject in the issuer's place is the page's
// headline when it has no other.
constexpr char kLabelOfAMeeting[] = R"(Skip to main content
Council of Ruritania
Home
Newsroom
Events
Contact

Newsroom
12/04/2024
Press Release of the Bureau of the National Assembly
Strelsau

The Bureau of the National Assembly, meeting today in Strelsau, decided to send an observation mission to the presidential election in Borduria.

The delegation will consist of 21 members and will be headed by a rapporteur from the Liberal Group.

The next part-session of the Assembly will take place from 15 to 19 April 2024.

Share this page
Contact us
)";

TEST(NewsroomPages, ALabelNamingItsMeetingStaysTheHeadline) {
  const v1::Document document = ParseText(kLabelOfAMeeting);
  EXPECT_EQ(document.title(), "Press Release of the Bureau of the National Assembly");
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_PRESS_RELEASE);
}

TEST(NewsroomPages, ReadingTimesTypeOnlyStoriesInTheirHead) {
  // A statement whose path files it: the path's kind, not the reading time.
  EXPECT_EQ(DocTypeFromBreadcrumb("Home / Media centre / Minister's statements"),
            v1::DOC_TYPE_PRESS_STATEMENT);
  // Only releases and statements are read from an office's section: a menu
  // prints "Speeches from the Governor" over every page.
  EXPECT_FALSE(DocTypeFromSectionName("Speeches from the Governor").has_value());
}

// A state's department under the banner naming the state's official site:
// the banner is no headline, whatever the model reads in it.
constexpr char kUnderTheOfficialSitesBanner[] = R"(Skip to main content
Official Ruritania State Government website
Translate
Select Language
Ruritania State Department of Health
Search
Topics
Data
Licenses, Permits, and Certificates
Community and Environment
Emergencies
About Us
Newsroom
Home
Newsroom
News Releases
Health officials confirm first measles case in Zenda County since 2019
For immediate release: May 14, 2024   (24-078)
Contact: DOH Communications
STRELSAU – The Ruritania State Department of Health and the Zenda County Health District have confirmed a case of measles in an adult resident of Zenda County, the first case in the county since 2019.
The individual is believed to have been exposed while traveling internationally and was contagious between May 3 and May 11.
Measles is a highly contagious disease that spreads through the air when an infected person coughs or sneezes.
)";

TEST(NewsroomPages, TheOfficialSitesBannerIsNoHeadline) {
  const v1::Document document = ParseText(kUnderTheOfficialSitesBanner);
  EXPECT_NE(document.title(), "Official Ruritania State Government website");
  EXPECT_EQ(document.title(),
            "Health officials confirm first measles case in Zenda County since 2019");
}

// A federal department's release: the headline, the issuer's "From:"
// line and the label over the standfirst and the dateline.
constexpr char kHeadlineOverIssuerAndLabel[] = R"(Skip to main content
Skip to "About government"
Language selection
Français
fr
Government of Ruritania / Gouvernement de Ruritanie
Search
Search Ruritania.gov
Menu
Main Menu
Jobs and the workplace
Immigration and citizenship
Travel and tourism
Business and industry
Benefits
Health
Taxes
Environment and natural resources
National security and defence
Culture, history and sport
Policing, justice and emergencies
Transport and infrastructure
Ruritania and the world
Money and finances
Science and innovation
You are here:
Ruritania.gov
Environment and natural resources
Wildlife, plants and species
Species at risk
Government of Ruritania protects critical habitat for the Zenda salamander in the north
From: Environment and Climate Change Ruritania
News release
New protection order covers more than 1,200 hectares of forest and wetland habitat
March 5, 2024 – Zenda, Ruritania
The Zenda salamander is one of the country's most vulnerable amphibians. Slow to reach maturity and dependent on clean forest streams, it has lost much of its habitat to drainage and logging.
Today, the Government of Ruritania announced that it has made a protection order under the Species at Risk Act that legally protects the salamander's critical habitat in the northern forests.
The order prohibits the destruction of critical habitat, including breeding ponds, overwintering sites and the forested banks of the streams.
)";

TEST(NewsroomPages, TheHeadlineOverTheIssuerAndTheLabelOutranksTheStandfirst) {
  const v1::Document document = ParseText(kHeadlineOverIssuerAndLabel);
  EXPECT_EQ(document.title(),
            "Government of Ruritania protects critical habitat for the Zenda salamander in the "
            "north");
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_PRESS_RELEASE);
}

TEST(NewsroomPages, MediaStatementsAreStatements) {
  EXPECT_EQ(DocTypeFromSectionName("Media Statements"), v1::DOC_TYPE_PRESS_STATEMENT);
  EXPECT_EQ(DocTypeFromSectionName("News Releases from Region 07"), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromSectionName("Press releases from the Ministry"), v1::DOC_TYPE_PRESS_RELEASE);
  // "from" and a word in lower case is a phrase, no office.
  EXPECT_FALSE(DocTypeFromSectionName("News from around the world").has_value());
}

}  // namespace
}  // namespace docsearch::ingest
