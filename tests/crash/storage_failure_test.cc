// A data directory that disappears or fills up under the running query
// service: writes are refused at once with a status that says why (never
// acknowledged into a log that cannot keep them), through IndexService.Write,
// DeleteDocument and the ingest service alike, and health says so.
#include <errno.h>
#include <fcntl.h>
#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <signal.h>
#include <spawn.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "docsearch/v1/index_service.grpc.pb.h"
#include "docsearch/v1/ingest_service.grpc.pb.h"
#include "docsearch/v1/query_service.grpc.pb.h"
#include "gmock/gmock.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "gtest/gtest.h"
#include "tests/integration/service_process.h"

extern char** environ;

namespace docsearch::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// Refusals must come this much sooner than the callers' deadline.
constexpr absl::Duration kDeadline = absl::Seconds(20);
constexpr absl::Duration kPrompt = absl::Seconds(5);

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

v1::Document MakeDocument(const std::string& id, size_t body_bytes = 40) {
  v1::Document document;
  document.set_id(id);
  document.set_title("Storage failure test");
  document.set_content_hash("hash-" + id);
  document.add_paragraphs()->set_text(std::string(body_bytes, 'w'));
  return document;
}

// The query service with its standard error kept in a file (to read what it
// says at shutdown).
class QueryProcess {
 public:
  QueryProcess(const std::string& work_dir, const std::string& data_dir)
      : work_dir_(work_dir), data_dir_(data_dir) {}
  ~QueryProcess() { Stop(SIGKILL); }

  void Start(std::vector<std::string> flags = {}) {
    const std::string port_file = work_dir_ + "/query.port";
    std::filesystem::remove(port_file);
    std::vector<std::string> arguments = {DOCSEARCH_QUERY_SERVICE_BINARY, "--listen=127.0.0.1:0",
                                          "--data_dir=" + data_dir_, "--port_file=" + port_file};
    arguments.insert(arguments.end(), flags.begin(), flags.end());
    std::vector<char*> argv;
    for (std::string& argument : arguments) argv.push_back(argument.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 2, error_file().c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ASSERT_EQ(posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ), 0);
    posix_spawn_file_actions_destroy(&actions);
    const absl::Time deadline = absl::Now() + absl::Seconds(30);
    int port = 0;
    while (port == 0 && absl::Now() < deadline) {
      std::ifstream(port_file) >> port;
      absl::SleepFor(absl::Milliseconds(20));
    }
    ASSERT_GT(port, 0) << ReadAll(error_file());
    address_ = absl::StrCat("127.0.0.1:", port);
    channel_ = grpc::CreateChannel(address_, grpc::InsecureChannelCredentials());
    while (!Serving() && absl::Now() < deadline) absl::SleepFor(absl::Milliseconds(20));
    ASSERT_TRUE(Serving()) << ReadAll(error_file());
  }

  // The wait status, or -1 if it had to be killed.
  int Stop(int signal) {
    if (pid_ <= 0) return -1;
    // An open connection, even idle, holds the server's drain for its whole
    // --shutdown_grace.
    channel_.reset();
    kill(pid_, signal);
    int status = -1;
    const absl::Time deadline = absl::Now() + absl::Seconds(20);
    while (waitpid(pid_, &status, WNOHANG) != pid_) {
      if (absl::Now() > deadline) {
        kill(pid_, SIGKILL);
        waitpid(pid_, &status, 0);
        status = -1;
        break;
      }
      absl::SleepFor(absl::Milliseconds(10));
    }
    pid_ = -1;
    return status;
  }

