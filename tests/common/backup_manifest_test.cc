#include "common/backup_manifest.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "absl/strings/str_cat.h"
#include "common/crc32c.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace docsearch {
namespace {

using ::testing::HasSubstr;

TEST(BackupManifestTest, FormatsAndParsesTheSameManifest) {
  BackupManifest manifest;
  manifest.snapshot_generation = 7;
  manifest.document_count = 350;
  manifest.files = {{"snapshot-00000000000000000007.snap", 263801, 0x5c1e09a2},
                    {"wal-00000000000000000007.log", 41233, 0x0e7f1b33}};
  absl::StatusOr<BackupManifest> parsed = ParseBackupManifest(FormatBackupManifest(manifest));
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(parsed->snapshot_generation, 7u);
  EXPECT_EQ(parsed->document_count, 350);
  ASSERT_EQ(parsed->files.size(), 2u);
  EXPECT_EQ(parsed->files[1].name, "wal-00000000000000000007.log");
  EXPECT_EQ(parsed->files[1].size, 41233);
  EXPECT_EQ(parsed->files[1].crc32c, 0x0e7f1b33u);
}

TEST(BackupManifestTest, RefusesPathsAndGarbageNamingTheLine) {
  EXPECT_EQ(ParseBackupManifest("hello\n").status().code(), absl::StatusCode::kDataLoss);
  absl::Status climbing = ParseBackupManifest(
                              "docsearch-backup 1\nsnapshot_generation 1 documents 0\n"
                              "file ../etc/passwd 1 00000000\n")
                              .status();
  EXPECT_EQ(climbing.code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(climbing.message(), HasSubstr("line 3"));
}

TEST(BackupManifestTest, VerifyFindsAChangedFile) {
  const std::string directory = absl::StrCat(::testing::TempDir(), "/manifest_", getpid());
  std::filesystem::remove_all(directory);
  std::filesystem::create_directories(directory);
  const std::string content = "log bytes";
  std::ofstream(directory + "/wal-00000000000000000001.log") << content;
  BackupManifest manifest;
  manifest.snapshot_generation = 1;
  manifest.files = {
      {"wal-00000000000000000001.log", static_cast<int64_t>(content.size()), Crc32c(content)}};
  EXPECT_EQ(VerifyBackup(directory).status().code(), absl::StatusCode::kNotFound);
  std::ofstream(directory + "/MANIFEST") << FormatBackupManifest(manifest);
  EXPECT_TRUE(VerifyBackup(directory).ok());
  std::ofstream(directory + "/wal-00000000000000000001.log") << "log bytez";
  absl::Status changed = VerifyBackup(directory).status();
  EXPECT_EQ(changed.code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(changed.message(), HasSubstr("wal-00000000000000000001.log"));
  std::filesystem::remove_all(directory);
}

}  // namespace
}  // namespace docsearch
