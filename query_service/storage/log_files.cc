#include "query_service/storage/log_files.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "query_service/storage/log_scan.h"

namespace docsearch::query {
namespace {

constexpr absl::string_view kLogPrefix = "wal-";
constexpr absl::string_view kLogSuffix = ".log";
constexpr absl::string_view kSnapshotPrefix = "snapshot-";
constexpr absl::string_view kSnapshotSuffix = ".snap";
constexpr size_t kGenerationDigits = 20;

// The generation in `name` when it is prefix + 20 digits + suffix.
bool ParseGeneration(absl::string_view name, absl::string_view prefix, absl::string_view suffix,
                     uint64_t* generation) {
  if (name.size() != prefix.size() + kGenerationDigits + suffix.size() ||
      !absl::StartsWith(name, prefix) || !absl::EndsWith(name, suffix)) {
    return false;
  }
  absl::string_view digits = name.substr(prefix.size(), kGenerationDigits);
  if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return false;
  return absl::SimpleAtoi(digits, generation);
}

}  // namespace

std::string LogPath(const std::string& directory, uint64_t generation) {
  if (generation == kLegacyLogGeneration) return directory + "/wal.log";
  return absl::StrFormat("%s/%s%020u%s", directory, kLogPrefix, generation, kLogSuffix);
}

std::string SnapshotPath(const std::string& directory, uint64_t generation) {
  return absl::StrFormat("%s/%s%020u%s", directory, kSnapshotPrefix, generation, kSnapshotSuffix);
}

absl::StatusOr<DataDirContents> ListDataDir(const std::string& directory) {
  DataDirContents contents;
  std::error_code error;
  for (auto it = std::filesystem::directory_iterator(directory, error);
       !error && it != std::filesystem::directory_iterator(); it.increment(error)) {
    const std::string name = it->path().filename().string();
    uint64_t generation = 0;
    if (name == "wal.log") {
      contents.log_generations.push_back(kLegacyLogGeneration);
    } else if (ParseGeneration(name, kLogPrefix, kLogSuffix, &generation)) {
      contents.log_generations.push_back(generation);
    } else if (ParseGeneration(name, kSnapshotPrefix, kSnapshotSuffix, &generation)) {
      contents.snapshot_generations.push_back(generation);
    } else if (absl::StartsWith(name, kSnapshotPrefix) && absl::EndsWith(name, ".tmp")) {
      contents.temporary_files.push_back(it->path().string());
    }
  }
  if (error) {
    return absl::FailedPreconditionError(
        absl::StrCat("cannot list data_dir ", directory, ": ", error.message()));
  }
  std::sort(contents.log_generations.begin(), contents.log_generations.end());
  std::sort(contents.snapshot_generations.begin(), contents.snapshot_generations.end());
  return contents;
}

absl::StatusOr<int> RemoveFilesBefore(const std::string& directory, uint64_t generation) {
  absl::StatusOr<DataDirContents> contents = ListDataDir(directory);
  if (!contents.ok()) return contents.status();
  std::vector<std::string> doomed;
  for (uint64_t g : contents->log_generations) {
    if (g < generation) doomed.push_back(LogPath(directory, g));
  }
  for (uint64_t g : contents->snapshot_generations) {
    if (g < generation) doomed.push_back(SnapshotPath(directory, g));
  }
  for (const std::string& path : doomed) {
    if (::unlink(path.c_str()) != 0 && errno != ENOENT) return ErrnoStatus("cannot remove", path);
  }
  if (!doomed.empty()) {
    if (absl::Status synced = SyncDirectory(directory); !synced.ok()) return synced;
  }
  return static_cast<int>(doomed.size());
}

absl::Status ErrnoStatus(absl::string_view what, const std::string& path) {
  if (errno == ENOSPC || errno == EDQUOT) {
    return absl::ResourceExhaustedError(absl::StrCat(what, " ", path, ": ", strerror(errno),
                                                     "; writes resume once space is freed"));
  }
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

absl::StatusOr<std::string> ReadToEnd(int fd, const std::string& path) {
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

absl::Status SyncDirectory(const std::string& directory) {
  int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return ErrnoStatus("cannot open directory", directory);
  const int synced = ::fsync(fd);
  const int saved_errno = errno;
  ::close(fd);
  errno = saved_errno;
  if (synced != 0) return ErrnoStatus("cannot sync directory", directory);
  return absl::OkStatus();
}

}  // namespace docsearch::query

namespace docsearch::query {
namespace {

// Creates `path` + `suffix` (or with -2, -3, ... appended) exclusively; the
// open descriptor and the name taken.
absl::StatusOr<std::pair<int, std::string>> CreateAsideFile(const std::string& path,
                                                            absl::string_view suffix) {
  for (int attempt = 1; attempt < 1000; ++attempt) {
    std::string aside = absl::StrCat(path, suffix);
    if (attempt > 1) absl::StrAppend(&aside, "-", attempt);
    int fd = ::open(aside.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd >= 0) return std::make_pair(fd, aside);
    if (errno != EEXIST) return ErrnoStatus("cannot create", aside);
  }
  return absl::AlreadyExistsError(absl::StrCat("too many files named ", path, suffix, "-*"));
}

}  // namespace

absl::StatusOr<int> CreateLogFile(const std::string& directory, uint64_t generation) {
  const std::string path = LogPath(directory, generation);
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return ErrnoStatus("cannot create", path);
  absl::Status status = WriteAll(fd, kLogMagic, path);
  if (status.ok() && ::fdatasync(fd) != 0) status = ErrnoStatus("cannot sync", path);
  if (status.ok()) status = SyncDirectory(directory);
  if (!status.ok()) {
    ::close(fd);
    return status;
  }
  return fd;
}

absl::StatusOr<std::string> ReadFile(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return ErrnoStatus("cannot open", path);
  absl::StatusOr<std::string> data = ReadToEnd(fd, path);
  ::close(fd);
  return data;
}

absl::StatusOr<std::string> KeepAside(const std::string& directory, const std::string& path,
                                      absl::string_view suffix, absl::string_view data) {
  absl::StatusOr<std::pair<int, std::string>> created = CreateAsideFile(path, suffix);
  if (!created.ok()) return created.status();
  const auto& [fd, aside] = *created;
  absl::Status status = WriteAll(fd, data, aside);
  if (status.ok() && ::fdatasync(fd) != 0) status = ErrnoStatus("cannot sync", aside);
  ::close(fd);
  if (status.ok()) status = SyncDirectory(directory);
  if (!status.ok()) return status;
  return aside;
}

absl::StatusOr<std::string> MoveAside(const std::string& directory, const std::string& path,
                                      absl::string_view suffix) {
  // Reserve a free name, then rename over it (rename replaces atomically).
  absl::StatusOr<std::pair<int, std::string>> created = CreateAsideFile(path, suffix);
  if (!created.ok()) return created.status();
  ::close(created->first);
  if (::rename(path.c_str(), created->second.c_str()) != 0) {
    absl::Status status = ErrnoStatus(absl::StrCat("cannot rename to ", created->second), path);
    ::unlink(created->second.c_str());
    return status;
  }
  if (absl::Status synced = SyncDirectory(directory); !synced.ok()) return synced;
  return created->second;
}

absl::Status ReplaceFile(const std::string& directory, const std::string& path,
                         absl::string_view data) {
  const std::string temporary = path + ".rewrite";
  int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return ErrnoStatus("cannot create", temporary);
  absl::Status status = WriteAll(fd, data, temporary);
  if (status.ok() && ::fdatasync(fd) != 0) status = ErrnoStatus("cannot sync", temporary);
  ::close(fd);
  if (status.ok() && ::rename(temporary.c_str(), path.c_str()) != 0)
    status = ErrnoStatus("cannot rename into", path);
  if (!status.ok()) {
    ::unlink(temporary.c_str());
    return status;
  }
  return SyncDirectory(directory);
}

absl::Status TruncateFile(const std::string& path, int64_t size) {
  int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
  if (fd < 0) return ErrnoStatus("cannot open", path);
  absl::Status status;
  if (::ftruncate(fd, static_cast<off_t>(size)) != 0) {
    status = ErrnoStatus("cannot truncate", path);
  } else if (::fdatasync(fd) != 0) {
    status = ErrnoStatus("cannot sync", path);
  }
  ::close(fd);
  return status;
}

}  // namespace docsearch::query
