// What a client controls stays bounded: connections that never speak
// HTTP/2 are closed, running out of descriptors does not stop the server
// accepting, and oversized asks (facets, list lengths) are refused at once.
#include <arpa/inet.h>
#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <climits>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "docsearch/v1/query_service.grpc.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/integration/service_process.h"

namespace docsearch::testing {
namespace {

using ::testing::HasSubstr;

constexpr char kHttp2Preface[] = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";

// A TCP connection to 127.0.0.1:`port` that has sent only the HTTP/2
// preface, or -1.
int OpenPrefaceOnly(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0 ||
      send(fd, kHttp2Preface, sizeof(kHttp2Preface) - 1, MSG_NOSIGNAL) < 0) {
    close(fd);
    return -1;
  }
  return fd;
}

// Whether the server closes `fd` (end of file or reset) within `timeout`.
bool ClosedByServerWithin(int fd, absl::Duration timeout) {
  const absl::Time deadline = absl::Now() + timeout;
  char buffer[4096];
  while (absl::Now() < deadline) {
    pollfd waiting{fd, POLLIN, 0};
    const int left = static_cast<int>(absl::ToInt64Milliseconds(deadline - absl::Now()));
    if (poll(&waiting, 1, std::max(left, 1)) <= 0) continue;
    const ssize_t got = recv(fd, buffer, sizeof(buffer), 0);
    if (got <= 0) return true;  // The server's SETTINGS arrive first; then EOF.
  }
  return false;
}

grpc::Status GetStats(const std::string& address, absl::Duration deadline) {
  auto stub =
      v1::QueryService::NewStub(grpc::CreateChannel(address, grpc::InsecureChannelCredentials()));
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + deadline));
  v1::GetIndexStatsResponse stats;
  return stub->GetIndexStats(&context, {}, &stats);
}

// GetStats retried while the server sheds the connection (UNAVAILABLE), as
// a client told to retry would, for at most 20 seconds.
grpc::Status GetStatsRetryingResets(const std::string& address) {
  const absl::Time start = absl::Now();
  grpc::Status status = GetStats(address, absl::Seconds(5));
  while (!status.ok() && status.error_code() == grpc::StatusCode::UNAVAILABLE &&
         absl::Now() - start < absl::Seconds(20)) {
    absl::SleepFor(absl::Milliseconds(100));
    status = GetStats(address, absl::Seconds(5));
  }
  return status;
}

class ResourceLimitsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    work_dir_ = ::testing::TempDir() + "/resource_limits_" + std::to_string(getpid());
    std::filesystem::create_directories(work_dir_);
  }
  void TearDown() override { std::filesystem::remove_all(work_dir_); }

  // The query service with at most `open_files` descriptors (soft and hard
  // limit, so it cannot raise them) and `extra` flags.
  absl::StatusOr<ServiceProcess> StartQuery(int open_files, std::vector<std::string> extra) {
    std::vector<std::string> arguments = {
        "-c", "ulimit -n " + std::to_string(open_files) + " && exec \"$0\" \"$@\"",
        DOCSEARCH_QUERY_SERVICE_BINARY, "--listen=127.0.0.1:0"};
    arguments.insert(arguments.end(), extra.begin(), extra.end());
    return ServiceProcess::Start("/bin/sh", arguments, work_dir_);
  }

  std::string work_dir_;
};

TEST_F(ResourceLimitsTest, ServerKeepsAcceptingAfterRunningOutOfDescriptors) {
  auto query = StartQuery(256, {});
  ASSERT_TRUE(query.ok()) << query.status();
  // A server in service has answered calls before a flood. (It matters to
  // the sanitizer builds: the undefined behaviour sanitizer checks a call
  // site's vtable types the first time through a pipe it opens, which
  // fails with no descriptor left and reads as "invalid vptr".)
  ASSERT_TRUE(GetStats(query->address(), absl::Seconds(5)).ok());
  std::vector<int> connections;
  for (int i = 0; i < 300; ++i) {
    const int fd = OpenPrefaceOnly(query->port());
    if (fd >= 0) connections.push_back(fd);
  }
  EXPECT_GE(connections.size(), 256u) << "the flood did not reach the descriptor limit";
  absl::SleepFor(absl::Milliseconds(500));  // Let the server accept what it can.
  for (int fd : connections) close(fd);

  // The server gives each descriptor back once it has read the close, and
  // until then sheds new connections (accept_guard.h: the client sees a
  // reset and may retry). On a loaded machine that takes a moment, so the
  // call is retried as a client would, for a bounded time.
  const absl::Time closed = absl::Now();
  grpc::Status status = GetStatsRetryingResets(query->address());
  EXPECT_TRUE(status.ok()) << status.error_code() << " " << status.error_message();
  std::cout << "a normal call after 300 preface-only connections under a 256-descriptor limit: "
            << (status.ok() ? "OK" : "failed") << " in " << absl::Now() - closed << "\n";
  // And again on a fresh connection, so the listener is known to be alive.
  EXPECT_TRUE(GetStatsRetryingResets(query->address()).ok());
}

TEST_F(ResourceLimitsTest, ConnectionThatSendsOnlyThePrefaceIsClosed) {
  auto query = StartQuery(1024, {"--handshake_timeout=1s"});
  ASSERT_TRUE(query.ok()) << query.status();
  const int fd = OpenPrefaceOnly(query->port());
  ASSERT_GE(fd, 0);
  const absl::Time opened = absl::Now();
  EXPECT_TRUE(ClosedByServerWithin(fd, absl::Seconds(8)));
  std::cout << "preface-only connection closed after " << absl::Now() - opened << "\n";
  close(fd);
}

TEST_F(ResourceLimitsTest, OversizedAsksAreRefusedPromptly) {
  auto query = StartQuery(1024, {});
  ASSERT_TRUE(query.ok()) << query.status();
  auto stub = v1::QueryService::NewStub(
      grpc::CreateChannel(query->address(), grpc::InsecureChannelCredentials()));

  v1::SearchRequest search;
  search.mutable_query()->mutable_match_all();
  for (int i = 0; i < 3000000; ++i) search.add_facets("doc_type");
  const absl::Time sent = absl::Now();
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
  v1::SearchResponse response;
  grpc::Status status = stub->Search(&context, search, &response);
  const absl::Duration took = absl::Now() - sent;
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << status.error_message();
  EXPECT_THAT(status.error_message(), HasSubstr("facets has 3000000 entries; at most 16"));
  std::cout << "3,000,000 facets refused in " << took << "\n";

  v1::CompareDocumentsRequest compare;
  compare.mutable_a()->set_text("NATO and Russia");
  compare.mutable_b()->set_text("Russia and NATO");
  compare.set_max_terms(INT_MAX);
  grpc::ClientContext compare_context;
  v1::CompareDocumentsResponse compared;
  grpc::Status refused = stub->CompareDocuments(&compare_context, compare, &compared);
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(refused.error_message(), HasSubstr("max_terms 2147483647 is outside 0..1000"));
}

}  // namespace
}  // namespace docsearch::testing
