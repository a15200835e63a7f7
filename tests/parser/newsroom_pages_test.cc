// English-language newsrooms of governments and agencies, written for the
// test after the kinds of failure the eleventh round's sets showed
// (docs/INGEST.md, "Newsrooms without labels"): a section's kicker naming
// its office, a series label naming who issued the release, a minister's
// media statements, a news story's reading time. The sites and texts are
// invented.
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
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

TEST(NewsroomPages, MediaStatementsAreStatements) {
  EXPECT_EQ(DocTypeFromSectionName("Media Statements"), v1::DOC_TYPE_PRESS_STATEMENT);
  EXPECT_EQ(DocTypeFromSectionName("News Releases from Region 07"), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromSectionName("Press releases from the Ministry"), v1::DOC_TYPE_PRESS_RELEASE);
  // "from" and a word in lower case is a phrase, no office.
  EXPECT_FALSE(DocTypeFromSectionName("News from around the world").has_value());
}

}  // namespace
}  // namespace docsearch::ingest
