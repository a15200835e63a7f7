// MaxScore top-k (max_score.h) over term scorers, and the disjunction
// scorer it prunes (disjunction_scorer.h), against a brute-force BM25
// scorer on random postings across segments, with dead documents,
// eligibility and filters.
#include "query_service/search/max_score.h"

#include <algorithm>
#include <bit>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gtest/gtest.h"
#include "query_service/search/disjunction_scorer.h"
#include "query_service/search/scorer_top_k.h"
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

    // The engine: term scorers in canonical order, fields then words.
    std::vector<WordCursor> clauses;
    for (Field field : {Field::kTitle, Field::kBody}) {
      for (const std::string& word : words) {
        if (std::optional<WordCursor> cursor = random.Cursor(field, word)) {
          clauses.push_back(*std::move(cursor));
        }
      }
    }
    const TopK got =
        MaxScoreTopK(std::move(clauses), k, Before, eligible, filtered ? &filter : nullptr);

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

// One word in one field: MaxScore can never leave its only clause
// non-essential, so without block bounds it would score every document of
// the list. The blocks whose score maxima cannot reach the page are skipped
// unread (fewer documents counted than match), and the page is still the
// brute force's.
TEST(MaxScoreTest, SkipsTheBlocksOfAnEssentialWordThatCannotReachThePage) {
  RandomIndex random(3000, 700);
  const auto any = [](const ScoredDoc&) { return true; };
  int skipped = 0;
  for (int q = 0; q < 60; ++q) {
    const std::string word = random.Word();
    std::vector<WordCursor> clauses;
    if (std::optional<WordCursor> cursor = random.Cursor(Field::kBody, word)) {
      clauses.push_back(*std::move(cursor));
    }
    if (clauses.empty()) continue;
    const size_t k = random.Uniform(0, 1) == 0 ? 1 : 5;
    const TopK got = MaxScoreTopK(std::move(clauses), k, Before, any);

    std::vector<ScoredDoc> matches;
    for (DocId doc = 0; doc < random.docs().size(); ++doc) {
      const ModelDoc& model = random.docs()[doc];
      if (!model.live) continue;
      const std::vector<std::string> tokens = RandomIndex::Tokens(model, Field::kBody);
      const auto frequency = std::count(tokens.begin(), tokens.end(), word);
      if (frequency == 0) continue;
      matches.push_back(
          {doc, static_cast<float>(random.Bm25(Field::kBody, static_cast<double>(frequency),
                                               tokens.size(), random.Idf(Field::kBody, word)))});
    }
    ExpectTopK(got, matches, k, any, absl::StrCat("query ", q, " '", word, "' k=", k));
    if (got.counted < matches.size()) {
      EXPECT_FALSE(got.exact) << word;
      ++skipped;
    }
  }
  // A block's bound pairs its largest frequency with its shortest length,
  // so on these evenly mixed documents most blocks of a frequent word can
  // still reach the page and how many are skipped depends on the seed (10
  // of 60 queries skip some at the default one); the pages must be right
  // whatever it is.
  std::cout << skipped << " of 60 queries skipped blocks\n";
}

// The same, where the bounds decide: the five best documents of a word come
// first, then a thousand that hold it once in a longer text. Once the page
// holds two of the five, no later block's bound reaches it, so only the
// first block of 128 postings is read.
TEST(MaxScoreTest, ReadsOnlyTheBlocksThatCanStillReachThePage) {
  TextAnalyzer analyzer;
  IndexData index;
  const std::string dense = "bap bap bap bap bap bap gim";
  std::string sparse = "bap";
  for (int i = 0; i < 20; ++i) sparse += " gim";
  for (int i = 0; i < 1005; ++i) {
    v1::Document document;
    document.set_id(absl::StrCat("d", i));
    document.set_language("en");
    document.add_paragraphs()->set_text(i < 5 ? dense : sparse);
    ASSERT_TRUE(index.Add(document, analyzer).ok());
    if ((i + 1) % 400 == 0) {
      std::shared_ptr<const Segment> sealed;
      index.Seal(sealed);
    }
  }
  const ScoringOptions scoring;
  std::vector<WordCursor::Variant> variants =
      WordCursor::VariantsOf(index, index.body(), {"bap"}, scoring);
  ASSERT_FALSE(variants.empty());
  std::vector<WordCursor> clauses;
  clauses.emplace_back(index, index.body(), 1.0f, scoring, std::move(variants));
  const TopK got =
      MaxScoreTopK(std::move(clauses), 1, Before, [](const ScoredDoc&) { return true; });
  ASSERT_EQ(got.hits.size(), 1u);
  EXPECT_EQ(got.hits[0].doc, 0u);  // The five tie; the first DocId ranks first.
  EXPECT_TRUE(got.more);
  EXPECT_FALSE(got.exact);
  EXPECT_GE(got.counted, 5u);
  EXPECT_LE(got.counted, 128u) << "documents read past the first block";
}

// A scorer that counts the documents it stops at (by Next or Advance).
struct CountingScorer {
  WordCursor inner;
  size_t* stops;
  DocId doc() const { return inner.doc(); }
  void Next() {
    inner.Next();
    ++*stops;
  }
  void Advance(DocId target) {
    inner.Advance(target);
    ++*stops;
  }
  float Score() const { return inner.Score(); }
  v1::Explanation Explain() const { return inner.Explain(); }
  double max_score() const { return inner.max_score(); }
  double BlockMaxScore(DocId target, DocId* last) { return inner.BlockMaxScore(target, last); }
};