  bool Serving() {
    auto health = grpc::health::v1::Health::NewStub(channel_);
    grpc::ClientContext context;
    context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(2)));
    grpc::health::v1::HealthCheckResponse response;
    return health->Check(&context, {}, &response).ok() &&
           response.status() == grpc::health::v1::HealthCheckResponse::SERVING;
  }

  // Writes one batch on a new stream: OK once acknowledged (every document
  // applied), else the status the stream ended with.
  grpc::Status Write(const std::vector<v1::Document>& documents) {
    auto stub = v1::IndexService::NewStub(channel_);
    grpc::ClientContext context;
    context.set_deadline(absl::ToChronoTime(absl::Now() + kDeadline));
    auto stream = stub->Write(&context);
    v1::WriteRequest request;
    request.set_batch_id(1);
    for (const v1::Document& document : documents) *request.add_documents() = document;
    stream->Write(request);
    stream->WritesDone();
    v1::WriteResponse response;
    const bool answered = stream->Read(&response);
    grpc::Status status = stream->Finish();
    if (status.ok() && !answered) return grpc::Status(grpc::StatusCode::INTERNAL, "no answer");
    for (const auto& result : response.results()) {
      if (result.code() != 0) return grpc::Status(grpc::StatusCode::INTERNAL, result.message());
    }
    return status;
  }

  grpc::Status Delete(const std::string& id) {
    auto stub = v1::IndexService::NewStub(channel_);
    grpc::ClientContext context;
    context.set_deadline(absl::ToChronoTime(absl::Now() + kDeadline));
    v1::DeleteDocumentRequest request;
    request.set_id(id);
    v1::DeleteDocumentResponse response;
    return stub->DeleteDocument(&context, request, &response);
  }

  bool Has(const std::string& id) {
    auto stub = v1::QueryService::NewStub(channel_);
    grpc::ClientContext context;
    v1::GetDocumentRequest request;
    request.set_id(id);
    v1::GetDocumentResponse response;
    return stub->GetDocument(&context, request, &response).ok();
  }

  int port() const { return std::stoi(address_.substr(address_.rfind(':') + 1)); }
  std::string error_file() const { return work_dir_ + "/query.stderr"; }

 private:
  const std::string work_dir_;
  const std::string data_dir_;
  pid_t pid_ = -1;
  std::string address_;
  std::shared_ptr<grpc::Channel> channel_;
};

class StorageFailureTest : public ::testing::Test {
 protected:
  void SetUp() override {
    work_dir_ = ::testing::TempDir() + "/storage_failure_test_" + std::to_string(getpid()) + "_" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::filesystem::remove_all(work_dir_);
    std::filesystem::create_directories(work_dir_);
    data_dir_ = work_dir_ + "/data";
  }
  void TearDown() override {
    if (mounted_) umount2(mount_point().c_str(), MNT_DETACH);
    std::filesystem::remove_all(work_dir_);
  }

  std::string mount_point() const { return work_dir_ + "/disk"; }

  // Ingests one JSON document through the ingest service; the status and
  // how long the answer took.
  grpc::Status Ingest(const ServiceProcess& ingest, const std::string& id, size_t body_bytes,
                      absl::Duration* took) {
    auto stub = v1::IngestService::NewStub(
        grpc::CreateChannel(ingest.address(), grpc::InsecureChannelCredentials()));
    v1::IngestDocumentRequest request;
    request.mutable_document()->set_content(absl::StrCat(R"({"id": ")", id,
                                                         R"(", "title": "Ingested", "body": ")",
                                                         std::string(body_bytes, 'b'), R"("})"));
    request.mutable_document()->set_content_type(v1::CONTENT_TYPE_JSON);
    v1::IngestDocumentResponse response;
    grpc::ClientContext context;
    context.set_deadline(absl::ToChronoTime(absl::Now() + kDeadline));
    const absl::Time started = absl::Now();
    grpc::Status status = stub->IngestDocument(&context, request, &response);
    *took = absl::Now() - started;
    return status;
  }

  ServiceProcess StartIngest(int query_port) {
    auto ingest = ServiceProcess::Start(
        DOCSEARCH_INGEST_SERVICE_BINARY,
        {"--listen=127.0.0.1:0", absl::StrCat("--query_service=127.0.0.1:", query_port)},
        work_dir_);
    EXPECT_TRUE(ingest.ok()) << ingest.status();
    return *std::move(ingest);
  }

  std::string work_dir_;
  std::string data_dir_;
  bool mounted_ = false;
};

