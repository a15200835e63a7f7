// Per-call limits on the real query service: clients that ask for large
// responses and never read them hold a bounded amount of the server's
// memory, and a call that never sends its request is ended.
#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "docsearch/v1/index_service.grpc.pb.h"
#include "docsearch/v1/ingest_service.grpc.pb.h"
#include "docsearch/v1/query_service.grpc.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/integration/raw_http2_call.h"
#include "tests/integration/service_process.h"

namespace docsearch::testing {
namespace {

using ::testing::HasSubstr;

constexpr int64_t kMiB = 1 << 20;

// The resident set of process `pid` in bytes (VmRSS), or -1.
int64_t ResidentBytes(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) != 0) continue;
    std::string digits;
    for (char c : line) {
      if (c >= '0' && c <= '9') digits.push_back(c);
    }
    int64_t kilobytes = 0;
    if (absl::SimpleAtoi(digits, &kilobytes)) return kilobytes * 1024;
  }
  return -1;
}

std::shared_ptr<grpc::Channel> UnlimitedChannel(const std::string& address) {
  grpc::ChannelArguments arguments;
  arguments.SetMaxReceiveMessageSize(-1);
  arguments.SetMaxSendMessageSize(-1);
  return grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(), arguments);
}

grpc::Status GetDocument(v1::QueryService::Stub* stub, const std::string& id) {
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(20)));
  v1::GetDocumentRequest request;
  request.set_id(id);
  v1::GetDocumentResponse response;
  return stub->GetDocument(&context, request, &response);
}

class CallLimitsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    work_dir_ = ::testing::TempDir() + "/call_limits_" + std::to_string(getpid());
    std::filesystem::create_directories(work_dir_);
  }
  void TearDown() override { std::filesystem::remove_all(work_dir_); }

  absl::StatusOr<ServiceProcess> StartQuery(std::vector<std::string> extra) {
    std::vector<std::string> arguments = {"--listen=127.0.0.1:0"};
    arguments.insert(arguments.end(), extra.begin(), extra.end());
    return ServiceProcess::Start(DOCSEARCH_QUERY_SERVICE_BINARY, arguments, work_dir_);
  }

  std::string work_dir_;
};

v1::WriteRequest SmallBatch(uint64_t batch_id) {
  v1::WriteRequest batch;
  batch.set_batch_id(batch_id);
  v1::Document* document = batch.add_documents();
  document->set_id(absl::StrCat("small-", batch_id));
  document->set_title(absl::StrCat("Small document ", batch_id));
  return batch;
}

// A client opens IndexService.Write and sends nothing: the server ends the
// stream after --first_message_timeout instead of holding it for as long
// as the client likes.
TEST_F(CallLimitsTest, AWriteStreamThatSendsNothingIsEnded) {
  auto query = StartQuery({"--first_message_timeout=1s"});
  ASSERT_TRUE(query.ok()) << query.status();
  auto index = v1::IndexService::NewStub(UnlimitedChannel(query->address()));
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(10)));
  const absl::Time opened = absl::Now();
  auto stream = index->Write(&context);
  v1::WriteResponse response;
  EXPECT_FALSE(stream->Read(&response));
  grpc::Status status = stream->Finish();
  const absl::Duration took = absl::Now() - opened;
  std::cout << "a Write stream that sent nothing ended after " << took << ": "
            << status.error_code() << " " << status.error_message() << "\n";
  EXPECT_EQ(status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
  EXPECT_THAT(status.error_message(), HasSubstr("no write batch within 1s of opening the stream"));
  EXPECT_LT(took, absl::Seconds(3));
}

