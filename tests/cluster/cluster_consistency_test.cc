// A search's consistency tokens (read-your-writes across the cluster) and
// allow_partial, on real processes: nats-server, the ingest service, shard
// replicas and a coordinator.
#include <gtest/gtest.h>
#include <signal.h>

#include <filesystem>
#include <future>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "cluster/shard_router.h"
#include "tests/cluster/cluster_client.h"
#include "tests/cluster/nats_cluster.h"
#include "tests/cluster/scratch_directory.h"
#include "tests/integration/service_process.h"

namespace docsearch::testing {
namespace {

namespace fs = std::filesystem;

absl::StatusOr<ServiceProcess> StartService(const std::string& binary,
                                            std::vector<std::string> arguments,
                                            const fs::path& work) {
  arguments.push_back("--listen=127.0.0.1:0");
  return ServiceProcess::Start(binary, std::move(arguments), work.string());
}

// Every document, counted exactly.
docsearch::v1::SearchRequest CountEverything() {
  docsearch::v1::SearchRequest request;
  request.mutable_query()->mutable_match_all();
  request.set_exact_total(true);
  request.set_omit_snippets(true);
  request.set_page_size(1000);
  return request;
}

// The replicas reach NATS through one server only; pausing it (SIGSTOP)
// leaves them serving but cut off from their streams, while the ingest
// service, through the two other servers, still gets its writes
// acknowledged. A search carrying the new write's token then fails rather
// than answer without the write; one started before the server resumes
// waits and sees it.
TEST(ClusterConsistencyTest, ASearchWithATokenWaitsForTheReplicasToApplyIt) {
  const std::vector<docsearch::v1::RawDocument> corpus =
      LoadDevelopmentCorpus(DOCSEARCH_SHARED_CORPUS);
  if (corpus.size() < 21) GTEST_SKIP() << "no corpus at " << DOCSEARCH_SHARED_CORPUS;
  const ScratchDirectory scratch("cluster_tokens");
  const fs::path& work = scratch.path();
  absl::StatusOr<NatsCluster> nats = NatsCluster::Start(work.string());
  ASSERT_TRUE(nats.ok()) << nats.status();
  const std::string through_two = "--nats=" + nats->url(0) + "," + nats->url(1);
  const std::string through_third = "--nats=" + nats->url(2);
  absl::StatusOr<ServiceProcess> ingest = StartService(
      DOCSEARCH_INGEST_SERVICE_BINARY, {through_two, "--shards=2", "--stream_replicas=3"}, work);
  ASSERT_TRUE(ingest.ok()) << ingest.status();
  std::vector<ServiceProcess> replicas;
  for (int shard = 0; shard < 2; ++shard) {
    absl::StatusOr<ServiceProcess> replica = StartService(
        DOCSEARCH_QUERY_SERVICE_BINARY,
        {through_third, absl::StrCat("--shards=", shard), "--stream_replicas=3"}, work);
    ASSERT_TRUE(replica.ok()) << replica.status();
    replicas.push_back(*std::move(replica));
  }
  // A fixed replica list (the map's entries would expire while the
  // replicas cannot renew them), and attempts long enough to wait.
  absl::StatusOr<ServiceProcess> coordinator = StartService(
      DOCSEARCH_QUERY_SERVICE_BINARY,
      {through_two, "--role=coordinator", "--stream_replicas=3", "--shard_attempt_timeout=20s",
       absl::StrCat("--shard_replicas=0=", replicas[0].address(), ";1=", replicas[1].address())},
      work);
  ASSERT_TRUE(coordinator.ok()) << coordinator.status();

  for (size_t i = 0; i < 20; ++i) {
    absl::StatusOr<docsearch::v1::IngestDocumentResponse> answer =
        IngestOne(ingest->address(), corpus[i], absl::Seconds(30));
    ASSERT_TRUE(answer.ok()) << answer.status();
  }
  ASSERT_TRUE(
      WaitUntil([&] { return DocumentCountAt(coordinator->address()) >= 20; }, absl::Seconds(30)));

  nats->Pause(2);
  absl::StatusOr<docsearch::v1::IngestDocumentResponse> written =
      IngestOne(ingest->address(), corpus[20], absl::Seconds(30));
  ASSERT_TRUE(written.ok()) << written.status();
  ASSERT_TRUE(written->has_consistency_token());
  const docsearch::v1::ConsistencyToken token = written->consistency_token();
  const int64_t stored = DocumentCountAt(coordinator->address());
  auto holds_write = [&](const docsearch::v1::SearchResponse& response) {
    for (const docsearch::v1::SearchHit& hit : response.hits()) {
      if (hit.id() == written->id()) return true;
    }
    return false;
  };

  // Without the token: answered at once, without the write.
  absl::StatusOr<docsearch::v1::SearchResponse> stale =
      SearchAt(coordinator->address(), CountEverything());
  ASSERT_TRUE(stale.ok()) << stale.status();
  EXPECT_EQ(stale->total_size(), stored);
  EXPECT_FALSE(holds_write(*stale));

  // With it: the replica cannot get there before the deadline.
  docsearch::v1::SearchRequest fresh = CountEverything();
  *fresh.add_consistency_tokens() = token;
  const absl::Time asked = absl::Now();
  absl::StatusOr<docsearch::v1::SearchResponse> refused =
      SearchAt(coordinator->address(), fresh, absl::Seconds(2));
  EXPECT_LT(absl::Now() - asked, absl::Seconds(6));
  ASSERT_FALSE(refused.ok());
  EXPECT_TRUE(absl::IsUnavailable(refused.status()) || absl::IsDeadlineExceeded(refused.status()))
      << refused.status();
  if (absl::IsUnavailable(refused.status())) {
    EXPECT_NE(refused.status().message().find(absl::StrCat("shard ", token.shard())),
              std::string::npos)
        << refused.status();
    EXPECT_NE(refused.status().message().find(absl::StrCat("asks for ", token.sequence())),
              std::string::npos)
        << refused.status();
  }

  // A token for a shard the cluster does not have is the caller's mistake.
  docsearch::v1::SearchRequest wrong = CountEverything();
  wrong.add_consistency_tokens()->set_shard(7);
  absl::StatusOr<docsearch::v1::SearchResponse> invalid = SearchAt(coordinator->address(), wrong);
  EXPECT_TRUE(absl::IsInvalidArgument(invalid.status())) << invalid.status();
  EXPECT_NE(invalid.status().message().find("consistency_tokens[0].shard"), std::string::npos)
      << invalid.status();

  // Asked while the replicas are still cut off, answered once they have
  // applied the write: it waits, and it sees the write.
  std::future<absl::StatusOr<docsearch::v1::SearchResponse>> waiting =
      std::async(std::launch::async,
                 [&] { return SearchAt(coordinator->address(), fresh, absl::Seconds(25)); });
  absl::SleepFor(absl::Seconds(1));
  ASSERT_EQ(waiting.wait_for(std::chrono::seconds(0)), std::future_status::timeout)
      << "the search did not wait for the token";
  nats->Resume(2);
  absl::StatusOr<docsearch::v1::SearchResponse> seen = waiting.get();
  ASSERT_TRUE(seen.ok()) << seen.status();
  EXPECT_GE(seen->total_size(), stored);
  EXPECT_TRUE(holds_write(*seen)) << written->id() << " not in the answer";
}

// With every replica of a shard down: UNAVAILABLE naming the shard, or,
// with allow_partial, the other shards' answer with the missing one named
// (collapsed too, with the clusters of the shards that answered).
TEST(ClusterConsistencyTest, AllowPartialAnswersWithoutADeadShardAndNamesIt) {
  const std::vector<docsearch::v1::RawDocument> corpus =
      LoadDevelopmentCorpus(DOCSEARCH_SHARED_CORPUS);
  if (corpus.empty()) GTEST_SKIP() << "no corpus at " << DOCSEARCH_SHARED_CORPUS;
  const ScratchDirectory scratch("cluster_partial");
  const fs::path& work = scratch.path();
  absl::StatusOr<NatsCluster> nats = NatsCluster::Start(work.string(), 1);
  ASSERT_TRUE(nats.ok()) << nats.status();
  const std::string nats_flag = "--nats=" + nats->urls();
  absl::StatusOr<ServiceProcess> ingest = StartService(
      DOCSEARCH_INGEST_SERVICE_BINARY, {nats_flag, "--shards=2", "--stream_replicas=1"}, work);
  ASSERT_TRUE(ingest.ok()) << ingest.status();
  std::vector<ServiceProcess> replicas;
  for (int shard = 0; shard < 2; ++shard) {
    absl::StatusOr<ServiceProcess> replica =
        StartService(DOCSEARCH_QUERY_SERVICE_BINARY,
                     {nats_flag, absl::StrCat("--shards=", shard), "--stream_replicas=1"}, work);
    ASSERT_TRUE(replica.ok()) << replica.status();
    replicas.push_back(*std::move(replica));
  }
  absl::StatusOr<ServiceProcess> coordinator =
      StartService(DOCSEARCH_QUERY_SERVICE_BINARY,
                   {nats_flag, "--role=coordinator", "--stream_replicas=1"}, work);
  ASSERT_TRUE(coordinator.ok()) << coordinator.status();
  absl::StatusOr<std::vector<docsearch::v1::IngestDocumentResponse>> ingested =
      IngestAll(ingest->address(), corpus);
  ASSERT_TRUE(ingested.ok()) << ingested.status();
  std::set<std::string> ids;
  for (const auto& answer : *ingested) ids.insert(answer.id());
  ASSERT_TRUE(WaitUntil(
      [&] { return DocumentCountAt(coordinator->address()) == static_cast<int64_t>(ids.size()); },
      absl::Seconds(30)));
  const int64_t on_shard_0 = DocumentCountAt(replicas[0].address());
  ASSERT_GT(on_shard_0, 0);
  ASSERT_LT(on_shard_0, static_cast<int64_t>(ids.size()));

  docsearch::v1::SearchRequest partial = CountEverything();
  partial.set_allow_partial(true);
  absl::StatusOr<docsearch::v1::SearchResponse> whole = SearchAt(coordinator->address(), partial);
  ASSERT_TRUE(whole.ok()) << whole.status();
  EXPECT_EQ(whole->total_size(), static_cast<int64_t>(ids.size()));
  EXPECT_TRUE(whole->missing_shards().empty());

  ASSERT_TRUE(replicas[1].Stop(SIGKILL, absl::Seconds(10)).ok());
  absl::StatusOr<docsearch::v1::SearchResponse> failed =
      SearchAt(coordinator->address(), CountEverything());
  ASSERT_TRUE(absl::IsUnavailable(failed.status())) << failed.status();
  EXPECT_NE(failed.status().message().find("shard 1"), std::string::npos) << failed.status();

  absl::StatusOr<docsearch::v1::SearchResponse> half = SearchAt(coordinator->address(), partial);
  ASSERT_TRUE(half.ok()) << half.status();
  ASSERT_EQ(half->missing_shards_size(), 1);
  EXPECT_EQ(half->missing_shards(0), 1u);
  EXPECT_EQ(half->total_size(), on_shard_0);
  EXPECT_EQ(half->hits_size(), on_shard_0);
  for (const docsearch::v1::SearchHit& hit : half->hits()) {
    EXPECT_EQ(cluster::ShardOf(hit.id(), 2), 0u) << hit.id();
  }
  // Collapsed, the clusters are those of the shards that answered.
  partial.set_collapse_duplicates(true);
  absl::StatusOr<docsearch::v1::SearchResponse> collapsed =
      SearchAt(coordinator->address(), partial);
  ASSERT_TRUE(collapsed.ok()) << collapsed.status();
  ASSERT_EQ(collapsed->missing_shards_size(), 1);
  EXPECT_EQ(collapsed->missing_shards(0), 1u);
  EXPECT_GT(collapsed->hits_size(), 0);
  for (const docsearch::v1::SearchHit& hit : collapsed->hits()) {
    EXPECT_EQ(cluster::ShardOf(hit.id(), 2), 0u) << hit.id();
    for (const std::string& copy : hit.duplicate_ids()) {
      EXPECT_EQ(cluster::ShardOf(copy, 2), 0u) << copy;
    }
  }
}

}  // namespace
}  // namespace docsearch::testing
