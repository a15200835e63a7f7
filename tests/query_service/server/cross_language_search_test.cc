// Cross-language equivalents (search/cross_language_expansion.h,
// search/cross_language_equivalents.h), seen through Search: a query's
// words also find the documents that say the same in the other language,
// ranked after the documents in the query's own language.
#include <memory>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "query_service/search/cross_language_equivalents.h"
#include "query_service/search/search_index.h"
#include "query_service/server/search_request_mapping.h"
#include "tests/query_service/server/hit_ids.h"
#include "tests/query_service/server/one_paragraph_document.h"

namespace docsearch::query {
namespace {

using ::docsearch::v1::Document;
using ::docsearch::v1::SearchRequest;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

std::unique_ptr<Document> MakeDocument(const std::string& id, const std::string& body,
                                       const std::string& language) {
  return OneParagraphDocument(id, "Statement", body, language);
}

SearchOptions WithCrossLanguageBoost(float boost) {
  SearchOptions options;
  options.scoring.cross_language_boost = boost;
  return options;
}

class CrossLanguageSearchTest : public ::testing::Test {
 protected:
  void Fill(SearchIndex& index) {
    Add(index,
        MakeDocument("fr-enlargement", "L'élargissement de l'OTAN aux pays de l'Est.", "fr"));
    Add(index,
        MakeDocument("en-enlargement", "The enlargement of NATO to the east was decided.", "en"));
    Add(index, MakeDocument("en-budget", "Ministers discussed the budget of NATO.", "en"));
    Add(index, MakeDocument("fr-budget", "Les ministres ont discuté du budget.", "fr"));
  }

  void Add(SearchIndex& index, std::unique_ptr<Document> document) {
    ASSERT_TRUE(index.Upsert(std::move(document)).ok());
  }

  std::vector<std::string> Ids(SearchIndex& index, const std::string& query_string,
                               const std::string& language) {
    return HitIds(index, query_string, language);
  }
};

TEST_F(CrossLanguageSearchTest, FindsTheOtherLanguagesDocumentBelowTheQuerysOwn) {
  SearchIndex index(WithCrossLanguageBoost(0.2f));
  Fill(index);
  // French query: the French text first, then the English one on the same
  // subject (through "enlargement" and "NATO"), then what only shares NATO.
  EXPECT_THAT(Ids(index, "élargissement de l'OTAN", "fr"),
              ElementsAre("fr-enlargement", "en-enlargement", "en-budget"));
  // And the other way round.
  const std::vector<std::string> english = Ids(index, "enlargement", "en");
  EXPECT_THAT(english, ElementsAre("en-enlargement", "fr-enlargement"));
}

TEST_F(CrossLanguageSearchTest, OnByDefaultAndOffWithBoostZero) {
  SearchIndex by_default{SearchOptions{}};
  Fill(by_default);
  EXPECT_THAT(Ids(by_default, "enlargement", "en"),
              ElementsAre("en-enlargement", "fr-enlargement"));
  SearchIndex index(WithCrossLanguageBoost(0));
  Fill(index);
  EXPECT_THAT(Ids(index, "enlargement", "en"), ElementsAre("en-enlargement"));
}

TEST_F(CrossLanguageSearchTest, QuotedWordsAndExclusionsAreTakenAsTyped) {
  SearchIndex index(WithCrossLanguageBoost(0.2f));
  Fill(index);
  EXPECT_THAT(Ids(index, "\"enlargement\"", "en"), ElementsAre("en-enlargement"));
  EXPECT_THAT(Ids(index, "budget -enlargement", "en"),
              UnorderedElementsAre("en-budget", "fr-budget"));
}

TEST(CrossLanguageEquivalentsTest, MatchesByStemAndSkipsWordsSpelledAlike) {
  TextAnalyzer analyzer;
  std::vector<std::string> found;
  for (const Equivalent& e :
       CrossLanguageEquivalents("NATO members on missile defense", "en", analyzer)) {
    found.push_back(e.language + ":" + e.text);
  }
  // "members" finds "member"; "missile" is spelled alike in French;
  // "defense" is first made British.
  EXPECT_THAT(found, ElementsAre("fr:OTAN", "fr:membre", "fr:défense"));
  EXPECT_THAT(CrossLanguageEquivalents("Kosovo", "en", analyzer), IsEmpty());
  EXPECT_THAT(CrossLanguageEquivalents("Sicherheit", "de", analyzer), IsEmpty());
}

}  // namespace
}  // namespace docsearch::query
