// The files of a query service data directory and the small I/O helpers the
// write-ahead log and the snapshots share.
//
// Layout (docs/FORMATS.md):
//   wal.log                       log generation 0 (the pre-snapshot format)
//   wal-<20-digit gen>.log        log generation gen >= 1
//   snapshot-<20-digit gen>.snap  every write logged in generations < gen
//   *.tmp                         an unfinished snapshot (removed at start)
// Generations only grow; zero-padding makes name order generation order.
#ifndef DOCSEARCH_QUERY_SERVICE_STORAGE_LOG_FILES_H_
#define DOCSEARCH_QUERY_SERVICE_STORAGE_LOG_FILES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace docsearch::query {

// The generation of the single-file log written before snapshots existed.
inline constexpr uint64_t kLegacyLogGeneration = 0;

std::string LogPath(const std::string& directory, uint64_t generation);
std::string SnapshotPath(const std::string& directory, uint64_t generation);

struct DataDirContents {
  std::vector<uint64_t> log_generations;       // Ascending.
  std::vector<uint64_t> snapshot_generations;  // Ascending.
  std::vector<std::string> temporary_files;    // Full paths.
};

// Lists the docsearch files in `directory`; other names are ignored.
absl::StatusOr<DataDirContents> ListDataDir(const std::string& directory);

// Removes logs and snapshots of generations below `generation`, then syncs
// the directory. Returns how many files went. A file that cannot be removed
// is an error (it would be read again at the next start, harmlessly, but the
// operator should know the disk is not being reclaimed).
absl::StatusOr<int> RemoveFilesBefore(const std::string& directory, uint64_t generation);

// INTERNAL naming `what`, `path` and errno; RESOURCE_EXHAUSTED for a full
// disk or quota (ENOSPC, EDQUOT), which clears when space is freed.
absl::Status ErrnoStatus(absl::string_view what, const std::string& path);

// write(2) until all of `data` is written.
absl::Status WriteAll(int fd, absl::string_view data, const std::string& path);

// Reads `fd` from its current offset to the end.
absl::StatusOr<std::string> ReadToEnd(int fd, const std::string& path);

// fsyncs `directory`, making created, renamed and removed entries durable.
absl::Status SyncDirectory(const std::string& directory);

// Creates (or empties) the log file of `generation`, writes the magic and
// makes file and directory entry durable. Returns the open descriptor.
absl::StatusOr<int> CreateLogFile(const std::string& directory, uint64_t generation);

// Reads the whole file at `path`.
absl::StatusOr<std::string> ReadFile(const std::string& path);

// Keeps `data` (bytes of the file at `path` that recovery is about to drop)
// in a new file `path` + `suffix` (or `-2`, `-3`, ... after it when taken),
// durably. The name matches no docsearch pattern, so neither recovery nor
// snapshot clean-up ever reads or removes it. Returns its path.
absl::StatusOr<std::string> KeepAside(const std::string& directory, const std::string& path,
                                      absl::string_view suffix, absl::string_view data);

// Renames `path` to a new name `path` + `suffix` (as KeepAside), durably.
absl::StatusOr<std::string> MoveAside(const std::string& directory, const std::string& path,
                                      absl::string_view suffix);

// Replaces the file at `path` with `data` atomically (a temporary file,
// fdatasync, rename, directory fsync).
absl::Status ReplaceFile(const std::string& directory, const std::string& path,
                         absl::string_view data);

// Cuts the file at `path` to `size` bytes, durably.
absl::Status TruncateFile(const std::string& path, int64_t size);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_STORAGE_LOG_FILES_H_
