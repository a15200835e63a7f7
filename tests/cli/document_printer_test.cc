#include "cli/document_printer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "cli/terminal_text.h"

namespace docsearch::cli {
namespace {

using docsearch::v1::Document;
using docsearch::v1::ParseDocumentResponse;
using ::testing::HasSubstr;
using ::testing::Not;

std::string Words(int count) {
  std::vector<std::string> words;
  for (int i = 0; i < count; ++i) words.push_back("word" + std::to_string(i));
  return absl::StrJoin(words, " ");
}

Document JointStatement() {
  Document document;
  document.set_id("2001-12-07-nato-russia-joint-statement.txt");
  document.set_source_uri("2001-12-07-nato-russia-joint-statement.txt");
  document.set_language("en");
  document.set_doc_type(docsearch::v1::DOC_TYPE_PRESS_STATEMENT);
  document.set_doc_type_raw("NATO Press Statement");
  document.set_title("NATO-Russia Joint Statement");
  document.set_subtitle("issued on the Occasion of the Meeting of the Permanent Joint Council");
  document.mutable_published()->set_year(2001);
  document.mutable_published()->set_month(12);
  document.mutable_published()->set_day(7);
  document.mutable_updated()->set_seconds(1007683200);  // 2001-12-07 00:00:00 UTC
  auto* first = document.add_paragraphs();
  first->set_number("1");
  first->set_text("Today we commit ourselves to forge a new relationship.");
  auto* tenth = document.add_paragraphs();
  tenth->set_number("10");
  tenth->set_text("We condemn terrorism in all its manifestations.");
  auto* footnote = document.add_footnotes();
  footnote->set_marker("1");
  footnote->set_text("UN Security Council Resolutions 1368 and 1373.");
  auto* entity = document.add_entities();
  entity->set_type(docsearch::v1::ENTITY_TYPE_ORGANIZATION);
  entity->set_name("NATO-Russia Council");
  entity->set_acronym("NRC");
  entity->set_mention_count(5);
  entity->add_mentions("NRC");
  auto* warning = document.add_warnings();
  warning->set_code("date_from_updated_header");
  warning->set_message("no date line found; used the Updated header");
  (*document.mutable_attributes())["collection"].set_keyword_value("nato");
  (*document.mutable_attributes())["pages"].set_integer_value(2);
  return document;
}

TEST(RenderDocument, ShowsTheMetadataTheParserDecided) {
  const std::string out = RenderDocument(JointStatement(), {});

  EXPECT_THAT(out, HasSubstr("Title         NATO-Russia Joint Statement\n"));
  EXPECT_THAT(out, HasSubstr("Subtitle      issued on the Occasion"));
  EXPECT_THAT(out, HasSubstr("Type          press_statement (label \"NATO Press Statement\")\n"));
  EXPECT_THAT(out, HasSubstr("Published     2001-12-07\n"));
  EXPECT_THAT(out, HasSubstr("Updated       2001-12-07 00:00:00 UTC\n"));
  EXPECT_THAT(out, HasSubstr("Language      en\n"));
  EXPECT_THAT(out, HasSubstr("Id            2001-12-07-nato-russia-joint-statement.txt\n"));
}

TEST(RenderDocument, SaysNoneForMissingTypeDateAndTitle) {
  Document document;
  const std::string out = RenderDocument(document, {});

  EXPECT_THAT(out, HasSubstr("Title         (none)\n"));
  EXPECT_THAT(out, HasSubstr("Type          (none)\n"));
  EXPECT_THAT(out, HasSubstr("Published     (none)\n"));
  EXPECT_THAT(out, Not(HasSubstr("Reference")));
  EXPECT_THAT(out, Not(HasSubstr("Updated")));
}

TEST(RenderDocument, NumbersParagraphsInAnAlignedGutter) {
  const std::string out = RenderDocument(JointStatement(), {});

  EXPECT_THAT(out, HasSubstr("Paragraphs (2)\n"
                             "   1. Today we commit ourselves to forge a new relationship.\n"
                             "\n"
                             "  10. We condemn terrorism in all its manifestations.\n"));
}

TEST(RenderDocument, WrapsParagraphsToTheWidthWithAHangingIndent) {
  Document document;
  auto* paragraph = document.add_paragraphs();
  paragraph->set_number("3");
  paragraph->set_text(Words(40));

  const std::string out = RenderDocument(document, {.width = 40});

  std::vector<std::string> lines = absl::StrSplit(out, '\n');
  for (const std::string& line : lines) EXPECT_LE(DisplayWidth(line), 40) << line;
  EXPECT_THAT(out, HasSubstr("  3. word0 word1"));
  EXPECT_THAT(out, HasSubstr("\n     word"));
}

TEST(RenderDocument, ShortensLongParagraphsAndSaysHowMuchIsLeftOut) {
  Document document;
  document.add_paragraphs()->set_text(Words(200));

  const std::string out =
      RenderDocument(document, {.width = 60, .full = false, .max_paragraph_lines = 3});

  EXPECT_THAT(out, HasSubstr("more words; --full shows all)"));
  EXPECT_THAT(out, Not(HasSubstr("word199")));
}

TEST(RenderDocument, DoesNotHideJustALineOrTwo) {
  Document document;
  document.add_paragraphs()->set_text(Words(50));

  const std::string out =
      RenderDocument(document, {.width = 60, .full = false, .max_paragraph_lines = 8});

  EXPECT_THAT(out, HasSubstr("word49"));
}

TEST(RenderDocument, FullShowsEveryWord) {
  Document document;
  document.add_paragraphs()->set_text(Words(200));

  const std::string out =
      RenderDocument(document, {.width = 60, .full = true, .max_paragraph_lines = 3});

  EXPECT_THAT(out, HasSubstr("word199"));
  EXPECT_THAT(out, Not(HasSubstr("--full")));
}

TEST(RenderDocument, ListsFootnotesEntitiesAttributesAndWarnings) {
  const std::string out = RenderDocument(JointStatement(), {});

  EXPECT_THAT(out, HasSubstr("Footnotes (1)\n  [1] UN Security Council Resolutions"));
  EXPECT_THAT(out,
              HasSubstr("Entities (1)\n  organization  NATO-Russia Council (NRC)  ×5  as: NRC\n"));
  EXPECT_THAT(out, HasSubstr("Attributes (2)\n  collection = \"nato\" (keyword)\n"
                             "  pages = 2 (integer)\n"));
  EXPECT_THAT(out, HasSubstr("Warnings (1)\n  ! date_from_updated_header: no date line found;"));
}

TEST(RenderParseResponse, AddsDroppedLinesWithReasonsEncodingAndContentType) {
  ParseDocumentResponse response;
  *response.mutable_document() = JointStatement();
  auto* dropped = response.add_dropped_lines();
  dropped->set_line_number(21);
  dropped->set_text("Go to Homepage Go to Index");
  dropped->set_reason("navigation");
  response.set_content_type(docsearch::v1::CONTENT_TYPE_TEXT);
  response.set_encoding("UTF-8");

  const std::string out = RenderParseResponse(response, {});

  EXPECT_THAT(out, HasSubstr("Dropped lines (1)\n"
                             "  line   21  navigation   \"Go to Homepage Go to Index\"\n"));
  EXPECT_THAT(out, HasSubstr("Content type  text\n"));
  EXPECT_THAT(out, HasSubstr("Encoding      UTF-8\n"));
}

TEST(RenderParseResponse, SaysHowManyDroppedLinesAndLinesAreNotListed) {
  ParseDocumentResponse response;
  *response.mutable_document() = JointStatement();
  auto* dropped = response.add_dropped_lines();
  dropped->set_line_number(3);
  dropped->set_text("A");
  dropped->set_reason("fragment");
  response.set_dropped_lines_not_listed(12345);
  EXPECT_THAT(RenderParseResponse(response, {}),
              HasSubstr("\"A\"\n  and 12345 more dropped lines, not listed\n"));

  docsearch::v1::LineExplanation* line = response.add_lines();
  line->set_line_number(1);
  line->set_text("A");
  response.set_lines_not_listed(77);
  EXPECT_THAT(RenderLineRoles(response), HasSubstr("  and 77 more lines, not listed\n"));
}

TEST(DocumentWidthForTerminal, UsesTheTerminalButNotWiderThanReadsComfortably) {
  EXPECT_EQ(DocumentWidthForTerminal(0), 80);
  EXPECT_EQ(DocumentWidthForTerminal(60), 60);
  EXPECT_EQ(DocumentWidthForTerminal(250), 100);
}

TEST(RenderLineRoles, AlignsEachLineWithItsRoleAndFeatures) {
  ParseDocumentResponse response;
  auto add = [&](int number, const std::string& text, const std::string& role) {
    docsearch::v1::LineExplanation* line = response.add_lines();
    line->set_line_number(number);
    line->set_text(text);
    line->set_role(role);
    return line;
  };
  docsearch::v1::LineExplanation* header =
      add(1, "Updated: 07-Dec-2001 NATO Press Statement", "header");
  docsearch::v1::LineFeature* feature = header->add_features();
  feature->set_name("vote=updated_header");
  feature->set_weight(12.5f);
  add(2, "", "");
  add(3, "Joint Statement", "title")->add_features()->set_name("pos=2");
  const std::string out = RenderLineRoles(response);
  const std::vector<std::string> rows = absl::StrSplit(out, '\n', absl::SkipEmpty());
  ASSERT_EQ(rows.size(), 4u);  // Heading and three lines.
  EXPECT_THAT(rows[1], HasSubstr("header"));
  EXPECT_THAT(rows[1], HasSubstr("vote=updated_header(+12.5)"));
  EXPECT_THAT(rows[3], HasSubstr("title"));
  // The features column starts at the same place on every explained line.
  EXPECT_EQ(rows[1].find("vote=updated_header"), rows[3].find("pos=2"));
}

}  // namespace
}  // namespace docsearch::cli