// A stream that has sent a batch is in use: it is not ended however long
// it then waits (the ingest service keeps one such stream open for good).
TEST_F(CallLimitsTest, AWriteStreamInUseIsNotEndedWhileItWaits) {
  auto query = StartQuery({"--first_message_timeout=1s"});
  ASSERT_TRUE(query.ok()) << query.status();
  auto index = v1::IndexService::NewStub(UnlimitedChannel(query->address()));
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(20)));
  auto stream = index->Write(&context);
  for (uint64_t batch_id = 1; batch_id <= 3; ++batch_id) {
    ASSERT_TRUE(stream->Write(SmallBatch(batch_id)));
    v1::WriteResponse response;
    ASSERT_TRUE(stream->Read(&response)) << "batch " << batch_id;
    EXPECT_EQ(response.batch_id(), batch_id);
    // Longer than the timeout between batches.
    absl::SleepFor(absl::Milliseconds(1500));
  }
  stream->WritesDone();
  grpc::Status status = stream->Finish();
  EXPECT_TRUE(status.ok()) << status.error_code() << " " << status.error_message();
}

// The same for the ingest service's client stream.
TEST_F(CallLimitsTest, AnIngestStreamThatSendsNothingIsEnded) {
  auto query = StartQuery({});
  ASSERT_TRUE(query.ok()) << query.status();
  auto ingest = ServiceProcess::Start(
      DOCSEARCH_INGEST_SERVICE_BINARY,
      {"--listen=127.0.0.1:0", "--query_service=" + query->address(), "--first_message_timeout=1s"},
      work_dir_);
  ASSERT_TRUE(ingest.ok()) << ingest.status();
  auto stub = v1::IngestService::NewStub(UnlimitedChannel(ingest->address()));
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(10)));
  v1::IngestDocumentsResponse response;
  const absl::Time opened = absl::Now();
  auto stream = stub->IngestDocuments(&context, &response);
  grpc::Status status = stream->Finish();
  const absl::Duration took = absl::Now() - opened;
  std::cout << "an IngestDocuments stream that sent nothing ended after " << took << ": "
            << status.error_code() << " " << status.error_message() << "\n";
  EXPECT_EQ(status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
  EXPECT_THAT(status.error_message(), HasSubstr("no document within 1s of opening the stream"));
  EXPECT_LT(took, absl::Seconds(3));
}

// A raw client opens a unary call and never sends its request (nor reads,
// nor answers pings). gRPC holds such a call in its core before any
// docsearch code runs, so --first_message_timeout cannot end it; the
// server's keepalive closes the connection when its ping goes unanswered.
// (A client that answers pings is not bounded this way.)
TEST_F(CallLimitsTest, AUnaryCallWithoutItsRequestFromASilentPeerIsClosed) {
  auto query = StartQuery({"--keepalive_time=1s", "--keepalive_timeout=1s"});
  ASSERT_TRUE(query.ok()) << query.status();
  const int fd = OpenRawCall(query->port(), "/docsearch.v1.QueryService/Search", "");
  ASSERT_GE(fd, 0);
  const absl::Time opened = absl::Now();
  // Reads what the server sends (and answers nothing) until it closes.
  bool closed = false;
  char buffer[4096];
  while (!closed && absl::Now() - opened < absl::Seconds(8)) {
    pollfd waiting{fd, POLLIN, 0};
    if (poll(&waiting, 1, 100) <= 0) continue;
    closed = recv(fd, buffer, sizeof(buffer), 0) <= 0;
  }
  const absl::Duration took = absl::Now() - opened;
  close(fd);
  std::cout << "a unary call opened without its request, from a peer that answers no ping: "
            << (closed ? "closed" : "still open") << " after " << took << "\n";
  EXPECT_TRUE(closed);
  EXPECT_LT(took, absl::Seconds(5));
  grpc::Status after =
      GetDocument(v1::QueryService::NewStub(UnlimitedChannel(query->address())).get(), "missing");
  EXPECT_EQ(after.error_code(), grpc::StatusCode::NOT_FOUND) << after.error_message();
}

