// The MANIFEST of a backup folder (`docsearch backup DIR`), shared by the
// CLI that writes it and `query_service --restore_from=DIR` that checks it.
//
// Text, one line per file, written last (so a folder without it is an
// unfinished backup):
//   docsearch-backup 1
//   snapshot_generation <G> documents <N>
//   file <name> <size> <crc32c as 8 hex digits>
//   ...
#ifndef DOCSEARCH_COMMON_BACKUP_MANIFEST_H_
#define DOCSEARCH_COMMON_BACKUP_MANIFEST_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace docsearch {

inline constexpr char kBackupManifestName[] = "MANIFEST";

struct BackupManifest {
  struct File {
    std::string name;
    int64_t size = 0;
    uint32_t crc32c = 0;
  };
  uint64_t snapshot_generation = 0;
  int64_t document_count = 0;
  std::vector<File> files;
};

std::string FormatBackupManifest(const BackupManifest& manifest);

// DATA_LOSS naming the line when `text` is not a manifest (or a file name
// holds a path separator).
absl::StatusOr<BackupManifest> ParseBackupManifest(const std::string& text);

// Reads `directory`/MANIFEST and checks every file it lists against its
// size and CRC-32C: NOT_FOUND without a manifest (not a finished backup),
// DATA_LOSS naming the first file that differs.
absl::StatusOr<BackupManifest> VerifyBackup(const std::string& directory);

}  // namespace docsearch

#endif  // DOCSEARCH_COMMON_BACKUP_MANIFEST_H_
