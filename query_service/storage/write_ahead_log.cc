#include "query_service/storage/write_ahead_log.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "absl/base/internal/endian.h"
#include "absl/strings/str_cat.h"
#include "common/crc32c.h"
#include "common/log.h"
#include "query_service/storage/log_files.h"

namespace docsearch::query {
namespace {

constexpr absl::string_view kMagic("DSWAL\0\0\1", 8);
constexpr size_t kHeaderBytes = 4 + 4 + 1;
// A record larger than this is taken as corruption, not allocated.
constexpr uint32_t kMaxRecordBytes = 1u << 30;

// Creates (or empties) the file of `generation`, writes the magic and makes
// file and directory entry durable. Returns the open descriptor.
absl::StatusOr<int> CreateLogFile(const std::string& directory, uint64_t generation) {
  const std::string path = LogPath(directory, generation);
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return ErrnoStatus("cannot create", path);
  absl::Status status = WriteAll(fd, kMagic, path);
  if (status.ok() && ::fdatasync(fd) != 0) status = ErrnoStatus("cannot sync", path);
  if (status.ok()) status = SyncDirectory(directory);
  if (!status.ok()) {
    ::close(fd);
    return status;
  }
  return fd;
}

// Why the record at `offset` of `data` is not intact, or "" when it is.
std::string CheckRecord(absl::string_view data, size_t offset) {
  if (data.size() - offset < kHeaderBytes) return "incomplete record header";
  const uint32_t length = absl::little_endian::Load32(data.data() + offset);
  if (length > kMaxRecordBytes) return absl::StrCat("record length ", length, " is implausible");
  if (data.size() - offset - kHeaderBytes < length) return "record runs past the end of the file";
  const absl::string_view typed = data.substr(offset + 8, 1 + length);
  if (Crc32c(typed) != absl::little_endian::Load32(data.data() + offset + 4))
    return "record checksum mismatch";
  const auto type = static_cast<LogRecordType>(typed[0]);
  if (type != LogRecordType::kUpsertBatch && type != LogRecordType::kDelete)
    return absl::StrCat("unknown record type ", static_cast<int>(typed[0]));
  return "";
}

}  // namespace

absl::StatusOr<std::unique_ptr<WriteAheadLog>> WriteAheadLog::Open(const std::string& directory,
                                                                   uint64_t from_generation,
                                                                   const ReplayFunction& replay,
                                                                   RecoveryReport* report) {
  std::error_code error;
  std::filesystem::create_directories(directory, error);
  if (error) {
    return absl::FailedPreconditionError(
        absl::StrCat("cannot create data_dir ", directory, ": ", error.message()));
  }
  absl::StatusOr<DataDirContents> contents = ListDataDir(directory);
  if (!contents.ok()) return contents.status();
  std::vector<uint64_t> generations;
  for (uint64_t g : contents->log_generations) {
    if (g >= from_generation) generations.push_back(g);
  }
  if (!generations.empty()) {
    // Logs are removed only below a snapshot's generation, so without a
    // snapshot the history must start at the beginning, and with one at its
    // generation; a hole anywhere means acknowledged writes are gone.
    const uint64_t expected_first = std::max<uint64_t>(from_generation, 1);
    if (generations.front() > expected_first) {
      return absl::FailedPreconditionError(absl::StrCat(
          "log generation ", expected_first, " (", LogPath(directory, expected_first),
          ") is missing",
          from_generation == 0 ? " and no snapshot covers the writes before it"
                               : absl::StrCat(", which snapshot ", from_generation, " needs")));
    }
    for (size_t i = 1; i < generations.size(); ++i) {
      if (generations[i] != generations[i - 1] + 1) {
        return absl::FailedPreconditionError(absl::StrCat(
            "log generation ", generations[i - 1] + 1, " is missing between ",
            LogPath(directory, generations[i - 1]), " and ", LogPath(directory, generations[i])));
      }
    }
  } else {
    const uint64_t generation = std::max<uint64_t>(from_generation, 1);
    if (from_generation > 0) {
      LogWarning(absl::StrCat("snapshot generation ", from_generation,
                              " has no log file; starting ", LogPath(directory, generation)));
    }
    absl::StatusOr<int> fd = CreateLogFile(directory, generation);
    if (!fd.ok()) return fd.status();
    std::unique_ptr<WriteAheadLog> log(
        new WriteAheadLog(directory, generation, LogPath(directory, generation), *fd));
    log->end_ = static_cast<int64_t>(kMagic.size());
    return log;
  }

  // Records go into a file only once the previous file is complete and
  // synced, so a file may end torn only when no later file holds a record
  // (normally: it is the newest; or a rotation created an empty successor
  // and crashed).
  size_t last_with_records = 0;
  for (size_t i = 0; i < generations.size(); ++i) {
    std::error_code size_error;
    const auto size = std::filesystem::file_size(LogPath(directory, generations[i]), size_error);
    if (!size_error && size > kMagic.size()) last_with_records = i;
  }
  int64_t total_bytes = 0;
  for (size_t i = 0; i < generations.size(); ++i) {
    const uint64_t generation = generations[i];
    const bool newest = i + 1 == generations.size();
    const bool may_be_torn = i >= last_with_records;
    const std::string path = LogPath(directory, generation);
    int fd = ::open(path.c_str(), (may_be_torn ? O_RDWR : O_RDONLY) | O_CLOEXEC);
    if (fd < 0) return ErrnoStatus("cannot open", path);
    std::unique_ptr<WriteAheadLog> log(new WriteAheadLog(directory, generation, path, fd));
    absl::StatusOr<std::string> read = ReadToEnd(fd, path);
    if (!read.ok()) return read.status();
    const absl::string_view data(*read);

    // A crash while creating the newest file can leave part of the magic:
    // it never held a record, so start it over.
    if (newest && data.size() < kMagic.size() && kMagic.substr(0, data.size()) == data) {
      ::close(fd);
      absl::StatusOr<int> created = CreateLogFile(directory, generation);
      if (!created.ok()) return created.status();
      log->fd_ = *created;
      log->end_ = static_cast<int64_t>(kMagic.size());
      log->appended_bytes_ = total_bytes;
      log->written_ = log->synced_ = total_bytes;
      report->log_files_replayed++;
      return log;
    }
    if (data.size() < kMagic.size() || data.substr(0, kMagic.size()) != kMagic) {
      return absl::FailedPreconditionError(absl::StrCat(
          path, " is not a docsearch write-ahead log (bad magic); refusing to touch it"));
    }
    size_t offset = kMagic.size();
    while (offset < data.size()) {
      const std::string damage = CheckRecord(data, offset);
      if (!damage.empty()) {
        if (!may_be_torn) {
          return absl::FailedPreconditionError(
              absl::StrCat(path, " is damaged at byte ", offset, ": ", damage,
                           "; later logs hold acknowledged writes, so this is not a torn tail. "
                           "Restore the file from a backup or move it aside knowingly"));
        }
        break;
      }
      const uint32_t length = absl::little_endian::Load32(data.data() + offset);
      const auto type = static_cast<LogRecordType>(data[offset + 8]);
      if (absl::Status s = replay(type, data.substr(offset + kHeaderBytes, length)); !s.ok()) {
        return absl::Status(
            s.code(), absl::StrCat("replaying ", path, " at byte ", offset, ": ", s.message()));
      }
      report->records_replayed++;
      offset += kHeaderBytes + length;
    }
    report->log_files_replayed++;
    total_bytes += static_cast<int64_t>(offset - kMagic.size());
    if (offset < data.size()) {
      report->bytes_truncated += static_cast<int64_t>(data.size() - offset);
      LogWarning(absl::StrCat(path, ": cut ", data.size() - offset, " bytes (",
                              CheckRecord(data, offset), ") after byte ", offset,
                              ": an interrupted write that was never acknowledged"));
      if (::ftruncate(fd, static_cast<off_t>(offset)) != 0)
        return ErrnoStatus("cannot truncate", path);
      if (::fdatasync(fd) != 0) return ErrnoStatus("cannot sync", path);
    }
    if (!newest) continue;
    if (::lseek(fd, static_cast<off_t>(offset), SEEK_SET) < 0)
      return ErrnoStatus("cannot seek", path);
    log->end_ = static_cast<int64_t>(offset);
    log->appended_bytes_ = total_bytes;
    log->written_ = log->synced_ = total_bytes;
    return log;
  }
  return absl::InternalError("unreachable: no newest log");
}

WriteAheadLog::~WriteAheadLog() { ::close(fd_); }

absl::Status WriteAheadLog::Append(LogRecordType type, absl::string_view payload) {
  absl::StatusOr<int64_t> position = Write(type, payload);
  if (!position.ok()) return position.status();
  return Sync(*position);
}

absl::StatusOr<int64_t> WriteAheadLog::Write(LogRecordType type, absl::string_view payload) {
  if (payload.size() > kMaxRecordBytes) {
    return absl::ResourceExhaustedError(
        absl::StrCat("log record of ", payload.size(), " bytes is too large"));
  }
  {
    absl::MutexLock lock(&sync_mu_);
    if (!sync_error_.ok()) return sync_error_;
  }
  std::string record(kHeaderBytes, '\0');
  record.reserve(kHeaderBytes + payload.size());
  record[8] = static_cast<char>(type);
  record.append(payload.data(), payload.size());
  absl::little_endian::Store32(record.data(), static_cast<uint32_t>(payload.size()));
  absl::little_endian::Store32(record.data() + 4, Crc32c(absl::string_view(record).substr(8)));
  if (absl::Status status = WriteAll(fd_, record, path_); !status.ok()) {
    // Cut the partial record so the next append starts on a record boundary.
    if (::ftruncate(fd_, static_cast<off_t>(end_)) != 0 || ::lseek(fd_, end_, SEEK_SET) < 0) {
      LogError(absl::StrCat(path_, ": cannot cut a failed append: ", strerror(errno)));
    }
    return status;
  }
  end_ += static_cast<int64_t>(record.size());
  const int64_t position =
      appended_bytes_.fetch_add(static_cast<int64_t>(record.size()), std::memory_order_relaxed) +
      static_cast<int64_t>(record.size());
  absl::MutexLock lock(&sync_mu_);
  written_ = position;
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
    const int fd = fd_;
    sync_mu_.Unlock();
    const bool synced = ::fdatasync(fd) == 0;
    syncs_.fetch_add(1, std::memory_order_relaxed);
    const int saved_errno = errno;
    sync_mu_.Lock();
    syncing_ = false;
    if (synced) {
      synced_ = std::max(synced_, target);
    } else {
      // After a failed fdatasync the kernel may have dropped the dirty pages
      // and a retry can report success for data that is gone, so which
      // records are durable is unknown: refuse every later write until a
      // restart recovers from what is on disk.
      errno = saved_errno;
      sync_error_ = ErrnoStatus("cannot sync (the log refuses writes until a restart)", path_);
    }
  }
}

absl::StatusOr<uint64_t> WriteAheadLog::Rotate() {
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
      sync_error_ = ErrnoStatus("cannot sync (the log refuses writes until a restart)", path_);
      status = sync_error_;
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
  end_ = static_cast<int64_t>(kMagic.size());
  return next;
}

}  // namespace docsearch::query
