#include "common/backup_manifest.h"

#include <fstream>
#include <sstream>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "common/crc32c.h"

namespace docsearch {

std::string FormatBackupManifest(const BackupManifest& manifest) {
  std::string text = "docsearch-backup 1\n";
  absl::StrAppend(&text, "snapshot_generation ", manifest.snapshot_generation, " documents ",
                  manifest.document_count, "\n");
  for (const BackupManifest::File& file : manifest.files) {
    absl::StrAppend(&text, "file ", file.name, " ", file.size, " ",
                    absl::StrFormat("%08x", file.crc32c), "\n");
  }
  return text;
}

absl::StatusOr<BackupManifest> ParseBackupManifest(const std::string& text) {
  BackupManifest manifest;
  std::vector<std::string> lines = absl::StrSplit(text, '\n', absl::SkipEmpty());
  if (lines.size() < 2 || lines[0] != "docsearch-backup 1") {
    return absl::DataLossError("MANIFEST line 1: not a docsearch-backup 1 manifest");
  }
  for (size_t i = 1; i < lines.size(); ++i) {
    std::vector<std::string> words = absl::StrSplit(lines[i], ' ');
    const std::string where = absl::StrCat("MANIFEST line ", i + 1, ": ");
    if (i == 1) {
      if (words.size() != 4 || words[0] != "snapshot_generation" || words[2] != "documents" ||
          !absl::SimpleAtoi(words[1], &manifest.snapshot_generation) ||
          !absl::SimpleAtoi(words[3], &manifest.document_count)) {
        return absl::DataLossError(
            absl::StrCat(where, "expected snapshot_generation G documents N"));
      }
      continue;
    }
    BackupManifest::File file;
    if (words.size() != 4 || words[0] != "file" || !absl::SimpleAtoi(words[2], &file.size) ||
        !absl::SimpleHexAtoi(words[3], &file.crc32c) || words[1].empty() ||
        words[1].find('/') != std::string::npos || words[1] == "." || words[1] == "..") {
      return absl::DataLossError(absl::StrCat(where, "expected file NAME SIZE CRC32C"));
    }
    file.name = words[1];
    manifest.files.push_back(std::move(file));
  }
  return manifest;
}

absl::StatusOr<BackupManifest> VerifyBackup(const std::string& directory) {
  std::ifstream in(directory + "/" + kBackupManifestName, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(
        absl::StrCat(directory, " has no ", kBackupManifestName, ": not a finished backup"));
  }
  std::stringstream text;
  text << in.rdbuf();
  absl::StatusOr<BackupManifest> manifest = ParseBackupManifest(text.str());
  if (!manifest.ok()) return manifest.status();
  for (const BackupManifest::File& file : manifest->files) {
    const std::string path = directory + "/" + file.name;
    std::ifstream data(path, std::ios::binary);
    if (!data) return absl::DataLossError(absl::StrCat(path, ": listed in the manifest, missing"));
    uint32_t crc = 0;
    int64_t size = 0;
    std::string buffer(1 << 20, '\0');
    while (data) {
      data.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
      const std::streamsize got = data.gcount();
      if (got <= 0) break;
      crc = Crc32c(absl::string_view(buffer.data(), static_cast<size_t>(got)), crc);
      size += got;
    }
    if (size != file.size || crc != file.crc32c) {
      return absl::DataLossError(
          absl::StrFormat("%s: %d bytes with CRC-32C %08x, the manifest says %d bytes with %08x",
                          path, size, crc, file.size, file.crc32c));
    }
  }
  return manifest;
}

}  // namespace docsearch
