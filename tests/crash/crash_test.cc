// Crash tests: real processes killed with SIGKILL at random points while
// clients ingest. The promise under test: every document whose ingest call
// returned OK is, after the crashes, searchable and identical.
#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <signal.h>
#include <sys/wait.h>

#include <atomic>
#include <filesystem>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "docsearch/v1/ingest_service.grpc.pb.h"
#include "docsearch/v1/query_service.grpc.pb.h"
#include "gtest/gtest.h"
#include "tests/integration/service_process.h"

namespace docsearch::testing {
namespace {

constexpr int kClients = 4;
// Fewer acknowledged documents than this prove too little.
constexpr size_t kEnoughAcknowledged = 100;

// A JSON document with a word no other document has, so a search for it
// proves the document is indexed, not only stored.
std::string JsonDocument(const std::string& id, int n) {
  return absl::StrCat(R"({"id": ")", id, R"(", "title": "Crash test document )", n,
                      R"(", "published": "2003-12-04", "body": "Allies and Russia agreed on )",
                      "marker", n, "x", R"( cooperation in civil emergency planning."})");
}

class CrashTest : public ::testing::Test {
 protected:
  void SetUp() override {
    work_dir_ = ::testing::TempDir() + "/crash_test_" + std::to_string(getpid()) + "_" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::filesystem::remove_all(work_dir_);
    std::filesystem::create_directories(work_dir_);
    seed_ = std::random_device{}();
    std::cout << "random seed " << seed_ << "\n";
  }
  void TearDown() override { std::filesystem::remove_all(work_dir_); }

  std::string data_dir() const { return work_dir_ + "/data"; }

  ServiceProcess StartQuery(int port, const std::vector<std::string>& extra_flags = {}) {
    std::vector<std::string> flags = {absl::StrCat("--listen=127.0.0.1:", port),
                                      "--data_dir=" + data_dir()};
    flags.insert(flags.end(), extra_flags.begin(), extra_flags.end());
    auto process = ServiceProcess::Start(DOCSEARCH_QUERY_SERVICE_BINARY, flags, work_dir_);
    EXPECT_TRUE(process.ok()) << process.status();
    return *std::move(process);
  }

  ServiceProcess StartIngest(int port, int query_port) {
    auto process = ServiceProcess::Start(DOCSEARCH_INGEST_SERVICE_BINARY,
                                         {absl::StrCat("--listen=127.0.0.1:", port),
                                          absl::StrCat("--query_service=127.0.0.1:", query_port)},
                                         work_dir_);
    EXPECT_TRUE(process.ok()) << process.status();
    return *std::move(process);
  }

