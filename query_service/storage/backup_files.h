// The files a backup copies: snapshot `generation` and every log of that
// generation or later, opened at once, so that snapshots taken while the
// copy runs (which remove files two snapshots old) cannot take them away
// (an open file outlives its directory entry).
#ifndef DOCSEARCH_QUERY_SERVICE_STORAGE_BACKUP_FILES_H_
#define DOCSEARCH_QUERY_SERVICE_STORAGE_BACKUP_FILES_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace docsearch::query {

class BackupFile {
 public:
  BackupFile(std::string name, int fd) : name_(std::move(name)), fd_(fd) {}
  ~BackupFile();
  BackupFile(const BackupFile&) = delete;
  BackupFile& operator=(const BackupFile&) = delete;

  const std::string& name() const { return name_; }
  // Up to `max_bytes` more bytes; empty at the end of the file.
  absl::StatusOr<std::string> Read(size_t max_bytes);

 private:
  const std::string name_;
  const int fd_;
};

// Snapshot `generation` first, then the logs in generation order.
// NOT_FOUND when the snapshot is gone.
absl::StatusOr<std::vector<std::unique_ptr<BackupFile>>> OpenBackupFiles(
    const std::string& directory, uint64_t generation);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_STORAGE_BACKUP_FILES_H_
