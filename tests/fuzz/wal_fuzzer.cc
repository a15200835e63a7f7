// libFuzzer entry point for write-ahead-log recovery on corrupted files.
//
// The input, behind a valid magic when its first byte is even, becomes
// <dir>/wal.log; recovery must replay what is intact into an index, cut the
// rest, and either succeed or refuse with FAILED_PRECONDITION (not a log) or
// DATA_LOSS (an intact record that does not decode), never crash or hang.
// After a successful recovery the log must accept an append and recover
// again, strictly, to the same record count plus one with nothing cut. Each
// input is recovered in every --wal_recovery mode: strict may also refuse
// (damage with intact records after it), the alternatives rewrite or cut
// the log and must leave one that a strict restart reads cleanly.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "absl/status/status.h"
#include "query_service/search/search_index.h"
#include "query_service/storage/indexer.h"
#include "query_service/storage/write_ahead_log.h"

namespace {

void Check(bool condition) {
  if (!condition) __builtin_trap();
}

void RecoverIn(docsearch::query::WalRecoveryMode mode, const uint8_t* data, size_t size) {
  static const std::string directory =
      (std::filesystem::temp_directory_path() / ("wal_fuzzer_" + std::to_string(getpid())))
          .string();
  std::filesystem::remove_all(directory);
  std::filesystem::create_directories(directory);
  {
    std::ofstream out(directory + "/wal.log", std::ios::binary);
    if (size > 0 && data[0] % 2 == 0) out.write("DSWAL\0\0\1", 8);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  docsearch::query::SearchIndex index{docsearch::query::SearchOptions{}};
  docsearch::query::Indexer indexer(&index, nullptr);
  auto replay = [&indexer](docsearch::query::LogRecordType type, absl::string_view payload) {
    return indexer.Replay(type, payload);
  };
  docsearch::query::RecoveryReport report;
  auto log = docsearch::query::WriteAheadLog::Open(directory, /*from_generation=*/0, replay,
                                                   &report, mode);
  if (!log.ok()) {
    Check(log.status().code() == absl::StatusCode::kFailedPrecondition ||
          log.status().code() == absl::StatusCode::kDataLoss);
    return;
  }
  docsearch::v1::DeleteDocumentRequest record;
  record.set_id("x");
  Check((*log)->Append(docsearch::query::LogRecordType::kDelete, record.SerializeAsString()).ok());
  log->reset();
  docsearch::query::RecoveryReport again;
  auto reopened =
      docsearch::query::WriteAheadLog::Open(directory, /*from_generation=*/0, replay, &again);
  Check(reopened.ok());
  Check(again.records_replayed == report.records_replayed + 1);
  Check(again.bytes_truncated == 0);
  for (const std::string& kept : report.kept_aside) Check(std::filesystem::exists(kept));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  for (auto mode :
       {docsearch::query::WalRecoveryMode::kStrict, docsearch::query::WalRecoveryMode::kPointInTime,
        docsearch::query::WalRecoveryMode::kSkipCorrupted}) {
    RecoverIn(mode, data, size);
  }
  return 0;
}
