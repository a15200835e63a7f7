// Recovery's classification of log damage: a torn tail (nothing intact after
// it; never acknowledged) against corruption (intact records follow; they
// were acknowledged), and what each --wal_recovery mode does with it.
#include "query_service/storage/log_scan.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "query_service/storage/log_files.h"
#include "query_service/storage/write_ahead_log.h"

namespace docsearch::query {
namespace {

using ::testing::HasSubstr;

constexpr size_t kMagicBytes = 8;

class LogScanTest : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = ::testing::TempDir() + "/log_scan_test_" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::filesystem::remove_all(directory_);
  }
  void TearDown() override { std::filesystem::remove_all(directory_); }

  // Appends `count` records "record-0", "record-1", ... and returns the byte
  // offset of each.
  std::vector<size_t> Write(int count, int first = 0) {
    RecoveryReport report;
    auto log = WriteAheadLog::Open(
        directory_, 0, [](LogRecordType, absl::string_view) { return absl::OkStatus(); }, &report);
    EXPECT_TRUE(log.ok()) << log.status();
    std::vector<size_t> offsets;
    for (int i = first; i < first + count; ++i) {
      offsets.push_back(std::filesystem::file_size(path()));
      EXPECT_TRUE((*log)->Append(LogRecordType::kUpsertBatch, absl::StrCat("record-", i)).ok());
    }
    return offsets;
  }

  void FlipByte(size_t offset, const std::string& file) {
    std::fstream stream(file, std::ios::in | std::ios::out | std::ios::binary);
    stream.seekg(static_cast<std::streamoff>(offset));
    const char byte = static_cast<char>(stream.get());
    stream.seekp(static_cast<std::streamoff>(offset));
    stream.put(static_cast<char>(byte ^ 0x40));
  }

  // Opens with `mode`; the payloads replayed, or the error.
  absl::StatusOr<std::vector<std::string>> Recover(WalRecoveryMode mode, RecoveryReport* report) {
    std::vector<std::string> payloads;
    auto log = WriteAheadLog::Open(
        directory_, 0,
        [&](LogRecordType, absl::string_view payload) {
          payloads.emplace_back(payload);
          return absl::OkStatus();
        },
        report, mode);
    if (!log.ok()) return log.status();
    return payloads;
  }

  std::string path(uint64_t generation = 1) const { return LogPath(directory_, generation); }
  std::string Contents(const std::string& file) const { return *ReadFile(file); }

  std::string directory_;
};

std::vector<std::string> Records(int from, int to) {
  std::vector<std::string> names;
  for (int i = from; i < to; ++i) names.push_back(absl::StrCat("record-", i));
  return names;
}

TEST(LogScan, AFragmentOfAHeaderAtTheEndIsATornTail) {
  std::string data(kMagicBytes, 'M');
  EXPECT_FALSE(ScanLogRecords(data, kMagicBytes).damaged());
  data += "\x05";
  const LogScan torn = ScanLogRecords(data, kMagicBytes);
  ASSERT_TRUE(torn.damaged());
  EXPECT_EQ(torn.damage[0].offset, kMagicBytes);
  EXPECT_EQ(torn.damage[0].reason, "incomplete record header");
  EXPECT_EQ(torn.records_after_damage(), 0u);
}

TEST_F(LogScanTest, AFlippedByteFollowedByIntactRecordsIsCorruptionNotATornTail) {
  const std::vector<size_t> offsets = Write(10);
  FlipByte(offsets[4] + 12, path());  // Inside record 4's payload.
  const std::string data = Contents(path());
  const LogScan scan = ScanLogRecords(data, kMagicBytes);
  ASSERT_EQ(scan.damage.size(), 1u);
  EXPECT_EQ(scan.damage[0].offset, offsets[4]);
  EXPECT_EQ(scan.damage[0].end, offsets[5]);
  EXPECT_EQ(scan.damage[0].reason, "record checksum mismatch");
  EXPECT_EQ(scan.records_before_damage, 4u);
  EXPECT_EQ(scan.records_after_damage(), 5u);
}

TEST_F(LogScanTest, ADamagedLengthIsResynchronizedByteByByte) {
  const std::vector<size_t> offsets = Write(6);
  FlipByte(offsets[2] + 3, path());  // The length's high byte: implausible.
  const LogScan scan = ScanLogRecords(Contents(path()), kMagicBytes);
  ASSERT_EQ(scan.damage.size(), 1u);
  EXPECT_EQ(scan.damage[0].offset, offsets[2]);
  EXPECT_EQ(scan.damage[0].end, offsets[3]);
  EXPECT_EQ(scan.records_before_damage, 2u);
  EXPECT_EQ(scan.records_after_damage(), 3u);
}

