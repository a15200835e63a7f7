// HTML and JSON input, and content-type detection.
#include <string>

#include "absl/strings/match.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest_service/parser/content_type.h"
#include "ingest_service/parser/document_parser.h"
#include "ingest_service/parser/html_to_text.h"

namespace docsearch::ingest {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

absl::StatusOr<v1::ParseDocumentResponse> Parse(const std::string& content,
                                                v1::ContentType type = v1::CONTENT_TYPE_UNSPECIFIED,
                                                const std::string& uri = "") {
  v1::RawDocument raw;
  raw.set_content(content);
  raw.set_content_type(type);
  raw.set_source_uri(uri);
  return ParseRawDocument(raw, {});
}

constexpr char kStatementPage[] = R"(<!DOCTYPE html>
<html><head><title>NATO Press Statement</title>
<style>p { color: red }</style><script>var tracking = 1;</script></head>
<body>
<nav><a href="/">Go to Homepage</a> | <a href="/index">Index</a></nav>
<p>Updated: 07-Dec-2001 NATO Press Statement</p>
<p>7 Dec. 2001</p>
<h1>NATO-Russia Joint Statement</h1>
<p>issued on the Occasion of the Meeting<br>of the Permanent Joint Council</p>
<ol>
<li>1. Today we commit ourselves to forge a new relationship between NATO Allies and Russia.</li>
<li>2. We, the Ministers, will continue our dialogue on the process on which we have embarked.</li>
</ol>
</body></html>)";

TEST(HtmlDocuments, ReadTheSameStructureAsText) {
  absl::StatusOr<v1::ParseDocumentResponse> parsed = Parse(kStatementPage);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  const v1::Document& document = parsed->document();
  EXPECT_EQ(parsed->content_type(), v1::CONTENT_TYPE_HTML);
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_PRESS_STATEMENT);
  EXPECT_EQ(document.published().day(), 7);
  EXPECT_EQ(document.title(), "NATO-Russia Joint Statement");
  EXPECT_EQ(document.subtitle(),
            "issued on the Occasion of the Meeting of the Permanent Joint Council");
  ASSERT_EQ(document.paragraphs_size(), 2);
  EXPECT_EQ(document.paragraphs(1).number(), "2");
}

TEST(HtmlDocuments, KeepTableCellsOfARowOnOneLine) {
  const HtmlText text = HtmlToText(
      "<table><tr><td>Updated: 29-Oct-2001</td><td>NATO Press Releases</td></tr></table>"
      "<p>29 Oct. 2001</p>");
  EXPECT_EQ(text.text, "Updated: 29-Oct-2001 | NATO Press Releases\n\n29 Oct. 2001\n");
}

TEST(HtmlDocuments, DropScriptsStylesAndNavigation) {
  const HtmlText text = HtmlToText(kStatementPage);
  EXPECT_THAT(text.text, Not(HasSubstr("tracking")));
  EXPECT_THAT(text.text, Not(HasSubstr("color")));
  EXPECT_THAT(text.text, Not(HasSubstr("Go to Homepage")));
  EXPECT_EQ(text.page_title, "NATO Press Statement");
}

TEST(HtmlDocuments, SurviveHundredThousandNestingLevelsWithAWarning) {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  deep += "The Council met in Brussels today and agreed on the plan.";
  for (int i = 0; i < 100000; ++i) deep += "</div>";
  absl::StatusOr<v1::ParseDocumentResponse> parsed = Parse(deep);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  bool warned = false;
  for (const v1::ParseWarning& warning : parsed->document().warnings()) {
    warned |= warning.code() == "html_too_deep";
  }
  EXPECT_TRUE(warned);
  ASSERT_GE(parsed->document().paragraphs_size(), 1);
  EXPECT_THAT(parsed->document().paragraphs(0).text(), HasSubstr("agreed on the plan"));
}

