#include "query_service/storage/write_ahead_log.h"

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "query_service/storage/log_files.h"

namespace docsearch::query {
namespace {

using ::testing::HasSubstr;

absl::Status Ignore(LogRecordType, absl::string_view) { return absl::OkStatus(); }

class WriteAheadLogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = ::testing::TempDir() + "/wal_test_" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::filesystem::remove_all(directory_);
  }
  void TearDown() override { std::filesystem::remove_all(directory_); }

  std::unique_ptr<WriteAheadLog> OpenLog(uint64_t from_generation = 0) {
    RecoveryReport report;
    auto log = WriteAheadLog::Open(directory_, from_generation, Ignore, &report);
    EXPECT_TRUE(log.ok()) << log.status();
    return log.ok() ? *std::move(log) : nullptr;
  }

  // Opens the log and returns the payloads replayed.
  std::vector<std::string> Reopen(RecoveryReport* report, uint64_t from_generation = 0) {
    std::vector<std::string> payloads;
    auto log = WriteAheadLog::Open(
        directory_, from_generation,
        [&](LogRecordType, absl::string_view payload) {
          payloads.emplace_back(payload);
          return absl::OkStatus();
        },
        report);
    EXPECT_TRUE(log.ok()) << log.status();
    return payloads;
  }

  absl::Status OpenStatus() {
    RecoveryReport report;
    return WriteAheadLog::Open(directory_, 0, Ignore, &report).status();
  }

  std::string path(uint64_t generation = 1) const { return LogPath(directory_, generation); }

  std::string directory_;
};

TEST_F(WriteAheadLogTest, ReplaysAppendedRecordsInOrder) {
  {
    auto log = OpenLog();
    ASSERT_NE(log, nullptr);
    EXPECT_EQ(log->path(), directory_ + "/wal-00000000000000000001.log");
    ASSERT_TRUE(log->Append(LogRecordType::kUpsertBatch, "first").ok());
    ASSERT_TRUE(log->Append(LogRecordType::kDelete, "second").ok());
  }
  RecoveryReport report;
  EXPECT_EQ(Reopen(&report), (std::vector<std::string>{"first", "second"}));
  EXPECT_EQ(report.records_replayed, 2);
  EXPECT_EQ(report.bytes_truncated, 0);
}

