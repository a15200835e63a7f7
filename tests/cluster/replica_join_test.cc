// A replica added to a shard while ingest runs serves only once it has
// caught up: its ShardService refuses until then, and the coordinator,
// which finds replicas in the cluster map, never reads it before. So no
// search through the coordinator ever misses a document acknowledged
// before the replica started, though half of them go to the new replica.
#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <iostream>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "docsearch/v1/shard_service.grpc.pb.h"
#include "tests/cluster/cluster_client.h"
#include "tests/cluster/nats_cluster.h"
#include "tests/cluster/scratch_directory.h"
#include "tests/integration/service_process.h"

namespace docsearch::testing {
namespace {

namespace fs = std::filesystem;

// A small generated document, unique by `number`.
docsearch::v1::RawDocument Generated(int number) {
  docsearch::v1::RawDocument document;
  document.set_source_uri(absl::StrCat("generated/join-", number, ".txt"));
  document.set_content(absl::StrCat("Joining note ", number, "\n\nThe council reviewed item ",
                                    number, " of the agenda and agreed to publish the minutes."));
  return document;
}

// Whether the replica's ShardService answers (it refuses while catching up).
bool ShardServiceAnswers(const std::string& address) {
  auto stub = docsearch::v1::ShardService::NewStub(
      grpc::CreateChannel(address, grpc::InsecureChannelCredentials()));
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(2)));
  docsearch::v1::GetTermStatisticsRequest request;
  request.mutable_search()->set_query_string("council");
  docsearch::v1::GetTermStatisticsResponse response;
  return stub->GetTermStatistics(&context, request, &response).ok();
}

TEST(ReplicaJoinTest, AReplicaAddedDuringIngestServesOnlyOnceCaughtUp) {
  const std::vector<docsearch::v1::RawDocument> corpus =
      LoadDevelopmentCorpus(DOCSEARCH_SHARED_CORPUS);
  if (corpus.empty()) GTEST_SKIP() << "no corpus at " << DOCSEARCH_SHARED_CORPUS;
  const ScratchDirectory scratch("replica_join");
  const fs::path& work = scratch.path();
  absl::StatusOr<NatsCluster> nats = NatsCluster::Start(work.string(), 1);
  ASSERT_TRUE(nats.ok()) << nats.status();
  const std::string nats_flag = "--nats=" + nats->urls();
  auto start = [&](const std::string& binary, std::vector<std::string> arguments) {
    arguments.push_back("--listen=127.0.0.1:0");
    return ServiceProcess::Start(binary, std::move(arguments), work.string());
  };
  absl::StatusOr<ServiceProcess> ingest =
      start(DOCSEARCH_INGEST_SERVICE_BINARY, {nats_flag, "--shards=1", "--stream_replicas=1"});
  ASSERT_TRUE(ingest.ok()) << ingest.status();
  absl::StatusOr<ServiceProcess> first =
      start(DOCSEARCH_QUERY_SERVICE_BINARY, {nats_flag, "--shards=0", "--stream_replicas=1"});
  ASSERT_TRUE(first.ok()) << first.status();
  absl::StatusOr<ServiceProcess> coordinator = start(
      DOCSEARCH_QUERY_SERVICE_BINARY, {nats_flag, "--role=coordinator", "--stream_replicas=1"});
  ASSERT_TRUE(coordinator.ok()) << coordinator.status();

  // The backlog the new replica must replay: the corpus and generated
  // documents, four writers at a time.
  std::vector<docsearch::v1::RawDocument> backlog = corpus;
  for (int i = 0; i < 600; ++i) backlog.push_back(Generated(i));
  std::atomic<size_t> next{0};
  std::atomic<int> failed{0};
  absl::Mutex ids_mu;
  std::set<std::string> ids;  // A few corpus files share an id.
  std::vector<std::thread> writers;
  for (int w = 0; w < 4; ++w) {
    writers.emplace_back([&] {
      for (size_t i = next++; i < backlog.size(); i = next++) {
        absl::StatusOr<docsearch::v1::IngestDocumentResponse> answer =
            IngestOne(ingest->address(), backlog[i], absl::Seconds(30));
        if (!answer.ok()) {
          ++failed;
          continue;
        }
        absl::MutexLock lock(&ids_mu);
        ids.insert(answer->id());
      }
    });
  }
  for (std::thread& writer : writers) writer.join();
  ASSERT_EQ(failed.load(), 0);
  const int64_t acknowledged_before = static_cast<int64_t>(ids.size());
  ASSERT_TRUE(WaitUntil([&] { return DocumentCountAt(first->address()) == acknowledged_before; },
                        absl::Seconds(60)))
      << DocumentCountAt(first->address()) << " of " << acknowledged_before;

  // Ingest goes on while the new replica starts and catches up.
  std::atomic<bool> stop{false};
  std::atomic<int> written_during{0};
  std::thread writer([&] {
    for (int i = 600; !stop.load(); ++i) {
      if (IngestOne(ingest->address(), Generated(i), absl::Seconds(30)).ok()) ++written_during;
    }
  });
  absl::StatusOr<ServiceProcess> joining =
      start(DOCSEARCH_QUERY_SERVICE_BINARY, {nats_flag, "--shards=0", "--stream_replicas=1"});
  ASSERT_TRUE(joining.ok()) << joining.status();

  // Until its ShardService answers, searches through the coordinator go to
  // the first replica only; once it answers, it holds the backlog.
  docsearch::v1::SearchRequest everything;
  everything.mutable_query()->mutable_match_all();
  everything.set_exact_total(true);
  everything.set_omit_snippets(true);
  int searches = 0;
  int refusals = 0;
  int64_t joined_with = -1;
  const absl::Time deadline = absl::Now() + absl::Seconds(60);
  while (absl::Now() < deadline) {
    absl::StatusOr<docsearch::v1::SearchResponse> answer =
        SearchAt(coordinator->address(), everything);
    ASSERT_TRUE(answer.ok()) << answer.status();
    ++searches;
    EXPECT_GE(answer->total_size(), acknowledged_before) << "search " << searches;
    if (ShardServiceAnswers(joining->address())) {
      joined_with = DocumentCountAt(joining->address());
      break;
    }
    ++refusals;
  }
  ASSERT_GE(joined_with, 0) << "the new replica never caught up";
  EXPECT_GE(joined_with, acknowledged_before);
  // And after it joined: round robin now reaches it; nothing goes missing.
  for (int k = 0; k < 20; ++k) {
    absl::StatusOr<docsearch::v1::SearchResponse> answer =
        SearchAt(coordinator->address(), everything);
    ASSERT_TRUE(answer.ok()) << answer.status();
    EXPECT_GE(answer->total_size(), acknowledged_before);
  }
  stop = true;
  writer.join();
  EXPECT_GT(written_during.load(), 0);
  RecordProperty("refusals_before_joining", refusals);
  std::cout << "backlog " << acknowledged_before << " documents; the new replica refused "
            << refusals << " times, then answered holding " << joined_with << "; "
            << written_during.load() << " written meanwhile\n";
}

}  // namespace
}  // namespace docsearch::testing
