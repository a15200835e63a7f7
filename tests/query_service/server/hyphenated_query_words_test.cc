// Hyphenated words of a query_string, seen through Search. A compound takes
// part in the adjacent-word pairs (ScoringOptions.proximity_boost) like any
// typed word: for "NATO-Russia Council" the text that names the NATO-Russia
// Council outranks texts that hold the compound and the word apart, however
// often ("the NATO-Russia Permanent Joint Council ... the Council"). A
// prefixed word ("non-proliferation") also finds texts on its root
// ("proliferation"), below those that write the word itself.
#include <memory>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "query_service/search/search_index.h"
#include "tests/query_service/server/hit_ids.h"
#include "tests/query_service/server/one_paragraph_document.h"

namespace docsearch::query {
namespace {

using ::testing::ElementsAre;

void Fill(SearchIndex& index) {
  const std::vector<std::vector<std::string>> documents = {
      {"council",
       "Foreign ministers of the NATO-Russia Council met in Istanbul and reviewed two years of "
       "work in its framework, from terrorism to crisis management."},
      {"joint-council",
       "The NATO-Russia Permanent Joint Council met at ambassadorial level. The Council "
       "discussed the situation in the Balkans, and the Council agreed to meet again."},
      {"other", "The North Atlantic Council met in Brussels to discuss the budget."},
  };
  for (const auto& document : documents) {
    ASSERT_TRUE(index.Upsert(OneParagraphDocument(document[0], "Meeting", document[1], "en")).ok());
  }
}

TEST(CompoundPairsTest, TheCompoundBesideTheNextWordRanksFirst) {
  SearchIndex index{SearchOptions{}};
  Fill(index);
  EXPECT_THAT(HitIds(index, "NATO-Russia Council", "en"),
              ElementsAre("council", "joint-council", "other"));
  // Without the pairs, repetition wins.
  SearchOptions no_pairs;
  no_pairs.scoring.proximity_boost = 0;
  SearchIndex unpaired(no_pairs);
  Fill(unpaired);
  EXPECT_THAT(HitIds(unpaired, "NATO-Russia Council", "en"),
              ElementsAre("joint-council", "council", "other"));
}

TEST(CompoundPairsTest, ThePairsDoNotChangeTheMatches) {
  SearchIndex index{SearchOptions{}};
  Fill(index);
  // Either typed word is enough, as without a compound; a filter still filters.
  EXPECT_THAT(HitIds(index, "NATO-Russia Istanbul", "en"), ElementsAre("council", "joint-council"));
  EXPECT_THAT(HitIds(index, "NATO-Russia Council -Istanbul", "en"),
              ElementsAre("joint-council", "other"));
}

TEST(PrefixedWordTest, FindsTheRootBelowTheWordItself) {
  SearchIndex index{SearchOptions{}};
  const std::vector<std::vector<std::string>> documents = {
      {"root",
       "Ambassadors addressed the proliferation of nuclear, biological and chemical "
       "weapons and their means of delivery."},
      {"word", "Cooperation covers crisis management, non-proliferation and arms control."},
      {"other", "Ministers discussed the budget and the operations in the Balkans."},
  };
  for (const auto& document : documents) {
    ASSERT_TRUE(index.Upsert(OneParagraphDocument(document[0], "Meeting", document[1], "en")).ok());
  }
  EXPECT_THAT(HitIds(index, "non-proliferation", "en"), ElementsAre("word", "root"));
  // "co-operation" is not "operation".
  EXPECT_THAT(HitIds(index, "co-operation", "en"), ElementsAre("word"));
}

}  // namespace
}  // namespace docsearch::query
