// The conjunction scorer (conjunction_scorer.h), alone and as a block-max
// top-k (scorer_top_k.h), against a brute-force BM25 scorer on random
// postings across segments, with dead documents, eligibility and filters.
#include "query_service/search/conjunction_scorer.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gtest/gtest.h"
#include "query_service/search/scorer_top_k.h"
#include "tests/query_service/search/random_index.h"

namespace docsearch::query::testing {
namespace {

// 150 random queries of 1-3 words over `fields` of `random`, each as a
// conjunction of one cursor per (field, word) present: every match with
// its score, and the block-max top k, against the model. Counts the top-k
// searches that pruned in `pruned`.
void ExpectConjunctionsMatchTheModel(RandomIndex& random, const std::vector<Field>& fields,
                                     int& pruned) {
  pruned = 0;
  for (int q = 0; q < 150; ++q) {
    std::vector<std::string> words;
    for (int n = random.Uniform(1, 3); n > 0; --n) {
      const std::string word = random.Word();
      if (std::find(words.begin(), words.end(), word) == words.end()) words.push_back(word);
    }
    const size_t k = std::vector<size_t>{1, 3, 10, 40}[random.Uniform(0, 3)];
    const bool filtered = random.Uniform(0, 2) == 0;
    const bool paged = random.Uniform(0, 2) == 0;
    std::function<bool(const ScoredDoc&)> eligible = [paged](const ScoredDoc& candidate) {
      return !paged || candidate.doc % 3 != 0;
    };
    // Filter: documents not naming Rome (an excluded list).
    std::vector<DocId> rome;
    for (DocId doc = 0; doc < random.docs().size(); ++doc) {
      const auto& places = random.docs()[doc].places;
      if (std::find(places.begin(), places.end(), "Rome") != places.end()) rome.push_back(doc);
    }
    DocFilter filter;
    filter.AddOwnedList(rome, /*exclude=*/true);

    // The engine: one cursor per (field, word) present, fields first.
    std::vector<WordCursor> cursors;
    std::vector<size_t> word_of;
    for (Field field : fields) {
      for (size_t w = 0; w < words.size(); ++w) {
        if (std::optional<WordCursor> cursor = random.Cursor(field, words[w])) {
          cursors.push_back(*std::move(cursor));
          word_of.push_back(w);
        }
      }
    }
    // Every match, unpruned, and the pruned top k.
    ConjunctionScorer<WordCursor> every(cursors, word_of, words.size());
    std::vector<ScoredDoc> all;
    DocFilter every_filter;  // A filter is read once, in DocId order.
    every_filter.AddOwnedList(rome, /*exclude=*/true);
    for (; every.doc() != kScorerEnd; every.Next()) {
      if (!filtered || every_filter.Accepts(every.doc())) {
        all.push_back({every.doc(), every.Score()});
      }
    }
    ConjunctionScorer<WordCursor> conjunction(std::move(cursors), std::move(word_of), words.size());
    const TopK got = ScorerTopK(conjunction, k, Before, eligible, filtered ? &filter : nullptr);

    // The model: every live document holding every word in either field.
    std::vector<ScoredDoc> matches;
    for (DocId doc = 0; doc < random.docs().size(); ++doc) {
      const ModelDoc& model = random.docs()[doc];
      if (!model.live) continue;
      if (filtered && std::binary_search(rome.begin(), rome.end(), doc)) continue;
      double score = 0;
      size_t found = 0;
      for (const std::string& word : words) {
        bool here = false;
        for (Field field : fields) {
          const std::vector<std::string> tokens = RandomIndex::Tokens(model, field);
          const auto frequency = std::count(tokens.begin(), tokens.end(), word);
          if (frequency == 0) continue;
          here = true;
          score += RandomIndex::Boost(field) * random.Bm25(field, static_cast<double>(frequency),
                                                           tokens.size(), random.Idf(field, word));
        }
        found += here;
      }
      if (found == words.size()) matches.push_back({doc, static_cast<float>(score)});
    }
    ASSERT_EQ(all.size(), matches.size()) << "query " << q;
    for (size_t i = 0; i < all.size(); ++i) {
      EXPECT_EQ(all[i].doc, matches[i].doc) << "query " << q;
      EXPECT_NEAR(all[i].score, matches[i].score, 1e-4 * matches[i].score) << "query " << q;
    }
    ExpectTopK(got, matches, k, eligible,
               absl::StrCat("query ", q, " '", absl::StrJoin(words, " "), "' k=", k,
                            filtered ? " filtered" : "", paged ? " paged" : ""));
    pruned += !got.exact;
  }
}

TEST(ConjunctionScorerTest, TopKEqualsABruteForceScorerOnRandomPostings) {
  RandomIndex random(600, 37);
  int pruned = 0;
  ExpectConjunctionsMatchTheModel(random, {Field::kTitle, Field::kBody}, pruned);
  // Block-max skipping ran, not only the leapfrog.
  EXPECT_GT(pruned, 5);
}

// One cursor per word (the conjunction led by its rarest word), over an
// index with dead documents and over one where none ever died (whose
// cursors look up no liveness).
TEST(ConjunctionScorerTest, OneFieldEqualsABruteForceScorerWithAndWithoutDeadDocuments) {
  for (const bool churn : {true, false}) {
    SCOPED_TRACE(churn ? "with dead documents" : "no dead document");
    RandomIndex random(600, 37, churn);
    EXPECT_EQ(random.index().live_count() < random.index().live().size(), churn);
    int pruned = 0;
    ExpectConjunctionsMatchTheModel(random, {Field::kBody}, pruned);
    EXPECT_GT(pruned, 5);
  }
}

}  // namespace
}  // namespace docsearch::query::testing
