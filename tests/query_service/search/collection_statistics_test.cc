// Scoring with collection statistics supplied from outside the index
// (collection_statistics.h): a shard that scores with the statistics of
// the whole collection gives each of its documents the score one index
// holding every document gives it, in full evaluation, top-k and
// explanations alike.
#include "query_service/search/collection_statistics.h"

#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gtest/gtest.h"
#include "query_service/search/query_evaluator.h"
#include "query_service/search/query_planner.h"
#include "query_service/search/scored_doc.h"

namespace docsearch::query {
namespace {

// The statistics of several shards together, as a coordinator would sum
// them (Elasticsearch's DFS phase).
class SummedStatistics final : public CollectionStatistics {
 public:
  explicit SummedStatistics(std::vector<const IndexData*> shards) : shards_(std::move(shards)) {}
  uint64_t DocumentCount() const override {
    uint64_t count = 0;
    for (const IndexData* shard : shards_) count += shard->live_count();
    return count;
  }
  uint64_t DocumentFrequency(absl::string_view field, const std::string& term) const override {
    uint64_t count = 0;
    for (const IndexData* shard : shards_)
      count += shard->TextField(field)->DocumentFrequency(term);
    return count;
  }
  uint64_t TotalLength(absl::string_view field) const override {
    uint64_t total = 0;
    for (const IndexData* shard : shards_) total += shard->TextField(field)->live_total_length;
    return total;
  }

 private:
  std::vector<const IndexData*> shards_;
};

class CollectionStatisticsTest : public ::testing::Test {
 protected:
  // 120 documents of invented words (no analyzer step changes them), each
  // indexed in the whole collection and in one of two shards; a few
  // deleted from both.
  void SetUp() override {
    const std::vector<std::string> words = {"bap", "dof", "gim", "kut", "lom",
                                            "nir", "pov", "rab", "sul", "tig"};
    std::mt19937 rng(20261203);
    auto some_words = [&](int count) {
      std::vector<std::string> out;
      for (int i = 0; i < count; ++i) out.push_back(words[rng() % (1 + rng() % words.size())]);
      return absl::StrJoin(out, " ");
    };
    for (int i = 0; i < 120; ++i) {
      v1::Document document;
      document.set_id(absl::StrCat("d", i));
      document.set_language("en");
      document.set_title(some_words(1 + static_cast<int>(rng() % 4)));
      document.add_paragraphs()->set_text(some_words(3 + static_cast<int>(rng() % 40)));
      ASSERT_TRUE(whole_.Add(document, analyzer_).ok());
      ASSERT_TRUE(shards_[i % 2].Add(document, analyzer_).ok());
    }
    for (int i = 0; i < 120; i += 11) {
      const std::string id = absl::StrCat("d", i);
      ASSERT_TRUE(whole_.Remove(id, analyzer_).ok());
      ASSERT_TRUE(shards_[i % 2].Remove(id, analyzer_).ok());
    }
  }

  // Scores by document id of `query` evaluated in full on `index`.
  std::map<std::string, float> Scores(const IndexData& index, const v1::Query& query,
                                      const ScoringOptions& scoring) {
    QueryEvaluator evaluator(index, analyzer_, QueryLimits{}, scoring);
    absl::StatusOr<DocList> matches = evaluator.Evaluate(query, "query");
    EXPECT_TRUE(matches.ok()) << matches.status();
    std::map<std::string, float> scores;
    if (!matches.ok()) return scores;
    for (const ScoredDoc& match : *matches) {
      scores[std::string(index.documents().id(match.doc))] = match.score;
    }
    return scores;
  }

  static std::vector<v1::Query> Queries() {
    std::vector<v1::Query> queries(4);
    queries[0].mutable_match()->set_text("bap dof gim");
    queries[1].mutable_match()->set_text("bap dof");
    queries[1].mutable_match()->set_operator_(v1::MATCH_OPERATOR_AND);
    queries[2].mutable_phrase()->set_text("bap bap");
    queries[2].mutable_phrase()->set_field("body");
    queries[3].mutable_phrase()->set_text("dof bap");
    queries[3].mutable_phrase()->set_slop(2);
    return queries;
  }

  TextAnalyzer analyzer_;
  IndexData whole_;
  IndexData shards_[2];
};

TEST_F(CollectionStatisticsTest, AShardWithGlobalStatisticsScoresAsTheWholeCollection) {
  const SummedStatistics global({&shards_[0], &shards_[1]});
  ScoringOptions with_global;
  with_global.statistics = &global;
  for (const v1::Query& query : Queries()) {
    const std::map<std::string, float> expected = Scores(whole_, query, ScoringOptions{});
    size_t compared = 0;
    for (const IndexData& shard : shards_) {
      for (const auto& [id, score] : Scores(shard, query, with_global)) {
        ASSERT_TRUE(expected.contains(id)) << query.ShortDebugString() << " " << id;
        // The same N, document frequencies and average lengths give the
        // same floats.
        EXPECT_EQ(score, expected.at(id)) << query.ShortDebugString() << " " << id;
        ++compared;
      }
    }
    EXPECT_EQ(compared, expected.size()) << query.ShortDebugString();
    EXPECT_GT(compared, 0u) << query.ShortDebugString();
  }
}

TEST_F(CollectionStatisticsTest, TopKAndExplanationsUseTheGlobalStatisticsToo) {
  const SummedStatistics global({&shards_[0], &shards_[1]});
  ScoringOptions with_global;
  with_global.statistics = &global;
  const auto before = [](const ScoredDoc& a, const ScoredDoc& b) {
    return a.score != b.score ? a.score > b.score : a.doc < b.doc;
  };
  const auto every = [](const ScoredDoc&) { return true; };
  // MaxScore, the block-max conjunction and phrase top-k (the fourth query,
  // a phrase over two fields, is evaluated in full).
  const std::vector<v1::Query> queries = Queries();
  for (const v1::Query& query : {queries[0], queries[1], queries[2]}) {
    const std::map<std::string, float> expected = Scores(whole_, query, ScoringOptions{});
    const IndexData& shard = shards_[0];
    QueryEvaluator evaluator(shard, analyzer_, QueryLimits{}, with_global);
    const QueryPlan plan = PlanQuery(query, "query", /*needs_every_match=*/false, QueryLimits{});
    absl::StatusOr<std::optional<TopK>> top = evaluator.TopMatches(plan, 5, before, every);
    ASSERT_TRUE(top.ok()) << top.status();
    ASSERT_TRUE(top->has_value()) << query.ShortDebugString();
    ASSERT_FALSE((*top)->hits.empty()) << query.ShortDebugString();
    for (const ScoredDoc& hit : (*top)->hits) {
      const std::string id(shard.documents().id(hit.doc));
      EXPECT_EQ(hit.score, expected.at(id)) << query.ShortDebugString() << " " << id;
      EXPECT_FLOAT_EQ(evaluator.Explain(query, hit.doc).value(), hit.score)
          << query.ShortDebugString() << " " << id;
    }
  }
}

TEST_F(CollectionStatisticsTest, WithoutThemAShardScoresWithItsOwn) {
  // The check above can fail: a shard's own statistics give other scores.
  const v1::Query query = Queries()[0];
  const std::map<std::string, float> expected = Scores(whole_, query, ScoringOptions{});
  size_t differing = 0;
  for (const auto& [id, score] : Scores(shards_[0], query, ScoringOptions{})) {
    differing += score != expected.at(id);
  }
  EXPECT_GT(differing, 0u);
}

}  // namespace
}  // namespace docsearch::query
