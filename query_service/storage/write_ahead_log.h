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
// Open replays the generations from a given one on (log_replay.h). Records go into a file
// only after the previous one is complete and synced, so only the newest
// file holding records can end torn (later files, if any, are empty: a
// rotation interrupted by a crash). Damage there with no intact record after
// it is such a torn tail: it is cut with a warning (the cut bytes are kept
// aside). Damage followed by intact records, in any file, is corruption of
// acknowledged writes (log_scan.h): by default FAILED_PRECONDITION naming the
// file, the byte and how many intact records follow, with nothing changed on
// disk; WalRecoveryMode chooses an alternative, which first keeps the damaged
// file aside. A missing generation is FAILED_PRECONDITION too: acknowledged
// data is never skipped silently.
//
// Storage failures: a write that runs out of space (ENOSPC, EDQUOT) is cut
// back and refused with RESOURCE_EXHAUSTED; the next one may succeed once
// space is freed. Anything after which the log can no longer promise
// durability makes it refuse every later write with FAILED_PRECONDITION
// until a restart: a failed fdatasync (the kernel may have dropped the
// pages), any other write error (EIO, EROFS), and the data directory removed
// or replaced, or the log file unlinked, under the running service (writes
// to an unlinked file succeed and vanish). The directory and file are checked
// before every write and after every fdatasync, before a write is
// acknowledged, and by CheckStorage.
//
// Thread safety: Append, Write and Rotate are not thread-safe; the caller
// serializes them (the order of the log is the order of the index). Sync,
// CheckStorage and appended_bytes() may be called from any thread.
#ifndef DOCSEARCH_QUERY_SERVICE_STORAGE_WRITE_AHEAD_LOG_H_
#define DOCSEARCH_QUERY_SERVICE_STORAGE_WRITE_AHEAD_LOG_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "query_service/storage/log_replay.h"
#include "query_service/storage/log_scan.h"

namespace docsearch::query {

class WriteAheadLog {
 public:
  using ReplayFunction = LogReplayFunction;

  // Opens the log in `directory` (which must exist), calling `replay` for
  // every intact record of generations >= `from_generation` in order, and
  // appends after the newest. With no file at or after `from_generation`, a
  // new one is started at max(from_generation, 1). Errors: a file that is not
  // a docsearch log, damage that is not a torn tail (with kStrict), a missing
  // generation (all FAILED_PRECONDITION); I/O errors; an error from `replay`.
  static absl::StatusOr<std::unique_ptr<WriteAheadLog>> Open(
      const std::string& directory, uint64_t from_generation, const ReplayFunction& replay,
      RecoveryReport* report, WalRecoveryMode mode = WalRecoveryMode::kStrict);

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

  // OK while the log can acknowledge writes; otherwise the FAILED_PRECONDITION
  // that makes it refuse them (see the header comment). Looks at the data
  // directory and the current file now (two stat calls), so a watchdog may
  // call it every second to notice a removed directory without a write.
  absl::Status CheckStorage();

  // Called once, with the failure, when the log starts refusing writes
  // (under the log's lock: it must not call into the log). Set it before
  // writes start.
  void SetFailureHandler(std::function<void(const absl::Status&)> handler);

  uint64_t generation() const { return generation_; }
  const std::string& path() const { return path_; }

  // Bytes in the replayed files plus bytes appended since Open: the log a
  // restart would replay if no snapshot were taken.
  int64_t appended_bytes() const { return appended_bytes_.load(std::memory_order_relaxed); }

  // fdatasyncs of records run since Open (group commit makes this smaller
  // than the number of records).
  int64_t syncs() const { return syncs_.load(std::memory_order_relaxed); }

  // Told each fdatasync's duration and how many records it made durable
  // (the group commit's size), for metrics. Set before writes start; runs
  // on a writer's thread outside the log's lock.
  using SyncObserver = std::function<void(double seconds, int64_t records)>;
  void set_sync_observer(SyncObserver observer) { sync_observer_ = std::move(observer); }

 private:
  WriteAheadLog(std::string directory, uint64_t generation, std::string path, int fd)
      : directory_(std::move(directory)),
        generation_(generation),
        path_(std::move(path)),
        fd_(fd) {}

  // Opens the data directory and remembers its identity (device, inode).
  absl::Status HoldDirectory();
  // The failure if the directory or the current file is gone (and records
  // it), else OK.
  absl::Status CheckStorageLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(sync_mu_);
  // Makes `cause` the reason every later write is refused (the first one
  // stays) and returns that reason.
  absl::Status FailLocked(const absl::Status& cause) ABSL_EXCLUSIVE_LOCKS_REQUIRED(sync_mu_);

  const std::string directory_;
  uint64_t generation_;
  std::string path_;
  // Changed only by Rotate, under sync_mu_ with no sync running.
  int fd_;
  // The data directory as opened at start, to notice it being removed or
  // replaced (the path then names another inode, or none).
  int directory_fd_ = -1;
  // Bytes of intact records in the current file; a failed append is cut
  // back to here so later records never follow garbage.
  int64_t end_ = 0;
  std::atomic<int64_t> appended_bytes_{0};
  std::atomic<int64_t> syncs_{0};
  SyncObserver sync_observer_;

  absl::Mutex sync_mu_;
  int64_t written_ ABSL_GUARDED_BY(sync_mu_) = 0;  // Position of the last record written.
  int64_t synced_ ABSL_GUARDED_BY(sync_mu_) = 0;   // Everything up to here is durable.
  // Records written and made durable, counted for the sync observer.
  int64_t records_written_ ABSL_GUARDED_BY(sync_mu_) = 0;
  int64_t records_synced_ ABSL_GUARDED_BY(sync_mu_) = 0;
  bool syncing_ ABSL_GUARDED_BY(sync_mu_) = false;  // A leader's fdatasync is running.
  // Once set, every Write, Sync and Rotate fails with it.
  absl::Status sync_error_ ABSL_GUARDED_BY(sync_mu_);
  std::function<void(const absl::Status&)> on_failure_ ABSL_GUARDED_BY(sync_mu_);
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_STORAGE_WRITE_AHEAD_LOG_H_