TEST(HtmlDocuments, ParseLongPagesOfUnclosedParagraphsAndBreaksNormally) {
  std::string page = "<html><body><h1>Council statement</h1>";
  for (int i = 0; i < 5000; ++i) {
    page += "<p>The Council met again today in Brussels and agreed on the next steps.<br>";
  }
  page += "</body></html>";
  absl::StatusOr<v1::ParseDocumentResponse> parsed = Parse(page);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  for (const v1::ParseWarning& warning : parsed->document().warnings()) {
    EXPECT_NE(warning.code(), "html_too_deep");
  }
  EXPECT_EQ(parsed->document().title(), "Council statement");
  EXPECT_EQ(parsed->document().paragraphs_size(), 5000);
}

TEST(JsonDocuments, TakeTheirFieldsAndTypedAttributes) {
  absl::StatusOr<v1::ParseDocumentResponse> parsed = Parse(R"({
    "id": "pjc-2001-12-18", "source_uri": "https://www.nato.int/docu/pr/2001/p011218e.htm",
    "title": "Permanent Joint Council Meeting", "published": "2001-12-18",
    "body": "The NATO-Russia Permanent Joint Council met today.\n\nMinisters agreed.",
    "attributes": {"source": "nato.int", "pages": 3, "weight": 0.5,
                   "signed": {"date": "2001-12-19"}}})");
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  const v1::Document& document = parsed->document();
  EXPECT_EQ(parsed->content_type(), v1::CONTENT_TYPE_JSON);
  EXPECT_EQ(document.id(), "pjc-2001-12-18");
  EXPECT_EQ(document.title(), "Permanent Joint Council Meeting");
  EXPECT_EQ(document.published().day(), 18);
  ASSERT_EQ(document.paragraphs_size(), 2);
  EXPECT_EQ(document.attributes().at("source").keyword_value(), "nato.int");
  EXPECT_EQ(document.attributes().at("pages").integer_value(), 3);
  EXPECT_DOUBLE_EQ(document.attributes().at("weight").double_value(), 0.5);
  EXPECT_EQ(document.attributes().at("signed").date_value().day(), 19);
  EXPECT_TRUE(document.warnings().empty()) << document.warnings(0).code();
}

TEST(JsonDocuments, NameTheFieldThatIsWrong) {
  absl::StatusOr<v1::ParseDocumentResponse> parsed =
      Parse(R"({"title": "x", "body": 42})", v1::CONTENT_TYPE_JSON);
  EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(parsed.status().message()), HasSubstr("'body'"));
  parsed = Parse(R"({"body": "text", "attributes": {"tags": [1, 2]}})", v1::CONTENT_TYPE_JSON);
  EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(parsed.status().message()), HasSubstr("attributes.tags"));
  parsed = Parse(R"({"body": "text", )", v1::CONTENT_TYPE_JSON);
  EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(parsed.status().message()), HasSubstr("not valid JSON"));
}

TEST(ContentType, IsDetectedFromExtensionThenFirstCharacter) {
  EXPECT_EQ(DetectContentType("Header <div>x</div>", "https://www.nato.int/docu/p011218e.htm"),
            v1::CONTENT_TYPE_HTML);
  // The rendered text of a page kept under the page's URL.
  EXPECT_EQ(DetectContentType("Updated: 07-Dec-2001", "https://www.nato.int/docu/p011218e.htm"),
            v1::CONTENT_TYPE_TEXT);
  EXPECT_EQ(DetectContentType("<p>x</p>", "notes.txt"), v1::CONTENT_TYPE_TEXT);
  EXPECT_EQ(DetectContentType("  {\"body\": \"x\"}", ""), v1::CONTENT_TYPE_JSON);
  EXPECT_EQ(DetectContentType("\n<html>", ""), v1::CONTENT_TYPE_HTML);
  EXPECT_EQ(DetectContentType("Updated: 07-Dec-2001", ""), v1::CONTENT_TYPE_TEXT);
}

}  // namespace
}  // namespace docsearch::ingest
