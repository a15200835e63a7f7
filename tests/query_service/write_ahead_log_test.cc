#include "query_service/write_ahead_log.h"

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace docsearch::query {
namespace {

class WriteAheadLogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = ::testing::TempDir() + "/wal_test_" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::filesystem::remove_all(directory_);
  }
  void TearDown() override { std::filesystem::remove_all(directory_); }

  // Opens the log and returns the payloads replayed.
  std::vector<std::string> Reopen(RecoveryReport* report) {
    std::vector<std::string> payloads;
    auto log = WriteAheadLog::Open(
        directory_,
        [&](LogRecordType, absl::string_view payload) {
          payloads.emplace_back(payload);
          return absl::OkStatus();
        },
        report);
    EXPECT_TRUE(log.ok()) << log.status();
    return payloads;
  }

  std::string path() const { return directory_ + "/wal.log"; }

  std::string directory_;
};

TEST_F(WriteAheadLogTest, ReplaysAppendedRecordsInOrder) {
  RecoveryReport report;
  {
    auto log = WriteAheadLog::Open(
        directory_, [](LogRecordType, absl::string_view) { return absl::OkStatus(); }, &report);
    ASSERT_TRUE(log.ok());
    ASSERT_TRUE((*log)->Append(LogRecordType::kUpsertBatch, "first").ok());
    ASSERT_TRUE((*log)->Append(LogRecordType::kDelete, "second").ok());
  }
  EXPECT_EQ(Reopen(&report), (std::vector<std::string>{"first", "second"}));
  EXPECT_EQ(report.records_replayed, 2);
  EXPECT_EQ(report.bytes_truncated, 0);
}

TEST_F(WriteAheadLogTest, CutsATornTailAndKeepsAppendingAfterIt) {
  RecoveryReport report;
  {
    auto log = WriteAheadLog::Open(
        directory_, [](LogRecordType, absl::string_view) { return absl::OkStatus(); }, &report);
    ASSERT_TRUE((*log)->Append(LogRecordType::kUpsertBatch, "kept").ok());
    ASSERT_TRUE((*log)->Append(LogRecordType::kUpsertBatch, "torn record").ok());
  }
  std::filesystem::resize_file(path(), std::filesystem::file_size(path()) - 3);
  RecoveryReport after;
  {
    std::vector<std::string> payloads;
    auto log = WriteAheadLog::Open(
        directory_,
        [&](LogRecordType, absl::string_view payload) {
          payloads.emplace_back(payload);
          return absl::OkStatus();
        },
        &after);
    ASSERT_TRUE(log.ok());
    EXPECT_EQ(payloads, std::vector<std::string>{"kept"});
    EXPECT_GT(after.bytes_truncated, 0);
    ASSERT_TRUE((*log)->Append(LogRecordType::kUpsertBatch, "later").ok());
  }
  EXPECT_EQ(Reopen(&report), (std::vector<std::string>{"kept", "later"}));
}

TEST_F(WriteAheadLogTest, NeverReplaysACorruptedRecord) {
  RecoveryReport report;
  {
    auto log = WriteAheadLog::Open(
        directory_, [](LogRecordType, absl::string_view) { return absl::OkStatus(); }, &report);
    ASSERT_TRUE((*log)->Append(LogRecordType::kUpsertBatch, "good").ok());
    ASSERT_TRUE((*log)->Append(LogRecordType::kUpsertBatch, "flipped").ok());
  }
  {
    std::fstream file(path(), std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(-2, std::ios::end);
    file.put('X');
  }
  EXPECT_EQ(Reopen(&report), std::vector<std::string>{"good"});
}

TEST_F(WriteAheadLogTest, RefusesAFileThatIsNotALog) {
  std::filesystem::create_directories(directory_);
  std::ofstream(path()) << "something else entirely";
  RecoveryReport report;
  auto log = WriteAheadLog::Open(
      directory_, [](LogRecordType, absl::string_view) { return absl::OkStatus(); }, &report);
  EXPECT_EQ(log.status().code(), absl::StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace docsearch::query
