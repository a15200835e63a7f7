// A replica killed with SIGKILL while searches run through the coordinator:
// no search fails (the coordinator retries on the shard's other replica),
// and the replica, restarted on its data directory while writes went on,
// replays only what follows its recorded position and catches up to the
// same state as its peer.
#include <gtest/gtest.h>
#include <signal.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "tests/cluster/cluster_client.h"
#include "tests/cluster/nats_server_process.h"
#include "tests/cluster/scratch_directory.h"
#include "tests/integration/service_process.h"

namespace docsearch::testing {
namespace {

namespace fs = std::filesystem;

class ReplicaFailoverTest : public ::testing::Test {
 protected:
  void SetUp() override {
    corpus_ = LoadDevelopmentCorpus(DOCSEARCH_SHARED_CORPUS);
    if (corpus_.empty()) GTEST_SKIP() << "no corpus at " << DOCSEARCH_SHARED_CORPUS;
    scratch_.emplace("replica_failover");
    work_ = scratch_->path();
    absl::StatusOr<NatsServerProcess> nats =
        NatsServerProcess::Start((work_ / "nats").string(), FreeLoopbackPort());
    ASSERT_TRUE(nats.ok()) << nats.status();
    nats_.emplace(*std::move(nats));
  }

  absl::StatusOr<ServiceProcess> Start(const std::string& binary,
                                       std::vector<std::string> arguments) {
    return ServiceProcess::Start(binary, std::move(arguments), work_.string());
  }

  // A replica of `shard` on `port` (fixed, so a restart keeps its address)
  // with its data in `name`.
  absl::StatusOr<ServiceProcess> StartReplica(int shard, const std::string& name, int port) {
    return Start(
        DOCSEARCH_QUERY_SERVICE_BINARY,
        {"--nats=" + nats_->url(), absl::StrCat("--shards=", shard), "--stream_replicas=1",
         absl::StrCat("--listen=127.0.0.1:", port), "--data_dir=" + (work_ / name).string()});
  }

