// The adjacent-word pairs of a query_string (ScoringOptions.proximity_boost)
// leave out the pairs holding a function word of the query's language
// (search/function_words.h), seen through Search: a passing mention that
// repeats the query's grammar ("les accords de Dayton") no longer outranks
// the text about the query's topic.
#include <memory>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "query_service/search/function_words.h"
#include "query_service/search/search_index.h"
#include "tests/query_service/server/hit_ids.h"
#include "tests/query_service/server/one_paragraph_document.h"

namespace docsearch::query {
namespace {

using ::docsearch::v1::Document;
using ::testing::ElementsAre;

std::unique_ptr<Document> MakeDocument(const std::string& id, const std::string& body,
                                       const std::string& language) {
  return OneParagraphDocument(id, "Communiqué", body, language);
}

SearchOptions SkippingFunctionWords(bool skip) {
  SearchOptions options;
  options.scoring.proximity_skips_function_words = skip;
  return options;
}

void Fill(SearchIndex& index) {
  const std::vector<std::vector<std::string>> documents = {
      {"talks",
       "Les négociations de Rambouillet sur le Kosovo ont repris à Rambouillet ce matin. "
       "Les accords proposés aux parties restent en discussion.",
       "fr"},
      {"passing",
       "Le Conseil rappelle les accords de Dayton, qui restent la base de la paix en Bosnie, "
       "et la conférence de Rambouillet.",
       "fr"},
      {"budget", "Le Conseil a adopté le budget de l'Organisation pour l'année.", "fr"},
      {"ministers", "Les ministres de la défense se sont réunis à Bruxelles.", "fr"},
      {"english", "The Council met in Brussels to discuss the budget.", "en"},
      {"english-2", "Ministers reviewed the operations in Bosnia and Kosovo.", "en"},
  };
  for (const auto& document : documents) {
    ASSERT_TRUE(index.Upsert(MakeDocument(document[0], document[1], document[2])).ok());
  }
}

TEST(FunctionWordPairsTest, TheTextAboutTheTopicOutranksAPassingMentionSharingAPair) {
  SearchIndex skipping(SkippingFunctionWords(true));
  Fill(skipping);
  EXPECT_THAT(HitIds(skipping, "accords de Rambouillet", "fr"),
              ElementsAre("talks", "passing", "budget", "ministers"));
  // With the pair "accords de", the passing mention was first.
  SearchIndex pairing(SkippingFunctionWords(false));
  Fill(pairing);
  EXPECT_THAT(HitIds(pairing, "accords de Rambouillet", "fr"),
              ElementsAre("passing", "talks", "budget", "ministers"));
}

TEST(FunctionWordPairsTest, OnByDefault) {
  SearchIndex index{SearchOptions{}};
  Fill(index);
  EXPECT_EQ(HitIds(index, "accords de Rambouillet", "fr").front(), "talks");
}

TEST(FunctionWords, AreThoseOfTheQuerysLanguage) {
  EXPECT_TRUE(IsFunctionWord("de", "fr"));
  EXPECT_TRUE(IsFunctionWord("du", "fr-BE"));
  EXPECT_FALSE(IsFunctionWord("etre", "fr"));  // Not in Snowball's list.
  EXPECT_TRUE(IsFunctionWord("ete", "fr"));
  EXPECT_FALSE(IsFunctionWord("de", "en"));
  EXPECT_TRUE(IsFunctionWord("of", "en"));
  EXPECT_FALSE(IsFunctionWord("of", "fr"));
  EXPECT_FALSE(IsFunctionWord("der", "de"));  // No list for German.
  EXPECT_FALSE(IsFunctionWord("rambouillet", "fr"));
}

}  // namespace
}  // namespace docsearch::query
