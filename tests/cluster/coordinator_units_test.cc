// The coordinator's parts that need no process: how a CompareSets sample is
// split over the shards, how replicas are taken in turn, and how many hits
// each shard builds snippets for in a search's page phase.
#include <gtest/gtest.h>

#include <numeric>
#include <vector>

#include "query_service/coordinator/cluster_set_comparison.h"
#include "query_service/coordinator/replica_directory.h"
#include "query_service/coordinator/snippet_fetch.h"

namespace docsearch::query {
namespace {

int64_t Sum(const std::vector<int64_t>& parts) {
  return std::accumulate(parts.begin(), parts.end(), int64_t{0});
}

TEST(SplitSample, TakesEveryMatchWhenTheyFit) {
  EXPECT_EQ(SplitSample({30, 12, 0}, 2000), (std::vector<int64_t>{30, 12, 0}));
  EXPECT_EQ(SplitSample({1000, 1000}, 2000), (std::vector<int64_t>{1000, 1000}));
}

TEST(SplitSample, SplitsInProportionToTheMatches) {
  const std::vector<int64_t> parts = SplitSample({3000, 1000}, 2000);
  EXPECT_EQ(parts, (std::vector<int64_t>{1500, 500}));
}

TEST(SplitSample, GivesTheRemaindersToTheLargestFractionsAndAddsUpExactly) {
  // 25 of 146 over 73 + 73: 12.5 each; the tie goes to the lower shard.
  EXPECT_EQ(SplitSample({73, 73}, 25), (std::vector<int64_t>{13, 12}));
  const std::vector<int64_t> parts = SplitSample({7, 11, 13, 1}, 20);
  EXPECT_EQ(Sum(parts), 20);
  EXPECT_LE(parts[0], 7);
  EXPECT_LE(parts[3], 1);
  EXPECT_EQ(SplitSample({5, 5, 5}, 0), (std::vector<int64_t>{0, 0, 0}));
}

TEST(ReplicaDirectory, TakesEachShardsReplicasInTurnWhateverTheOtherShardsCalls) {
  ReplicaDirectory directory(2, {{0, {"a:1", "b:1"}}, {1, {"c:1", "d:1"}}});
  // A search calls every shard in each phase: shard 0, shard 1, shard 0, ...
  std::vector<std::string> firsts_of_shard_0;
  for (int call = 0; call < 4; ++call) {
    firsts_of_shard_0.push_back(directory.ReplicasOf(0).front());
    EXPECT_EQ(directory.ReplicasOf(1).size(), 2u);
  }
  EXPECT_EQ(firsts_of_shard_0, (std::vector<std::string>{"a:1", "b:1", "a:1", "b:1"}));
  EXPECT_TRUE(directory.ReplicasOf(7).empty());  // No such shard.
}

TEST(SnippetHitsPerShard, IsTheShardsShareOfThePagePlusAMarginAndNeverMoreThanThePage) {
  docsearch::v1::SearchRequest request;
  request.set_page_size(10);
  EXPECT_EQ(SnippetHitsPerShard(request, 2), 7);
  EXPECT_EQ(SnippetHitsPerShard(request, 8), 4);
  EXPECT_EQ(SnippetHitsPerShard(request, 1), 10);
  request.set_page_size(0);  // The default page of 10.
  EXPECT_EQ(SnippetHitsPerShard(request, 2), 7);
  request.set_page_size(3);
  EXPECT_EQ(SnippetHitsPerShard(request, 2), 3);
  request.set_omit_snippets(true);
  EXPECT_EQ(SnippetHitsPerShard(request, 2), 0) << "no snippets asked, none built";
}

}  // namespace
}  // namespace docsearch::query
