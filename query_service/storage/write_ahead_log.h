// The query service's write-ahead log: every acknowledged write, in order,
// in a sequence of files (generations) so that a snapshot lets old ones go.
//
// On-disk format (docs/FORMATS.md): each file <data_dir>/wal-<gen>.log (or
// the older single file wal.log, generation 0) starts with the 8-byte magic
// "DSWAL\0\0\1", followed by records
//
//   u32 little-endian  payload length
//   u32 little-endian  CRC-32C of (type byte, payload)
//   u8                 record type (1 = upsert batch, 2 = delete)
//   payload            a serialized WriteRequest or DeleteDocumentRequest
//
// Append returns only after the record is on stable storage (fdatasync), so
// a write acknowledged after Append survives a crash of the process or the
// machine. Rotate starts the next generation; writes before it are in older
// files, writes after it in the new one.
//
// Open replays the generations from a given one on. Records go into a file
// only after the previous one is complete and synced, so only the newest
// file holding records can end torn (later files, if any, are empty: a
// rotation interrupted by a crash). Such a torn or corrupt tail is cut with
// a warning, while damage anywhere else, or a missing generation, is
// FAILED_PRECONDITION naming the file and byte: acknowledged data is never
// skipped silently.
//
// Thread safety: Append, Write and Rotate are not thread-safe; the caller
// serializes them (the order of the log is the order of the index). Sync and
// appended_bytes() may be called from any thread.
#ifndef DOCSEARCH_QUERY_SERVICE_STORAGE_WRITE_AHEAD_LOG_H_
#define DOCSEARCH_QUERY_SERVICE_STORAGE_WRITE_AHEAD_LOG_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"

namespace docsearch::query {

enum class LogRecordType : uint8_t { kUpsertBatch = 1, kDelete = 2 };

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
  // torn or corrupt (never acknowledged).
  int64_t bytes_truncated = 0;
  // Unfinished snapshot files (.tmp) removed.
  int64_t temporary_files_removed = 0;
  double seconds = 0;
};

class WriteAheadLog {
 public:
  using ReplayFunction = std::function<absl::Status(LogRecordType, absl::string_view payload)>;

  // Opens the log in `directory` (which must exist), calling `replay` for
  // every intact record of generations >= `from_generation` in order, and
  // appends after the newest. With no file at or after `from_generation`, a
  // new one is started at max(from_generation, 1). Errors: a file that is not
  // a docsearch log, damage before the tail of the newest file, a missing
  // generation (all FAILED_PRECONDITION); I/O errors; an error from `replay`.
  static absl::StatusOr<std::unique_ptr<WriteAheadLog>> Open(const std::string& directory,
                                                             uint64_t from_generation,
                                                             const ReplayFunction& replay,
                                                             RecoveryReport* report);

  ~WriteAheadLog();
  WriteAheadLog(const WriteAheadLog&) = delete;
  WriteAheadLog& operator=(const WriteAheadLog&) = delete;

  // Appends one record and waits until it is durable: Write then Sync.
  absl::Status Append(LogRecordType type, absl::string_view payload);

  // Writes one record without waiting for it to be durable and returns its
  // position (appended_bytes() just after it), for Sync.
  absl::StatusOr<int64_t> Write(LogRecordType type, absl::string_view payload);

  // Waits until every record up to `position` is durable. Thread-safe, and
  // the point of group commit: while one caller (the leader) runs fdatasync
  // for everything written so far, the others wait and are usually covered
  // by it, so N concurrent batches cost about two syncs, not N. After a
  // failed sync the log refuses every later Write and Sync (the kernel may
  // have dropped the pages; a restart recovers from what is on disk).
  absl::Status Sync(int64_t position);

  // Creates the next generation's file (durably) and appends there from now
  // on. Returns the new generation. On error the current file stays in use.
  absl::StatusOr<uint64_t> Rotate();

  uint64_t generation() const { return generation_; }
  const std::string& path() const { return path_; }

  // Bytes in the replayed files plus bytes appended since Open: the log a
  // restart would replay if no snapshot were taken.
  int64_t appended_bytes() const { return appended_bytes_.load(std::memory_order_relaxed); }

  // fdatasyncs of records run since Open (group commit makes this smaller
  // than the number of records).
  int64_t syncs() const { return syncs_.load(std::memory_order_relaxed); }

 private:
  WriteAheadLog(std::string directory, uint64_t generation, std::string path, int fd)
      : directory_(std::move(directory)),
        generation_(generation),
        path_(std::move(path)),
        fd_(fd) {}

  const std::string directory_;
  uint64_t generation_;
  std::string path_;
  // Changed only by Rotate, under sync_mu_ with no sync running.
  int fd_;
  // Bytes of intact records in the current file; a failed append is cut
  // back to here so later records never follow garbage.
  int64_t end_ = 0;
  std::atomic<int64_t> appended_bytes_{0};
  std::atomic<int64_t> syncs_{0};

  absl::Mutex sync_mu_;
  int64_t written_ ABSL_GUARDED_BY(sync_mu_) = 0;   // Position of the last record written.
  int64_t synced_ ABSL_GUARDED_BY(sync_mu_) = 0;    // Everything up to here is durable.
  bool syncing_ ABSL_GUARDED_BY(sync_mu_) = false;  // A leader's fdatasync is running.
  absl::Status sync_error_ ABSL_GUARDED_BY(sync_mu_);
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_STORAGE_WRITE_AHEAD_LOG_H_