// Forty clients ask for a 16 MB document and never read a byte of it (a
// zero flow-control window). Each admitted call holds the document twice
// (the response message and its serialized copy) until its connection
// closes, so without a budget the forty cost about 1.3 GB.
TEST_F(CallLimitsTest, UnreadLargeResponsesHoldBoundedMemory) {
  auto query = StartQuery({});
  ASSERT_TRUE(query.ok()) << query.status();
  auto channel = UnlimitedChannel(query->address());
  {
    auto index = v1::IndexService::NewStub(channel);
    grpc::ClientContext context;
    context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(30)));
    auto stream = index->Write(&context);
    v1::WriteRequest batch;
    batch.set_batch_id(1);
    v1::Document* document = batch.add_documents();
    document->set_id("big");
    document->set_title("A large document");
    // Kept, returned by GetDocument, but not indexed: the write stays fast.
    document->add_warnings()->set_message(std::string(16'000'000, 'x'));
    ASSERT_TRUE(stream->Write(batch));
    v1::WriteResponse written;
    ASSERT_TRUE(stream->Read(&written));
    ASSERT_EQ(written.results_size(), 1);
    ASSERT_EQ(written.results(0).code(), 0) << written.results(0).message();
    stream->WritesDone();
    ASSERT_TRUE(stream->Finish().ok());
  }
  auto stub = v1::QueryService::NewStub(channel);
  ASSERT_TRUE(GetDocument(stub.get(), "big").ok());  // Warms the allocator.
  const int64_t baseline = ResidentBytes(query->pid());
  ASSERT_GT(baseline, 0);

  v1::GetDocumentRequest request;
  request.set_id("big");
  std::vector<int> connections;
  for (int i = 0; i < 40; ++i) {
    const int fd = OpenRawCall(query->port(), "/docsearch.v1.QueryService/GetDocument",
                               request.SerializeAsString());
    ASSERT_GE(fd, 0);
    connections.push_back(fd);
  }
  int64_t peak = baseline;
  for (int sample = 0; sample < 40; ++sample) {
    absl::SleepFor(absl::Milliseconds(100));
    peak = std::max(peak, ResidentBytes(query->pid()));
  }
  // While the budget is spent, a new large response is refused with advice.
  grpc::Status refused = GetDocument(stub.get(), "big");
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED) << refused.error_message();
  EXPECT_THAT(refused.error_message(), HasSubstr("retry"));

  for (int fd : connections) close(fd);
  int64_t after_close = peak;
  for (int sample = 0; sample < 30; ++sample) {
    absl::SleepFor(absl::Milliseconds(100));
    after_close = std::min(after_close, ResidentBytes(query->pid()));
  }
  std::cout << "40 unread GetDocument calls of a 16 MB document: RSS " << baseline / kMiB
            << " MiB before, peak +" << (peak - baseline) / kMiB << " MiB, +"
            << (after_close - baseline) / kMiB << " MiB after the connections closed; a call "
            << "while they were held: " << refused.error_code() << " " << refused.error_message()
            << "\n";
#ifdef __SANITIZE_ADDRESS__
  // AddressSanitizer's allocator keeps freed blocks in its quarantine
  // (256 MiB) and ignores M_MMAP_THRESHOLD, so resident memory says nothing
  // about what the service holds; the statuses above and below still count.
  constexpr bool kResidentMemoryIsMeaningful = false;
#else
  constexpr bool kResidentMemoryIsMeaningful = true;
#endif
  if (kResidentMemoryIsMeaningful) {
    // The default budget, --max_response_memory_bytes, is 256 MiB (eight of
    // these responses, counted twice each); allow 128 MiB more for gRPC's
    // own buffers and the allocator.
    EXPECT_LT(peak - baseline, 384 * kMiB);
    // Closed connections give the memory back to the system: large blocks
    // are their own mappings (query_service sets M_MMAP_THRESHOLD).
    EXPECT_LT(after_close - baseline, 64 * kMiB);
  }
  // The budget comes back when the calls end.
  grpc::Status again = GetDocument(stub.get(), "big");
  EXPECT_TRUE(again.ok()) << again.error_code() << " " << again.error_message();
}

}  // namespace
}  // namespace docsearch::testing
