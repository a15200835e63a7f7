// The type label and reference a page printed, which the parser lifts out of
// the text (index/body_passages.h), seen through Search: a query naming them
// finds the document, and its snippet still comes from the shown text.
#include <memory>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "query_service/search/search_index.h"
#include "query_service/server/search_request_mapping.h"
#include "tests/query_service/server/hit_ids.h"
#include "tests/query_service/server/one_paragraph_document.h"

namespace docsearch::query {
namespace {

using ::docsearch::v1::SearchRequest;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

// Two French texts on a ministers' meeting: the communiqué prints its label
// above the title and never says "communiqué" in its text; the statement
// says "réunion" more often.
void FillMeetingTexts(SearchIndex& index) {
  auto communique = OneParagraphDocument(
      "communique", "Réunion du Conseil en session des ministres de la défense",
      "Le Conseil s'est réuni à Bruxelles le 11 juin 1998.", "fr");
  communique->set_doc_type_raw("Communiqué final");
  communique->set_reference("M-NAC-D-1(98)71");
  ASSERT_TRUE(index.Upsert(std::move(communique)).ok());
  ASSERT_TRUE(
      index
          .Upsert(OneParagraphDocument(
              "statement", "Déclaration du porte-parole",
              "Une réunion, puis une autre réunion: la réunion des ministres est finie.", "fr"))
          .ok());
}

TEST(PrintedHeadWordsSearchTest, AQueryNamingTheLabelFindsTheDocumentThatPrintedIt) {
  SearchIndex index{SearchOptions{}};
  FillMeetingTexts(index);
  EXPECT_THAT(HitIds(index, "communiqué final réunion", "fr"),
              ElementsAre("communique", "statement"));
  // The reference as printed is a word of the document too.
  EXPECT_THAT(HitIds(index, "M-NAC-D-1(98)71", "fr"), ElementsAre("communique"));
}

TEST(PrintedHeadWordsSearchTest, TheSnippetComesFromTheShownTextNotTheLabel) {
  SearchIndex index{SearchOptions{}};
  FillMeetingTexts(index);
  SearchRequest request;
  request.set_query_string("communiqué final bruxelles");
  request.set_language("fr");
  auto response = SearchByRequest(index, request);
  ASSERT_TRUE(response.ok()) << response.status();
  ASSERT_EQ(response->hits_size(), 1);
  ASSERT_GE(response->hits(0).snippets_size(), 1);
  EXPECT_THAT(response->hits(0).snippets(0).text(), HasSubstr("Bruxelles"));
  EXPECT_THAT(response->hits(0).snippets(0).text(), Not(HasSubstr("Communiqué")));
}

}  // namespace
}  // namespace docsearch::query
