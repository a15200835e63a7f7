// The cluster mode's pure parts: the shard router, the applied-positions
// file, the replica list flag and the merge of shard answers.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "absl/strings/str_cat.h"
#include "cluster/document_log_message.h"
#include "cluster/nats_handles.h"
#include "cluster/shard_router.h"
#include "query_service/coordinator/replica_directory.h"
#include "query_service/coordinator/search_merger.h"
#include "query_service/replica/applied_positions.h"
#include "query_service/server/page_token.h"

namespace docsearch {
namespace {

namespace fs = std::filesystem;

// The ingest service retries a write until its deadline on UNAVAILABLE and
// INTERNAL (what JetStream says while servers come back); a message too large
// for NATS must come back as RESOURCE_EXHAUSTED, or it would be retried in
// vain and answered "retrying is safe".
TEST(FromNatsTest, ATooLargeMessageIsNotRetryableAndElectionsAre) {
  EXPECT_EQ(cluster::FromNats(NATS_MAX_PAYLOAD, "publishing").code(),
            absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(cluster::FromNats(NATS_ERR, "publishing", JSStreamMessageExceedsMaximumErr).code(),
            absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(cluster::FromNats(NATS_ERR, "publishing", JSClusterNotAvailErr).code(),
            absl::StatusCode::kUnavailable);
  EXPECT_EQ(cluster::FromNats(NATS_TIMEOUT, "publishing").code(), absl::StatusCode::kUnavailable);
  EXPECT_TRUE(cluster::FromNats(NATS_OK, "publishing").ok());
}

TEST(ShardRouterTest, TheShardOfAnIdNeverChanges) {
  // Pinned: a cluster's documents live where these say; a change to the
  // hash would strand them in the wrong shard. FNV-1a 64 of "a" is
  // 0xaf63dc4c8601ec8c and of "" its offset basis 0xcbf29ce484222325 (the
  // published test vectors), 4 and 5 modulo 8.
  EXPECT_EQ(cluster::ShardOf("2001-12-07-nato-russia-joint-statement", 8), 0u);
  EXPECT_EQ(cluster::ShardOf("a", 8), 4u);
  EXPECT_EQ(cluster::ShardOf("", 8), 5u);
  EXPECT_EQ(cluster::ShardOf("anything", 1), 0u);
  // Spread: 1000 ids over 4 shards, none empty or holding most.
  std::vector<int> counts(4, 0);
  for (int i = 0; i < 1000; ++i) ++counts[cluster::ShardOf(absl::StrCat("doc-", i), 4)];
  for (int count : counts) EXPECT_GT(count, 150);
}

TEST(ShardRouterTest, SubjectsEscapeEveryIdWithoutMergingTwo) {
  EXPECT_EQ(cluster::DocumentSubject(3, "a.b *>"), "docs.3.612e62202a3e");
  EXPECT_NE(cluster::DocumentSubject(0, "a.b"), cluster::DocumentSubject(0, "a_b"));
  EXPECT_EQ(cluster::StreamName(7), "DOCS_7");
  EXPECT_EQ(cluster::StreamSubjects(7), "docs.7.>");
}

TEST(ShardRouterTest, ShardListsAreCheckedNamingTheFlag) {
  absl::StatusOr<std::vector<uint32_t>> shards = cluster::ParseShardList("0,5,2", "shards");
  ASSERT_TRUE(shards.ok());
  EXPECT_EQ(*shards, (std::vector<uint32_t>{0, 5, 2}));
  for (const char* bad : {"", "0,,1", "x", "-1", "1,1", "1024"}) {
    absl::StatusOr<std::vector<uint32_t>> parsed = cluster::ParseShardList(bad, "shards");
    EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument) << bad;
    EXPECT_NE(parsed.status().message().find("--shards"), absl::string_view::npos) << bad;
  }
}

TEST(DocumentLogMessageTest, UpsertsAndTombstonesDecodeAsTheyWereMade) {
  docsearch::v1::Document document;
  document.set_id("doc.1");
  document.set_content_hash("abc");
  document.set_title("A title");
  cluster::OutgoingMessage upsert = cluster::UpsertMessage(1, document);
  EXPECT_EQ(upsert.message_id, "646f632e31:abc");
  cluster::StreamMessage stored{7, 0, upsert.subject, upsert.data, cluster::kUpsertOperation};
  absl::StatusOr<cluster::DecodedLogMessage> decoded = cluster::DecodeLogMessage(stored);
  ASSERT_TRUE(decoded.ok());
  ASSERT_TRUE(std::holds_alternative<docsearch::v1::WriteRequest>(*decoded));
  EXPECT_EQ(std::get<docsearch::v1::WriteRequest>(*decoded).documents(0).title(), "A title");

  cluster::OutgoingMessage tombstone = cluster::DeleteMessage(1, "doc.1");
  EXPECT_EQ(tombstone.subject, upsert.subject);
  EXPECT_TRUE(tombstone.message_id.empty());
  decoded = cluster::DecodeLogMessage(
      {8, 0, tombstone.subject, tombstone.data, cluster::kDeleteOperation});
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(std::get<cluster::DecodedDelete>(*decoded).id, "doc.1");

  EXPECT_EQ(cluster::DecodeLogMessage({9, 0, "docs.1.x", "data", "rename"}).status().code(),
            absl::StatusCode::kDataLoss);
  EXPECT_EQ(cluster::DecodeLogMessage({9, 0, "docs.1.x", "\xff\xff", cluster::kUpsertOperation})
                .status()
                .code(),
            absl::StatusCode::kDataLoss);
}

TEST(AppliedPositionsTest, RoundTripsAndRefusesADamagedFile) {
  const fs::path dir = fs::path(::testing::TempDir()) / absl::StrCat("positions-", getpid());
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string path = (dir / "cluster-positions").string();
  absl::StatusOr<query::AppliedPositions> none = query::ReadAppliedPositions(path);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
  ASSERT_TRUE(query::WriteAppliedPositions(path, {{0, 17}, {3, 4}}).ok());
  ASSERT_TRUE(query::WriteAppliedPositions(path, {{0, 18}, {3, 4}}).ok());
  absl::StatusOr<query::AppliedPositions> read = query::ReadAppliedPositions(path);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(*read, (query::AppliedPositions{{0, 18}, {3, 4}}));
  EXPECT_FALSE(fs::exists(path + ".tmp"));
  std::ofstream(path) << "docsearch cluster positions 1\n0 seventeen\n";
  EXPECT_EQ(query::ReadAppliedPositions(path).status().code(), absl::StatusCode::kDataLoss);
  std::ofstream(path) << "something else\n";
  EXPECT_EQ(query::ReadAppliedPositions(path).status().code(), absl::StatusCode::kDataLoss);
  fs::remove_all(dir);
}

TEST(ShardReplicasFlagTest, ParsesShardsAndAddresses) {
  absl::StatusOr<query::ShardReplicas> parsed =
      query::ParseShardReplicas("0=127.0.0.1:1,127.0.0.1:2;1=127.0.0.1:3");
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ((*parsed)[0], (std::vector<std::string>{"127.0.0.1:1", "127.0.0.1:2"}));
  EXPECT_EQ((*parsed)[1], (std::vector<std::string>{"127.0.0.1:3"}));
  EXPECT_EQ(query::ParseShardReplicas("x=1").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(query::ParseShardReplicas("0=").status().code(), absl::StatusCode::kInvalidArgument);
}

docsearch::v1::SearchHit Hit(const std::string& id, float score) {
  docsearch::v1::SearchHit hit;
  hit.set_id(id);
  hit.set_score(score);
  return hit;
}

TEST(SearchMergerTest, MergesPagesTotalsFacetsAndHistograms) {
  docsearch::v1::SearchRequest request;
  request.set_query_string("nato");
  request.set_page_size(3);
  request.add_facets("doc_type");
  request.set_facet_size(2);
  EXPECT_EQ(query::ShardRequestFor(request, 1000).facet_size(), 1000);

  docsearch::v1::SearchResponse a, b;
  for (auto hit : {Hit("a1", 3.0f), Hit("a2", 2.0f), Hit("a3", 1.0f)}) *a.add_hits() = hit;
  for (auto hit : {Hit("b1", 2.0f), Hit("b2", 0.5f)}) *b.add_hits() = hit;
  a.set_total_size(10);
  a.set_total_relation(docsearch::v1::TOTAL_RELATION_EQUAL_TO);
  b.set_total_size(4);
  b.set_total_relation(docsearch::v1::TOTAL_RELATION_EQUAL_TO);
  auto* facet_a = a.add_facets();
  facet_a->set_field("doc_type");
  for (auto [value, count] : {std::pair{"speech", 6}, {"communique", 4}}) {
    auto* entry = facet_a->add_values();
    entry->set_value(value);
    entry->set_count(count);
  }
  auto* facet_b = b.add_facets();
  facet_b->set_field("doc_type");
  for (auto [value, count] : {std::pair{"communique", 3}, {"other", 1}}) {
    auto* entry = facet_b->add_values();
    entry->set_value(value);
    entry->set_count(count);
  }
  docsearch::v1::SearchResponse merged = query::MergeSearchResponses(request, {a, b});
  ASSERT_EQ(merged.hits_size(), 3);
  EXPECT_EQ(merged.hits(0).id(), "a1");
  EXPECT_EQ(merged.hits(1).id(), "a2");  // Ties on score: by id.
  EXPECT_EQ(merged.hits(2).id(), "b1");
  EXPECT_EQ(merged.total_size(), 14);
  EXPECT_EQ(merged.total_relation(), docsearch::v1::TOTAL_RELATION_EQUAL_TO);
  ASSERT_EQ(merged.facets_size(), 1);
  ASSERT_EQ(merged.facets(0).values_size(), 2);
  EXPECT_EQ(merged.facets(0).values(0).value(), "communique");
  EXPECT_EQ(merged.facets(0).values(0).count(), 7);
  EXPECT_EQ(merged.facets(0).values(1).value(), "speech");
  // More hits remain (a3, b2): the token is the single node's cursor after b1.
  ASSERT_FALSE(merged.next_page_token().empty());
  docsearch::v1::SearchRequest next = request;
  next.set_page_token(merged.next_page_token());
  absl::StatusOr<std::optional<query::PageCursor>> cursor = query::DecodePageToken(next);
  ASSERT_TRUE(cursor.ok() && cursor->has_value());
  EXPECT_EQ((*cursor)->id, "b1");
  EXPECT_EQ((*cursor)->score, 2.0f);

  b.set_total_relation(docsearch::v1::TOTAL_RELATION_GREATER_THAN_OR_EQUAL_TO);
  EXPECT_EQ(query::MergeSearchResponses(request, {a, b}).total_relation(),
            docsearch::v1::TOTAL_RELATION_GREATER_THAN_OR_EQUAL_TO);
}

}  // namespace
}  // namespace docsearch