TEST_F(LogScanTest, StrictRefusesNamingFileOffsetAndCountAndChangesNothing) {
  const std::vector<size_t> offsets = Write(10);
  FlipByte(offsets[4] + 12, path());
  const std::string before = Contents(path());
  RecoveryReport report;
  auto recovered = Recover(WalRecoveryMode::kStrict, &report);
  ASSERT_EQ(recovered.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(recovered.status().message(), HasSubstr(path()));
  EXPECT_THAT(recovered.status().message(), HasSubstr(absl::StrCat("at byte ", offsets[4])));
  EXPECT_THAT(recovered.status().message(), HasSubstr("5 intact records follow it"));
  EXPECT_EQ(Contents(path()), before);
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(directory_)) {
    (void)entry;
    ++files;
  }
  EXPECT_EQ(files, 1) << "nothing is written beside the log either";
}

TEST_F(LogScanTest, PointInTimeKeepsTheFileAsideAndRecoversUpToTheDamage) {
  const std::vector<size_t> offsets = Write(10);
  FlipByte(offsets[4] + 12, path());
  const std::string damaged = Contents(path());
  RecoveryReport report;
  auto recovered = Recover(WalRecoveryMode::kPointInTime, &report);
  ASSERT_TRUE(recovered.ok()) << recovered.status();
  EXPECT_EQ(*recovered, Records(0, 4));
  EXPECT_EQ(report.records_dropped, 5);
  ASSERT_EQ(report.kept_aside.size(), 1u);
  EXPECT_EQ(Contents(report.kept_aside[0]), damaged);
  // The log now ends at the damage, and the next start is clean.
  Write(1, 100);
  RecoveryReport again;
  auto second = Recover(WalRecoveryMode::kStrict, &again);
  ASSERT_TRUE(second.ok()) << second.status();
  std::vector<std::string> expected = Records(0, 4);
  expected.push_back("record-100");
  EXPECT_EQ(*second, expected);
}

TEST_F(LogScanTest, SkipCorruptedRecoversEveryIntactRecordAndRewritesTheLog) {
  const std::vector<size_t> offsets = Write(10);
  FlipByte(offsets[4] + 12, path());
  const std::string damaged = Contents(path());
  RecoveryReport report;
  auto recovered = Recover(WalRecoveryMode::kSkipCorrupted, &report);
  ASSERT_TRUE(recovered.ok()) << recovered.status();
  std::vector<std::string> expected = Records(0, 4);
  for (const std::string& name : Records(5, 10)) expected.push_back(name);
  EXPECT_EQ(*recovered, expected);
  EXPECT_EQ(report.damaged_bytes_skipped, static_cast<int64_t>(offsets[5] - offsets[4]));
  ASSERT_EQ(report.kept_aside.size(), 1u);
  EXPECT_EQ(Contents(report.kept_aside[0]), damaged);
  RecoveryReport again;
  auto second = Recover(WalRecoveryMode::kStrict, &again);
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(*second, expected);
}

