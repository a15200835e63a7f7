// HTML and JSON input, and content-type detection.
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
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

// A page built on a generic framework: its menus, banner, sidebar, footer
// and cookie notice are <div>s that say what they are only by their ARIA
// role, and some text is there for scripts or icons, not for readers.
constexpr char kFrameworkPage[] = R"(<!DOCTYPE html>
<html><head><title>Statement by the Secretary General | NATO</title></head>
<body>
<div role="banner"><h1>North Atlantic Treaty Organization</h1>
  <button type="button">Menu</button></div>
<div role="navigation"><ul><li>Home</li><li>News</li><li>Press releases</li></ul></div>
<div class="lang-switch" role="menubar">EN | FR | RU</div>
<div role="search"><label>Search this site</label></div>
<div role="main">
  <p>12 Sep. 2001</p>
  <h1>Statement by the Secretary General on the attacks against the United States</h1>
  <p><span aria-hidden="true">&#xe801;</span>Share <button>Print this page</button></p>
  <p>The North Atlantic Council met this morning in emergency session to express its solidarity.</p>
  <p hidden>Loading the related video player</p>
  <p style="display: none">Your browser does not support the audio element.</p>
  <p>Our message to the people of the United States is that we stand with you.</p>
</div>
<div role="complementary"><h2>Related links</h2><p>Audio file .MP3/806Kb</p></div>
<div role="contentinfo">Copyright NATO 2001 | Privacy policy</div>
<div role="dialog" class="cookies">This site uses cookies. Accept all cookies</div>
<dialog open>Subscribe to our newsletter</dialog>
</body></html>)";

TEST(HtmlDocuments, DropWhatRolesNameFurnitureAndWhatThePageHides) {
  const HtmlText text = HtmlToText(kFrameworkPage);
  for (const char* furniture :
       {"North Atlantic Treaty Organization", "Menu", "Press releases", "EN | FR | RU",
        "Search this site", "Print this page", "Loading the related video", "does not support",
        "Related links", "Audio file", "Copyright", "cookies", "newsletter"}) {
    EXPECT_THAT(text.text, Not(HasSubstr(furniture))) << furniture;
  }
  EXPECT_THAT(text.text, HasSubstr("Statement by the Secretary General on the attacks"));
  EXPECT_THAT(text.text, HasSubstr("express its solidarity"));
  EXPECT_THAT(text.text, HasSubstr("we stand with you"));
  // The banner's <h1> is the site's name, not the headline.
  EXPECT_EQ(text.headline,
            "Statement by the Secretary General on the attacks against the United States");
}

TEST(HtmlDocuments, TakeTheHeadlineAndBodyOfAFrameworkPage) {
  absl::StatusOr<v1::ParseDocumentResponse> parsed = Parse(kFrameworkPage);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  const v1::Document& document = parsed->document();
  EXPECT_EQ(document.title(),
            "Statement by the Secretary General on the attacks against the United States");
  EXPECT_EQ(document.published().year(), 2001);
  std::string body;
  for (const v1::Paragraph& paragraph : document.paragraphs()) body += paragraph.text() + "\n";
  EXPECT_THAT(body, HasSubstr("express its solidarity"));
  EXPECT_THAT(body, Not(HasSubstr("Related links")));
  EXPECT_THAT(body, Not(HasSubstr("cookies")));
}

TEST(HtmlDocuments, KeepWhatARoleOrStyleDoesNotHide) {
  const HtmlText text = HtmlToText(
      "<div role=\"main\"><p>The Council met.</p></div>"
      "<div role=\"region\"><p>Ministers agreed.</p></div>"
      "<p style=\"display: block\">Allies welcomed it.</p>"
      "<p aria-hidden=\"false\">Partners joined.</p>");
  EXPECT_EQ(text.text,
            "The Council met.\n\nMinisters agreed.\n\nAllies welcomed it.\n\nPartners joined.\n");
}

// An older page that marks nothing but its class and id names.
constexpr char kClassNamedPage[] = R"(<html><body>
<div id="masthead">Ministry of Foreign Affairs</div>
<div class="breadcrumb">Home &gt; News &gt; Statements</div>
<div class="top-social-bar"><h1>Joint statement on the situation in the Balkans</h1>
  <a href="#">Tweet</a></div>
<div id="main-column">
<p>Brussels, 3 May 1999</p>
<p>The ministers discussed the humanitarian situation and agreed on further steps.</p>
<ul class="share-links"><li>Facebook</li><li>E-mail this page</li></ul>
<div class="related_news"><p>NATO ministers meet in Washington</p></div>
<div class="sidebar-content"><p>The ministers will meet again in June.</p></div>
</div>
<div id="cookie-notice">We use cookies to improve your experience.</div>
<div class="site-footer">Contact | Legal notice</div>
</body></html>)";

