#include "query_service/storage/log_files.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

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
