// Runs that are never a headline whatever their score (never_headline.h):
// a menu printed one item to a line is not a wrapped headline.
// Documents written for the test.
#include "ingest_service/parser/never_headline.h"

#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "ingest_service/parser/line_features.h"
#include "ingest_service/parser/plain_text_parser.h"

namespace docsearch::ingest {
namespace {

// Whether the run of the model's lines [begin, end) of `text` (blank lines
// are no model lines) is never a headline.
bool NeverHeadline(const std::string& text, size_t begin, size_t end) {
  std::vector<SourceLine> lines;
  int number = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) lines.push_back({line, ++number});
  v1::ParseDocumentResponse parsed;
  ParsePlainText(text, "", &parsed);
  const std::vector<LineFeatures> features = ComputeLineFeatures(lines, parsed);
  TitleCandidate candidate;
  candidate.begin = begin;
  candidate.end = end;
  return IsNeverHeadline(candidate, lines, features);
}

constexpr char kMenuOverTheText[] =
    "Council of the Alliance\n\nPolicies\nMeetings calendar\nDocuments and publications\n"
    "Press releases\n\nCouncil adopts new rules on maritime surveillance data\n\n"
    "The Council today adopted new rules on how member states share maritime surveillance "
    "data, completing the legislative procedure.\n";

constexpr char kWrappedHeadline[] =
    "Council of the Alliance\n\nOpening Statement\nby the Secretary General at the\n"
    "Meeting of Defence Ministers of\nthe Alliance\n\n"
    "Ladies and gentlemen, I welcome the agreement reached by the river commission on the "
    "rules for shipping, which will enter into force next year.\n";

TEST(NeverHeadline, AMenuPrintedOneItemToALine) {
  EXPECT_TRUE(NeverHeadline(kMenuOverTheText, 1, 5));
  // Three items are as many lines as a short headline may wrap over.
  EXPECT_FALSE(NeverHeadline(kMenuOverTheText, 2, 5));
}

// A headline stacked in short lines under the type label.
constexpr char kStackedHeadline[] =
    "Ministry of Finance\n\nSpeech\n\nBudget 2024\nBuilding Homes\nCutting Costs\n"
    "Creating Jobs\n\n12 March 2024\n\n"
    "Madam Speaker, I rise to present the budget, which builds homes, cuts costs and creates "
    "jobs.\n";

TEST(NeverHeadline, AHeadlineStackedUnderTheLabelIsNoMenu) {
  EXPECT_FALSE(NeverHeadline(kStackedHeadline, 2, 6));
}

TEST(NeverHeadline, NotAHeadlineWrappedOverShortLines) {
  EXPECT_FALSE(NeverHeadline(kWrappedHeadline, 1, 5));
}

// A release hard-wrapped at 70 columns: its dateline and first sentence
// run over two lines under the headline.
constexpr char kDatelineWrapped[] =
    "STATE DEPARTMENT OF PARKS\nNEWS RELEASE\n\nMarch 28, 2024\n\n"
    "Parks to test new boat ramps on the lower river\n\n"
    "ST. PAUL \xE2\x80\x94 The State Department of Parks will install two new boat ramps\n"
    "on the lower river this summer as part of a pilot project, the agency\n"
    "announced today.\n";

TEST(NeverHeadline, ATextsDatelineAndItsFirstSentence) {
  EXPECT_TRUE(NeverHeadline(kDatelineWrapped, 4, 6));
  // The headline above it stays a headline.
  EXPECT_FALSE(NeverHeadline(kDatelineWrapped, 3, 4));
}

// "NATO – Russia …", "EU - China …": an organisation's acronym and a dash
// open headlines.
constexpr char kAcronymAndDash[] =
    "Council of the Alliance\n\nNATO \xE2\x80\x93 Russia Council meets in Brussels to review "
    "the work of its committees on arms control\n\n"
    "The Council met today at the level of ambassadors and reviewed the work of its "
    "committees.\n";

TEST(NeverHeadline, AnAcronymAndADashOpenAHeadline) {
  EXPECT_FALSE(NeverHeadline(kAcronymAndDash, 1, 2));
}

}  // namespace
}  // namespace docsearch::ingest
