// Texts converted from print, written for the test after the kinds of
// failure the twenty-first set showed (docs/INGEST.md, "Regional
// governments, courts, ministries, missions and texts from print; nine
// more languages"):
// running heads and feet at page breaks, a reference printed as a field
// over the headline. The institutions and texts are invented.
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest_service/parser/document_parser.h"
#include "ingest_service/parser/reference.h"
#include "tests/parser/parse_text.h"

namespace docsearch::ingest {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

// A central bank's release from a PDF: the letterhead, the label, the
// reference as a field, the headline; a running head on each later page
// under the page's counter, a running foot over it.
constexpr char kReleaseFromPrint[] = R"(CENTRAL BANK OF RURITANIA
1 Bank Square | P.O. Box 100 | Strelsau
Tel: +99 20 000 0000 | www.centralbank.example

PRESS RELEASE

Ref: CBR/COMMS/MPC/02/2024

MONETARY POLICY COMMITTEE LOWERS THE CENTRAL BANK RATE

The Monetary Policy Committee met on March 5, 2024, against a backdrop of
easing inflation and steady growth. The Committee reviewed the outcome of
its previous measures and the developments since its last meeting in
January 2024. Inflation fell to 5.1 percent in February from 5.6 percent in
January, within the target range, while the exchange rate remained stable
against the major currencies and exerted little pressure

Central Bank of Ruritania | www.centralbank.example

Page 1 of 2

CENTRAL BANK OF RURITANIA – Press Release – MPC Meeting

on the prices of imported goods and fuel over the period under review.

The Committee decided to lower the Central Bank Rate to 9.5 percent from 10.0
percent, and will meet again in May 2024 to review the impact of its measures.

Central Bank of Ruritania | www.centralbank.example

Page 2 of 2
)";

TEST(TextFromPrint, RunningHeadsAndFeetLeaveTheTextAndTheHeadlineStays) {
  const v1::Document document = ParseText(kReleaseFromPrint);
  EXPECT_EQ(document.title(), "MONETARY POLICY COMMITTEE LOWERS THE CENTRAL BANK RATE");
  EXPECT_FALSE(BodyHolds(document, "Press Release – MPC Meeting"));
  EXPECT_FALSE(BodyHolds(document, "Central Bank of Ruritania | www.centralbank.example"));
  // Both halves of the sentence the page break cut are kept.
  EXPECT_TRUE(BodyHolds(document, "exerted little pressure"));
  EXPECT_TRUE(BodyHolds(document, "on the prices of imported goods"));
}

// A line of the text cut by the page break, printed once, stays.
constexpr char kTextCutByAPageBreak[] = R"(MINISTRY OF OCEAN AFFAIRS

PRESS RELEASE

New patrol vessel for the northern fishing grounds

The Ministry of Ocean Affairs has bought a new patrol vessel to protect the
northern fishing grounds from illegal fishing. The vessel will enter service
next year. The Minister said the purchase was part of a wider plan agreed
with the fishing industry, which also foresees new rules for the landing of
The Ministry will report on the plan to Parliament in the autumn, with

Page 1 of 2

catches in the northern ports and more inspections at sea.

The Ministry will publish the new rules in the spring.

Page 2 of 2
)";

TEST(TextFromPrint, ALineOfTheTextOverTheCounterStays) {
  const v1::Document document = ParseText(kTextCutByAPageBreak);
  EXPECT_TRUE(BodyHolds(document, "The Ministry will report on the plan to Parliament"));
}

TEST(TextFromPrint, AReferenceFieldIsNoHeadline) {
  EXPECT_TRUE(IsReferenceField("Ref: CBK/COMMS/MPC/01/2024"));
  EXPECT_TRUE(IsReferenceField("Réf. : 2024/045"));
  EXPECT_TRUE(IsReferenceField("Our ref: ABC/12"));
  EXPECT_FALSE(IsReferenceField("Reference: the Council's decision of 2024"));
  EXPECT_FALSE(IsReferenceField("Referendum: 2024"));
  EXPECT_FALSE(IsReferenceField("Ref: none"));
}

// A communiqué whose headline opens with its kind and what was done with
// it: the label is the headline's own first words.
constexpr char kCommuniqueIssuedFollowing[] = R"(THE KINGDOM OF RURITANIA
MINISTRY OF FOREIGN AFFAIRS

JOINT COMMUNIQUÉ

Joint Communiqué Issued Following the Second Round of Political Consultations between Ruritania and Borduria

Strelsau, 12 May 2023

1. The second round of political consultations between the two ministries was held in Strelsau on 12 May 2023.

2. The two sides reviewed their bilateral relations and agreed to hold the next round in Borduria in 2024.
)";

TEST(TextFromPrint, ALabelContinuedByWhatWasDoneWithTheTextStaysInTheHeadline) {
  const v1::Document document = ParseText(kCommuniqueIssuedFollowing);
  EXPECT_EQ(document.title(),
            "Joint Communiqué Issued Following the Second Round of Political Consultations "
            "between Ruritania and Borduria");
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_COMMUNIQUE);
}

}  // namespace
}  // namespace docsearch::ingest
