#include "query_service/storage/restore.h"

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>

#include "absl/strings/str_cat.h"
#include "query_service/storage/log_files.h"

namespace docsearch::query {

absl::StatusOr<BackupManifest> RestoreDataDir(const std::string& backup_dir,
                                              const std::string& data_dir) {
  std::error_code error;
  if (std::filesystem::exists(data_dir, error) && !std::filesystem::is_empty(data_dir, error)) {
    return absl::FailedPreconditionError(absl::StrCat("--restore_from: --data_dir ", data_dir,
                                                      " is not empty; a restore never overwrites"));
  }
  absl::StatusOr<BackupManifest> manifest = VerifyBackup(backup_dir);
  if (!manifest.ok()) return manifest.status();
  std::filesystem::create_directories(data_dir, error);
  if (error) {
    return absl::InternalError(absl::StrCat("cannot create ", data_dir, ": ", error.message()));
  }
  for (const BackupManifest::File& file : manifest->files) {
    absl::StatusOr<std::string> data = ReadFile(backup_dir + "/" + file.name);
    if (!data.ok()) return data.status();
    const std::string path = data_dir + "/" + file.name;
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) return ErrnoStatus("cannot create", path);
    absl::Status written = WriteAll(fd, *data, path);
    if (written.ok() && ::fsync(fd) != 0) written = ErrnoStatus("cannot sync", path);
    ::close(fd);
    if (!written.ok()) return written;
  }
  if (absl::Status synced = SyncDirectory(data_dir); !synced.ok()) return synced;
  return manifest;
}

}  // namespace docsearch::query