TEST_F(WriteAheadLogTest, CutsATornTailAndKeepsAppendingAfterIt) {
  {
    auto log = OpenLog();
    ASSERT_TRUE(log->Append(LogRecordType::kUpsertBatch, "kept").ok());
    ASSERT_TRUE(log->Append(LogRecordType::kUpsertBatch, "torn record").ok());
  }
  std::filesystem::resize_file(path(), std::filesystem::file_size(path()) - 3);
  RecoveryReport after;
  {
    std::vector<std::string> payloads;
    auto log = WriteAheadLog::Open(
        directory_, 0,
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
  RecoveryReport report;
  EXPECT_EQ(Reopen(&report), (std::vector<std::string>{"kept", "later"}));
}

TEST_F(WriteAheadLogTest, NeverReplaysACorruptedRecord) {
  {
    auto log = OpenLog();
    ASSERT_TRUE(log->Append(LogRecordType::kUpsertBatch, "good").ok());
    ASSERT_TRUE(log->Append(LogRecordType::kUpsertBatch, "flipped").ok());
  }
  {
    std::fstream file(path(), std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(-2, std::ios::end);
    file.put('X');
  }
  RecoveryReport report;
  EXPECT_EQ(Reopen(&report), std::vector<std::string>{"good"});
}

TEST_F(WriteAheadLogTest, RefusesAFileThatIsNotALog) {
  std::filesystem::create_directories(directory_);
  std::ofstream(path()) << "something else entirely";
  EXPECT_EQ(OpenStatus().code(), absl::StatusCode::kFailedPrecondition);
}

TEST_F(WriteAheadLogTest, RotationMovesLaterRecordsToTheNextGeneration) {
  {
    auto log = OpenLog();
    ASSERT_TRUE(log->Append(LogRecordType::kUpsertBatch, "one").ok());
    auto next = log->Rotate();
    ASSERT_TRUE(next.ok()) << next.status();
    EXPECT_EQ(*next, 2u);
    ASSERT_TRUE(log->Append(LogRecordType::kUpsertBatch, "two").ok());
    ASSERT_TRUE(log->Rotate().ok());
    ASSERT_TRUE(log->Append(LogRecordType::kDelete, "three").ok());
  }
  EXPECT_TRUE(std::filesystem::exists(path(1)));
  EXPECT_TRUE(std::filesystem::exists(path(2)));
  EXPECT_TRUE(std::filesystem::exists(path(3)));
  RecoveryReport all;
  EXPECT_EQ(Reopen(&all), (std::vector<std::string>{"one", "two", "three"}));
  EXPECT_EQ(all.log_files_replayed, 3);
  RecoveryReport from_two;
  EXPECT_EQ(Reopen(&from_two, 2), (std::vector<std::string>{"two", "three"}));
  EXPECT_EQ(from_two.log_files_replayed, 2);
}

TEST_F(WriteAheadLogTest, DamageInAnOlderGenerationIsFailedPreconditionNamingFileAndByte) {
  {
    auto log = OpenLog();
    ASSERT_TRUE(log->Append(LogRecordType::kUpsertBatch, "acknowledged").ok());
    ASSERT_TRUE(log->Rotate().ok());
    ASSERT_TRUE(log->Append(LogRecordType::kUpsertBatch, "later").ok());
  }
  {
    std::fstream file(path(1), std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(-2, std::ios::end);
    file.put('X');
  }
  absl::Status status = OpenStatus();
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(status.message(), HasSubstr(path(1)));
  EXPECT_THAT(status.message(), HasSubstr("at byte 8"));
}

// A crash between creating the next file and its first record: the older
// file's torn tail is still a tail, because nothing was written after it.
TEST_F(WriteAheadLogTest, CutsATornTailFollowedOnlyByEmptyLogs) {
  {
    auto log = OpenLog();
    ASSERT_TRUE(log->Append(LogRecordType::kUpsertBatch, "kept").ok());
    ASSERT_TRUE(log->Append(LogRecordType::kUpsertBatch, "torn").ok());
    ASSERT_TRUE(log->Rotate().ok());
  }
  std::filesystem::resize_file(path(1), std::filesystem::file_size(path(1)) - 2);
  {
    RecoveryReport report;
    EXPECT_EQ(Reopen(&report), std::vector<std::string>{"kept"});
    EXPECT_EQ(report.bytes_truncated, 11);
  }
  auto log = OpenLog();
  ASSERT_NE(log, nullptr);
  EXPECT_EQ(log->generation(), 2u);
}

TEST_F(WriteAheadLogTest, AMissingGenerationIsFailedPrecondition) {
  {
    auto log = OpenLog();
    ASSERT_TRUE(log->Append(LogRecordType::kUpsertBatch, "a").ok());
    ASSERT_TRUE(log->Rotate().ok());
    ASSERT_TRUE(log->Append(LogRecordType::kUpsertBatch, "b").ok());
    ASSERT_TRUE(log->Rotate().ok());
  }
  std::filesystem::remove(path(2));
  absl::Status status = OpenStatus();
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(status.message(), HasSubstr("generation 2 is missing"));
  // Without a snapshot, the history must start at the beginning.
  std::filesystem::remove(path(1));
  EXPECT_EQ(OpenStatus().code(), absl::StatusCode::kFailedPrecondition);
}

TEST_F(WriteAheadLogTest, ReadsTheSingleFileLogOfEarlierVersionsAsGenerationZero) {
  {
    auto log = OpenLog();
    ASSERT_TRUE(log->Append(LogRecordType::kUpsertBatch, "from an old version").ok());
  }
  // The pre-snapshot format was exactly one such file named wal.log.
  std::filesystem::rename(path(1), directory_ + "/wal.log");
  {
    RecoveryReport report;
    std::vector<std::string> payloads;
    auto log = WriteAheadLog::Open(
        directory_, 0,
        [&](LogRecordType, absl::string_view payload) {
          payloads.emplace_back(payload);
          return absl::OkStatus();
        },
        &report);
    ASSERT_TRUE(log.ok()) << log.status();
    EXPECT_EQ(payloads, std::vector<std::string>{"from an old version"});
    EXPECT_EQ((*log)->generation(), 0u);
    ASSERT_TRUE((*log)->Rotate().ok());
    EXPECT_EQ((*log)->path(), path(1));
    ASSERT_TRUE((*log)->Append(LogRecordType::kUpsertBatch, "new").ok());
  }
  RecoveryReport report;
  EXPECT_EQ(Reopen(&report), (std::vector<std::string>{"from an old version", "new"}));
}

TEST_F(WriteAheadLogTest, OneSyncCoversEveryRecordWrittenBeforeIt) {
  {
    auto log = OpenLog();
    auto first = log->Write(LogRecordType::kUpsertBatch, "a");
    auto second = log->Write(LogRecordType::kUpsertBatch, "b");
    auto third = log->Write(LogRecordType::kDelete, "c");
    ASSERT_TRUE(first.ok() && second.ok() && third.ok());
    EXPECT_LT(*first, *second);
    ASSERT_TRUE(log->Sync(*third).ok());
    EXPECT_EQ(log->syncs(), 1);
    ASSERT_TRUE(log->Sync(*first).ok());  // Already covered: no second sync.
    EXPECT_EQ(log->syncs(), 1);
  }
  RecoveryReport report;
  EXPECT_EQ(Reopen(&report), (std::vector<std::string>{"a", "b", "c"}));
}

TEST_F(WriteAheadLogTest, RotationSyncsWhatTheOldFileStillHolds) {
  {
    auto log = OpenLog();
    auto written = log->Write(LogRecordType::kUpsertBatch, "unsynced");
    ASSERT_TRUE(written.ok());
    ASSERT_TRUE(log->Rotate().ok());
    EXPECT_EQ(log->syncs(), 0);  // Rotate synced it itself...
    ASSERT_TRUE(log->Sync(*written).ok());
    EXPECT_EQ(log->syncs(), 0);  // ...so waiting for it costs nothing more.
  }
  RecoveryReport report;
  EXPECT_EQ(Reopen(&report), std::vector<std::string>{"unsynced"});
}

TEST_F(WriteAheadLogTest, CountsAppendedBytesAcrossRotations) {
  auto log = OpenLog();
  EXPECT_EQ(log->appended_bytes(), 0);
  ASSERT_TRUE(log->Append(LogRecordType::kUpsertBatch, "12345").ok());
  EXPECT_EQ(log->appended_bytes(), 9 + 5);
  ASSERT_TRUE(log->Rotate().ok());
  ASSERT_TRUE(log->Append(LogRecordType::kUpsertBatch, "1").ok());
  EXPECT_EQ(log->appended_bytes(), 9 + 5 + 9 + 1);
}

TEST_F(WriteAheadLogTest, ARemovedDirectoryRefusesEveryLaterWriteAndReportsOnce) {
  auto log = OpenLog();
  ASSERT_NE(log, nullptr);
  std::vector<std::string> failures;
  log->SetFailureHandler(
      [&failures](const absl::Status& failure) { failures.emplace_back(failure.message()); });
  ASSERT_TRUE(log->Append(LogRecordType::kUpsertBatch, "before").ok());
  std::filesystem::remove_all(directory_);
  for (int attempt = 0; attempt < 2; ++attempt) {
    absl::Status status = log->Append(LogRecordType::kUpsertBatch, "after");
    EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
    EXPECT_THAT(status.message(), HasSubstr(directory_));
  }
  // Even once the directory is back (empty), the log keeps refusing: what
  // was acknowledged went with the old one.
  std::filesystem::create_directories(directory_);
  EXPECT_EQ(log->Append(LogRecordType::kDelete, "later").code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(log->CheckStorage().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(log->Rotate().status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(failures.size(), 1u);
}

TEST_F(WriteAheadLogTest, AnUnlinkedLogFileIsNoticedBeforeTheNextWrite) {
  auto log = OpenLog();
  ASSERT_NE(log, nullptr);
  ASSERT_TRUE(log->Append(LogRecordType::kUpsertBatch, "before").ok());
  EXPECT_TRUE(log->CheckStorage().ok());
  std::filesystem::remove(path());
  absl::Status status = log->CheckStorage();
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(status.message(), HasSubstr(path()));
  EXPECT_EQ(log->Append(LogRecordType::kUpsertBatch, "after").code(),
            absl::StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace docsearch::query