TEST_F(StorageFailureTest, ARemovedDataDirRefusesEveryWriteAndTurnsHealthNotServing) {
  QueryProcess query(work_dir_, data_dir_);
  ASSERT_NO_FATAL_FAILURE(query.Start());
  ServiceProcess ingest = StartIngest(query.port());
  for (int batch = 0; batch < 10; ++batch) {
    std::vector<v1::Document> documents;
    for (int i = 0; i < 5; ++i) documents.push_back(MakeDocument(absl::StrCat("kept-", batch, i)));
    ASSERT_TRUE(query.Write(documents).ok());
  }
  std::filesystem::remove_all(data_dir_);

  absl::Time started = absl::Now();
  grpc::Status written = query.Write({MakeDocument("after-removal")});
  EXPECT_EQ(written.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << written.error_message();
  EXPECT_THAT(written.error_message(), HasSubstr(data_dir_));
  EXPECT_LT(absl::Now() - started, kPrompt);
  EXPECT_FALSE(query.Serving());
  EXPECT_EQ(query.Delete("kept-00").error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  absl::Duration took;
  grpc::Status ingested = Ingest(ingest, "ingested-after-removal", 100, &took);
  EXPECT_EQ(ingested.error_code(), grpc::StatusCode::FAILED_PRECONDITION)
      << ingested.error_message();
  EXPECT_LT(took, kPrompt);
  std::cout << "after rm -rf of the data directory: Write refused in "
            << absl::FormatDuration(absl::Now() - started) << " overall, ingest refused in "
            << absl::FormatDuration(took) << ": " << ingested.error_message() << "\n";

  ASSERT_TRUE(ingest.Stop(SIGTERM, absl::Seconds(10)).ok());
  const absl::Time stopping = absl::Now();
  const int stopped = query.Stop(SIGTERM);
  std::cout << "SIGTERM: exit status " << (WIFEXITED(stopped) ? WEXITSTATUS(stopped) : -1)
            << " after " << absl::FormatDuration(absl::Now() - stopping) << "\n";
  EXPECT_TRUE(WIFEXITED(stopped) && WEXITSTATUS(stopped) != 0) << "status " << stopped;
  const std::string said = ReadAll(query.error_file());
  EXPECT_THAT(said, Not(HasSubstr("the log has everything")));
  EXPECT_THAT(said, HasSubstr("stopped WITHOUT a snapshot"));
}

TEST_F(StorageFailureTest, ARemovedDataDirTurnsHealthNotServingWithoutAWrite) {
  QueryProcess query(work_dir_, data_dir_);
  ASSERT_NO_FATAL_FAILURE(query.Start());
  ASSERT_TRUE(query.Write({MakeDocument("before")}).ok());
  std::filesystem::remove_all(data_dir_);
  const absl::Time deadline = absl::Now() + kPrompt;
  while (query.Serving() && absl::Now() < deadline) absl::SleepFor(absl::Milliseconds(50));
  EXPECT_FALSE(query.Serving());
}

TEST_F(StorageFailureTest, AFullDiskIsResourceExhaustedAtOnceAndWritesResumeWhenSpaceReturns) {
  if (geteuid() != 0) {
    GTEST_SKIP() << "not root: cannot mount a small tmpfs to fill (run as root to test a full "
                    "disk)";
  }
  std::filesystem::create_directories(mount_point());
  if (mount("tmpfs", mount_point().c_str(), "tmpfs", 0, "size=2m") != 0) {
    GTEST_SKIP() << "cannot mount a tmpfs here: " << strerror(errno);
  }
  mounted_ = true;
  data_dir_ = mount_point() + "/data";
  QueryProcess query(work_dir_, data_dir_);
  ASSERT_NO_FATAL_FAILURE(query.Start({"--snapshot_log_bytes=0"}));
  ServiceProcess ingest = StartIngest(query.port());
  // Deleted while the disk is full: its delete record (over 200 bytes)
  // cannot fit in what is left of the log's last page.
  const std::string long_id = "to-delete-" + std::string(200, 'd');
  ASSERT_TRUE(query.Write({MakeDocument(long_id)}).ok());
  std::vector<std::string> acknowledged = {long_id};

  // Fill the disk, then the log's last page with small documents.
  {
    const std::string filler = mount_point() + "/filler";
    int fd = open(filler.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ASSERT_GE(fd, 0);
    const std::string chunk(64 << 10, 'f');
    for (size_t size = chunk.size(); size > 0; size /= 2) {
      while (write(fd, chunk.data(), size) == static_cast<ssize_t>(size)) {
      }
    }
    close(fd);
  }
  grpc::Status small;
  for (int i = 0; i < 200; ++i) {
    const std::string id = absl::StrCat("small-", i);
    small = query.Write({MakeDocument(id, 8)});
    if (!small.ok()) break;
    acknowledged.push_back(id);
  }
  ASSERT_EQ(small.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED) << small.error_message();

  const absl::Time started = absl::Now();
  grpc::Status written = query.Write({MakeDocument("refused-write", 64 << 10)});
  const absl::Duration write_took = absl::Now() - started;
  EXPECT_EQ(written.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED) << written.error_message();
  EXPECT_THAT(written.error_message(), HasSubstr("No space left on device"));
  EXPECT_LT(write_took, kPrompt);
  absl::Duration ingest_took;
  grpc::Status ingested = Ingest(ingest, "refused-ingest", 64 << 10, &ingest_took);
  EXPECT_EQ(ingested.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED)
      << ingested.error_message();
  EXPECT_THAT(ingested.error_message(), HasSubstr("No space left on device"));
  EXPECT_LT(ingest_took, kPrompt);
  grpc::Status deleted = query.Delete(long_id);
  EXPECT_EQ(deleted.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED) << deleted.error_message();
  EXPECT_TRUE(query.Serving()) << "a full disk is not a broken one";
  std::cout << "disk full: Write refused in " << absl::FormatDuration(write_took)
            << ", ingest refused in " << absl::FormatDuration(ingest_took) << " (deadline "
            << absl::FormatDuration(kDeadline) << "): " << ingested.error_message() << "\n";

  std::filesystem::remove(mount_point() + "/filler");
  EXPECT_TRUE(query.Write({MakeDocument("resumed-write", 64 << 10)}).ok());
  ASSERT_TRUE(Ingest(ingest, "resumed-ingest", 64 << 10, &ingest_took).ok());
  EXPECT_TRUE(query.Delete(long_id).ok());
  acknowledged.push_back("resumed-write");
  acknowledged.push_back("resumed-ingest");

  // What was acknowledged survives a restart; what was refused is absent.
  ASSERT_TRUE(ingest.Stop(SIGTERM, absl::Seconds(10)).ok());
  const absl::Time stopping = absl::Now();
  const int stopped = query.Stop(SIGTERM);
  std::cout << "SIGTERM after the disk was freed: exit status "
            << (WIFEXITED(stopped) ? WEXITSTATUS(stopped) : -1) << " after "
            << absl::FormatDuration(absl::Now() - stopping) << "\n";
  EXPECT_TRUE(WIFEXITED(stopped) && WEXITSTATUS(stopped) == 0) << ReadAll(query.error_file());
  ASSERT_NO_FATAL_FAILURE(query.Start());
  for (const std::string& id : acknowledged) EXPECT_EQ(query.Has(id), id != long_id) << id;
  EXPECT_FALSE(query.Has("refused-write"));
  EXPECT_FALSE(query.Has("refused-ingest"));
}

}  // namespace
}  // namespace docsearch::testing
