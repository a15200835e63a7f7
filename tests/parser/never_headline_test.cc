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

TEST(NeverHeadline, NotAHeadlineWrappedOverShortLines) {
  EXPECT_FALSE(NeverHeadline(kWrappedHeadline, 1, 5));
}

}  // namespace
}  // namespace docsearch::ingest
