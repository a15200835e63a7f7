// The coordinator's fan-out on real processes: with one replica of every
// shard hung (SIGSTOP: it holds its connections and never answers), a
// search still answers within its deadline, the same hits as before, from
// the other replicas; and the shards' calls are in flight at once, so a
// search whose every shard tried its hung replica first costs one attempt
// timeout, not one per shard.
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "tests/cluster/cluster_client.h"
#include "tests/cluster/nats_cluster.h"
#include "tests/cluster/scratch_directory.h"
#include "tests/integration/service_process.h"

namespace docsearch::testing {
namespace {

namespace fs = std::filesystem;

// Each attempt on a replica gives up after this (--shard_attempt_timeout).
constexpr absl::Duration kAttemptTimeout = absl::Seconds(1);

absl::StatusOr<ServiceProcess> StartService(const std::string& binary,
                                            std::vector<std::string> arguments,
                                            const fs::path& work) {
  arguments.push_back("--listen=127.0.0.1:0");
  return ServiceProcess::Start(binary, std::move(arguments), work.string());
}

// Resumes a process stopped with SIGSTOP when the test ends, however it ends.
class Resume {
 public:
  explicit Resume(pid_t pid) : pid_(pid) {}
  ~Resume() {
    if (pid_ > 0) kill(pid_, SIGCONT);
  }

 private:
  const pid_t pid_;
};

TEST(CoordinatorFanOutTest, AHungReplicaOfEveryShardCostsOneAttemptTimeoutNotOnePerShard) {
  const std::vector<docsearch::v1::RawDocument> corpus =
      LoadDevelopmentCorpus(DOCSEARCH_SHARED_CORPUS);
  if (corpus.empty()) GTEST_SKIP() << "no corpus at " << DOCSEARCH_SHARED_CORPUS;
  const ScratchDirectory scratch("fan_out");
  const fs::path& work = scratch.path();
  absl::StatusOr<NatsCluster> nats = NatsCluster::Start(work.string(), 1);
  ASSERT_TRUE(nats.ok()) << nats.status();
  const std::string nats_flag = "--nats=" + nats->urls();
  absl::StatusOr<ServiceProcess> ingest = StartService(
      DOCSEARCH_INGEST_SERVICE_BINARY, {nats_flag, "--shards=2", "--stream_replicas=1"}, work);
  ASSERT_TRUE(ingest.ok()) << ingest.status();
  // replicas[2 * shard] will hang, replicas[2 * shard + 1] stays up.
  std::vector<ServiceProcess> replicas;
  for (int shard : {0, 0, 1, 1}) {
    absl::StatusOr<ServiceProcess> replica =
        StartService(DOCSEARCH_QUERY_SERVICE_BINARY,
                     {nats_flag, absl::StrCat("--shards=", shard), "--stream_replicas=1"}, work);
    ASSERT_TRUE(replica.ok()) << replica.status();
    replicas.push_back(*std::move(replica));
  }
  // A fixed replica list, the one to hang first for each shard: both
  // shards' turns (round robin per shard, shard_caller.h) start at it and
  // move together, since every call below goes to every shard.
  const std::string shard_replicas =
      absl::StrCat("--shard_replicas=0=", replicas[0].address(), ",", replicas[1].address(),
                   ";1=", replicas[2].address(), ",", replicas[3].address());
  absl::StatusOr<ServiceProcess> coordinator = StartService(
      DOCSEARCH_QUERY_SERVICE_BINARY,
      {nats_flag, "--role=coordinator", "--stream_replicas=1", shard_replicas,
       absl::StrCat("--shard_attempt_timeout=", absl::FormatDuration(kAttemptTimeout))},
      work);
  ASSERT_TRUE(coordinator.ok()) << coordinator.status();
  absl::StatusOr<std::vector<docsearch::v1::IngestDocumentResponse>> ingested =
      IngestAll(ingest->address(), corpus);
  ASSERT_TRUE(ingested.ok()) << ingested.status();
  ASSERT_TRUE(WaitUntil(
      [&] {
        const int64_t shard0 = DocumentCountAt(replicas[0].address());
        const int64_t shard1 = DocumentCountAt(replicas[2].address());
        return shard0 > 0 && shard1 > 0 && shard0 == DocumentCountAt(replicas[1].address()) &&
               shard1 == DocumentCountAt(replicas[3].address()) &&
               DocumentCountAt(coordinator->address()) == shard0 + shard1;
      },
      absl::Seconds(30)));

  docsearch::v1::SearchRequest request;
  request.set_query_string("NATO ministers");
  request.set_page_size(10);
  // No fetch phase: every call of a search goes to every shard.
  request.set_omit_snippets(true);
  absl::StatusOr<docsearch::v1::SearchResponse> before = SearchAt(coordinator->address(), request);
  ASSERT_TRUE(before.ok()) << before.status();
  ASSERT_GT(before->hits_size(), 0);

  ASSERT_EQ(kill(replicas[0].pid(), SIGSTOP), 0);
  Resume resume0(replicas[0].pid());
  ASSERT_EQ(kill(replicas[2].pid(), SIGSTOP), 0);
  Resume resume2(replicas[2].pid());

  // Either every other search finds both hung replicas first (the turns
  // move together) or each finds one: one attempt timeout at most, where
  // calling the shards one after the other would take two.
  const absl::Duration deadline = absl::Seconds(5);
  int slowed = 0;
  for (int i = 0; i < 4; ++i) {
    const absl::Time started = absl::Now();
    absl::StatusOr<docsearch::v1::SearchResponse> during =
        SearchAt(coordinator->address(), request, deadline);
    const absl::Duration took = absl::Now() - started;
    ASSERT_TRUE(during.ok()) << "search " << i << ": " << during.status();
    ASSERT_EQ(during->hits_size(), before->hits_size()) << "search " << i;
    for (int h = 0; h < before->hits_size(); ++h) {
      EXPECT_EQ(during->hits(h).id(), before->hits(h).id()) << "search " << i << " hit " << h;
      EXPECT_FLOAT_EQ(during->hits(h).score(), before->hits(h).score())
          << "search " << i << " hit " << h;
    }
    EXPECT_LT(took, kAttemptTimeout + absl::Milliseconds(700))
        << "search " << i << " took " << took << ": the shards waited one after the other";
    if (took >= kAttemptTimeout - absl::Milliseconds(100)) ++slowed;
  }
  // The hung replicas were tried (and waited for), not skipped.
  EXPECT_GE(slowed, 2);
}

}  // namespace
}  // namespace docsearch::testing
