// Request ids across both services, with the real binaries logging JSON
// lines (--log_format=json): the x-request-id a caller sends to the ingest
// service comes back in the trailing metadata and appears in both
// services' logs (the ingest call's line, and the query service's line for
// the write batch that applied the document); a caller that sends none, or
// an unusable one, gets a fresh id back.
#include <fcntl.h>
#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>
#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "docsearch/v1/ingest_service.grpc.pb.h"
#include "gtest/gtest.h"
#include "tests/integration/service_process.h"

namespace docsearch::testing {
namespace {

using google::protobuf::Struct;

// Starts a service with its stderr going to `log` (children inherit fd 2).
absl::StatusOr<ServiceProcess> StartLoggingTo(const std::string& binary,
                                              std::vector<std::string> arguments,
                                              const std::string& work_dir, const std::string& log) {
  const int saved = dup(STDERR_FILENO);
  const int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  dup2(fd, STDERR_FILENO);
  close(fd);
  absl::StatusOr<ServiceProcess> process = ServiceProcess::Start(binary, arguments, work_dir);
  dup2(saved, STDERR_FILENO);
  close(saved);
  return process;
}

// Every line of `path` as a JSON object; a line that is not one fails.
std::vector<Struct> ReadJsonLines(const std::string& path) {
  std::vector<Struct> lines;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    Struct object;
    EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(line, &object).ok())
        << path << ": not a JSON object: " << line;
    lines.push_back(object);
  }
  return lines;
}

std::string Field(const Struct& line, const std::string& name) {
  auto found = line.fields().find(name);
  return found == line.fields().end() ? "" : found->second.string_value();
}

class RequestIdTest : public ::testing::Test {
 protected:
  void SetUp() override {
    work_dir_ = absl::StrCat(::testing::TempDir(), "/request_id_", getpid());
    std::filesystem::remove_all(work_dir_);
    std::filesystem::create_directories(work_dir_ + "/data");
    auto query = StartLoggingTo(
        DOCSEARCH_QUERY_SERVICE_BINARY,
        {"--listen=127.0.0.1:0", "--data_dir=" + work_dir_ + "/data", "--log_format=json"},
        work_dir_, query_log());
    ASSERT_TRUE(query.ok()) << query.status();
    query_.emplace(*std::move(query));
    auto ingest = StartLoggingTo(
        DOCSEARCH_INGEST_SERVICE_BINARY,
        {"--listen=127.0.0.1:0", "--query_service=" + query_->address(), "--log_format=json"},
        work_dir_, ingest_log());
    ASSERT_TRUE(ingest.ok()) << ingest.status();
    ingest_.emplace(*std::move(ingest));
    stub_ = v1::IngestService::NewStub(
        grpc::CreateChannel(ingest_->address(), grpc::InsecureChannelCredentials()));
  }

  void TearDown() override { std::filesystem::remove_all(work_dir_); }

  std::string query_log() const { return work_dir_ + "/query.log"; }
  std::string ingest_log() const { return work_dir_ + "/ingest.log"; }

  // Ingests one small JSON document; returns the x-request-id of the
  // trailing metadata ("" when absent).
  std::string Ingest(const std::string& id, const std::optional<std::string>& request_id) {
    grpc::ClientContext context;
    if (request_id.has_value()) context.AddMetadata("x-request-id", *request_id);
    v1::IngestDocumentRequest request;
    request.mutable_document()->set_id(id);
    request.mutable_document()->set_content_type(v1::CONTENT_TYPE_JSON);
    request.mutable_document()->set_content(R"({"title": "Memo", "body": "Search and rescue."})");
    v1::IngestDocumentResponse response;
    grpc::Status status = stub_->IngestDocument(&context, request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    auto found = context.GetServerTrailingMetadata().find("x-request-id");
    if (found == context.GetServerTrailingMetadata().end()) return "";
    return std::string(found->second.data(), found->second.size());
  }

  // Stops both services (SIGTERM, so every line is written).
  void StopBoth() {
    ASSERT_TRUE(ingest_->Stop(SIGTERM, absl::Seconds(20)).ok());
    ASSERT_TRUE(query_->Stop(SIGTERM, absl::Seconds(20)).ok());
  }

  std::string work_dir_;
  std::optional<ServiceProcess> query_;
  std::optional<ServiceProcess> ingest_;
  std::unique_ptr<v1::IngestService::Stub> stub_;
};

TEST_F(RequestIdTest, ACallersIdComesBackAndAppearsInBothServicesLogs) {
  const std::string chosen = "req-17-follow-me";
  EXPECT_EQ(Ingest("memo-traced", chosen), chosen);
  StopBoth();

  std::vector<Struct> ingest_lines = ReadJsonLines(ingest_log());
  std::vector<Struct> query_lines = ReadJsonLines(query_log());
  ASSERT_FALSE(ingest_lines.empty());
  ASSERT_FALSE(query_lines.empty());
  for (const Struct& line : ingest_lines) {
    EXPECT_EQ(Field(line, "service"), "ingest_service");
    EXPECT_FALSE(Field(line, "time").empty());
    EXPECT_FALSE(Field(line, "level").empty());
  }
  for (const Struct& line : query_lines) EXPECT_EQ(Field(line, "service"), "query_service");

  int ingest_mentions = 0;
  for (const Struct& line : ingest_lines) {
    if (Field(line, "request_id") != chosen) continue;
    ++ingest_mentions;
    EXPECT_EQ(Field(line, "method"), "/docsearch.v1.IngestService/IngestDocument");
    EXPECT_EQ(Field(line, "code"), "OK");
    EXPECT_EQ(Field(line, "level"), "INFO");
    ASSERT_TRUE(line.fields().contains("latency_seconds"));
    EXPECT_GE(line.fields().at("latency_seconds").number_value(), 0);
  }
  EXPECT_EQ(ingest_mentions, 1);
  int query_mentions = 0;
  for (const Struct& line : query_lines) {
    if (Field(line, "request_id") != chosen) continue;
    ++query_mentions;
    EXPECT_EQ(Field(line, "method"), "/docsearch.v1.IndexService/Write");
    EXPECT_NE(Field(line, "message").find("applied memo-traced"), std::string::npos)
        << Field(line, "message");
  }
  EXPECT_EQ(query_mentions, 1);
}

TEST_F(RequestIdTest, ACallWithoutAUsableIdGetsAFreshOne) {
  const std::string made_up = Ingest("memo-anonymous", std::nullopt);
  EXPECT_TRUE(std::regex_match(made_up, std::regex("[0-9a-f]{32}"))) << made_up;
  const std::string replaced = Ingest("memo-bad-id", std::string("has spaces \"and quotes\""));
  EXPECT_TRUE(std::regex_match(replaced, std::regex("[0-9a-f]{32}"))) << replaced;
  EXPECT_NE(made_up, replaced);
  StopBoth();
  // The made-up id is the one both logs use.
  int mentions = 0;
  for (const Struct& line : ReadJsonLines(ingest_log()))
    mentions += Field(line, "request_id") == made_up;
  for (const Struct& line : ReadJsonLines(query_log()))
    mentions += Field(line, "request_id") == made_up;
  EXPECT_EQ(mentions, 2);
}

}  // namespace
}  // namespace docsearch::testing