  // Clients ingest documents until `stop`; acknowledged ids and hashes are
  // recorded in `acknowledged_`.
  void RunClients(int ingest_port, std::atomic<bool>& stop, std::vector<std::thread>& threads) {
    for (int client = 0; client < kClients; ++client) {
      threads.emplace_back([this, client, ingest_port, &stop] {
        auto stub = v1::IngestService::NewStub(grpc::CreateChannel(
            absl::StrCat("127.0.0.1:", ingest_port), grpc::InsecureChannelCredentials()));
        for (int n = 0; !stop.load(); ++n) {
          const int number = client * 1000000 + n;
          const std::string id = absl::StrCat("crash-", client, "-", n);
          v1::IngestDocumentRequest request;
          request.mutable_document()->set_content(JsonDocument(id, number));
          request.mutable_document()->set_content_type(v1::CONTENT_TYPE_JSON);
          v1::IngestDocumentResponse response;
          grpc::ClientContext context;
          context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(3)));
          grpc::Status status = stub->IngestDocument(&context, request, &response);
          {
            std::lock_guard<std::mutex> lock(mu_);
            ++attempts_;
            if (status.ok()) {
              acknowledged_[response.id()] = {response.content_hash(), number};
            } else {
              ++failures_;
            }
          }
          // A refused connection fails at once: back off as a real client would.
          if (!status.ok()) absl::SleepFor(absl::Milliseconds(20));
        }
      });
    }
  }

  // Lets the clients run for `at_least`, then on until more than
  // kEnoughAcknowledged documents were acknowledged (at most 20 s more): on
  // a loaded machine the kills can leave too few for the test to prove
  // anything, and the ingest service's channel may be in reconnect backoff.
  void KeepIngestingUntilEnoughAcknowledged(absl::Duration at_least) {
    absl::SleepFor(at_least);
    const absl::Time give_up = absl::Now() + absl::Seconds(20);
    while (absl::Now() < give_up) {
      {
        std::lock_guard<std::mutex> lock(mu_);
        if (acknowledged_.size() > kEnoughAcknowledged) return;
      }
      absl::SleepFor(absl::Milliseconds(100));
    }
  }

  // Every acknowledged document is stored with the same hash and found by
  // its marker word.
  void ExpectEveryAcknowledgedDocumentSurvived(int query_port) {
    auto stub = v1::QueryService::NewStub(grpc::CreateChannel(
        absl::StrCat("127.0.0.1:", query_port), grpc::InsecureChannelCredentials()));
    int checked_by_search = 0;
    for (const auto& [id, expected] : acknowledged_) {
      v1::GetDocumentRequest get;
      get.set_id(id);
      v1::GetDocumentResponse document;
      grpc::ClientContext context;
      grpc::Status status = stub->GetDocument(&context, get, &document);
      ASSERT_TRUE(status.ok()) << id << " was acknowledged but is gone: " << status.error_message();
      EXPECT_EQ(document.document().content_hash(), expected.first) << id;
      if (checked_by_search++ % 25 == 0) {  // Search a sample: each is a full query.
        v1::SearchRequest search;
        search.mutable_query()->mutable_match()->set_text(
            absl::StrCat("marker", expected.second, "x"));
        v1::SearchResponse found;
        grpc::ClientContext search_context;
        ASSERT_TRUE(stub->Search(&search_context, search, &found).ok());
        ASSERT_EQ(found.hits_size(), 1) << id;
        EXPECT_EQ(found.hits(0).id(), id);
      }
    }
  }

  v1::GetIndexStatsResponse Stats(int query_port) {
    auto stub = v1::QueryService::NewStub(grpc::CreateChannel(
        absl::StrCat("127.0.0.1:", query_port), grpc::InsecureChannelCredentials()));
    v1::GetIndexStatsResponse stats;
    grpc::ClientContext context;
    grpc::Status status = stub->GetIndexStats(&context, v1::GetIndexStatsRequest(), &stats);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return stats;
  }

  std::string work_dir_;
  unsigned seed_ = 0;
  std::mutex mu_;
  absl::flat_hash_map<std::string, std::pair<std::string, int>> acknowledged_;
  int attempts_ = 0;
  int failures_ = 0;
};

TEST_F(CrashTest, AcknowledgedDocumentsSurviveRepeatedKillNineOfTheQueryService) {
  constexpr int kKillPoints = 8;
  std::mt19937 random(seed_);
  ServiceProcess query = StartQuery(0);
  const int query_port = query.port();
  ServiceProcess ingest = StartIngest(0, query_port);

  std::atomic<bool> stop{false};
  std::vector<std::thread> clients;
  RunClients(ingest.port(), stop, clients);
  for (int kill = 0; kill < kKillPoints; ++kill) {
    absl::SleepFor(absl::Milliseconds(std::uniform_int_distribution<int>(100, 600)(random)));
    ASSERT_TRUE(query.Stop(SIGKILL, absl::Seconds(10)).ok());
    absl::SleepFor(absl::Milliseconds(std::uniform_int_distribution<int>(0, 300)(random)));
    query = StartQuery(query_port);
  }
  KeepIngestingUntilEnoughAcknowledged(absl::Milliseconds(500));
  stop = true;
  for (std::thread& client : clients) client.join();

  std::cout << "kill points " << kKillPoints << ", ingest calls " << attempts_ << ", acknowledged "
            << acknowledged_.size() << ", failed " << failures_ << "\n";
  ASSERT_GT(acknowledged_.size(), kEnoughAcknowledged)
      << "too little got through to prove anything";
  // A last crash with nothing in flight, then recovery from the log alone.
  ASSERT_TRUE(query.Stop(SIGKILL, absl::Seconds(10)).ok());
  query = StartQuery(query_port);
  ExpectEveryAcknowledgedDocumentSurvived(query_port);
}

// The data directory's files by kind: wal-*.log, snapshot-*.snap, *.tmp.
struct DataDirFiles {
  int logs = 0;
  int snapshots = 0;
  int unfinished = 0;
};

DataDirFiles CountFiles(const std::string& directory) {
  DataDirFiles files;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(directory, error)) {
    const std::string name = entry.path().filename().string();
    if (name.ends_with(".tmp")) {
      ++files.unfinished;
    } else if (name.ends_with(".snap")) {
      ++files.snapshots;
    } else if (name.ends_with(".log")) {
      ++files.logs;
    }
  }
  return files;
}

