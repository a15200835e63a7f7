// Prometheus metrics, end to end: both real services with --metrics_listen,
// a real Prometheus server (Debian's `prometheus`) scraping them every
// second from a generated configuration, and the series asserted through
// Prometheus's own query API (/api/v1/query) after ingests, searches, a
// comparison and a failed call. So the endpoint's format, the names and
// the labels are checked by the consumer that matters, not by a parser
// written here.
#include <arpa/inet.h>
#include <fcntl.h>
#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>
#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "docsearch/v1/index_service.grpc.pb.h"
#include "docsearch/v1/ingest_service.grpc.pb.h"
#include "docsearch/v1/query_service.grpc.pb.h"
#include "gtest/gtest.h"
#include "tests/integration/service_process.h"

namespace docsearch::testing {
namespace {

constexpr int kDocuments = 12;
constexpr int kSearches = 5;

// A port that was free a moment ago (Prometheus cannot report the port it
// bound, so it is given one).
int FreePort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address));
  socklen_t length = sizeof(address);
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  close(fd);
  return ntohs(address.sin_port);
}

// GET over HTTP/1.0 (the server closes the connection after the body).
absl::StatusOr<std::string> HttpGet(int port, const std::string& path) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<uint16_t>(port));
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0) {
    close(fd);
    return absl::UnavailableError(absl::StrCat("cannot connect to port ", port));
  }
  const std::string request = absl::StrCat("GET ", path, " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n");
  if (write(fd, request.data(), request.size()) != static_cast<ssize_t>(request.size())) {
    close(fd);
    return absl::UnavailableError("short write");
  }
  std::string response;
  char buffer[8192];
  ssize_t got;
  while ((got = read(fd, buffer, sizeof(buffer))) > 0) response.append(buffer, got);
  close(fd);
  const size_t body = response.find("\r\n\r\n");
  if (body == std::string::npos) return absl::UnavailableError("no HTTP body");
  if (response.rfind("HTTP/1.1 200", 0) != 0 && response.rfind("HTTP/1.0 200", 0) != 0) {
    return absl::UnavailableError(response.substr(0, body));
  }
  return response.substr(body + 4);
}

std::string UrlEncode(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    if (isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      absl::StrAppend(&out, "%", absl::Hex(c, absl::kZeroPad2));
    }
  }
  return out;
}

int ReadPortFile(const std::string& path, absl::Duration timeout) {
  const absl::Time give_up = absl::Now() + timeout;
  while (absl::Now() < give_up) {
    std::ifstream in(path);
    int port = 0;
    if (in >> port && port > 0) return port;
    absl::SleepFor(absl::Milliseconds(20));
  }
  return 0;
}

class PrometheusTest : public ::testing::Test {
 protected:
  void SetUp() override {
    work_dir_ = absl::StrCat(::testing::TempDir(), "/prometheus_", getpid());
    std::filesystem::remove_all(work_dir_);
    std::filesystem::create_directories(work_dir_ + "/data");
    std::filesystem::create_directories(work_dir_ + "/tsdb");
    // A seal per document and merges of two make merges happen at once; a
    // 1-byte snapshot threshold makes the snapshotter run after writes.
    auto query = ServiceProcess::Start(
        DOCSEARCH_QUERY_SERVICE_BINARY,
        {"--listen=127.0.0.1:0", "--data_dir=" + work_dir_ + "/data", "--seal_documents=1",
         "--merge_factor=2", "--snapshot_log_bytes=1", "--metrics_listen=127.0.0.1:0",
         "--metrics_port_file=" + work_dir_ + "/query_metrics_port"},
        work_dir_);
    ASSERT_TRUE(query.ok()) << query.status();
    query_.emplace(*std::move(query));
    auto ingest =
        ServiceProcess::Start(DOCSEARCH_INGEST_SERVICE_BINARY,
                              {"--listen=127.0.0.1:0", "--query_service=" + query_->address(),
                               "--metrics_listen=127.0.0.1:0",
                               "--metrics_port_file=" + work_dir_ + "/ingest_metrics_port"},
                              work_dir_);
    ASSERT_TRUE(ingest.ok()) << ingest.status();
    ingest_.emplace(*std::move(ingest));
    query_metrics_port_ = ReadPortFile(work_dir_ + "/query_metrics_port", absl::Seconds(5));
    ingest_metrics_port_ = ReadPortFile(work_dir_ + "/ingest_metrics_port", absl::Seconds(5));
    ASSERT_GT(query_metrics_port_, 0);
    ASSERT_GT(ingest_metrics_port_, 0);
  }