// A word in every one of 3000 documents, filtered to three of them: the
// word's cursor is moved to each accepted document in turn, not stepped
// through the 3000 and asked about each (MaxScore and ScorerTopK alike).
TEST(MaxScoreTest, LeapfrogsWithTheFilterInsteadOfVisitingRejectedDocuments) {
  TextAnalyzer analyzer;
  IndexData index;
  for (int i = 0; i < 3000; ++i) {
    v1::Document document;
    document.set_id(absl::StrCat("d", i));
    document.set_language("en");
    document.add_paragraphs()->set_text(i % 7 == 0 ? "bap bap gim" : "bap gim gim");
    ASSERT_TRUE(index.Add(document, analyzer).ok());
    if ((i + 1) % 1000 == 0) {
      std::shared_ptr<const Segment> sealed;
      index.Seal(sealed);
    }
  }
  const ScoringOptions scoring;
  const std::vector<DocId> accepted = {17, 1400, 2999};
  const auto any = [](const ScoredDoc&) { return true; };
  auto clause = [&](size_t* stops) {
    std::vector<WordCursor::Variant> variants =
        WordCursor::VariantsOf(index, index.body(), {"bap"}, scoring);
    return CountingScorer{WordCursor(index, index.body(), 1.0f, scoring, std::move(variants)),
                          stops};
  };

  size_t max_score_stops = 0;
  std::vector<CountingScorer> clauses;
  clauses.push_back(clause(&max_score_stops));
  DocFilter filter;
  filter.AddList(accepted, /*exclude=*/false);
  const TopK got = MaxScoreTopK(std::move(clauses), 10, Before, any, &filter);
  ASSERT_EQ(got.hits.size(), 3u);
  EXPECT_EQ(got.counted, 3u);
  EXPECT_TRUE(got.exact);
  std::vector<DocId> docs;
  for (const ScoredDoc& hit : got.hits) docs.push_back(hit.doc);
  std::sort(docs.begin(), docs.end());
  EXPECT_EQ(docs, accepted);
  EXPECT_LE(max_score_stops, 10u) << "documents the filter rejects were visited";

  size_t top_k_stops = 0;
  CountingScorer scorer = clause(&top_k_stops);
  DocFilter same_filter;
  same_filter.AddList(accepted, /*exclude=*/false);
  const TopK again = ScorerTopK(scorer, 10, Before, any, &same_filter);
  EXPECT_EQ(again.hits.size(), 3u);
  EXPECT_EQ(again.counted, 3u);
  EXPECT_LE(top_k_stops, 10u) << "documents the filter rejects were visited";
}

TEST(DisjunctionScorerTest, YieldsEveryDocumentHoldingEnoughWordsScoredAsABruteForceScorer) {
  RandomIndex random(600, 37);
  for (int q = 0; q < 100; ++q) {
    std::vector<std::string> words;
    for (int n = random.Uniform(1, 4); n > 0; --n) {
      const std::string word = random.Word();
      if (std::find(words.begin(), words.end(), word) == words.end()) words.push_back(word);
    }
    const int required = random.Uniform(1, static_cast<int>(words.size()));
    std::vector<WordCursor> clauses;
    std::vector<size_t> word_of;
    for (Field field : {Field::kTitle, Field::kBody}) {
      for (size_t w = 0; w < words.size(); ++w) {
        if (std::optional<WordCursor> cursor = random.Cursor(field, words[w])) {
          clauses.push_back(*std::move(cursor));
          word_of.push_back(w);
        }
      }
    }
    DisjunctionScorer<WordCursor> scorer(std::move(clauses), std::move(word_of), required);
    std::vector<ScoredDoc> got;
    for (; scorer.doc() != kScorerEnd; scorer.Next()) got.push_back({scorer.doc(), scorer.Score()});

    std::vector<ScoredDoc> expected;
    for (DocId doc = 0; doc < random.docs().size(); ++doc) {
      const ModelDoc& model = random.docs()[doc];
      if (!model.live) continue;
      double score = 0;
      uint64_t held = 0;
      for (Field field : {Field::kTitle, Field::kBody}) {
        const std::vector<std::string> tokens = RandomIndex::Tokens(model, field);
        for (size_t w = 0; w < words.size(); ++w) {
          const auto frequency = std::count(tokens.begin(), tokens.end(), words[w]);
          if (frequency == 0) continue;
          held |= uint64_t{1} << w;
          score +=
              RandomIndex::Boost(field) * random.Bm25(field, static_cast<double>(frequency),
                                                      tokens.size(), random.Idf(field, words[w]));
        }
      }
      if (std::popcount(held) >= required) expected.push_back({doc, static_cast<float>(score)});
    }
    const std::string what =
        absl::StrCat("query ", q, " '", absl::StrJoin(words, " "), "' required=", required);
    ASSERT_EQ(got.size(), expected.size()) << what;
    for (size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(got[i].doc, expected[i].doc) << what;
      EXPECT_NEAR(got[i].score, expected[i].score, 1e-4 * expected[i].score) << what;
    }
  }
}

}  // namespace
}  // namespace docsearch::query::testing