// With a tiny snapshot threshold the service snapshots back to back, so the
// kills land before, during and after snapshot writes, log rotations and
// removals of old files.
TEST_F(CrashTest, AcknowledgedDocumentsSurviveKillsDuringSnapshots) {
  constexpr int kKillPoints = 8;
  const std::vector<std::string> flags = {"--snapshot_log_bytes=4096"};
  std::mt19937 random(seed_);
  ServiceProcess query = StartQuery(0, flags);
  const int query_port = query.port();
  ServiceProcess ingest = StartIngest(0, query_port);

  std::atomic<bool> stop{false};
  std::vector<std::thread> clients;
  RunClients(ingest.port(), stop, clients);
  int killed_mid_snapshot = 0;
  for (int kill = 0; kill < kKillPoints; ++kill) {
    absl::SleepFor(absl::Milliseconds(std::uniform_int_distribution<int>(100, 600)(random)));
    ASSERT_TRUE(query.Stop(SIGKILL, absl::Seconds(10)).ok());
    killed_mid_snapshot += CountFiles(data_dir()).unfinished > 0;
    query = StartQuery(query_port, flags);
  }
  KeepIngestingUntilEnoughAcknowledged(absl::Milliseconds(500));
  stop = true;
  for (std::thread& client : clients) client.join();
  std::cout << "kill points " << kKillPoints << " (" << killed_mid_snapshot
            << " while a snapshot file was being written), ingest calls " << attempts_
            << ", acknowledged " << acknowledged_.size() << ", failed " << failures_ << "\n";
  ASSERT_GT(acknowledged_.size(), kEnoughAcknowledged)
      << "too little got through to prove anything";

  ASSERT_TRUE(query.Stop(SIGKILL, absl::Seconds(10)).ok());
  query = StartQuery(query_port, flags);
  ExpectEveryAcknowledgedDocumentSurvived(query_port);

  // Recovery started from a snapshot.
  v1::GetIndexStatsResponse stats = Stats(query_port);
  EXPECT_GT(stats.recovered_snapshot_generation(), 2);
  EXPECT_GT(stats.recovered_snapshot_documents(), 0);
  std::cout << "after the last kill: snapshot generation " << stats.recovered_snapshot_generation()
            << " with " << stats.recovered_snapshot_documents() << " documents, "
            << stats.recovered_records() << " records replayed, " << stats.recovery_seconds()
            << " s\n";

  // A clean stop takes a last snapshot and old logs are gone: what remains
  // is the previous snapshot's generation onward (a kill between rotation
  // and snapshot leaves one extra log until the next snapshot).
  auto stopped = query.Stop(SIGTERM, absl::Seconds(30));
  ASSERT_TRUE(stopped.ok()) << stopped.status();
  EXPECT_TRUE(WIFEXITED(*stopped) && WEXITSTATUS(*stopped) == 0);
  const DataDirFiles files = CountFiles(data_dir());
  std::cout << "after a clean stop: " << files.logs << " logs, " << files.snapshots
            << " snapshots, " << files.unfinished << " unfinished\n";
  EXPECT_LE(files.logs, 4);
  EXPECT_GE(files.snapshots, 1);
  EXPECT_LE(files.snapshots, 3);
  EXPECT_EQ(files.unfinished, 0);
  query = StartQuery(query_port, flags);
  stats = Stats(query_port);
  EXPECT_EQ(stats.recovered_records(), 0) << "the shutdown snapshot covers every write";
  EXPECT_GE(stats.document_count(), static_cast<int64_t>(acknowledged_.size()));
  ExpectEveryAcknowledgedDocumentSurvived(query_port);
}

TEST_F(CrashTest, KillingTheIngestServiceLosesNothingItAcknowledged) {
  ServiceProcess query = StartQuery(0);
  ServiceProcess ingest = StartIngest(0, query.port());
  const int ingest_port = ingest.port();
  std::atomic<bool> stop{false};
  std::vector<std::thread> clients;
  RunClients(ingest_port, stop, clients);
  for (int kill = 0; kill < 3; ++kill) {
    absl::SleepFor(absl::Milliseconds(400));
    ASSERT_TRUE(ingest.Stop(SIGKILL, absl::Seconds(10)).ok());
    ingest = StartIngest(ingest_port, query.port());
  }
  absl::SleepFor(absl::Milliseconds(400));
  stop = true;
  for (std::thread& client : clients) client.join();
  std::cout << "ingest kills 3, ingest calls " << attempts_ << ", acknowledged "
            << acknowledged_.size() << ", failed " << failures_ << "\n";
  ASSERT_GT(acknowledged_.size(), 50u);
  ExpectEveryAcknowledgedDocumentSurvived(query.port());
}

}  // namespace
}  // namespace docsearch::testing
