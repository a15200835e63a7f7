// The phrase scorer (phrase_scorer.h, phrase_frequency.h), alone and as a
// pruned top-k (scorer_top_k.h), against a brute-force phrase counter and
// BM25 scorer on random postings across segments, with dead documents, for
// exact phrases and phrases with slop.
#include "query_service/search/phrase_scorer.h"

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

// Occurrences of `words` in `tokens` (one paragraph: positions of the
// engine's paragraphs lie far apart, so no phrase spans two): from each
// occurrence of the first word, each next word's first occurrence after the
// previous one, the extra distance at most `slop`.
int CountPhrase(const std::vector<std::string>& tokens, const std::vector<std::string>& words,
                int slop) {
  int count = 0;
  for (size_t start = 0; start < tokens.size(); ++start) {
    if (tokens[start] != words[0]) continue;
    size_t previous = start;
    bool found = true;
    for (size_t w = 1; w < words.size() && found; ++w) {
      size_t next = previous + 1;
      while (next < tokens.size() && tokens[next] != words[w]) ++next;
      found = next < tokens.size();
      previous = next;
    }
    if (found && previous - start - (words.size() - 1) <= static_cast<size_t>(slop)) ++count;
  }
  return count;
}

// Runs 150 random phrases of 2 or 3 words, taken from live bodies with
// gaps of up to `max_slop` words between them, with slops 0..max_slop.
void CheckRandomPhrases(int max_slop) {
  RandomIndex random(600, 37);
  int pruned = 0;
  int matched = 0;
  for (int q = 0; q < 150; ++q) {
    const ModelDoc& source = random.SomeLiveDoc();
    const auto& paragraph = source.paragraphs[random.Uniform(0, source.paragraphs.size() - 1)];
    std::vector<std::string> words;
    size_t at = random.Uniform(0, paragraph.size() - 1);
    for (int n = random.Uniform(2, 3); n > 0 && at < paragraph.size(); --n) {
      words.push_back(paragraph[at]);
      at += 1 + random.Uniform(0, max_slop);
    }
    if (words.size() < 2) continue;
    const int slop = random.Uniform(0, max_slop);
    const size_t k = std::vector<size_t>{1, 3, 10}[random.Uniform(0, 2)];
    std::function<bool(const ScoredDoc&)> eligible = [](const ScoredDoc&) { return true; };

    // The engine: one cursor per word in the body, idf summed over words.
    std::vector<WordCursor> cursors;
    float idf = 0;
    for (const std::string& word : words) {
      std::optional<WordCursor> cursor = random.Cursor(Field::kBody, word);
      ASSERT_TRUE(cursor.has_value()) << word;
      idf += cursor->variants().front().idf;
      cursors.push_back(*std::move(cursor));
    }
    const std::string text = absl::StrJoin(words, " ");
    PhraseScorer every(random.index(), random.scoring(), cursors, idf, slop, text);
    std::vector<ScoredDoc> all;
    for (; every.doc() != kScorerEnd; every.Next()) all.push_back({every.doc(), every.Score()});
    PhraseScorer phrase(random.index(), random.scoring(), std::move(cursors), idf, slop, text);
    const TopK got = ScorerTopK(phrase, k, Before, eligible);

    // The model.
    double model_idf = 0;
    for (const std::string& word : words) model_idf += random.Idf(Field::kBody, word);
    std::vector<ScoredDoc> matches;
    for (DocId doc = 0; doc < random.docs().size(); ++doc) {
      const ModelDoc& model = random.docs()[doc];
      if (!model.live) continue;
      int frequency = 0;
      for (const auto& tokens : model.paragraphs) frequency += CountPhrase(tokens, words, slop);
      if (frequency == 0) continue;
      const size_t length = RandomIndex::Tokens(model, Field::kBody).size();
      matches.push_back(
          {doc, static_cast<float>(random.Bm25(Field::kBody, frequency, length, model_idf))});
    }
    ASSERT_EQ(all.size(), matches.size()) << "phrase " << q;
    for (size_t i = 0; i < all.size(); ++i) {
      EXPECT_EQ(all[i].doc, matches[i].doc) << "phrase " << q;
      EXPECT_NEAR(all[i].score, matches[i].score, 1e-4 * matches[i].score) << "phrase " << q;
    }
    ExpectTopK(
        got, matches, k, eligible,
        absl::StrCat("phrase ", q, " '", absl::StrJoin(words, " "), "' slop=", slop, " k=", k));
    pruned += !got.exact;
    matched += !matches.empty();
  }
  EXPECT_GT(matched, 100);
  // Documents were skipped on their bound, before reading positions.
  EXPECT_GT(pruned, 5);
}

TEST(PhraseScorerTest, ExactPhrasesEqualABruteForceCounterOnRandomPostings) {
  CheckRandomPhrases(/*max_slop=*/0);
}

TEST(PhraseScorerTest, PhrasesWithSlopEqualABruteForceCounterOnRandomPostings) {
  CheckRandomPhrases(/*max_slop=*/3);
}

}  // namespace
}  // namespace docsearch::query::testing
