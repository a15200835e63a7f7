// MaxScore top-k (max_score.h) against a brute-force BM25 scorer on random
// postings across segments, with dead documents, eligibility and filters.
#include "query_service/search/max_score.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gtest/gtest.h"
#include "tests/query_service/search/random_index.h"

namespace docsearch::query::testing {
namespace {

TEST(MaxScoreTest, TopKEqualsABruteForceScorerOnRandomPostings) {
  RandomIndex random(600, 37);
  int pruned = 0;
  for (int q = 0; q < 150; ++q) {
    std::vector<std::string> words;
    for (int n = random.Uniform(1, 4); n > 0; --n) {
      const std::string word = random.Word();
      if (std::find(words.begin(), words.end(), word) == words.end()) words.push_back(word);
    }
    const size_t k = std::vector<size_t>{1, 3, 10, 40}[random.Uniform(0, 3)];
    const bool filtered = random.Uniform(0, 2) == 0;
    const bool paged = random.Uniform(0, 2) == 0;
    std::function<bool(const ScoredDoc&)> eligible = [paged](const ScoredDoc& candidate) {
      return !paged || candidate.doc % 3 != 0;
    };
    // Filter: documents naming Brussels, dead ones included as the index's
    // keyword lists hold them.
    std::vector<DocId> brussels;
    for (DocId doc = 0; doc < random.docs().size(); ++doc) {
      const auto& places = random.docs()[doc].places;
      if (std::find(places.begin(), places.end(), "Brussels") != places.end()) {
        brussels.push_back(doc);
      }
    }
    DocFilter filter;
    filter.AddOwnedList(brussels, /*exclude=*/false);

    // The engine: term lists in canonical order, fields then words.
    std::vector<TermList> lists;
    for (Field field : {Field::kTitle, Field::kBody}) {
      for (const std::string& word : words) {
        TermList list{&random.FieldIndex(field), static_cast<float>(RandomIndex::Boost(field)),
                      WordCursor::VariantsOf(random.index(), random.FieldIndex(field), {word})};
        if (!list.variants.empty()) lists.push_back(std::move(list));
      }
    }
    const TopK got = MaxScoreTopK(random.index(), random.scoring(), lists, k, Before, eligible,
                                  filtered ? &filter : nullptr);

    // The model: every live document holding any word, scored in full.
    std::vector<ScoredDoc> matches;
    for (DocId doc = 0; doc < random.docs().size(); ++doc) {
      const ModelDoc& model = random.docs()[doc];
      if (!model.live) continue;
      if (filtered && !std::binary_search(brussels.begin(), brussels.end(), doc)) continue;
      double score = 0;
      bool matched = false;
      for (Field field : {Field::kTitle, Field::kBody}) {
        const std::vector<std::string> tokens = RandomIndex::Tokens(model, field);
        for (const std::string& word : words) {
          const auto frequency = std::count(tokens.begin(), tokens.end(), word);
          if (frequency == 0) continue;
          matched = true;
          score += RandomIndex::Boost(field) * random.Bm25(field, static_cast<double>(frequency),
                                                           tokens.size(), random.Idf(field, word));
        }
      }
      if (matched) matches.push_back({doc, static_cast<float>(score)});
    }
    ExpectTopK(got, matches, k, eligible,
               absl::StrCat("query ", q, " '", absl::StrJoin(words, " "), "' k=", k,
                            filtered ? " filtered" : "", paged ? " paged" : ""));
    pruned += !got.exact;
  }
  // The pruning paths ran (non-essential lists skipped), not only the
  // exhaustive one.
  EXPECT_GT(pruned, 10);
}

}  // namespace
}  // namespace docsearch::query::testing