  void TearDown() override {
    if (prometheus_pid_ > 0) {
      kill(prometheus_pid_, SIGTERM);
      int status = 0;
      waitpid(prometheus_pid_, &status, 0);
    }
    // The services first: a running query service removes obsolete log
    // files under the directory while it is being removed, which made
    // remove_all throw ("No such file or directory") on a slow run.
    ingest_.reset();
    query_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(work_dir_, ignored);
  }

  void StartPrometheus() {
    const std::string config = work_dir_ + "/prometheus.yml";
    {
      std::ofstream out(config);
      out << "global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n"
          << "scrape_configs:\n"
          << "  - job_name: query\n    static_configs:\n      - targets: ['127.0.0.1:"
          << query_metrics_port_ << "']\n"
          << "  - job_name: ingest\n    static_configs:\n      - targets: ['127.0.0.1:"
          << ingest_metrics_port_ << "']\n";
    }
    prometheus_port_ = FreePort();
    const std::string log = work_dir_ + "/prometheus.log";
    prometheus_pid_ = fork();
    ASSERT_GE(prometheus_pid_, 0);
    if (prometheus_pid_ == 0) {
      int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      dup2(fd, 1);
      dup2(fd, 2);
      const std::string config_flag = "--config.file=" + config;
      const std::string storage_flag = "--storage.tsdb.path=" + work_dir_ + "/tsdb";
      const std::string listen_flag =
          absl::StrCat("--web.listen-address=127.0.0.1:", prometheus_port_);
      execlp(DOCSEARCH_PROMETHEUS_BINARY, DOCSEARCH_PROMETHEUS_BINARY, config_flag.c_str(),
             storage_flag.c_str(), listen_flag.c_str(), "--log.level=warn",
             static_cast<char*>(nullptr));
      _exit(127);
    }
  }

  // The value of an instant query that returns one series, or nullopt.
  std::optional<double> Query(const std::string& promql) {
    absl::StatusOr<std::string> body =
        HttpGet(prometheus_port_, "/api/v1/query?query=" + UrlEncode(promql));
    if (!body.ok()) return std::nullopt;
    google::protobuf::Struct json;
    if (!google::protobuf::util::JsonStringToMessage(*body, &json).ok()) return std::nullopt;
    const auto& result = json.fields().at("data").struct_value().fields().at("result").list_value();
    if (result.values_size() != 1) return std::nullopt;
    const auto& value = result.values(0).struct_value().fields().at("value").list_value();
    double number = 0;
    if (value.values_size() != 2 || !absl::SimpleAtod(value.values(1).string_value(), &number)) {
      return std::nullopt;
    }
    return number;
  }

  // Polls until `promql` has one series whose value satisfies `accept`
  // (Prometheus sees new values only at its next scrape); returns the last
  // value seen.
  template <typename Accept>
  std::optional<double> WaitFor(const std::string& promql, Accept accept) {
    std::optional<double> value;
    const absl::Time give_up = absl::Now() + absl::Seconds(15);
    while (absl::Now() < give_up) {
      value = Query(promql);
      if (value.has_value() && accept(*value)) return value;
      absl::SleepFor(absl::Milliseconds(250));
    }
    return value;
  }

  std::string work_dir_;
  std::optional<ServiceProcess> query_;
  std::optional<ServiceProcess> ingest_;
  int query_metrics_port_ = 0;
  int ingest_metrics_port_ = 0;
  int prometheus_port_ = 0;
  pid_t prometheus_pid_ = -1;
};

