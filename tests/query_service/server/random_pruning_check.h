// Top-k pruning (MaxScore, block-max) checked against exhaustive scoring
// over a random collection, for the ranking tests of this folder whose
// weights must leave every score bound valid: the same ids with the same
// scores, and enough searches pruned for the check to mean something.
#ifndef DOCSEARCH_TESTS_QUERY_SERVICE_SERVER_RANDOM_PRUNING_CHECK_H_
#define DOCSEARCH_TESTS_QUERY_SERVICE_SERVER_RANDOM_PRUNING_CHECK_H_

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gtest/gtest.h"
#include "query_service/search/search_index.h"
#include "query_service/server/search_request_mapping.h"
#include "tests/query_service/server/one_paragraph_document.h"

namespace docsearch::query {

// Fills `index` with 400 documents of 3 to 40 words drawn from `words`
// (Zipf-like: the first words far more frequent), each labelled with one of
// `languages`, then runs 120 match queries of 1 to 3 words, each in one of
// the first `query_languages` languages, with and without exact totals.
inline void ExpectPruningExact(SearchIndex& index, const std::vector<std::string>& words,
                               const std::vector<std::string>& languages, size_t query_languages,
                               uint32_t seed) {
  std::mt19937 rng(seed);
  auto uniform = [&rng](int low, int high) {
    return std::uniform_int_distribution<int>(low, high)(rng);
  };
  const int last_word = static_cast<int>(words.size()) - 1;
  const int last_language = static_cast<int>(languages.size()) - 1;
  for (int d = 0; d < 400; ++d) {
    std::vector<std::string> body;
    const int length = uniform(3, 40);
    for (int w = 0; w < length; ++w) {
      body.push_back(words[std::min(uniform(0, last_word), uniform(0, last_word))]);
    }
    ASSERT_TRUE(index
                    .Upsert(OneParagraphDocument(absl::StrCat("d", d), "Statement",
                                                 absl::StrJoin(body, " "),
                                                 languages[uniform(0, last_language)]))
                    .ok());
  }
  int pruned = 0;
  for (int q = 0; q < 120; ++q) {
    std::vector<std::string> query;
    for (int w = uniform(1, 3); w > 0; --w) query.push_back(words[uniform(0, last_word)]);
    v1::SearchRequest request;
    // A match query: the words alone, which the top-k scorers take.
    request.mutable_query()->mutable_match()->set_text(absl::StrJoin(query, " "));
    request.set_language(languages[uniform(0, static_cast<int>(query_languages) - 1)]);
    request.set_page_size(uniform(1, 10));
    v1::SearchRequest exhaustive = request;
    exhaustive.set_exact_total(true);
    auto fast = SearchByRequest(index, request);
    auto slow = SearchByRequest(index, exhaustive);
    ASSERT_TRUE(fast.ok() && slow.ok()) << request.ShortDebugString();
    ASSERT_EQ(fast->hits_size(), slow->hits_size()) << request.ShortDebugString();
    for (int i = 0; i < fast->hits_size(); ++i) {
      EXPECT_EQ(fast->hits(i).id(), slow->hits(i).id()) << request.ShortDebugString();
      EXPECT_EQ(fast->hits(i).score(), slow->hits(i).score()) << request.ShortDebugString();
    }
    pruned += fast->total_relation() == v1::TOTAL_RELATION_GREATER_THAN_OR_EQUAL_TO;
  }
  EXPECT_GT(pruned, 10);
}

}  // namespace docsearch::query

#endif  // DOCSEARCH_TESTS_QUERY_SERVICE_SERVER_RANDOM_PRUNING_CHECK_H_