TEST(HtmlDocuments, DropWhatClassAndIdNamesAsFurnitureButNeverTheHeadline) {
  const HtmlText text = HtmlToText(kClassNamedPage);
  for (const char* furniture :
       {"Ministry of Foreign Affairs", "Home > News", "Facebook", "E-mail this page",
        "NATO ministers meet in Washington", "cookies", "Legal notice"}) {
    EXPECT_THAT(text.text, Not(HasSubstr(furniture))) << furniture;
  }
  // The headline's own block is kept whatever its name says, and a name
  // that also says content keeps its element.
  EXPECT_THAT(text.text, HasSubstr("Joint statement on the situation in the Balkans"));
  EXPECT_THAT(text.text, HasSubstr("agreed on further steps"));
  EXPECT_THAT(text.text, HasSubstr("will meet again in June"));
  EXPECT_EQ(text.headline, "Joint statement on the situation in the Balkans");

  absl::StatusOr<v1::ParseDocumentResponse> parsed = Parse(kClassNamedPage);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(parsed->document().title(), "Joint statement on the situation in the Balkans");
}

TEST(HtmlDocuments, NameThePageByItsCardTitleElseItsTitleWithoutTheSiteName) {
  EXPECT_EQ(HtmlToText("<html><head><title>Final Communiqu\xC3\xA9 | NATO</title>"
                       "<meta property=\"og:title\" content=\"Final Communiqu\xC3\xA9 of the "
                       "Ministerial Meeting\"></head><body><p>Text.</p></body></html>")
                .page_title,
            "Final Communiqu\xC3\xA9 of the Ministerial Meeting");
  EXPECT_EQ(HtmlToText("<title>Joint statement on Ukraine | Minist\xC3\xA8re de l'Europe et "
                       "des Affaires \xC3\xA9trang\xC3\xA8res</title><p>Text.</p>")
                .page_title,
            "Joint statement on Ukraine");
  // A bar inside the text, or before a long part, is not a site name.
  EXPECT_EQ(HtmlToText("<title>NATO | Press releases and statements issued by the Council "
                       "this week</title><p>Text.</p>")
                .page_title,
            "NATO | Press releases and statements issued by the Council this week");
  EXPECT_EQ(HtmlToText("<title>Statement | NATO</title><p>Text.</p>").page_title,
            "Statement | NATO");
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

TEST(JsonDocuments, ReadAnHtmlBodyAsAPage) {
  absl::StatusOr<v1::ParseDocumentResponse> parsed = Parse(
      R"({"id": "weu-1992-06-19", "title": "Petersberg Declaration",)"
      R"( "body": "<div class=\"share-links\">Tweet | Print</div>)"
      R"(<p>1. Ministers met in Bonn on 19 June 1992.</p><p>2. They agreed on new tasks.</p>"})",
      v1::CONTENT_TYPE_JSON);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  const v1::Document& document = parsed->document();
  EXPECT_EQ(document.title(), "Petersberg Declaration");
  ASSERT_EQ(document.paragraphs_size(), 2);
  EXPECT_EQ(document.paragraphs(0).text(), "Ministers met in Bonn on 19 June 1992.");
  EXPECT_EQ(document.paragraphs(1).number(), "2");
  bool warned = false;
  for (const v1::ParseWarning& warning : document.warnings()) {
    warned |= warning.code() == "json_body_html";
  }
  EXPECT_TRUE(warned);

  // Without a title field, the page's own headline is the title.
  absl::StatusOr<v1::ParseDocumentResponse> untitled =
      Parse(R"({"body": "<h1>Petersberg Declaration</h1><p>Ministers met in Bonn today and agreed )"
            R"(on the new tasks of the Union.</p>"})",
            v1::CONTENT_TYPE_JSON);
  ASSERT_TRUE(untitled.ok()) << untitled.status();
  EXPECT_EQ(untitled->document().title(), "Petersberg Declaration");
}

TEST(JsonDocuments, KeepATextBodyWithAStrayTagAsText) {
  absl::StatusOr<v1::ParseDocumentResponse> parsed =
      Parse(R"({"title": "Statement", "body": "First line<br />\nSecond <p> paragraph"})",
            v1::CONTENT_TYPE_JSON);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  for (const v1::ParseWarning& warning : parsed->document().warnings()) {
    EXPECT_NE(warning.code(), "json_body_html");
  }
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

// Nesting is bounded before the JSON parser runs, whose time grows with the
// square of the depth (100,000 levels took minutes); brackets inside
// strings do not count.
TEST(JsonDocuments, DeepNestingIsInvalidArgumentAtOnce) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  absl::StatusOr<v1::ParseDocumentResponse> parsed =
      Parse(absl::StrCat(R"({"title": "x", "body": "text", "extra": )", deep, "}"),
            v1::CONTENT_TYPE_JSON);
  EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(parsed.status().message()), HasSubstr("deeper than 100 levels"));

  const std::string brackets_in_text = std::string(500, '[') + "\\\"" + std::string(500, '{');
  parsed = Parse(absl::StrCat(R"({"title": "x", "body": "The Council met.", "note": ")",
                              brackets_in_text, R"(", "extra": [[[{"a": [1]}]]]})"),
                 v1::CONTENT_TYPE_JSON);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(parsed->document().title(), "x");
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
