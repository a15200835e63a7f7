#include "query_service/storage/write_ahead_log.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <string>
#include <utility>

#include "absl/base/internal/endian.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "common/crc32c.h"
#include "common/log.h"
#include "query_service/storage/log_files.h"

namespace docsearch::query {

WriteAheadLog::~WriteAheadLog() {
  ::close(fd_);
  if (directory_fd_ >= 0) ::close(directory_fd_);
}

absl::StatusOr<std::unique_ptr<WriteAheadLog>> WriteAheadLog::Open(const std::string& directory,
                                                                   uint64_t from_generation,
                                                                   const ReplayFunction& replay,
                                                                   RecoveryReport* report,
                                                                   WalRecoveryMode mode) {
  absl::StatusOr<ReplayedLog> replayed =
      ReplayLogFiles(directory, from_generation, replay, report, mode);
  if (!replayed.ok()) return replayed.status();
  std::unique_ptr<WriteAheadLog> log(
      new WriteAheadLog(directory, replayed->generation, replayed->path, replayed->fd));
  log->end_ = replayed->end;
  log->appended_bytes_ = replayed->replayed_bytes;
  log->written_ = log->synced_ = replayed->replayed_bytes;
  if (absl::Status held = log->HoldDirectory(); !held.ok()) return held;
  return log;
}

absl::Status WriteAheadLog::HoldDirectory() {
  directory_fd_ = ::open(directory_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (directory_fd_ < 0) return ErrnoStatus("cannot open directory", directory_);
  return absl::OkStatus();
}

void WriteAheadLog::SetFailureHandler(std::function<void(const absl::Status&)> handler) {
  absl::MutexLock lock(&sync_mu_);
  on_failure_ = std::move(handler);
}

absl::Status WriteAheadLog::CheckStorage() {
  absl::MutexLock lock(&sync_mu_);
  if (!sync_error_.ok()) return sync_error_;
  return CheckStorageLocked();
}

absl::Status WriteAheadLog::FailLocked(const absl::Status& cause) {
  if (!sync_error_.ok()) return sync_error_;
  sync_error_ = absl::FailedPreconditionError(absl::StrCat(
      "the write-ahead log refuses writes until the service is restarted: ", cause.message()));
  if (on_failure_) on_failure_(sync_error_);
  return sync_error_;
}

absl::Status WriteAheadLog::CheckStorageLocked() {
  if (directory_fd_ < 0) return absl::OkStatus();  // Not opened through Open.
  struct stat held;
  struct stat named;
  if (::fstat(directory_fd_, &held) != 0) return FailLocked(ErrnoStatus("cannot stat", directory_));
  if (::stat(directory_.c_str(), &named) != 0) {
    return FailLocked(ErrnoStatus(
        "the data directory was removed while the service was running: cannot stat", directory_));
  }
  if (named.st_dev != held.st_dev || named.st_ino != held.st_ino) {
    return FailLocked(absl::FailedPreconditionError(
        absl::StrCat("the data directory ", directory_,
                     " was replaced while the service was running (it names another directory "
                     "now); the acknowledged writes are in the old one")));
  }
  struct stat file;
  if (::fstat(fd_, &file) != 0) return FailLocked(ErrnoStatus("cannot stat", path_));
  if (file.st_nlink == 0) {
    return FailLocked(absl::FailedPreconditionError(
        absl::StrCat("the log file ", path_,
                     " was removed while the service was running; writes to it would "
                     "be lost")));
  }
  return absl::OkStatus();
}

absl::Status WriteAheadLog::Append(LogRecordType type, absl::string_view payload) {
  absl::StatusOr<int64_t> position = Write(type, payload);
  if (!position.ok()) return position.status();
  return Sync(*position);
}

absl::StatusOr<int64_t> WriteAheadLog::Write(LogRecordType type, absl::string_view payload) {
  if (payload.size() > kMaxLogRecordBytes) {
    return absl::ResourceExhaustedError(
        absl::StrCat("log record of ", payload.size(), " bytes is too large"));
  }
  {
    absl::MutexLock lock(&sync_mu_);
    if (!sync_error_.ok()) return sync_error_;
    if (absl::Status storage = CheckStorageLocked(); !storage.ok()) return storage;
  }
  std::string record(kLogRecordHeaderBytes, '\0');
  record.reserve(kLogRecordHeaderBytes + payload.size());
  record[8] = static_cast<char>(type);
  record.append(payload.data(), payload.size());
  absl::little_endian::Store32(record.data(), static_cast<uint32_t>(payload.size()));
  absl::little_endian::Store32(record.data() + 4, Crc32c(absl::string_view(record).substr(8)));
  if (absl::Status status = WriteAll(fd_, record, path_); !status.ok()) {
    // Cut the partial record so the next append starts on a record boundary.
    if (::ftruncate(fd_, static_cast<off_t>(end_)) != 0 || ::lseek(fd_, end_, SEEK_SET) < 0) {
      absl::Status cut = ErrnoStatus(absl::StrCat("cannot cut a failed append (", status.message(),
                                                  ") back to byte ", end_, " of"),
                                     path_);
      absl::MutexLock lock(&sync_mu_);
      return FailLocked(cut);
    }
    // A full disk clears when space is freed; any other write error means
    // the disk stopped taking writes.
    if (absl::IsResourceExhausted(status)) return status;
    absl::MutexLock lock(&sync_mu_);
    return FailLocked(status);
  }
  end_ += static_cast<int64_t>(record.size());
  const int64_t position =
      appended_bytes_.fetch_add(static_cast<int64_t>(record.size()), std::memory_order_relaxed) +
      static_cast<int64_t>(record.size());
  absl::MutexLock lock(&sync_mu_);
  written_ = position;
  ++records_written_;
  return position;
}

absl::Status WriteAheadLog::Sync(int64_t position) {
  absl::MutexLock lock(&sync_mu_);
  while (true) {
    if (!sync_error_.ok()) return sync_error_;
    if (synced_ >= position) return absl::OkStatus();
    if (syncing_) {
      // A leader's fdatasync is running; it may or may not cover `position`
      // (it covers what was written when it started). Wait and look again.
      sync_mu_.Await(absl::Condition(
          +[](bool* syncing) { return !*syncing; }, &syncing_));
      continue;
    }
    // Lead: one fdatasync for every record written so far, ours included.
    syncing_ = true;
    const int64_t target = written_;
    const int64_t target_records = records_written_;
    const int64_t records = records_written_ - records_synced_;
    const int fd = fd_;
    sync_mu_.Unlock();
    const absl::Time sync_started = absl::Now();
    const bool synced = ::fdatasync(fd) == 0;
    syncs_.fetch_add(1, std::memory_order_relaxed);
    const int saved_errno = errno;
    if (synced && sync_observer_) {
      sync_observer_(absl::ToDoubleSeconds(absl::Now() - sync_started), records);
    }
    sync_mu_.Lock();
    syncing_ = false;
    if (synced) {
      // Synced into a file that is still the data directory's: only then
      // durable (an unlinked file's pages vanish with the process).
      if (CheckStorageLocked().ok()) {
        synced_ = std::max(synced_, target);
        records_synced_ = std::max(records_synced_, target_records);
      }
    } else {
      // After a failed fdatasync the kernel may have dropped the dirty pages
      // and a retry can report success for data that is gone, so which
      // records are durable is unknown: refuse every later write until a
      // restart recovers from what is on disk.
      errno = saved_errno;
      FailLocked(ErrnoStatus("cannot sync", path_)).IgnoreError();
    }
  }
}

absl::StatusOr<uint64_t> WriteAheadLog::Rotate() {
  if (absl::Status storage = CheckStorage(); !storage.ok()) return storage;
  const uint64_t next = generation_ + 1;
  absl::StatusOr<int> fd = CreateLogFile(directory_, next);
  if (!fd.ok()) {
    // Do not leave a successor behind: appends continue in this file.
    ::unlink(LogPath(directory_, next).c_str());
    return fd.status();
  }
  absl::MutexLock lock(&sync_mu_);
  // The current file must be complete and synced before records go into its
  // successor, so that only the newest file holding records can end torn.
  sync_mu_.Await(absl::Condition(
      +[](bool* syncing) { return !*syncing; }, &syncing_));
  absl::Status status = sync_error_;
  if (status.ok() && synced_ < written_) {
    if (::fdatasync(fd_) == 0) {
      synced_ = written_;
    } else {
      status = FailLocked(ErrnoStatus("cannot sync", path_));
    }
  }
  if (!status.ok()) {
    ::close(*fd);
    ::unlink(LogPath(directory_, next).c_str());
    return status;
  }
  ::close(fd_);
  fd_ = *fd;
  generation_ = next;
  path_ = LogPath(directory_, next);
  end_ = static_cast<int64_t>(kLogMagic.size());
  return next;
}

}  // namespace docsearch::query
