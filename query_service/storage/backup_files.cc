#include "query_service/storage/backup_files.h"

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>

#include "absl/strings/str_cat.h"
#include "query_service/storage/log_files.h"

namespace docsearch::query {

BackupFile::~BackupFile() { ::close(fd_); }

absl::StatusOr<std::string> BackupFile::Read(size_t max_bytes) {
  std::string data(max_bytes, '\0');
  while (true) {
    const ssize_t got = ::read(fd_, data.data(), max_bytes);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return ErrnoStatus("cannot read for the backup", name_);
    data.resize(static_cast<size_t>(got));
    return data;
  }
}

absl::StatusOr<std::vector<std::unique_ptr<BackupFile>>> OpenBackupFiles(
    const std::string& directory, uint64_t generation) {
  absl::StatusOr<DataDirContents> contents = ListDataDir(directory);
  if (!contents.ok()) return contents.status();
  std::vector<std::string> paths = {SnapshotPath(directory, generation)};
  for (uint64_t log : contents->log_generations) {
    if (log >= generation) paths.push_back(LogPath(directory, log));
  }
  std::vector<std::unique_ptr<BackupFile>> files;
  for (const std::string& path : paths) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      if (errno == ENOENT) {
        return absl::NotFoundError(absl::StrCat(path, " is gone (removed by a later snapshot?)"));
      }
      return ErrnoStatus("cannot open for the backup", path);
    }
    files.push_back(
        std::make_unique<BackupFile>(std::filesystem::path(path).filename().string(), fd));
  }
  return files;
}

}  // namespace docsearch::query