TEST_F(PrometheusTest, ScrapesBothServicesWithSaneValues) {
  StartPrometheus();
  auto ingest = v1::IngestService::NewStub(
      grpc::CreateChannel(ingest_->address(), grpc::InsecureChannelCredentials()));
  auto query = v1::QueryService::NewStub(
      grpc::CreateChannel(query_->address(), grpc::InsecureChannelCredentials()));
  for (int i = 0; i < kDocuments; ++i) {
    grpc::ClientContext context;
    v1::IngestDocumentRequest request;
    request.mutable_document()->set_id(absl::StrCat("metrics-", i));
    request.mutable_document()->set_content_type(v1::CONTENT_TYPE_JSON);
    request.mutable_document()->set_content(
        absl::StrCat(R"({"title": "Statement )", i,
                     R"(", "body": "Search and rescue at sea, number )", i, R"(."})"));
    v1::IngestDocumentResponse response;
    grpc::Status status = ingest->IngestDocument(&context, request, &response);
    ASSERT_TRUE(status.ok()) << status.error_message();
  }
  for (int i = 0; i < kSearches; ++i) {
    grpc::ClientContext context;
    v1::SearchRequest request;
    request.mutable_query()->mutable_match()->set_text("rescue");
    v1::SearchResponse response;
    ASSERT_TRUE(query->Search(&context, request, &response).ok());
    EXPECT_EQ(response.total_size(), kDocuments);
  }
  {
    grpc::ClientContext context;
    v1::SearchRequest request;
    request.set_query_string("title:statement");
    v1::SearchResponse response;
    ASSERT_TRUE(query->Search(&context, request, &response).ok());
  }
  {
    grpc::ClientContext context;
    v1::CompareDocumentsRequest request;
    request.mutable_a()->set_id("metrics-0");
    request.mutable_b()->set_id("metrics-1");
    v1::CompareDocumentsResponse response;
    ASSERT_TRUE(query->CompareDocuments(&context, request, &response).ok());
  }
  {
    grpc::ClientContext context;
    v1::GetDocumentRequest request;
    request.set_id("no-such-document");
    v1::GetDocumentResponse response;
    ASSERT_EQ(query->GetDocument(&context, request, &response).error_code(),
              grpc::StatusCode::NOT_FOUND);
  }

  auto equals = [](double expected) { return [expected](double v) { return v == expected; }; };
  auto positive = [](double v) { return v > 0; };
  EXPECT_EQ(WaitFor(R"(up{job="query"})", equals(1)), 1) << "prometheus could not scrape query";
  EXPECT_EQ(WaitFor(R"(up{job="ingest"})", equals(1)), 1) << "prometheus could not scrape ingest";
  // RPCs by method and code, with latency histograms.
  EXPECT_EQ(
      WaitFor(
          R"(grpc_server_handled_total{job="ingest",grpc_service="docsearch.v1.IngestService",grpc_method="IngestDocument",grpc_code="OK"})",
          equals(kDocuments)),
      kDocuments);
  EXPECT_EQ(WaitFor(R"(grpc_server_handled_total{job="query",grpc_method="Search",grpc_code="OK"})",
                    equals(kSearches + 1)),
            kSearches + 1);
  EXPECT_EQ(
      WaitFor(
          R"(grpc_server_handled_total{job="query",grpc_method="GetDocument",grpc_code="NOT_FOUND"})",
          equals(1)),
      1);
  EXPECT_EQ(WaitFor(R"(grpc_server_handling_seconds_count{job="query",grpc_method="Search"})",
                    equals(kSearches + 1)),
            kSearches + 1);
  EXPECT_EQ(
      WaitFor(R"(grpc_server_handling_seconds_bucket{job="query",grpc_method="Search",le="+Inf"})",
              equals(kSearches + 1)),
      kSearches + 1);
  // Search and comparison latency by kind.
  EXPECT_EQ(WaitFor(R"(docsearch_search_seconds_count{kind="match"})", equals(kSearches)),
            kSearches);
  EXPECT_EQ(WaitFor(R"(docsearch_search_seconds_count{kind="query_string"})", equals(1)), 1);
  EXPECT_EQ(WaitFor(R"(docsearch_comparison_seconds_count{kind="documents"})", equals(1)), 1);
  // Ingest: documents by outcome, an empty queue once all is acknowledged.
  EXPECT_EQ(
      WaitFor(R"(docsearch_ingest_documents_total{outcome="acknowledged"})", equals(kDocuments)),
      kDocuments);
  EXPECT_EQ(WaitFor("docsearch_ingest_queue_documents", equals(0)), 0);
  EXPECT_EQ(WaitFor("docsearch_ingest_batches_in_flight", equals(0)), 0);
  EXPECT_EQ(WaitFor("docsearch_ingest_batch_resends_total", equals(0)), 0);
  // Write-ahead log: bytes, fsyncs, group commits (every document's record
  // made durable by some fdatasync).
  EXPECT_GT(WaitFor("docsearch_wal_appended_bytes_total", positive).value_or(0), 0);
  EXPECT_GE(WaitFor("docsearch_wal_fsync_seconds_count", positive).value_or(0), 1);
  EXPECT_GE(
      WaitFor("docsearch_wal_group_commit_records_sum", [](double v) { return v >= kDocuments; })
          .value_or(0),
      kDocuments);
  // Index: documents, segments, merges, memory; snapshots.
  EXPECT_EQ(WaitFor("docsearch_index_documents", equals(kDocuments)), kDocuments);
  EXPECT_GE(WaitFor("docsearch_index_segments", positive).value_or(0), 1);
  EXPECT_GT(WaitFor("docsearch_index_memory_bytes", positive).value_or(0), 0);
  EXPECT_GE(WaitFor("docsearch_index_merges_total", positive).value_or(0), 1);
  EXPECT_GE(WaitFor("docsearch_index_merge_seconds_count", positive).value_or(0), 1);
  EXPECT_GE(WaitFor("docsearch_snapshot_seconds_count", positive).value_or(0), 1);
  const std::optional<double> snapshot_age =
      WaitFor("time() - docsearch_snapshot_last_success_timestamp_seconds",
              [](double age) { return age >= 0 && age < 60; });
  ASSERT_TRUE(snapshot_age.has_value());
  EXPECT_LT(*snapshot_age, 60);
  // Every write above ran while no search did: none waited for a budget.
  EXPECT_EQ(WaitFor("docsearch_write_budget_pause_seconds_total", equals(0)), 0);
}

