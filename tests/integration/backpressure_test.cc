// Backpressure between the services, with the real binaries: when the query
// service stops acknowledging, the ingest service holds a bounded number of
// documents and refuses the rest with RESOURCE_EXHAUSTED (and retry advice)
// instead of buffering without bound; once the query service resumes, every
// call that was accepted is acknowledged and its document is stored.
#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <signal.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "docsearch/v1/ingest_service.grpc.pb.h"
#include "docsearch/v1/query_service.grpc.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/integration/service_process.h"

namespace docsearch::testing {
namespace {

using ::testing::HasSubstr;

// Documents the ingest service may hold while the query service is silent:
// batches in flight (4, the client's fixed window) × documents per batch,
// plus the queue.
constexpr int kBatchDocuments = 2;
constexpr int kBatchesInFlight = 4;
constexpr int kQueuedDocuments = 8;
constexpr int kHeldAtMost = kBatchesInFlight * kBatchDocuments + kQueuedDocuments;
constexpr int kCalls = 40;

std::string ReadSample(const std::string& name) {
  std::ifstream in(std::string(DOCSEARCH_SAMPLES_DIR) + "/" + name, std::ios::binary);
  std::stringstream content;
  content << in.rdbuf();
  return content.str();
}

class BackpressureTest : public ::testing::Test {
 protected:
  void SetUp() override {
    work_dir_ = absl::StrCat(::testing::TempDir(), "/backpressure_", getpid());
    std::filesystem::remove_all(work_dir_);
    std::filesystem::create_directories(work_dir_ + "/data");
    auto query = ServiceProcess::Start(DOCSEARCH_QUERY_SERVICE_BINARY,
                                       {"--data_dir=" + work_dir_ + "/data"}, work_dir_);
    ASSERT_TRUE(query.ok()) << query.status();
    query_.emplace(*std::move(query));
    auto ingest = ServiceProcess::Start(DOCSEARCH_INGEST_SERVICE_BINARY,
                                        {"--query_service=" + query_->address(),
                                         absl::StrCat("--max_batch_documents=", kBatchDocuments),
                                         absl::StrCat("--max_queued_documents=", kQueuedDocuments)},
                                        work_dir_);
    ASSERT_TRUE(ingest.ok()) << ingest.status();
    ingest_.emplace(*std::move(ingest));
  }

  void TearDown() override {
    if (query_.has_value() && query_->pid() > 0) kill(query_->pid(), SIGCONT);
    std::filesystem::remove_all(work_dir_);
  }

  std::string work_dir_;
  std::optional<ServiceProcess> query_;
  std::optional<ServiceProcess> ingest_;
};

TEST_F(BackpressureTest, ASilentQueryServiceGetsBoundedBufferingThenResourceExhausted) {
  const std::string content = ReadSample("2001-12-07-nato-russia-joint-statement.txt");
  ASSERT_FALSE(content.empty());
  auto ingest = v1::IngestService::NewStub(
      grpc::CreateChannel(ingest_->address(), grpc::InsecureChannelCredentials()));

  // Freeze the query service: its connection stays open, but nothing is
  // acknowledged any more.
  ASSERT_EQ(kill(query_->pid(), SIGSTOP), 0);

  std::vector<grpc::Status> statuses(kCalls);
  std::atomic<int> returned{0};
  std::vector<std::thread> callers;
  for (int i = 0; i < kCalls; ++i) {
    callers.emplace_back([&, i] {
      grpc::ClientContext context;
      context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
      v1::IngestDocumentRequest request;
      request.mutable_document()->set_content(content);
      request.mutable_document()->set_id(absl::StrCat("backpressure-", i));
      v1::IngestDocumentResponse response;
      statuses[i] = ingest->IngestDocument(&context, request, &response);
      returned++;
    });
  }
  // Every call beyond what the ingest service may hold must be refused now,
  // while the query service is still frozen.
  const absl::Time give_up = absl::Now() + absl::Seconds(30);
  while (returned.load() < kCalls - kHeldAtMost && absl::Now() < give_up) {
    absl::SleepFor(absl::Milliseconds(20));
  }
  const int refused_while_frozen = returned.load();
  ASSERT_EQ(kill(query_->pid(), SIGCONT), 0);
  for (std::thread& caller : callers) caller.join();

  EXPECT_GE(refused_while_frozen, kCalls - kHeldAtMost);
  int acknowledged = 0;
  int exhausted = 0;
  auto query = v1::QueryService::NewStub(
      grpc::CreateChannel(query_->address(), grpc::InsecureChannelCredentials()));
  for (int i = 0; i < kCalls; ++i) {
    const std::string id = absl::StrCat("backpressure-", i);
    grpc::ClientContext context;
    v1::GetDocumentRequest request;
    request.set_id(id);
    v1::GetDocumentResponse response;
    const grpc::Status found = query->GetDocument(&context, request, &response);
    if (statuses[i].ok()) {
      acknowledged++;
      EXPECT_TRUE(found.ok()) << id
                              << " was acknowledged but is missing: " << found.error_message();
    } else {
      ASSERT_EQ(statuses[i].error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED)
          << id << ": " << statuses[i].error_message();
      EXPECT_THAT(statuses[i].error_message(), HasSubstr("retry"));
      exhausted++;
    }
  }
  EXPECT_GE(exhausted, kCalls - kHeldAtMost);
  EXPECT_GE(acknowledged, 1);
  EXPECT_LE(acknowledged, kHeldAtMost);
  std::cout << "backpressure: " << kCalls
            << " calls while the query service was frozen: " << exhausted << " RESOURCE_EXHAUSTED, "
            << acknowledged << " held and acknowledged after it resumed (at most " << kHeldAtMost
            << " held)\n";

  // The queue drains: a new call succeeds.
  grpc::ClientContext context;
  v1::IngestDocumentRequest request;
  request.mutable_document()->set_content(content);
  request.mutable_document()->set_id("backpressure-after");
  v1::IngestDocumentResponse response;
  const grpc::Status after = ingest->IngestDocument(&context, request, &response);
  EXPECT_TRUE(after.ok()) << after.error_message();
}

}  // namespace
}  // namespace docsearch::testing
