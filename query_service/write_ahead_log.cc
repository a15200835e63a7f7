#include "query_service/write_ahead_log.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "absl/base/internal/endian.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/crc32c.h"
#include "common/log.h"

namespace docsearch::query {
namespace {

constexpr absl::string_view kMagic("DSWAL\0\0\1", 8);
constexpr size_t kHeaderBytes = 4 + 4 + 1;
// A record larger than this is taken as corruption, not allocated.
constexpr uint32_t kMaxRecordBytes = 1u << 30;

absl::Status ErrnoStatus(absl::string_view what, const std::string& path) {
  return absl::InternalError(absl::StrCat(what, " ", path, ": ", strerror(errno)));
}

absl::Status WriteAll(int fd, absl::string_view data, const std::string& path) {
  while (!data.empty()) {
    ssize_t written = ::write(fd, data.data(), data.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      return ErrnoStatus("cannot write", path);
    }
    data.remove_prefix(static_cast<size_t>(written));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> ReadWholeFile(int fd, const std::string& path) {
  std::string contents;
  char buffer[1 << 16];
  while (true) {
    ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got < 0) {
      if (errno == EINTR) continue;
      return ErrnoStatus("cannot read", path);
    }
    if (got == 0) break;
    contents.append(buffer, static_cast<size_t>(got));
  }
  return contents;
}

// Makes a newly created file's directory entry durable.
void SyncDirectory(const std::string& directory) {
  int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

}  // namespace

absl::StatusOr<std::unique_ptr<WriteAheadLog>> WriteAheadLog::Open(const std::string& directory,
                                                                   const ReplayFunction& replay,
                                                                   RecoveryReport* report) {
  const absl::Time started = absl::Now();
  std::error_code error;
  std::filesystem::create_directories(directory, error);
  if (error) {
    return absl::FailedPreconditionError(
        absl::StrCat("cannot create data_dir ", directory, ": ", error.message()));
  }
  const std::string path = (std::filesystem::path(directory) / "wal.log").string();
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return ErrnoStatus("cannot open", path);
  std::unique_ptr<WriteAheadLog> log(new WriteAheadLog(path, fd));

  absl::StatusOr<std::string> contents = ReadWholeFile(fd, path);
  if (!contents.ok()) return contents.status();
  // A crash while creating the file can leave part of the magic: start over.
  const bool fresh = contents->size() < kMagic.size() &&
                     kMagic.substr(0, contents->size()) == absl::string_view(*contents);
  if (fresh) {
    if (::ftruncate(fd, 0) != 0 || ::lseek(fd, 0, SEEK_SET) < 0)
      return ErrnoStatus("cannot reset", path);
    if (absl::Status s = WriteAll(fd, kMagic, path); !s.ok()) return s;
    if (::fdatasync(fd) != 0) return ErrnoStatus("cannot sync", path);
    SyncDirectory(directory);
    log->end_ = static_cast<int64_t>(kMagic.size());
    report->seconds = absl::ToDoubleSeconds(absl::Now() - started);
    return log;
  }
  if (contents->size() < kMagic.size() ||
      absl::string_view(*contents).substr(0, kMagic.size()) != kMagic) {
    return absl::FailedPreconditionError(absl::StrCat(
        path, " is not a docsearch write-ahead log (bad magic); refusing to touch it"));
  }

  size_t offset = kMagic.size();
  const absl::string_view data(*contents);
  while (offset < data.size()) {
    if (data.size() - offset < kHeaderBytes) break;  // Torn header.
    const uint32_t length = absl::little_endian::Load32(data.data() + offset);
    const uint32_t checksum = absl::little_endian::Load32(data.data() + offset + 4);
    if (length > kMaxRecordBytes || data.size() - offset - kHeaderBytes < length) break;
    const absl::string_view typed = data.substr(offset + 8, 1 + length);
    if (Crc32c(typed) != checksum) break;
    const auto type = static_cast<LogRecordType>(typed[0]);
    if (type != LogRecordType::kUpsertBatch && type != LogRecordType::kDelete) break;
    if (absl::Status s = replay(type, typed.substr(1)); !s.ok()) {
      return absl::Status(s.code(),
                          absl::StrCat("replaying ", path, " at byte ", offset, ": ", s.message()));
    }
    report->records_replayed++;
    offset += kHeaderBytes + length;
  }
  if (offset < data.size()) {
    report->bytes_truncated = static_cast<int64_t>(data.size() - offset);
    LogWarning(absl::StrCat(path, ": cut ", report->bytes_truncated,
                            " bytes of torn or corrupt records after byte ", offset,
                            " (an interrupted write that was never acknowledged)"));
    if (::ftruncate(fd, static_cast<off_t>(offset)) != 0)
      return ErrnoStatus("cannot truncate", path);
    if (::fdatasync(fd) != 0) return ErrnoStatus("cannot sync", path);
  }
  if (::lseek(fd, static_cast<off_t>(offset), SEEK_SET) < 0)
    return ErrnoStatus("cannot seek", path);
  log->end_ = static_cast<int64_t>(offset);
  report->seconds = absl::ToDoubleSeconds(absl::Now() - started);
  return log;
}

WriteAheadLog::~WriteAheadLog() { ::close(fd_); }

absl::Status WriteAheadLog::Append(LogRecordType type, absl::string_view payload) {
  if (payload.size() > kMaxRecordBytes) {
    return absl::ResourceExhaustedError(
        absl::StrCat("log record of ", payload.size(), " bytes is too large"));
  }
  std::string record(kHeaderBytes, '\0');
  record.reserve(kHeaderBytes + payload.size());
  record[8] = static_cast<char>(type);
  record.append(payload.data(), payload.size());
  absl::little_endian::Store32(record.data(), static_cast<uint32_t>(payload.size()));
  absl::little_endian::Store32(record.data() + 4, Crc32c(absl::string_view(record).substr(8)));
  absl::Status status = WriteAll(fd_, record, path_);
  if (status.ok() && ::fdatasync(fd_) != 0) status = ErrnoStatus("cannot sync", path_);
  if (!status.ok()) {
    // Cut the partial record so the next append starts on a record boundary.
    if (::ftruncate(fd_, static_cast<off_t>(end_)) != 0 || ::lseek(fd_, end_, SEEK_SET) < 0) {
      LogError(absl::StrCat(path_, ": cannot cut a failed append: ", strerror(errno)));
    }
    return status;
  }
  end_ += static_cast<int64_t>(record.size());
  return absl::OkStatus();
}

}  // namespace docsearch::query
