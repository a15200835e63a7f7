// Damage to the write-ahead log on disk, with the real query service: a
// flipped byte in the middle of the newest log (acknowledged writes follow
// it) must stop the service from starting unless an operator chooses what to
// give up, while a torn tail (an interrupted, never acknowledged write) is
// still cut silently.
#include <fcntl.h>
#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "docsearch/v1/index_service.grpc.pb.h"
#include "docsearch/v1/query_service.grpc.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/integration/service_process.h"

extern char** environ;

namespace docsearch::testing {
namespace {

using ::testing::HasSubstr;

constexpr int kBatches = 200;
constexpr int kDocumentsPerBatch = 5;

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

// The byte offsets of the records of an intact log, from their length fields
// alone (magic: 8 bytes; record: u32 length, u32 CRC, u8 type, payload).
std::vector<size_t> RecordOffsets(const std::string& log) {
  std::vector<size_t> offsets;
  for (size_t offset = 8; offset + 9 <= log.size();) {
    offsets.push_back(offset);
    const auto* bytes = reinterpret_cast<const unsigned char*>(log.data() + offset);
    const uint32_t length = bytes[0] | bytes[1] << 8 | bytes[2] << 16 | uint32_t{bytes[3]} << 24;
    offset += 9 + length;
  }
  return offsets;
}

class LogDamageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    work_dir_ = ::testing::TempDir() + "/log_damage_test_" + std::to_string(getpid()) + "_" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::filesystem::remove_all(work_dir_);
    std::filesystem::create_directories(data_dir());
  }
  void TearDown() override { std::filesystem::remove_all(work_dir_); }

  std::string data_dir() const { return work_dir_ + "/data"; }
  std::string log_path() const { return data_dir() + "/wal-00000000000000000001.log"; }

  absl::StatusOr<ServiceProcess> Start(std::vector<std::string> flags = {}) {
    flags.push_back("--listen=127.0.0.1:0");
    flags.push_back("--data_dir=" + data_dir());
    return ServiceProcess::Start(DOCSEARCH_QUERY_SERVICE_BINARY, flags, work_dir_);
  }

  // Runs the query service expecting it to exit by itself (within 15 s);
  // returns its wait status and puts its standard error in `errors`.
  int RunToExit(std::vector<std::string> flags, std::string* errors) {
    const std::string error_file = work_dir_ + "/stderr.txt";
    std::vector<std::string> arguments = {DOCSEARCH_QUERY_SERVICE_BINARY, "--listen=127.0.0.1:0",
                                          "--data_dir=" + data_dir()};
    arguments.insert(arguments.end(), flags.begin(), flags.end());
    std::vector<char*> argv;
    for (std::string& argument : arguments) argv.push_back(argument.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 2, error_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0644);
    pid_t pid = -1;
    EXPECT_EQ(posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ), 0);
    posix_spawn_file_actions_destroy(&actions);
    int status = -1;
    const absl::Time deadline = absl::Now() + absl::Seconds(15);
    while (waitpid(pid, &status, WNOHANG) != pid) {
      if (absl::Now() > deadline) {
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
        ADD_FAILURE() << "the query service kept running";
        break;
      }
      absl::SleepFor(absl::Milliseconds(20));
    }
    *errors = ReadAll(error_file);
    return status;
  }

  // Writes kBatches batches of kDocumentsPerBatch new documents on one
  // IndexService.Write stream, each acknowledged before the next: one log
  // record per batch, in order.
  void WriteBatches(const ServiceProcess& query) {
    auto stub = v1::IndexService::NewStub(
        grpc::CreateChannel(query.address(), grpc::InsecureChannelCredentials()));
    grpc::ClientContext context;
    context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(60)));
    auto stream = stub->Write(&context);
    for (int batch = 0; batch < kBatches; ++batch) {
      v1::WriteRequest request;
      request.set_batch_id(static_cast<uint64_t>(batch + 1));
      for (int i = 0; i < kDocumentsPerBatch; ++i) {
        v1::Document* document = request.add_documents();
        document->set_id(Id(batch, i));
        document->set_title(absl::StrCat("Batch ", batch, " document ", i));
        document->set_content_hash(absl::StrCat("hash-", batch, "-", i));
        document->add_paragraphs()->set_text(
            absl::StrCat("The council met in sitting ", batch, " and adopted item ", i, "."));
      }
      ASSERT_TRUE(stream->Write(request));
      v1::WriteResponse response;
      ASSERT_TRUE(stream->Read(&response));
      ASSERT_EQ(response.results_size(), kDocumentsPerBatch);
      for (const auto& result : response.results()) ASSERT_EQ(result.code(), 0) << result.message();
    }
    stream->WritesDone();
    ASSERT_TRUE(stream->Finish().ok());
  }

  static std::string Id(int batch, int i) { return absl::StrCat("doc-", batch, "-", i); }

  // Which batches are stored, wholly (every batch is either all there or
  // all missing; a mixed one fails the test).
  std::vector<bool> StoredBatches(const ServiceProcess& query) {
    auto stub = v1::QueryService::NewStub(
        grpc::CreateChannel(query.address(), grpc::InsecureChannelCredentials()));
    std::vector<bool> stored(kBatches);
    for (int batch = 0; batch < kBatches; ++batch) {
      int found = 0;
      for (int i = 0; i < kDocumentsPerBatch; ++i) {
        v1::GetDocumentRequest request;
        request.set_id(Id(batch, i));
        v1::GetDocumentResponse response;
        grpc::ClientContext context;
        found += stub->GetDocument(&context, request, &response).ok();
      }
      EXPECT_TRUE(found == 0 || found == kDocumentsPerBatch) << "batch " << batch << ": " << found;
      stored[static_cast<size_t>(batch)] = found == kDocumentsPerBatch;
    }
    return stored;
  }

  // Writes every batch, kills the service with SIGKILL and flips one byte
  // half-way through the log. Returns the index of the damaged record.
  int WriteKillAndFlipAByte() {
    {
      auto query = Start();
      EXPECT_TRUE(query.ok()) << query.status();
      if (!query.ok()) return -1;
      WriteBatches(*query);
      EXPECT_TRUE(query->Stop(SIGKILL, absl::Seconds(10)).ok());
    }
    std::string log = ReadAll(log_path());
    const std::vector<size_t> offsets = RecordOffsets(log);
    EXPECT_EQ(offsets.size(), static_cast<size_t>(kBatches)) << "one record per batch";
    flipped_ = log.size() / 2;
    log[flipped_] = static_cast<char>(log[flipped_] ^ 0x01);
    std::ofstream(log_path(), std::ios::binary | std::ios::trunc) << log;
    damaged_log_ = log;
    int record = 0;
    while (record + 1 < static_cast<int>(offsets.size()) &&
           offsets[static_cast<size_t>(record) + 1] <= flipped_) {
      ++record;
    }
    damaged_offset_ = offsets[static_cast<size_t>(record)];
    return record;
  }

  std::string work_dir_;
  size_t flipped_ = 0;
  size_t damaged_offset_ = 0;
  std::string damaged_log_;
};

