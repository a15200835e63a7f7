// Function words of the query's language in a match (ScoringOptions::
// function_word_weight), seen through Search: they count the set fraction
// of their weight, the explanation says so, a query of function words only
// scores them whole, and top-k pruning stays exact.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "query_service/search/search_index.h"
#include "query_service/server/search_request_mapping.h"
#include "tests/query_service/server/hit_ids.h"
#include "tests/query_service/server/one_paragraph_document.h"
#include "tests/query_service/server/random_pruning_check.h"

namespace docsearch::query {
namespace {

using ::docsearch::v1::SearchRequest;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

SearchOptions WithFunctionWordWeight(float weight) {
  SearchOptions options;
  options.scoring.function_word_weight = weight;
  return options;
}

void Add(SearchIndex& index, const std::string& id, const std::string& body,
         const std::string& language) {
  ASSERT_TRUE(index.Upsert(OneParagraphDocument(id, "Note", body, language)).ok());
}

// A note that repeats the query's grammar ("de", "la") and names its topic
// once, and a text about the topic that says it twice with fewer function
// words. Both are French.
void FillFrench(SearchIndex& index) {
  Add(index, "grammar",
      "Le compte rendu de la réunion de la commission de la défense et de la sécurité de la "
      "région de la capitale, de la part de la présidence de la stabilisation.",
      "fr");
  Add(index, "topic",
      "La force de stabilisation poursuit ses patrouilles; la stabilisation du pays avance.", "fr");
  Add(index, "other", "Les ministres ont discuté du budget annuel.", "fr");
}

TEST(FunctionWordWeightTest, AFunctionWordCountsLessThanTheQuerysTopic) {
  SearchIndex whole(WithFunctionWordWeight(1.0f));
  FillFrench(whole);
  EXPECT_THAT(HitIds(whole, "stabilisation de la", "fr"), ElementsAre("grammar", "topic"));

  SearchIndex halved(WithFunctionWordWeight(0.5f));
  FillFrench(halved);
  EXPECT_THAT(HitIds(halved, "stabilisation de la", "fr"), ElementsAre("topic", "grammar"));
}

double ScoreOf(SearchIndex& index, const std::string& query_string, const std::string& id) {
  SearchRequest request;
  request.set_query_string(query_string);
  request.set_language("fr");
  auto response = SearchByRequest(index, request);
  EXPECT_TRUE(response.ok()) << response.status();
  if (!response.ok()) return -1;
  for (const auto& hit : response->hits()) {
    if (hit.id() == id) return hit.score();
  }
  return -1;
}

TEST(FunctionWordWeightTest, AQueryOfFunctionWordsOnlyScoresThemWhole) {
  SearchIndex whole(WithFunctionWordWeight(1.0f));
  FillFrench(whole);
  SearchIndex halved(WithFunctionWordWeight(0.5f));
  FillFrench(halved);
  EXPECT_GT(ScoreOf(halved, "de la", "grammar"), 0);
  EXPECT_FLOAT_EQ(ScoreOf(halved, "de la", "grammar"), ScoreOf(whole, "de la", "grammar"));
  // With a word of the topic beside them, they weigh less.
  EXPECT_LT(ScoreOf(halved, "stabilisation de la", "grammar"),
            ScoreOf(whole, "stabilisation de la", "grammar"));
}

TEST(FunctionWordWeightTest, ExplainsTheWeight) {
  SearchIndex index(WithFunctionWordWeight(0.5f));
  FillFrench(index);
  SearchRequest request;
  request.set_query_string("stabilisation de");
  request.set_language("fr");
  request.set_explain(true);
  auto response = SearchByRequest(index, request);
  ASSERT_TRUE(response.ok()) << response.status();
  ASSERT_GE(response->hits_size(), 1);
  EXPECT_THAT(response->hits(0).explanation().ShortDebugString(),
              HasSubstr("function_word_weight: a function word of the query"));
}

// Top-k pruning (MaxScore, block-max) against exhaustive scoring, with
// function words among the words: the same ids with the same scores.
TEST(FunctionWordWeightTest, PruningStaysExactWithTheWeight) {
  SearchIndex index(WithFunctionWordWeight(0.5f));
  ExpectPruningExact(index,
                     {"de", "la", "le", "des", "bap", "dof", "gim", "kut", "lom", "nir", "pov",
                      "rab", "sul", "tig"},
                     {"fr"}, /*query_languages=*/1, 20261208);
}

}  // namespace
}  // namespace docsearch::query
