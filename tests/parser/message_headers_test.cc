// A mailbox's and a news database's header fields (message_headers.h): read
// where a reader needs them, blanked otherwise, lines kept in place.
#include "ingest_service/parser/message_headers.h"

#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace docsearch::ingest {
namespace {

using ::testing::ElementsAre;
using ::testing::Field;

std::vector<std::string> Lines(const std::string& text) { return absl::StrSplit(text, '\n'); }

TEST(MessageHeaders, AnEmailsHeadersAndNoticesAreBlanked) {
  const TextWithoutHeaders read = WithoutMessageHeaders(
      "From: Press Office <press@example.org>\n"
      "Sent: Thursday 18 June 2020 00:07\n"
      "To: Press Office <press@example.org>\n"
      "Subject: Press Release: Minister welcomes election to the Council\n"
      "\n"
      "CAUTION: This email originated from outside of the organisation.\n"
      "\n"
      "Minister welcomes election to the Council\n"
      "17 June 2020\n");
  EXPECT_THAT(Lines(read.text),
              ElementsAre("", "", "", "", "", "", "", "Minister welcomes election to the Council",
                          "17 June 2020", ""));
  EXPECT_THAT(
      read.removed,
      ElementsAre(Field(&RemovedHeaderLine::number, 1), Field(&RemovedHeaderLine::number, 2),
                  Field(&RemovedHeaderLine::number, 3), Field(&RemovedHeaderLine::number, 4),
                  Field(&RemovedHeaderLine::number, 6)));
  EXPECT_EQ(read.removed[1].text, "Sent: Thursday 18 June 2020 00:07");
}

// With no headline printed below, the subject is the only one: it stays.
TEST(MessageHeaders, ASubjectNotPrintedAgainStays) {
  const TextWithoutHeaders read = WithoutMessageHeaders(
      "From: Press Office <press@example.org>\n"
      "Date: 18 June 2020\n"
      "Subject: Minister welcomes election to the Council\n"
      "\n"
      "The minister welcomed today the country's election to the Council.\n");
  EXPECT_THAT(Lines(read.text), ElementsAre("", "", "Minister welcomes election to the Council", "",
                                            "The minister welcomed today the country's election "
                                            "to the Council.",
                                            ""));
}

TEST(MessageHeaders, ANewsDatabasesFields) {
  const TextWithoutHeaders read = WithoutMessageHeaders(
      "Page 1\n"
      "3 of 12 DOCUMENTS\n"
      "July 22, 2003 Tuesday\n"
      "SECTION: MEDIA RELEASE\n"
      "LENGTH: 468 words\n"
      "HEADLINE: Troops to join the regional mission\n"
      "BYLINE: Minister for Defence\n"
      "BODY:\n"
      "The defence force will provide personnel to the mission.\n"
      "LOAD-DATE: July 23, 2003\n");
  EXPECT_THAT(Lines(read.text),
              ElementsAre("", "", "July 22, 2003 Tuesday", "MEDIA RELEASE", "",
                          "Troops to join the regional mission", "", "",
                          "The defence force will provide personnel to the mission.", "", ""));
}

// One field, or a page's own "From:" line (a department under a headline),
// is no block of headers.
TEST(MessageHeaders, TextsWithoutABlockAreUnchanged) {
  for (const std::string& text :
       {std::string("Minister visits troops\nFrom: Ministry of Defence\n\nThe minister visited.\n"),
        std::string("Subject: the budget\n\nThe council discussed the budget.\n"),
        std::string("BODY: none\nThe text.\n"),
        // A memo's own fields: no address, no Sent.
        std::string("MEMORANDUM\nTo: All staff\nFrom: The Director\nDate: 14 March 2022\n"
                    "Subject: Office move\n\nThe office moves on Monday.\n"),
        // Fields quoted by a text, below its first sentence.
        std::string("New guide for councils\n\nThe service published a guide today. It shows "
                    "the parts every release should have:\n\nHEADLINE: what happened\n"
                    "DATELINE: the place and the date\nBODY: who, what, when and where\n")}) {
    const TextWithoutHeaders read = WithoutMessageHeaders(text);
    EXPECT_EQ(read.text, text);
    EXPECT_TRUE(read.removed.empty());
  }
}

}  // namespace
}  // namespace docsearch::ingest