TEST_F(LogDamageTest, AFlippedByteMidLogRefusesToStartNamingFileOffsetAndCount) {
  const int damaged = WriteKillAndFlipAByte();
  ASSERT_GE(damaged, 0);
  const int following = kBatches - damaged - 1;
  std::string errors;
  const int status = RunToExit({}, &errors);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) != 0) << "status " << status << errors;
  EXPECT_THAT(errors, HasSubstr(log_path()));
  EXPECT_THAT(errors, HasSubstr(absl::StrCat("damaged at byte ", damaged_offset_)));
  EXPECT_THAT(errors, HasSubstr(absl::StrCat(following, " intact records follow it")));
  EXPECT_TRUE(ReadAll(log_path()) == damaged_log_) << "the log was changed";
  std::cout << errors.substr(errors.find("cannot recover")) << "flipped byte " << flipped_ << " of "
            << damaged_log_.size() << " in record " << damaged << " (at byte " << damaged_offset_
            << "); " << following << " acknowledged records follow; the service refused to start\n";
}

TEST_F(LogDamageTest, SkipCorruptedStartsKeepsTheFileAsideAndLosesOnlyTheDamagedBatch) {
  const int damaged = WriteKillAndFlipAByte();
  ASSERT_GE(damaged, 0);
  auto query = Start({"--wal_recovery=skip_corrupted"});
  ASSERT_TRUE(query.ok()) << query.status();
  const std::vector<bool> stored = StoredBatches(*query);
  int recovered = 0;
  for (int batch = 0; batch < kBatches; ++batch) {
    EXPECT_EQ(stored[static_cast<size_t>(batch)], batch != damaged) << "batch " << batch;
    recovered += stored[static_cast<size_t>(batch)];
  }
  const std::string aside = absl::StrCat(log_path(), ".damaged-at-", damaged_offset_);
  ASSERT_TRUE(std::filesystem::exists(aside));
  EXPECT_TRUE(ReadAll(aside) == damaged_log_) << "the copy aside differs from the damaged log";
  std::cout << "skip_corrupted: " << recovered * kDocumentsPerBatch << " of "
            << kBatches * kDocumentsPerBatch << " documents recovered; the damaged batch of "
            << kDocumentsPerBatch << " lost; original kept as " << aside << "\n";
  // The rewritten log is clean: a strict restart recovers the same.
  ASSERT_TRUE(query->Stop(SIGKILL, absl::Seconds(10)).ok());
  auto again = Start();
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(StoredBatches(*again), stored);
}

TEST_F(LogDamageTest, PointInTimeRecoversTheBatchesBeforeTheDamage) {
  const int damaged = WriteKillAndFlipAByte();
  ASSERT_GE(damaged, 0);
  auto query = Start({"--wal_recovery=point_in_time"});
  ASSERT_TRUE(query.ok()) << query.status();
  const std::vector<bool> stored = StoredBatches(*query);
  for (int batch = 0; batch < kBatches; ++batch) {
    EXPECT_EQ(stored[static_cast<size_t>(batch)], batch < damaged) << "batch " << batch;
  }
  EXPECT_TRUE(ReadAll(absl::StrCat(log_path(), ".damaged-at-", damaged_offset_)) == damaged_log_)
      << "the copy aside differs from the damaged log";
}

TEST_F(LogDamageTest, ATornTailStillRecoversEveryAcknowledgedDocument) {
  {
    auto query = Start();
    ASSERT_TRUE(query.ok()) << query.status();
    WriteBatches(*query);
    ASSERT_TRUE(query->Stop(SIGKILL, absl::Seconds(10)).ok());
  }
  // What an interrupted append leaves: the first half of a record (here a
  // copy of the last one's), never acknowledged.
  std::string log = ReadAll(log_path());
  const std::vector<size_t> offsets = RecordOffsets(log);
  const std::string last = log.substr(offsets.back());
  std::ofstream(log_path(), std::ios::binary | std::ios::app) << last.substr(0, last.size() / 2);
  auto query = Start();
  ASSERT_TRUE(query.ok()) << query.status();
  for (bool stored : StoredBatches(*query)) EXPECT_TRUE(stored);
  EXPECT_TRUE(ReadAll(log_path()) == log) << "exactly the torn bytes are cut";
}

}  // namespace
}  // namespace docsearch::testing
