// Pages built by a review to make the eighth round's rules misfire
// (INGEST.md, "Governments' and organisations' own sites, two more sets"):
// a headline printed twice over its label, a headline above the path to
// the page, a title closed by its place and date, a publication the text
// cites, a deadline in the third paragraph, a record of changes inside the
// text, a sentence quoting the .gov banner, news about a press statement.
// Each keeps what the parser read before the round.
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

TEST(RoundCounterExamples, HeadlinesStay) {
  EXPECT_EQ(ParseText(R"(Minister visits flood-affected regions in the north
Department of Home Affairs
Minister visits flood-affected regions in the north
Media release
Jane Smith MP
Minister for Emergency Management
14 March 2022
The Minister for Emergency Management today visited communities affected by the recent floods in the northern regions, meeting with residents, volunteers and emergency services.
The Government has activated disaster recovery payments for residents of twelve local government areas.
"I want to thank the volunteers who have worked around the clock to help their neighbours," the Minister said.
)")
                .title(),
            "Minister visits flood-affected regions in the north");
  EXPECT_EQ(ParseText(R"(Government of Canada
Menu
Departments
Jobs
Immigration

Minister Smith announces funding for clean water projects in Manitoba

Canada.ca > Infrastructure Canada > News
New investments will help nine communities
From: Infrastructure Canada

News release

May 3, 2022 - Winnipeg, Manitoba

Today, the Honourable Jane Smith, Minister of Infrastructure and Communities, announced more than $12 million in federal funding for nine water and wastewater projects in Manitoba.

The projects will upgrade treatment plants and replace aging pipes, providing residents with safe and reliable drinking water.
)")
                .title(),
            "Minister Smith announces funding for clean water projects in Manitoba");
  EXPECT_THAT(ParseText(R"(Ministry of External Affairs
Media Center
Joint Statement of the Ministers of Foreign Affairs of Brazil, Russia, India, China and South Africa. New York, 22 September 2023.
The Ministers of Foreign Affairs of Brazil, Russia, India, China and South Africa met on 22 September 2023 on the margins of the 78th session of the United Nations General Assembly in New York.
The Ministers exchanged views on major global and regional issues of common concern.
They reiterated their commitment to multilateralism and to the central role of the United Nations.
)")
                  .title(),
              HasSubstr("Joint Statement of the Ministers of Foreign Affairs"));
}

TEST(RoundCounterExamples, DatesTheTextCitesAreNotItsDate) {
  EXPECT_THAT(ParseText(R"(Office for National Statistics
Home
News

Unemployment falls to record low, new figures show

On 14 May 2022 the Office for National Statistics released new figures showing that unemployment fell to 3.7%, the lowest rate since 1974.
Labour market overview, UK: May 2022
Published 12 March 2022
The figures also show that the number of job vacancies rose to a new record of 1.3 million in the three months to April.
"The labour market continues to tighten," said the head of labour market statistics. "For the first time, there are fewer unemployed people than job vacancies."
)")
                  .published(),
              IsDate(2022, 5, 14));
  const v1::Document deadline = ParseText(R"(European Commission
Press corner

Commission calls on Member States to submit recovery plans

The European Commission today called on all Member States to finalise their national recovery and resilience plans and to submit them as soon as possible.

The plans must set out reforms and investments to be carried out with the support of the Recovery and Resilience Facility, with at least 37% of expenditure dedicated to climate objectives.

By Friday, 30 June 2023, all Member States must have submitted their revised plans, including a new chapter on energy security.

The Commission stands ready to assist Member States in this process.
)");
  EXPECT_FALSE(deadline.has_published() && deadline.published().year() == 2023 &&
               deadline.published().month() == 6 && deadline.published().day() == 30);
}

TEST(RoundCounterExamples, TheTextsOwnLinesStay) {
  EXPECT_THAT(ParagraphTexts(ParseText(R"(HM Treasury
Home
News

Chancellor confirms changes to fuel duty

Press release
23 March 2022

The Chancellor has today confirmed a temporary cut to fuel duty of 5p per litre, the largest cut to all fuel duty rates at once ever.

The cut takes effect from 6pm today and will last for 12 months.

Change history
23 March 2022 - 5p cut to all main fuel duty rates announced
23 March 2023 - cut due to end unless extended

The Treasury estimates that the cut will save the average car driver around £100.
)")),
              Contains(HasSubstr("Change history")));
  EXPECT_THAT(ParagraphTexts(ParseText(R"(An official website of the United States government
Here's how you know

Cybersecurity and Infrastructure Security Agency
News

CISA Completes Transition of the .gov Top-Level Domain Registry

Press release
April 26, 2023

WASHINGTON – The Cybersecurity and Infrastructure Security Agency (CISA) today announced that it has completed the transition of the .gov top-level domain to a new registry operator, making it easier and free for eligible organizations to use .gov.

"When the public sees that a .gov website belongs to a verified U.S. government organization, they can trust the information they find there," said CISA Director Jane Doe.

Under the DotGov Act of 2020, CISA took over management of the .gov domain from the General Services Administration. Since then, CISA has removed the registration fee and strengthened security requirements.

Local governments interested in a .gov domain can apply at get.gov.
)")),
              Contains(HasSubstr("a .gov website belongs to a verified")));
  EXPECT_EQ(ParseText(R"(Ministry of Energy
Home
Media

Ministry Rejects Opposition Press Statement on Fuel Prices

Press release
8 February 2024

The Ministry of Energy rejects the claims made by the opposition yesterday that fuel prices will rise by 20 per cent next month.

Fuel prices are set by the independent regulator on the basis of world market prices and the exchange rate. The Government has no plans to change the fuel levy.

The Ministry calls on all parties to refrain from spreading misinformation.
)")
                .doc_type(),
            v1::DOC_TYPE_PRESS_RELEASE);
}

}  // namespace
}  // namespace docsearch::ingest