TEST_F(LogScanTest, DamageInAnOlderLogCountsTheRecordsOfLaterLogs) {
  std::vector<size_t> offsets;
  {
    RecoveryReport report;
    auto log = WriteAheadLog::Open(
        directory_, 0, [](LogRecordType, absl::string_view) { return absl::OkStatus(); }, &report);
    ASSERT_TRUE(log.ok());
    for (int i = 0; i < 3; ++i) {
      offsets.push_back(std::filesystem::file_size(path()));
      ASSERT_TRUE((*log)->Append(LogRecordType::kUpsertBatch, absl::StrCat("record-", i)).ok());
    }
    ASSERT_TRUE((*log)->Rotate().ok());
    for (int i = 3; i < 7; ++i)
      ASSERT_TRUE((*log)->Append(LogRecordType::kUpsertBatch, absl::StrCat("record-", i)).ok());
  }
  FlipByte(offsets[2] + 12, path(1));  // The last record of the older file.
  RecoveryReport report;
  auto strict = Recover(WalRecoveryMode::kStrict, &report);
  ASSERT_EQ(strict.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(strict.status().message(),
              HasSubstr("4 intact records follow it (0 in this file, 4 in 1 later log files)"));

  RecoveryReport point;
  auto recovered = Recover(WalRecoveryMode::kPointInTime, &point);
  ASSERT_TRUE(recovered.ok()) << recovered.status();
  EXPECT_EQ(*recovered, Records(0, 2));
  EXPECT_EQ(point.records_dropped, 4);
  EXPECT_EQ(point.kept_aside.size(), 2u) << "the damaged file and the later log";
  EXPECT_FALSE(std::filesystem::exists(path(2)));
}

TEST_F(LogScanTest, ATornTailIsCutAndItsBytesKeptAside) {
  Write(5);
  const std::string whole = Contents(path());
  std::filesystem::resize_file(path(), whole.size() - 4);
  RecoveryReport report;
  auto recovered = Recover(WalRecoveryMode::kStrict, &report);
  ASSERT_TRUE(recovered.ok()) << recovered.status();
  EXPECT_EQ(*recovered, Records(0, 4));
  ASSERT_EQ(report.kept_aside.size(), 1u);
  EXPECT_GT(report.bytes_truncated, 0);
  EXPECT_EQ(static_cast<int64_t>(Contents(report.kept_aside[0]).size()), report.bytes_truncated);
}

TEST(WalRecoveryModeTest, ParsesTheThreeNamesAndRefusesOthers) {
  for (const char* name : {"strict", "point_in_time", "skip_corrupted"}) {
    auto mode = ParseWalRecoveryMode(name);
    ASSERT_TRUE(mode.ok()) << name;
    EXPECT_EQ(WalRecoveryModeName(*mode), name);
  }
  EXPECT_EQ(ParseWalRecoveryMode("lenient").status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace docsearch::query

namespace docsearch::query {
namespace {

// Random damage (flipped bytes, a cut tail, a run of zeros) to a log of
// known records: strict recovery either succeeds with every record before
// the damage (only when nothing intact follows it) or refuses; the
// alternatives always start, recover the records in their original order
// (point_in_time: a prefix), and leave a log that a strict restart reads
// back identically.
TEST_F(LogScanTest, RandomDamageIsNeverReplayedAndTheAlternativesLeaveACleanLog) {
  std::mt19937 random(20261203);
  constexpr int kMostRecords = 30;
  std::vector<size_t> offsets = Write(kMostRecords);
  const std::string written = Contents(path());
  offsets.push_back(written.size());
  int refused = 0;
  int cut = 0;
  for (int round = 0; round < 30; ++round) {
    const int records = std::uniform_int_distribution<int>(1, kMostRecords)(random);
    std::string data = written.substr(0, offsets[static_cast<size_t>(records)]);
    switch (round % 3) {
      case 0:
        for (int flips = std::uniform_int_distribution<int>(1, 3)(random); flips > 0; --flips) {
          const size_t at =
              std::uniform_int_distribution<size_t>(kMagicBytes, data.size() - 1)(random);
          data[at] = static_cast<char>(data[at] ^ (1 << (at % 8)));
        }
        break;
      case 1:
        data.resize(std::uniform_int_distribution<size_t>(kMagicBytes, data.size())(random));
        break;
      case 2: {
        const size_t at =
            std::uniform_int_distribution<size_t>(kMagicBytes, data.size() - 1)(random);
        const size_t length = std::min<size_t>(data.size() - at, 1 + random() % 40);
        std::fill(data.begin() + static_cast<long>(at),
                  data.begin() + static_cast<long>(at + length), '\0');
        break;
      }
    }
    const std::vector<std::string> all = Records(0, records);
    const auto is_in_order_subset = [&all](const std::vector<std::string>& got) {
      size_t next = 0;
      for (const std::string& record : got) {
        while (next < all.size() && all[next] != record) ++next;
        if (next == all.size()) return false;
        ++next;
      }
      return true;
    };
    for (WalRecoveryMode mode : {WalRecoveryMode::kStrict, WalRecoveryMode::kPointInTime,
                                 WalRecoveryMode::kSkipCorrupted}) {
      std::filesystem::remove_all(directory_);
      std::filesystem::create_directories(directory_);
      std::ofstream(path(), std::ios::binary) << data;
      RecoveryReport report;
      auto recovered = Recover(mode, &report);
      SCOPED_TRACE(absl::StrCat("round ", round, " mode ", WalRecoveryModeName(mode)));
      if (mode == WalRecoveryMode::kStrict) (recovered.ok() ? cut : refused)++;
      if (mode == WalRecoveryMode::kStrict && !recovered.ok()) {
        EXPECT_EQ(recovered.status().code(), absl::StatusCode::kFailedPrecondition);
        EXPECT_TRUE(Contents(path()) == data) << "a refusal changed the log";
        continue;
      }
      ASSERT_TRUE(recovered.ok()) << recovered.status();
      EXPECT_TRUE(is_in_order_subset(*recovered));
      if (mode != WalRecoveryMode::kSkipCorrupted) {
        // A prefix: nothing after the first damage.
        ASSERT_LE(recovered->size(), all.size());
        EXPECT_EQ(*recovered, std::vector<std::string>(
                                  all.begin(), all.begin() + static_cast<long>(recovered->size())));
      }
      RecoveryReport again;
      auto reread = Recover(WalRecoveryMode::kStrict, &again);
      ASSERT_TRUE(reread.ok()) << reread.status();
      EXPECT_EQ(*reread, *recovered);
      EXPECT_EQ(again.bytes_truncated, 0);
    }
  }
  // The damage drawn exercises both outcomes of the strict mode.
  EXPECT_GT(refused, 0);
  EXPECT_GT(cut, 0);
}

}  // namespace
}  // namespace docsearch::query
