// The type a page's address names. Addresses written for the test, in the
// shapes sites use for their sections and page names.
#include "ingest_service/parser/source_path_type.h"

#include <optional>

#include "gtest/gtest.h"

namespace docsearch::ingest {
namespace {

std::optional<v1::DocType> TypeOf(const char* uri) {
  std::optional<SourcePathType> named = DocTypeFromSourcePath(uri);
  if (!named.has_value()) return std::nullopt;
  return named->type;
}

TEST(SourcePathType, SectionFoldersNameTheKind) {
  EXPECT_EQ(TypeOf("https://example.gov/press-statements/2004/0412a.html"),
            v1::DOC_TYPE_PRESS_STATEMENT);
  EXPECT_EQ(TypeOf("https://example.org/en/media/Press-Releases/2009/12.aspx?lang=en"),
            v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(TypeOf("http://example.ca/media/news-communiques/2010/44.aspx"),
            v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(TypeOf("https://example.fr/fr/communiques_de_presse/article-12"),
            v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(TypeOf("https://example.de/de/pressemitteilungen/erklaerung-123"),
            v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(TypeOf("https://example.int/speeches/2002/s020930a.htm"), v1::DOC_TYPE_SPEECH);
  EXPECT_EQ(TypeOf("https://example.int/en/events/transcripts/1999/01/28/remarks"),
            v1::DOC_TYPE_OTHER);
}

TEST(SourcePathType, FoldersThatHoldEveryKindNameNone) {
  EXPECT_EQ(TypeOf("https://example.int/news/2003/06/item-12.htm"), std::nullopt);
  EXPECT_EQ(TypeOf("https://example.int/press/1999/p99-101e.htm"), std::nullopt);
  // A ministry's "statements" hold its press conferences and briefings too.
  EXPECT_EQ(TypeOf("https://example.gov/statements/970529a.html"), std::nullopt);
  EXPECT_EQ(TypeOf("https://example.int/docu/comm/49-95/c931203a.htm"), std::nullopt);
  // The host is not a folder.
  EXPECT_EQ(TypeOf("https://statements.example.org/2004/12.html"), std::nullopt);
  EXPECT_EQ(TypeOf("https://example.org"), std::nullopt);
  EXPECT_EQ(TypeOf(""), std::nullopt);
}

TEST(SourcePathType, PageNameOpeningWithAKindAndItsSubject) {
  EXPECT_EQ(TypeOf("https://example.gov/1998/04/1998-04-30-statement-by-president-on-x.html"),
            v1::DOC_TYPE_PRESS_STATEMENT);
  EXPECT_EQ(TypeOf("https://example.com/canada/statement-from-ministers-on-the-summit"),
            v1::DOC_TYPE_PRESS_STATEMENT);
  EXPECT_EQ(TypeOf("https://example.wordpress.com/2013/06/24/remarks-at-the-opening/"),
            v1::DOC_TYPE_SPEECH);
  EXPECT_EQ(TypeOf("https://example.gov/2020/remarks-at-the-opening-of-the-conference"),
            v1::DOC_TYPE_SPEECH);
  // A kind word that does not introduce the page's subject.
  EXPECT_EQ(TypeOf("https://example.com/statements-of-account-explained.html"), std::nullopt);
  EXPECT_EQ(TypeOf("https://example.com/statement-week-summary.html"), std::nullopt);
  EXPECT_EQ(TypeOf("https://example.org/contact/address-of-the-ministry"), std::nullopt);
  EXPECT_EQ(TypeOf("https://example.org/tools/speech-recognition-for-archives"), std::nullopt);
  EXPECT_EQ(TypeOf("https://example.com/documents/washington-summit-communique"), std::nullopt);
}

TEST(SourcePathType, AFolderDecidesOverThePageName) {
  EXPECT_EQ(TypeOf("https://example.int/en/transcripts/1997/07/10/statement-by-the-secretary"),
            v1::DOC_TYPE_OTHER);
}

TEST(SourcePathType, OnlyATypeNothingPrintedGivesWay) {
  v1::Document untyped;
  untyped.set_doc_type(v1::DOC_TYPE_UNSPECIFIED);
  SetTypeFromSourcePath("https://example.gov/press-releases/12.html", &untyped);
  EXPECT_EQ(untyped.doc_type(), v1::DOC_TYPE_PRESS_RELEASE);
  ASSERT_EQ(untyped.warnings_size(), 1);
  EXPECT_EQ(untyped.warnings(0).code(), "doc_type_from_source_uri");

  v1::Document labelled;
  labelled.set_doc_type(v1::DOC_TYPE_OTHER);
  labelled.set_doc_type_raw("Press Conference");
  SetTypeFromSourcePath("https://example.gov/press-releases/12.html", &labelled);
  EXPECT_EQ(labelled.doc_type(), v1::DOC_TYPE_OTHER);
  EXPECT_EQ(labelled.warnings_size(), 0);
}

TEST(SourcePathType, ASectionDecidesOverASalutationAPageNameDoesNot) {
  v1::Document greeted;
  greeted.set_doc_type(v1::DOC_TYPE_SPEECH);
  v1::ParseWarning* warning = greeted.add_warnings();
  warning->set_code("doc_type_from_salutation");
  v1::Document by_page = greeted;
  SetTypeFromSourcePath("https://example.int/fr/transcripts/1999/01/28/point-de-presse", &greeted);
  EXPECT_EQ(greeted.doc_type(), v1::DOC_TYPE_OTHER);
  ASSERT_EQ(greeted.warnings_size(), 1);
  EXPECT_EQ(greeted.warnings(0).code(), "doc_type_from_source_uri");

  SetTypeFromSourcePath("https://example.gov/statement-on-the-report-of-the-chair/", &by_page);
  EXPECT_EQ(by_page.doc_type(), v1::DOC_TYPE_SPEECH);
}

}  // namespace
}  // namespace docsearch::ingest
