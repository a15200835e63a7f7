// Replaying a write-ahead log's files at start-up (write_ahead_log.h says
// what a torn tail is and how damage is treated): checks that no generation
// is missing, replays every intact record in order, cuts a torn tail or
// handles damage as the recovery mode says, and opens the file appends
// continue in.
#ifndef DOCSEARCH_QUERY_SERVICE_STORAGE_LOG_REPLAY_H_
#define DOCSEARCH_QUERY_SERVICE_STORAGE_LOG_REPLAY_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "query_service/storage/log_scan.h"

namespace docsearch::query {

// What recovery did, for the start-up log line and GetIndexStats.
struct RecoveryReport {
  // The snapshot loaded (0: none) and the documents it held.
  uint64_t snapshot_generation = 0;
  int64_t snapshot_documents = 0;
  // Newer snapshots skipped because they were damaged.
  int64_t snapshots_skipped = 0;
  int64_t log_files_replayed = 0;
  int64_t records_replayed = 0;
  // Bytes cut from the end of the newest log because its last record was
  // torn (never acknowledged; the bytes are kept aside).
  int64_t bytes_truncated = 0;
  // Corruption handled by a non-strict WalRecoveryMode: intact records not
  // recovered (point_in_time: those after the damage), damaged bytes skipped
  // (skip_corrupted), and the files kept aside (damaged originals, later
  // logs, torn tails), never removed by the service.
  int64_t records_dropped = 0;
  int64_t damaged_bytes_skipped = 0;
  std::vector<std::string> kept_aside;
  // Unfinished snapshot files (.tmp) removed.
  int64_t temporary_files_removed = 0;
  double seconds = 0;
};

using LogReplayFunction = std::function<absl::Status(LogRecordType, absl::string_view payload)>;

// The file appends continue in once the log is replayed.
struct ReplayedLog {
  uint64_t generation = 0;
  std::string path;
  // Open for writing, positioned at `end`; the caller owns it.
  int fd = -1;
  // Bytes of intact records in the file (the magic included).
  int64_t end = 0;
  // Bytes of records in the replayed files, the magics excluded.
  int64_t replayed_bytes = 0;
};

// Replays `directory`'s log files of generations >= `from_generation` into
// `replay`, or starts generation max(from_generation, 1) when there are
// none. Errors as WriteAheadLog::Open's.
absl::StatusOr<ReplayedLog> ReplayLogFiles(const std::string& directory, uint64_t from_generation,
                                           const LogReplayFunction& replay, RecoveryReport* report,
                                           WalRecoveryMode mode);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_STORAGE_LOG_REPLAY_H_
