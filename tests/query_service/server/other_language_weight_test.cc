// Match words in documents of another language than the query's
// (search/document_language_weight.h), seen through Search: such documents
// stay reachable, below the query's own language; a collection of one
// language ranks as before; top-k pruning stays exact with the weight.
#include <memory>
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

SearchOptions WithOtherLanguageWeight(float weight) {
  SearchOptions options;
  options.scoring.other_language_weight = weight;
  return options;
}

void Add(SearchIndex& index, const std::string& id, const std::string& body,
         const std::string& language) {
  ASSERT_TRUE(index.Upsert(OneParagraphDocument(id, "Statement", body, language)).ok());
}

// "Kosovo" and "covid" are spelled alike in English and French: the French
// note says them more often than the English statement about them.
void FillTwoLanguages(SearchIndex& index) {
  Add(index, "fr-note",
      "Kosovo, Kosovo: la note sur le Kosovo et la covid au Kosovo pour le Conseil.", "fr");
  Add(index, "en-statement",
      "The statement on Kosovo and the covid pandemic was issued by the Council today after "
      "a long meeting.",
      "en");
  Add(index, "en-other", "Ministers met in Brussels to discuss the budget.", "en");
}

TEST(OtherLanguageWeightTest, RanksTheQuerysLanguageFirstAndKeepsTheOtherReachable) {
  SearchIndex unweighted(WithOtherLanguageWeight(1.0f));
  FillTwoLanguages(unweighted);
  EXPECT_THAT(HitIds(unweighted, "kosovo covid", "en"), ElementsAre("fr-note", "en-statement"));

  SearchIndex weighted(WithOtherLanguageWeight(0.3f));
  FillTwoLanguages(weighted);
  EXPECT_THAT(HitIds(weighted, "kosovo covid", "en"), ElementsAre("en-statement", "fr-note"));
  // Read in French, the French note is the query's own language again.
  EXPECT_THAT(HitIds(weighted, "kosovo covid", "fr"), ElementsAre("fr-note", "en-statement"));
}

TEST(OtherLanguageWeightTest, ARegionOfTheQuerysLanguageIsItsLanguage) {
  SearchIndex index(WithOtherLanguageWeight(0.3f));
  Add(index, "fr-be-note", "Kosovo, Kosovo: la note sur le Kosovo et la covid au Kosovo.", "fr-BE");
  Add(index, "en-statement",
      "The statement on Kosovo and the covid pandemic was issued by the Council today after "
      "a long meeting.",
      "en");
  EXPECT_THAT(HitIds(index, "kosovo covid", "fr"), ElementsAre("fr-be-note", "en-statement"));
}

TEST(OtherLanguageWeightTest, DocumentsWithoutALanguageAreNotWeighed) {
  SearchIndex index(WithOtherLanguageWeight(0.3f));
  Add(index, "unlabelled", "Kosovo, Kosovo: la note sur le Kosovo et la covid au Kosovo.", "");
  Add(index, "en-statement",
      "The statement on Kosovo and the covid pandemic was issued by the Council today after "
      "a long meeting.",
      "en");
  Add(index, "fr-other", "Les ministres ont discuté du budget.", "fr");
  EXPECT_THAT(HitIds(index, "kosovo covid", "en"), ElementsAre("unlabelled", "en-statement"));
}

TEST(OtherLanguageWeightTest, ExplainsTheWeight) {
  SearchIndex index(WithOtherLanguageWeight(0.3f));
  FillTwoLanguages(index);
  SearchRequest request;
  request.set_query_string("kosovo");
  request.set_language("en");
  request.set_explain(true);
  auto response = SearchByRequest(index, request);
  ASSERT_TRUE(response.ok()) << response.status();
  ASSERT_EQ(response->hits_size(), 2);
  EXPECT_EQ(response->hits(1).id(), "fr-note");
  EXPECT_THAT(response->hits(1).explanation().ShortDebugString(),
              HasSubstr("weight in a document of another language"));
  EXPECT_THAT(response->hits(0).explanation().ShortDebugString(),
              ::testing::Not(HasSubstr("another language")));
}

// Top-k pruning (MaxScore, block-max) against exhaustive scoring over a
// random collection in three languages (and none): the same ids with the
// same scores, so the weight (at most 1) leaves every bound valid.
TEST(OtherLanguageWeightTest, PruningStaysExactWithTheWeight) {
  SearchIndex index(WithOtherLanguageWeight(0.4f));
  ExpectPruningExact(index,
                     {"bap", "dof", "gim", "kut", "lom", "nir", "pov", "rab", "sul", "tig", "vek",
                      "wob", "zan", "hud"},
                     {"en", "fr", "de", ""}, /*query_languages=*/3, 20261207);
}

}  // namespace
}  // namespace docsearch::query
