// One NATS server of three killed (SIGKILL) while documents are ingested
// in cluster mode: JetStream's streams have 3 replicas, so the two left keep
// a quorum; ingest goes on, and every document the ingest service
// acknowledged is then found through the coordinator.
#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "tests/cluster/cluster_client.h"
#include "tests/cluster/nats_cluster.h"
#include "tests/cluster/nats_server_process.h"
#include "tests/cluster/scratch_directory.h"
#include "tests/integration/service_process.h"

namespace docsearch::testing {
namespace {

namespace fs = std::filesystem;

// Under load this found a bug, fixed since: after the kill, a replica
// whose ordered consumer was on the killed server stopped applying its
// shard (the coordinator saw 93 of 146 documents for 30 s and more).
// nats-server 2.9.10 places a new single-replica consumer on any server of
// the stream's group, the dead one included, and libnats retried its
// recreation only every 10 s; the replica now replaces a reader that is
// silent while its stream holds newer messages (shard_follower.h).
TEST(NatsFailureTest, OneServerOfThreeDownDuringIngestLosesNothingAcknowledged) {
  const std::vector<docsearch::v1::RawDocument> corpus =
      LoadDevelopmentCorpus(DOCSEARCH_SHARED_CORPUS);
  if (corpus.empty()) GTEST_SKIP() << "no corpus at " << DOCSEARCH_SHARED_CORPUS;
  const ScratchDirectory scratch("nats_failure");
  const fs::path& work = scratch.path();

  std::vector<int> client_ports, route_ports;
  for (int i = 0; i < 3; ++i) {
    client_ports.push_back(FreeLoopbackPort());
    route_ports.push_back(FreeLoopbackPort());
  }
  std::vector<NatsServerProcess> servers;
  std::vector<std::string> urls;
  for (int i = 0; i < 3; ++i) {
    absl::StatusOr<NatsServerProcess> server = NatsServerProcess::Start(
        (work / absl::StrCat("nats", i)).string(), client_ports[i], route_ports, i);
    ASSERT_TRUE(server.ok()) << server.status();
    urls.push_back(server->url());
    servers.push_back(*std::move(server));
  }
  const std::string nats = "--nats=" + absl::StrJoin(urls, ",");
  auto start = [&](const std::string& binary, std::vector<std::string> arguments) {
    arguments.push_back("--listen=127.0.0.1:0");
    return ServiceProcess::Start(binary, std::move(arguments), work.string());
  };
  absl::StatusOr<ServiceProcess> ingest =
      start(DOCSEARCH_INGEST_SERVICE_BINARY, {nats, "--shards=2", "--stream_replicas=3"});
  ASSERT_TRUE(ingest.ok()) << ingest.status();
  std::vector<ServiceProcess> replicas;
  for (int shard = 0; shard < 2; ++shard) {
    absl::StatusOr<ServiceProcess> replica =
        start(DOCSEARCH_QUERY_SERVICE_BINARY,
              {nats, absl::StrCat("--shards=", shard), "--stream_replicas=3",
               "--data_dir=" + (work / absl::StrCat("replica", shard)).string()});
    ASSERT_TRUE(replica.ok()) << replica.status();
    replicas.push_back(*std::move(replica));
  }
  absl::StatusOr<ServiceProcess> coordinator =
      start(DOCSEARCH_QUERY_SERVICE_BINARY, {nats, "--role=coordinator", "--stream_replicas=3"});
  ASSERT_TRUE(coordinator.ok()) << coordinator.status();

  // A third before the failure, the rest after it.
  const size_t before = corpus.size() / 3;
  std::set<std::string> acknowledged;  // Ids (a few files share one).
  int refused = 0;
  for (size_t i = 0; i < corpus.size(); ++i) {
    if (i == before) servers[0].Kill();
    absl::StatusOr<std::vector<docsearch::v1::IngestDocumentResponse>> answer =
        IngestAll(ingest->address(), {corpus[i]});
    if (answer.ok()) {
      acknowledged.insert(answer->front().id());
    } else {
      ++refused;
    }
  }
  // Writes go on with two servers of three.
  EXPECT_EQ(refused, 0);
  ASSERT_GT(acknowledged.size(), before);
  // Publishing needs only each stream's leader, so writes go on at once; the
  // replicas' consumers and the cluster map also need JetStream's meta leader,
  // whose election after a server's loss once took over 30 s here when two such
  // clusters and their services shared the machine's two cores.
  ASSERT_TRUE(WaitUntil(
      [&] {
        return DocumentCountAt(coordinator->address()) >= static_cast<int64_t>(acknowledged.size());
      },
      absl::Seconds(90)))
      << DocumentCountAt(coordinator->address()) << " of " << acknowledged.size()
      << " (replica of shard 0: " << DocumentCountAt(replicas[0].address())
      << ", of shard 1: " << DocumentCountAt(replicas[1].address()) << ")";
  for (const std::string& id : acknowledged) {
    EXPECT_TRUE(GetDocumentAt(coordinator->address(), id).ok()) << id;
  }
}

// Two NATS servers of three killed: the streams have no quorum. The ingest
// service refuses with UNAVAILABLE and retry advice within the caller's
// deadline, searches go on from the replicas, and once the servers are back
// every acknowledged document (before, and after) is there.
TEST(NatsFailureTest, TwoServersOfThreeDownRefuseIngestKeepSearchesAndLoseNothing) {
  const std::vector<docsearch::v1::RawDocument> corpus =
      LoadDevelopmentCorpus(DOCSEARCH_SHARED_CORPUS);
  if (corpus.empty()) GTEST_SKIP() << "no corpus at " << DOCSEARCH_SHARED_CORPUS;
  const ScratchDirectory scratch("nats_two_down");
  const fs::path& work = scratch.path();
  absl::StatusOr<NatsCluster> nats = NatsCluster::Start(work.string());
  ASSERT_TRUE(nats.ok()) << nats.status();
  const std::string nats_flag = "--nats=" + nats->urls();
  auto start = [&](const std::string& binary, std::vector<std::string> arguments) {
    arguments.push_back("--listen=127.0.0.1:0");
    return ServiceProcess::Start(binary, std::move(arguments), work.string());
  };
  absl::StatusOr<ServiceProcess> ingest =
      start(DOCSEARCH_INGEST_SERVICE_BINARY, {nats_flag, "--shards=2", "--stream_replicas=3"});
  ASSERT_TRUE(ingest.ok()) << ingest.status();
  std::vector<ServiceProcess> replicas;
  for (int shard = 0; shard < 2; ++shard) {
    absl::StatusOr<ServiceProcess> replica =
        start(DOCSEARCH_QUERY_SERVICE_BINARY,
              {nats_flag, absl::StrCat("--shards=", shard), "--stream_replicas=3",
               "--data_dir=" + (work / absl::StrCat("replica", shard)).string()});
    ASSERT_TRUE(replica.ok()) << replica.status();
    replicas.push_back(*std::move(replica));
  }
  absl::StatusOr<ServiceProcess> coordinator = start(
      DOCSEARCH_QUERY_SERVICE_BINARY, {nats_flag, "--role=coordinator", "--stream_replicas=3"});
  ASSERT_TRUE(coordinator.ok()) << coordinator.status();

  // Half the corpus with every server up.
  const size_t half = corpus.size() / 2;
  std::set<std::string> acknowledged;
  for (size_t i = 0; i < half; ++i) {
    absl::StatusOr<docsearch::v1::IngestDocumentResponse> answer =
        IngestOne(ingest->address(), corpus[i], absl::Seconds(30));
    ASSERT_TRUE(answer.ok()) << answer.status();
    acknowledged.insert(answer->id());
  }
  auto all_found = [&] {
    return DocumentCountAt(coordinator->address()) == static_cast<int64_t>(acknowledged.size());
  };
  ASSERT_TRUE(WaitUntil(all_found, absl::Seconds(30)))
      << DocumentCountAt(coordinator->address()) << " of " << acknowledged.size();
  docsearch::v1::SearchRequest search;
  search.set_query_string("NATO");
  absl::StatusOr<docsearch::v1::SearchResponse> before = SearchAt(coordinator->address(), search);
  ASSERT_TRUE(before.ok()) << before.status();

  nats->Kill(0);
  nats->Kill(1);
  // No quorum: refused within the caller's deadline, saying a retry is
  // safe. (One the streams stored nonetheless would be acknowledged, and
  // then checked below like the others.)
  int refused = 0;
  for (size_t i = half; i < half + 3; ++i) {
    const absl::Time asked = absl::Now();
    absl::StatusOr<docsearch::v1::IngestDocumentResponse> answer =
        IngestOne(ingest->address(), corpus[i], absl::Seconds(3));
    EXPECT_LT(absl::Now() - asked, absl::Seconds(8));
    if (answer.ok()) {
      acknowledged.insert(answer->id());
      continue;
    }
    ++refused;
    EXPECT_EQ(answer.status().code(), absl::StatusCode::kUnavailable) << answer.status();
    EXPECT_NE(answer.status().message().find("retry"), std::string::npos) << answer.status();
  }
  EXPECT_EQ(refused, 3);
  // Searches go on from the replicas, with the same answer.
  for (int round = 0; round < 10; ++round) {
    absl::StatusOr<docsearch::v1::SearchResponse> during = SearchAt(coordinator->address(), search);
    ASSERT_TRUE(during.ok()) << "round " << round << ": " << during.status();
    EXPECT_EQ(during->total_size(), before->total_size());
    ASSERT_EQ(during->hits_size(), before->hits_size());
    for (int k = 0; k < during->hits_size(); ++k) {
      EXPECT_EQ(during->hits(k).id(), before->hits(k).id());
    }
  }

  ASSERT_TRUE(nats->Restart(0).ok());
  ASSERT_TRUE(nats->Restart(1).ok());
  // The rest of the corpus once the quorum is back (the first calls may
  // still wait for the streams to elect leaders).
  for (size_t i = half; i < corpus.size(); ++i) {
    absl::StatusOr<docsearch::v1::IngestDocumentResponse> answer =
        IngestOne(ingest->address(), corpus[i], absl::Seconds(30));
    ASSERT_TRUE(answer.ok()) << corpus[i].source_uri() << ": " << answer.status();
    acknowledged.insert(answer->id());
  }
  ASSERT_TRUE(WaitUntil(all_found, absl::Seconds(40)))
      << DocumentCountAt(coordinator->address()) << " of " << acknowledged.size();
  for (const std::string& id : acknowledged) {
    EXPECT_TRUE(GetDocumentAt(coordinator->address(), id).ok()) << id;
  }
}

}  // namespace
}  // namespace docsearch::testing