// Writes that arrive while searches run keep to their share of the CPU
// (--write_share_while_reading, 0.1 by default): the writer threads pause
// between batches, Prometheus shows the pauses, and every document is still
// written and found. Without searches they never pause.
TEST_F(PrometheusTest, WritesPauseForTheirBudgetOnlyWhileSearchesRun) {
  StartPrometheus();
  auto channel = grpc::CreateChannel(query_->address(), grpc::InsecureChannelCredentials());
  auto index = v1::IndexService::NewStub(channel);
  auto query = v1::QueryService::NewStub(channel);
  constexpr int kBatches = 4;
  // While searches run, more batches: a batch pauses only when it meets a
  // search in flight (or one that ended under 5 ms before), and on a loaded
  // machine (a sanitizer build, a busy CI runner) the searcher's calls leave
  // wider gaps.
  constexpr int kBatchesWhileSearching = 12;
  constexpr int kBatchDocuments = 30;
  int written = 0;
  // One stream, batch after batch, as the ingest service writes.
  auto write_batches = [&](int batches) {
    grpc::ClientContext context;
    auto stream = index->Write(&context);
    for (int batch = 0; batch < batches; ++batch) {
      v1::WriteRequest request;
      request.set_batch_id(static_cast<uint64_t>(batch + 1));
      for (int i = 0; i < kBatchDocuments; ++i, ++written) {
        v1::Document* document = request.add_documents();
        document->set_id(absl::StrCat("budget-", written));
        document->set_language("en");
        document->set_title(absl::StrCat("Statement ", written));
        document->add_paragraphs()->set_text(
            absl::StrCat("Civil emergency planning and search and rescue, item ", written, "."));
      }
      ASSERT_TRUE(stream->Write(request));
      v1::WriteResponse response;
      ASSERT_TRUE(stream->Read(&response));
      for (const auto& result : response.results()) ASSERT_EQ(result.code(), 0) << result.message();
    }
    stream->WritesDone();
    ASSERT_TRUE(stream->Finish().ok());
  };
  auto equals = [](double expected) { return [expected](double v) { return v == expected; }; };

  write_batches(kBatches);
  EXPECT_EQ(WaitFor("docsearch_write_budget_pause_seconds_total", equals(0)), 0);

  std::atomic<bool> stop{false};
  std::atomic<int> searches{0};
  std::thread searcher([&] {
    while (!stop.load()) {
      grpc::ClientContext context;
      v1::SearchRequest request;
      request.mutable_query()->mutable_match()->set_text("civil emergency planning");
      v1::SearchResponse response;
      if (query->Search(&context, request, &response).ok()) searches.fetch_add(1);
    }
  });
  // The writes must meet searches in flight: on a loaded machine the
  // searcher's first call may not reach the server before four batches are
  // written, so the batches start once a search has been answered.
  const absl::Time searching_by = absl::Now() + absl::Seconds(30);
  while (searches.load() == 0 && absl::Now() < searching_by) absl::SleepFor(absl::Milliseconds(5));
  if (searches.load() > 0) write_batches(kBatchesWhileSearching);
  stop.store(true);
  searcher.join();
  ASSERT_EQ(written, (kBatches + kBatchesWhileSearching) * kBatchDocuments)
      << "no search answered within 30 s";
  EXPECT_GT(searches.load(), 0);
  EXPECT_GT(WaitFor("docsearch_write_budget_pause_seconds_total", [](double v) { return v > 0; })
                .value_or(0),
            0);

  grpc::ClientContext context;
  v1::GetIndexStatsResponse stats;
  ASSERT_TRUE(query->GetIndexStats(&context, v1::GetIndexStatsRequest(), &stats).ok());
  EXPECT_EQ(stats.document_count(), (kBatches + kBatchesWhileSearching) * kBatchDocuments);
}

}  // namespace
}  // namespace docsearch::testing
