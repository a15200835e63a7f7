// Accent-insensitive stems (common/analysis_accents.h), seen through Search:
// a French query typed without accents finds the accented text, and an
// accented query finds a page that lost its accents.
#include <memory>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "query_service/search/search_index.h"
#include "query_service/server/search_request_mapping.h"
#include "tests/query_service/server/hit_ids.h"
#include "tests/query_service/server/one_paragraph_document.h"

namespace docsearch::query {
namespace {

using ::docsearch::v1::Document;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::unique_ptr<Document> MakeDocument(const std::string& id, const std::string& body,
                                       const std::string& language = "fr") {
  return OneParagraphDocument(id, "Communiqué", body, language);
}

SearchOptions WithAccentInsensitiveStems(bool on) {
  SearchOptions options;
  options.analysis.accent_insensitive_stems = on;
  return options;
}

void Fill(SearchIndex& index, const std::string& identity_text) {
  std::vector<std::unique_ptr<Document>> documents;
  documents.push_back(MakeDocument("identity", identity_text));
  documents.push_back(MakeDocument("budget", "Les ministres ont discuté du budget de l'Alliance."));
  documents.push_back(MakeDocument("en-defence", "Ministers discussed missile defence.", "en"));
  for (auto& document : documents) ASSERT_TRUE(index.Upsert(std::move(document)).ok());
}

TEST(AccentSearchTest, AQueryWithoutAccentsFindsTheAccentedText) {
  SearchIndex index{SearchOptions{}};
  Fill(index, "L'identité européenne de sécurité et de défense se renforce.");
  EXPECT_THAT(HitIds(index, "securite identite", "fr"), ElementsAre("identity"));
}

TEST(AccentSearchTest, AnAccentedQueryFindsATextThatLostItsAccents) {
  SearchIndex index{SearchOptions{}};
  Fill(index, "L'identite europeenne de securite et de defense se renforce.");
  EXPECT_THAT(HitIds(index, "sécurité identité", "fr"), ElementsAre("identity"));
}

TEST(AccentSearchTest, OffTheStemmerReadsTheAccentsAndTheWordsMiss) {
  SearchIndex accented(WithAccentInsensitiveStems(false));
  Fill(accented, "L'identité européenne de sécurité et de défense se renforce.");
  EXPECT_THAT(HitIds(accented, "securite identite", "fr"), IsEmpty());
  SearchIndex unaccented(WithAccentInsensitiveStems(false));
  Fill(unaccented, "L'identite europeenne de securite et de defense se renforce.");
  EXPECT_THAT(HitIds(unaccented, "sécurité identité", "fr"), IsEmpty());
}

TEST(AccentSearchTest, EnglishQueriesRankAsBefore) {
  SearchIndex on{SearchOptions{}};
  Fill(on, "L'identité européenne de sécurité et de défense se renforce.");
  SearchIndex off(WithAccentInsensitiveStems(false));
  Fill(off, "L'identité européenne de sécurité et de défense se renforce.");
  const std::vector<std::string> hits = HitIds(on, "missile defence", "en");
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits.front(), "en-defence");
  EXPECT_EQ(hits, HitIds(off, "missile defence", "en"));
}

}  // namespace
}  // namespace docsearch::query
