// The language of a query whose words show none, read from the order the
// collection's documents hold them in (search/query_language_by_word_order.h),
// seen through Search: "defense collective" typed without its accent is
// French, "collective defense" English, in a collection mostly English.
#include <memory>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "query_service/search/search_index.h"
#include "query_service/server/search_request_mapping.h"
#include "tests/query_service/server/hit_ids.h"

namespace docsearch::query {
namespace {

using ::docsearch::v1::Document;
using ::docsearch::v1::SearchRequest;

std::unique_ptr<Document> MakeDocument(const std::string& id, const std::string& body,
                                       const std::string& language) {
  auto document = std::make_unique<Document>();
  document->set_id(id);
  document->set_title("Statement");
  document->add_paragraphs()->set_text(body);
  document->set_language(language);
  document->set_content_hash(id + "-" + body);
  return document;
}

SearchOptions WithLanguageFromWordOrder(bool on) {
  SearchOptions options;
  options.language_from_word_order = on;
  return options;
}

// Three English documents and two French ones: English is the main language.
void Fill(SearchIndex& index) {
  std::vector<std::unique_ptr<Document>> documents;
  documents.push_back(
      MakeDocument("en-collective", "The Alliance rests on the collective defence of all.", "en"));
  documents.push_back(MakeDocument("en-missile", "Ministers discussed missile defence.", "en"));
  documents.push_back(MakeDocument("en-budget", "Ministers agreed the budget.", "en"));
  documents.push_back(
      MakeDocument("fr-collective", "La défense collective reste au cœur de l'Alliance.", "fr"));
  documents.push_back(
      MakeDocument("fr-missile", "Les ministres ont parlé de défense antimissile.", "fr"));
  for (auto& document : documents) ASSERT_TRUE(index.Upsert(std::move(document)).ok());
}

// The language the response says the query was analysed in.
std::string QueryLanguage(SearchIndex& index, const std::string& query_string,
                          const std::string& language = "") {
  SearchRequest request;
  request.set_query_string(query_string);
  request.set_language(language);
  auto response = SearchByRequest(index, request);
  EXPECT_TRUE(response.ok()) << response.status();
  return response.ok() ? response->query_language() : "";
}

TEST(WordOrderLanguageTest, AnUnaccentedFrenchQueryFindsTheFrenchDocumentFirst) {
  SearchIndex index{SearchOptions{}};
  Fill(index);
  EXPECT_EQ(QueryLanguage(index, "defense collective"), "fr");
  const std::vector<std::string> hits = HitIds(index, "defense collective", "");
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits.front(), "fr-collective");
}

TEST(WordOrderLanguageTest, TheSameWordsInEnglishOrderAreEnglish) {
  SearchIndex index{SearchOptions{}};
  Fill(index);
  EXPECT_EQ(QueryLanguage(index, "collective defense"), "en");
  const std::vector<std::string> hits = HitIds(index, "collective defense", "");
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits.front(), "en-collective");
  EXPECT_EQ(QueryLanguage(index, "missile defense"), "en");
}

TEST(WordOrderLanguageTest, WordsNoDocumentHoldsInOrderAreReadInTheMainLanguage) {
  SearchIndex index{SearchOptions{}};
  Fill(index);
  EXPECT_EQ(QueryLanguage(index, "budget defense"), "en");
  // One word has no order.
  EXPECT_EQ(QueryLanguage(index, "defense"), "en");
}

TEST(WordOrderLanguageTest, AStatedOrShownLanguageIsKept) {
  SearchIndex index{SearchOptions{}};
  Fill(index);
  EXPECT_EQ(QueryLanguage(index, "defense collective", "en"), "en");
  EXPECT_EQ(HitIds(index, "defense collective", "en").front(), "en-collective");
  // "of" shows English whatever the order.
  EXPECT_EQ(QueryLanguage(index, "defense collective of all"), "en");
}

TEST(WordOrderLanguageTest, OffTheQueryIsReadInTheMainLanguage) {
  SearchIndex index(WithLanguageFromWordOrder(false));
  Fill(index);
  EXPECT_EQ(QueryLanguage(index, "defense collective"), "en");
  const std::vector<std::string> hits = HitIds(index, "defense collective", "");
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits.front(), "en-collective");
}

}  // namespace
}  // namespace docsearch::query
