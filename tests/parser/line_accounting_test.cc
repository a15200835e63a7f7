// The accounting of lines a parse leaves out of the document
// (line_accounting.h), through ParseRawDocument: what it lists as dropped,
// and what it does not.
#include "ingest_service/parser/line_accounting.h"

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"
#include "ingest_service/parser/document_parser.h"

namespace docsearch::ingest {
namespace {

constexpr char kBody[] =
    "The Council met today and reviewed the situation in the region. Ministers agreed on the "
    "next steps of their common work and called on all parties to show restraint.\n";

v1::ParseDocumentResponse ParseOrDie(const std::string& content) {
  v1::RawDocument raw;
  raw.set_content(content);
  absl::StatusOr<v1::ParseDocumentResponse> parsed = ParseRawDocument(raw, {});
  EXPECT_TRUE(parsed.ok()) << parsed.status();
  return parsed.ok() ? *parsed : v1::ParseDocumentResponse();
}

bool IsDropped(const v1::ParseDocumentResponse& response, int line_number) {
  for (const v1::DroppedLine& line : response.dropped_lines()) {
    if (line.line_number() == line_number) return true;
  }
  return false;
}

// A line kept as text is not listed as dropped, though trimming took the
// no-break spaces off its ends.
TEST(LineAccounting, AKeptLineBetweenNoBreakSpacesIsNotListedAsDropped) {
  const v1::ParseDocumentResponse response =
      ParseOrDie(std::string("Press Release\n\nStatement by the Secretary General on the "
                             "Situation in Kosovo\n\n\u00a0Brussels, Belgium\u00a0\n\n") +
                 kBody);
  std::string text;
  for (const v1::Paragraph& paragraph : response.document().paragraphs()) {
    text += paragraph.text() + "\n";
  }
  if (text.find("Brussels, Belgium") != std::string::npos) {
    EXPECT_FALSE(IsDropped(response, 5)) << "line 5 is in the text and listed as dropped";
  } else {
    EXPECT_TRUE(IsDropped(response, 5)) << "line 5 is neither in the text nor dropped";
  }
}

TEST(LineAccounting, ListsEachDroppedLineOnce) {
  const v1::ParseDocumentResponse response = ParseOrDie(
      std::string("U.S. Department of State\nU.S. Department of State\nU.S. Department of State\n"
                  "Statement on the Council Meeting\n\n") +
      kBody);
  std::set<int> seen;
  for (const v1::DroppedLine& line : response.dropped_lines()) {
    EXPECT_TRUE(seen.insert(line.line_number()).second)
        << "line " << line.line_number() << " listed twice";
  }
}

TEST(LineAccounting, RemoveDuplicateDroppedLinesKeepsTheFirstReasonInOrder) {
  v1::ParseDocumentResponse response;
  for (const auto& [number, reason] : std::vector<std::pair<int, std::string>>{
           {9, "reference"}, {7, "date_line"}, {9, "place"}, {12, "header"}, {7, "head"}}) {
    v1::DroppedLine* line = response.add_dropped_lines();
    line->set_line_number(number);
    line->set_reason(reason);
  }
  RemoveDuplicateDroppedLines(&response);
  ASSERT_EQ(response.dropped_lines_size(), 3);
  EXPECT_EQ(response.dropped_lines(0).reason(), "reference");
  EXPECT_EQ(response.dropped_lines(1).reason(), "date_line");
  EXPECT_EQ(response.dropped_lines(2).reason(), "header");
}

}  // namespace
}  // namespace docsearch::ingest
