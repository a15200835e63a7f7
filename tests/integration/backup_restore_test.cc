// Backup and restore with the real binaries: documents written to a query
// service with a data directory, `docsearch backup DIR` while it runs,
// more writes after the backup, then a second query service started with
// --restore_from=DIR into a new data directory holds exactly the documents
// of the backup, each with the same content hash. Also: CreateSnapshot
// reports a generation and size; a damaged backup file is refused with
// nothing restored; a restore never overwrites a data directory.
#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <signal.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "docsearch/v1/index_service.grpc.pb.h"
#include "docsearch/v1/query_service.grpc.pb.h"
#include "gtest/gtest.h"
#include "tests/integration/service_process.h"

namespace docsearch::testing {
namespace {

std::map<std::string, std::string> HashesOf(const ServiceProcess& query) {
  auto stub = v1::QueryService::NewStub(
      grpc::CreateChannel(query.address(), grpc::InsecureChannelCredentials()));
  grpc::ClientContext context;
  v1::ExportDocumentsRequest request;
  request.mutable_query()->mutable_match_all();
  request.mutable_field_mask()->add_paths("id");
  request.mutable_field_mask()->add_paths("content_hash");
  auto reader = stub->ExportDocuments(&context, request);
  std::map<std::string, std::string> hashes;
  v1::ExportDocumentsResponse chunk;
  while (reader->Read(&chunk)) {
    for (const auto& document : chunk.documents()) hashes[document.id()] = document.content_hash();
  }
  EXPECT_TRUE(reader->Finish().ok());
  return hashes;
}

class BackupRestoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    work_dir_ = absl::StrCat(::testing::TempDir(), "/backup_restore_", getpid());
    std::filesystem::remove_all(work_dir_);
    std::filesystem::create_directories(work_dir_ + "/data");
    auto query = ServiceProcess::Start(
        DOCSEARCH_QUERY_SERVICE_BINARY,
        {"--listen=127.0.0.1:0", "--data_dir=" + work_dir_ + "/data"}, work_dir_);
    ASSERT_TRUE(query.ok()) << query.status();
    query_.emplace(*std::move(query));
    index_ = v1::IndexService::NewStub(
        grpc::CreateChannel(query_->address(), grpc::InsecureChannelCredentials()));
  }

  void TearDown() override { std::filesystem::remove_all(work_dir_); }

  void Write(int first, int count) {
    grpc::ClientContext context;
    auto stream = index_->Write(&context);
    v1::WriteRequest request;
    request.set_batch_id(static_cast<uint64_t>(first + 1));
    for (int i = first; i < first + count; ++i) {
      v1::Document* document = request.add_documents();
      document->set_id(absl::StrCat("doc-", i));
      document->set_title(absl::StrCat("Memo ", i));
      document->set_content_hash(absl::StrCat("hash-", i, "-", i * 7919));
      document->add_paragraphs()->set_text(absl::StrCat("Search and rescue, memo ", i, "."));
    }
    ASSERT_TRUE(stream->Write(request));
    v1::WriteResponse response;
    ASSERT_TRUE(stream->Read(&response));
    stream->WritesDone();
    ASSERT_TRUE(stream->Finish().ok());
  }

