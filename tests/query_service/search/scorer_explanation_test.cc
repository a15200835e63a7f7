// Explanations come from the scorers that score (scorer.h): for random
// queries of every scored kind (match OR, AND and minimum_should_match,
// phrases with and without slop in one field or both, bools mixing them
// with filters), every hit's explanation has exactly the hit's score, and
// so has the score a page cursor reads (ScoreOf), both for full evaluation
// and for the top-k algorithm the planner picks.
#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gtest/gtest.h"
#include "query_service/search/query_evaluator.h"
#include "query_service/search/query_planner.h"
#include "tests/query_service/search/random_index.h"

namespace docsearch::query::testing {
namespace {

std::string Words(RandomIndex& random, int low, int high) {
  std::vector<std::string> words;
  for (int n = random.Uniform(low, high); n > 0; --n) words.push_back(random.Word());
  return absl::StrJoin(words, " ");
}

// Adjacent words of a live body, so that most phrases match.
std::string PhraseText(RandomIndex& random) {
  const ModelDoc& source = random.SomeLiveDoc();
  const auto& paragraph = source.paragraphs[random.Uniform(0, source.paragraphs.size() - 1)];
  const size_t at = random.Uniform(0, paragraph.size() - 1);
  std::vector<std::string> words;
  for (size_t i = at; i < paragraph.size() && words.size() < 3; ++i) words.push_back(paragraph[i]);
  return absl::StrJoin(words, " ");
}

v1::Query RandomMatch(RandomIndex& random) {
  v1::Query query;
  v1::MatchQuery& match = *query.mutable_match();
  const int words = random.Uniform(1, 4);
  match.set_text(Words(random, words, words));
  switch (random.Uniform(0, 2)) {
    case 0:
      match.set_operator_(v1::MATCH_OPERATOR_AND);
      break;
    case 1:
      match.set_minimum_should_match(random.Uniform(0, std::min(words, 2)));
      break;
    default:
      break;
  }
  if (random.Uniform(0, 2) == 0) {
    auto* field = match.add_fields();
    field->set_field(random.Uniform(0, 1) == 0 ? "title" : "body");
    field->set_boost(static_cast<float>(random.Uniform(1, 30)) / 10);
  }
  return query;
}

v1::Query RandomPhrase(RandomIndex& random) {
  v1::Query query;
  v1::PhraseQuery& phrase = *query.mutable_phrase();
  phrase.set_text(PhraseText(random));
  phrase.set_slop(random.Uniform(0, 2));
  if (random.Uniform(0, 2) != 0) phrase.set_field("body");
  if (random.Uniform(0, 1) == 0) phrase.set_boost(static_cast<float>(random.Uniform(1, 30)) / 10);
  return query;
}

v1::Query RandomQuery(RandomIndex& random) {
  switch (random.Uniform(0, 3)) {
    case 0:
      return RandomMatch(random);
    case 1:
      return RandomPhrase(random);
    default:
      break;
  }
  v1::Query query;
  v1::BoolQuery& boolean = *query.mutable_boolean();
  *boolean.add_must() = RandomMatch(random);
  if (random.Uniform(0, 1) == 0) *boolean.add_should() = RandomPhrase(random);
  if (random.Uniform(0, 1) == 0) *boolean.add_should() = RandomMatch(random);
  if (random.Uniform(0, 1) == 0) {
    v1::RangeQuery& range = *boolean.add_filter()->mutable_range();
    range.set_field("published");
    range.set_gte(absl::StrCat(random.Uniform(1995, 2004)));
  }
  return query;
}

TEST(ScorerExplanationTest, EveryHitExplainsExactlyItsScoreForRandomQueries) {
  RandomIndex random(600, 37);
  const QueryLimits limits;
  size_t hits = 0;
  for (int q = 0; q < 150; ++q) {
    const v1::Query query = RandomQuery(random);
    const std::string what = absl::StrCat("query ", q, ": ", query.ShortDebugString());
    QueryEvaluator evaluator(random.index(), random.analyzer(), limits, random.scoring());
    absl::StatusOr<DocList> matches = evaluator.Evaluate(query, "query");
    ASSERT_TRUE(matches.ok()) << what << " " << matches.status();
    // At most about 20 hits a query, spread over the list, keep it quick.
    const size_t stride = std::max<size_t>(1, matches->size() / 20);
    for (size_t i = 0; i < matches->size(); i += stride) {
      const ScoredDoc& match = (*matches)[i];
      const v1::Explanation explanation = evaluator.Explain(query, match.doc);
      // Exactly: the scorer explains the float it scored.
      EXPECT_EQ(static_cast<float>(explanation.value()), match.score)
          << what << " doc " << match.doc << "\n"
          << explanation.DebugString();
      EXPECT_EQ(evaluator.ScoreOf(query, match.doc), std::optional<float>(match.score))
          << what << " doc " << match.doc;
      ++hits;
    }
    // The top-k algorithm's hits too (MaxScore, block-max conjunction,
    // phrase), when the planner picks one.
    const QueryPlan plan = PlanQuery(query, "query", /*needs_every_match=*/false, limits);
    absl::StatusOr<std::optional<TopK>> top =
        evaluator.TopMatches(plan, 10, Before, [](const ScoredDoc&) { return true; });
    ASSERT_TRUE(top.ok()) << what << " " << top.status();
    if (!top->has_value()) continue;
    for (const ScoredDoc& hit : (*top)->hits) {
      EXPECT_EQ(static_cast<float>(evaluator.Explain(query, hit.doc).value()), hit.score)
          << what << " doc " << hit.doc;
    }
  }
  EXPECT_GT(hits, 1500u);
}

TEST(ScorerExplanationTest, ADocumentThatDoesNotMatchHasNoScore) {
  RandomIndex random(300, 37);
  QueryEvaluator evaluator(random.index(), random.analyzer(), QueryLimits{}, random.scoring());
  v1::Query query;
  query.mutable_match()->set_text("bap dof");
  query.mutable_match()->set_operator_(v1::MATCH_OPERATOR_AND);
  absl::StatusOr<DocList> matches = evaluator.Evaluate(query, "query");
  ASSERT_TRUE(matches.ok());
  size_t checked = 0;
  for (DocId doc = 0; doc < random.docs().size(); ++doc) {
    const bool matched =
        std::binary_search(matches->begin(), matches->end(), ScoredDoc{doc, 0},
                           [](const ScoredDoc& a, const ScoredDoc& b) { return a.doc < b.doc; });
    if (matched) continue;
    EXPECT_EQ(evaluator.ScoreOf(query, doc), std::nullopt) << "doc " << doc;
    EXPECT_EQ(evaluator.Explain(query, doc).value(), 0) << "doc " << doc;
    ++checked;
  }
  EXPECT_GT(checked, 10u);
}

}  // namespace
}  // namespace docsearch::query::testing