  std::vector<docsearch::v1::RawDocument> corpus_;
  // Before the processes, so that they stop before it is removed.
  std::optional<ScratchDirectory> scratch_;
  fs::path work_;
  std::optional<NatsServerProcess> nats_;
};

uint64_t RecordedSequence(const fs::path& positions_file, int shard) {
  std::ifstream in(positions_file);
  std::string line;
  std::getline(in, line);  // Header.
  int recorded_shard = 0;
  uint64_t sequence = 0;
  while (in >> recorded_shard >> sequence) {
    if (recorded_shard == shard) return sequence;
  }
  return 0;
}

TEST_F(ReplicaFailoverTest, KilledReplicaIsRoutedAroundAndCatchesUp) {
  absl::StatusOr<ServiceProcess> ingest = Start(
      DOCSEARCH_INGEST_SERVICE_BINARY,
      {"--nats=" + nats_->url(), "--shards=2", "--stream_replicas=1", "--listen=127.0.0.1:0"});
  ASSERT_TRUE(ingest.ok()) << ingest.status();
  const int victim_port = FreeLoopbackPort();
  absl::StatusOr<ServiceProcess> victim = StartReplica(0, "victim", victim_port);
  ASSERT_TRUE(victim.ok()) << victim.status();
  absl::StatusOr<ServiceProcess> peer = StartReplica(0, "peer", FreeLoopbackPort());
  ASSERT_TRUE(peer.ok()) << peer.status();
  absl::StatusOr<ServiceProcess> shard1_a = StartReplica(1, "shard1a", FreeLoopbackPort());
  ASSERT_TRUE(shard1_a.ok()) << shard1_a.status();
  absl::StatusOr<ServiceProcess> shard1_b = StartReplica(1, "shard1b", FreeLoopbackPort());
  ASSERT_TRUE(shard1_b.ok()) << shard1_b.status();
  absl::StatusOr<ServiceProcess> coordinator =
      Start(DOCSEARCH_QUERY_SERVICE_BINARY, {"--nats=" + nats_->url(), "--role=coordinator",
                                             "--stream_replicas=1", "--listen=127.0.0.1:0"});
  ASSERT_TRUE(coordinator.ok()) << coordinator.status();

  // The first half now, the second while the victim is down.
  const size_t half = corpus_.size() / 2;
  const std::vector<docsearch::v1::RawDocument> first(corpus_.begin(), corpus_.begin() + half);
  const std::vector<docsearch::v1::RawDocument> second(corpus_.begin() + half, corpus_.end());
  ASSERT_TRUE(IngestAll(ingest->address(), first).ok());
  ASSERT_TRUE(WaitUntil(
      [&] {
        const int64_t victim_count = DocumentCountAt(victim->address());
        return victim_count > 0 && victim_count == DocumentCountAt(peer->address()) &&
               DocumentCountAt(shard1_a->address()) == DocumentCountAt(shard1_b->address()) &&
               DocumentCountAt(coordinator->address()) ==
                   victim_count + DocumentCountAt(shard1_a->address());
      },
      absl::Seconds(30)));
  // Every replica announces itself once caught up and the coordinator reads
  // the cluster map every second: give it a few reads.
  absl::SleepFor(absl::Seconds(3));

  std::atomic<bool> stop{false};
  std::atomic<int> searches{0};
  std::atomic<int> failures{0};
  std::string first_failure;
  std::thread searcher([&] {
    docsearch::v1::SearchRequest request;
    request.set_query_string("NATO ministers");
    request.set_page_size(10);
    while (!stop.load()) {
      absl::StatusOr<docsearch::v1::SearchResponse> answer =
          SearchAt(coordinator->address(), request);
      if (!answer.ok() || answer->hits_size() == 0) {
        if (failures.fetch_add(1) == 0) {
          first_failure = answer.ok() ? "no hits" : answer.status().ToString();
        }
      }
      searches.fetch_add(1);
    }
  });
  ASSERT_TRUE(WaitUntil([&] { return searches.load() >= 20; }, absl::Seconds(20)));
  ASSERT_TRUE(victim->Stop(SIGKILL, absl::Seconds(10)).ok());
  const int searches_at_kill = searches.load();
  const uint64_t recorded = RecordedSequence(work_ / "victim" / "cluster-positions", 0);
  EXPECT_GT(recorded, 0u) << "the victim recorded no applied position before it died";

  // Writes go on while it is down.
  ASSERT_TRUE(IngestAll(ingest->address(), second).ok());
  ASSERT_TRUE(
      WaitUntil([&] { return searches.load() >= searches_at_kill + 50; }, absl::Seconds(30)));

  absl::StatusOr<ServiceProcess> restarted = StartReplica(0, "victim", victim_port);
  ASSERT_TRUE(restarted.ok()) << restarted.status();
  ASSERT_TRUE(WaitUntil(
      [&] {
        return DocumentCountAt(restarted->address()) == DocumentCountAt(peer->address()) &&
               RecordedSequence(work_ / "victim" / "cluster-positions", 0) ==
                   RecordedSequence(work_ / "peer" / "cluster-positions", 0);
      },
      absl::Seconds(30)))
      << "restarted " << DocumentCountAt(restarted->address()) << " documents, peer "
      << DocumentCountAt(peer->address());
  EXPECT_GT(RecordedSequence(work_ / "victim" / "cluster-positions", 0), recorded);
  stop.store(true);
  searcher.join();
  EXPECT_EQ(failures.load(), 0) << "of " << searches.load()
                                << " searches; first: " << first_failure;
  EXPECT_GT(searches.load(), searches_at_kill + 50);

  // Same state as its peer at the same sequence: the same answers, each
  // scored with its own statistics.
  for (const char* text : {"nuclear weapons", "Russia", "sécurité", "summit declaration"}) {
    docsearch::v1::SearchRequest request;
    request.set_query_string(text);
    request.set_page_size(50);
    request.set_exact_total(true);
    request.add_facets("doc_type");
    absl::StatusOr<docsearch::v1::SearchResponse> mine = SearchAt(restarted->address(), request);
    absl::StatusOr<docsearch::v1::SearchResponse> theirs = SearchAt(peer->address(), request);
    ASSERT_TRUE(mine.ok() && theirs.ok());
    mine->clear_took();
    theirs->clear_took();
    EXPECT_EQ(mine->SerializeAsString(), theirs->SerializeAsString()) << text;
  }

  // Both replicas of shard 0 down: searches fail UNAVAILABLE naming the
  // shard; shard 1's documents are still served.
  ASSERT_TRUE(restarted->Stop(SIGKILL, absl::Seconds(10)).ok());
  ASSERT_TRUE(peer->Stop(SIGKILL, absl::Seconds(10)).ok());
  docsearch::v1::SearchRequest request;
  request.set_query_string("NATO");
  absl::StatusOr<docsearch::v1::SearchResponse> failed = SearchAt(coordinator->address(), request);
  EXPECT_EQ(failed.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_NE(failed.status().message().find("shard 0"), absl::string_view::npos) << failed.status();
  docsearch::v1::SearchRequest everything;
  everything.set_query_string("NATO");
  everything.set_page_size(1);
  absl::StatusOr<docsearch::v1::SearchResponse> on_shard1 =
      SearchAt(shard1_a->address(), everything);
  ASSERT_TRUE(on_shard1.ok() && on_shard1->hits_size() == 1);
  EXPECT_TRUE(GetDocumentAt(coordinator->address(), on_shard1->hits(0).id()).ok());
}

}  // namespace
}  // namespace docsearch::testing