  int Cli(const std::string& arguments) {
    const std::string command =
        absl::StrCat(DOCSEARCH_CLI_BINARY, " --query_service=", query_->address(), " ", arguments,
                     " >>", work_dir_, "/cli.out 2>&1");
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  std::string CliOutput() const {
    std::ifstream in(work_dir_ + "/cli.out");
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  std::string work_dir_;
  std::optional<ServiceProcess> query_;
  std::unique_ptr<v1::IndexService::Stub> index_;
};

TEST_F(BackupRestoreTest, RestoresEveryDocumentOfTheBackupWithTheSameHash) {
  Write(0, 300);
  {
    grpc::ClientContext context;
    v1::CreateSnapshotResponse snapshot;
    ASSERT_TRUE(index_->CreateSnapshot(&context, v1::CreateSnapshotRequest(), &snapshot).ok());
    EXPECT_GE(snapshot.generation(), 1u);
    EXPECT_GT(snapshot.bytes(), 0);
    EXPECT_EQ(snapshot.document_count(), 300);
  }
  Write(300, 50);  // After the snapshot: in the logs the backup copies.
  const std::map<std::string, std::string> backed_up = HashesOf(*query_);
  ASSERT_EQ(backed_up.size(), 350u);
  const std::string backup = work_dir_ + "/backup";
  ASSERT_EQ(Cli("backup " + backup), 0) << CliOutput();
  ASSERT_TRUE(std::filesystem::exists(backup + "/MANIFEST"));
  Write(350, 20);  // After the backup: not in it.
  EXPECT_NE(Cli("backup " + backup), 0) << "a backup must not overwrite a folder";

  auto restored = ServiceProcess::Start(
      DOCSEARCH_QUERY_SERVICE_BINARY,
      {"--listen=127.0.0.1:0", "--data_dir=" + work_dir_ + "/restored", "--restore_from=" + backup},
      work_dir_);
  ASSERT_TRUE(restored.ok()) << restored.status();
  EXPECT_EQ(HashesOf(*restored), backed_up);
  ASSERT_TRUE(restored->Stop(SIGTERM, absl::Seconds(20)).ok());

  // Into a data directory that holds anything: refused, exit status 1.
  auto refused = ServiceProcess::Start(
      DOCSEARCH_QUERY_SERVICE_BINARY,
      {"--listen=127.0.0.1:0", "--data_dir=" + work_dir_ + "/restored", "--restore_from=" + backup},
      work_dir_);
  EXPECT_FALSE(refused.ok());
}

TEST_F(BackupRestoreTest, ADamagedBackupIsRefusedAndNothingIsRestored) {
  Write(0, 40);
  const std::string backup = work_dir_ + "/backup";
  ASSERT_EQ(Cli("backup " + backup), 0) << CliOutput();
  // Flip one byte of the snapshot.
  std::string snapshot;
  for (const auto& entry : std::filesystem::directory_iterator(backup)) {
    if (entry.path().extension() == ".snap") snapshot = entry.path();
  }
  ASSERT_FALSE(snapshot.empty());
  {
    std::fstream file(snapshot, std::ios::in | std::ios::out | std::ios::binary);
    file.seekg(20);
    char byte = 0;
    file.read(&byte, 1);
    byte = static_cast<char>(byte ^ 0x40);
    file.seekp(20);
    file.write(&byte, 1);
  }
  auto restored = ServiceProcess::Start(
      DOCSEARCH_QUERY_SERVICE_BINARY,
      {"--listen=127.0.0.1:0", "--data_dir=" + work_dir_ + "/restored", "--restore_from=" + backup},
      work_dir_);
  EXPECT_FALSE(restored.ok());
  EXPECT_FALSE(std::filesystem::exists(work_dir_ + "/restored") &&
               !std::filesystem::is_empty(work_dir_ + "/restored"));
}

TEST_F(BackupRestoreTest, AMemoryOnlyServerHasNothingToBackUp) {
  auto memory =
      ServiceProcess::Start(DOCSEARCH_QUERY_SERVICE_BINARY, {"--listen=127.0.0.1:0"}, work_dir_);
  ASSERT_TRUE(memory.ok());
  auto stub = v1::IndexService::NewStub(
      grpc::CreateChannel(memory->address(), grpc::InsecureChannelCredentials()));
  grpc::ClientContext context;
  v1::CreateSnapshotResponse response;
  grpc::Status status = stub->CreateSnapshot(&context, v1::CreateSnapshotRequest(), &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_NE(status.error_message().find("--data_dir"), std::string::npos);
}

}  // namespace
}  // namespace docsearch::testing
