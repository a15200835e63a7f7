// BM25F word cursors (fielded_word_cursor.h) against a brute-force BM25F on
// a random index: every document scored as the formula says, MaxScore's top
// k (with block-max bounds) equal to scoring every match, explanations equal
// to scores, and the property the change is for: a word's score is saturated
// once over title and body, so it never exceeds idf · (k1 + 1), which the
// per-field sum does exceed.
#include "query_service/search/fielded_word_cursor.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gtest/gtest.h"
#include "query_service/search/disjunction_scorer.h"
#include "query_service/search/max_score.h"
#include "tests/query_service/search/random_index.h"

namespace docsearch::query::testing {
namespace {

std::optional<FieldedWordCursor> Fielded(const RandomIndex& random, const std::string& word) {
  std::vector<WordCursor> fields;
  for (Field field : {Field::kTitle, Field::kBody}) {
    if (std::optional<WordCursor> cursor = random.Cursor(field, word)) {
      fields.push_back(*std::move(cursor));
    }
  }
  if (fields.empty()) return std::nullopt;
  return FieldedWordCursor(std::move(fields), random.scoring(), random.index().live_count());
}

// The model's BM25F of `word` in `doc`: 0 when neither field holds it.
double ModelBm25f(const RandomIndex& random, const ModelDoc& doc, const std::string& word,
                  double average_title, double average_body) {
  const double k1 = random.scoring().k1;
  const double b = random.scoring().b;
  double combined = 0;
  double idf = 0;
  bool first = true;
  for (Field field : {Field::kTitle, Field::kBody}) {
    const std::vector<std::string> tokens = RandomIndex::Tokens(doc, field);
    const double average = field == Field::kTitle ? average_title : average_body;
    const auto frequency = std::count(tokens.begin(), tokens.end(), word);
    combined += RandomIndex::Boost(field) * static_cast<double>(frequency) /
                (1 - b + b * static_cast<double>(tokens.size()) / average);
    // The most documents in one field: the smallest idf.
    idf = first ? random.Idf(field, word) : std::min(idf, random.Idf(field, word));
    first = false;
  }
  return combined == 0 ? 0 : idf * combined * (k1 + 1) / (combined + k1);
}

// avgdl of `field` over live documents, as the index keeps it (at least 1).
double AverageLength(const RandomIndex& random, Field field) {
  double total = 0;
  double live = 0;
  for (const ModelDoc& doc : random.docs()) {
    if (!doc.live) continue;
    ++live;
    total += static_cast<double>(RandomIndex::Tokens(doc, field).size());
  }
  return std::max(1.0, live == 0 ? 1.0 : total / live);
}

std::vector<std::string> SomeWords(RandomIndex& random) {
  std::vector<std::string> words;
  for (int n = random.Uniform(1, 4); n > 0; --n) {
    const std::string word = random.Word();
    if (std::find(words.begin(), words.end(), word) == words.end()) words.push_back(word);
  }
  return words;
}

TEST(FieldedWordCursorTest, ScoresEveryDocumentAsBm25fAndExplainsTheScore) {
  RandomIndex random(400, 29);
  const double average_title = AverageLength(random, Field::kTitle);
  const double average_body = AverageLength(random, Field::kBody);
  for (int q = 0; q < 60; ++q) {
    const std::string word = random.Word();
    std::optional<FieldedWordCursor> cursor = Fielded(random, word);
    if (!cursor.has_value()) continue;
    size_t seen = 0;
    for (DocId doc = 0; doc < random.docs().size(); ++doc) {
      const ModelDoc& model = random.docs()[doc];
      if (!model.live) continue;
      const double expected = ModelBm25f(random, model, word, average_title, average_body);
      if (expected == 0) continue;
      ++seen;
      cursor->Advance(doc);
      ASSERT_EQ(cursor->doc(), doc) << word;
      EXPECT_NEAR(cursor->Score(), expected, 1e-4 * expected) << word << " doc " << doc;
      EXPECT_FLOAT_EQ(cursor->Explain().value(), cursor->Score()) << word;
      EXPECT_LE(cursor->Score(), cursor->max_score()) << word;
      EXPECT_LE(cursor->Score(), cursor->BlockMaxScore(doc)) << word;
    }
    cursor->Next();
    EXPECT_EQ(cursor->doc(), kScorerEnd) << word << " after " << seen << " documents";
  }
}

TEST(FieldedWordCursorTest, AWordSaturatesOnceOverTitleAndBody) {
  RandomIndex random(400, 29);
  const double k1 = random.scoring().k1;
  int summed_above = 0;
  for (int q = 0; q < 60; ++q) {
    const std::string word = random.Word();
    std::optional<FieldedWordCursor> fielded = Fielded(random, word);
    std::optional<WordCursor> title = random.Cursor(Field::kTitle, word);
    std::optional<WordCursor> body = random.Cursor(Field::kBody, word);
    if (!fielded.has_value() || !title.has_value() || !body.has_value()) continue;
    for (; fielded->doc() != kScorerEnd; fielded->Next()) {
      const DocId doc = fielded->doc();
      const double most = Bm25Idf(random.index().live_count(), 0) * (k1 + 1);
      EXPECT_LT(fielded->Score(), most) << word;
      title->Advance(doc);
      body->Advance(doc);
      if (title->doc() == doc && body->doc() == doc) {
        const double summed = title->Score() + body->Score();
        // The per-field sum of a word in both fields: above what a word
        // can ever score once saturated, for some documents.
        summed_above +=
            summed > (k1 + 1) * std::max(title->variants()[0].idf, body->variants()[0].idf);
        EXPECT_LT(fielded->Score(), summed) << word << " doc " << doc;
      }
    }
  }
  EXPECT_GT(summed_above, 0);
}

TEST(FieldedWordCursorTest, MaxScoreTopKEqualsScoringEveryMatch) {
  RandomIndex random(600, 37);
  const double average_title = AverageLength(random, Field::kTitle);
  const double average_body = AverageLength(random, Field::kBody);
  int pruned = 0;
  for (int q = 0; q < 120; ++q) {
    const std::vector<std::string> words = SomeWords(random);
    const size_t k = std::vector<size_t>{1, 3, 10, 40}[random.Uniform(0, 3)];
    const std::function<bool(const ScoredDoc&)> everything = [](const ScoredDoc&) { return true; };
    std::vector<FieldedWordCursor> clauses;
    for (const std::string& word : words) {
      if (std::optional<FieldedWordCursor> cursor = Fielded(random, word)) {
        clauses.push_back(*std::move(cursor));
      }
    }
    const TopK got = MaxScoreTopK(std::move(clauses), k, Before, everything);

    std::vector<ScoredDoc> matches;
    for (DocId doc = 0; doc < random.docs().size(); ++doc) {
      const ModelDoc& model = random.docs()[doc];
      if (!model.live) continue;
      double score = 0;
      for (const std::string& word : words) {
        score += ModelBm25f(random, model, word, average_title, average_body);
      }
      if (score > 0) matches.push_back({doc, static_cast<float>(score)});
    }
    ExpectTopK(got, matches, k, everything,
               absl::StrCat("query ", q, " '", absl::StrJoin(words, " "), "' k=", k));
    pruned += !got.exact;
  }
  EXPECT_GT(pruned, 10);
}

}  // namespace
}  // namespace docsearch::query::testing
