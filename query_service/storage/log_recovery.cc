#include "query_service/storage/log_recovery.h"

#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/log.h"
#include "query_service/storage/log_files.h"
#include "query_service/storage/snapshot.h"

namespace docsearch::query {

absl::StatusOr<std::unique_ptr<WriteAheadLog>> RecoverDataDir(const std::string& directory,
                                                              Indexer* indexer,
                                                              RecoveryReport* report,
                                                              WalRecoveryMode mode) {
  const absl::Time started = absl::Now();
  std::error_code error;
  std::filesystem::create_directories(directory, error);
  if (error) {
    return absl::FailedPreconditionError(
        absl::StrCat("cannot create data_dir ", directory, ": ", error.message()));
  }
  absl::StatusOr<DataDirContents> contents = ListDataDir(directory);
  if (!contents.ok()) return contents.status();
  for (const std::string& path : contents->temporary_files) {
    // A snapshot interrupted before its rename: never used, never needed.
    if (::unlink(path.c_str()) != 0) return ErrnoStatus("cannot remove", path);
    report->temporary_files_removed++;
  }

  uint64_t from_generation = 0;
  std::vector<std::string> damaged;  // Snapshots skipped.
  for (auto it = contents->snapshot_generations.rbegin();
       it != contents->snapshot_generations.rend(); ++it) {
    const std::string path = SnapshotPath(directory, *it);
    int64_t loaded = 0;
    absl::StatusOr<SnapshotInfo> info = ReadSnapshot(path, [&](docsearch::v1::Document document) {
      ++loaded;
      return indexer->LoadDocument(std::move(document));
    });
    if (info.ok() && info->generation != *it) {
      info = absl::DataLossError(
          absl::StrCat("snapshot ", path, " says it is generation ", info->generation));
    }
    if (info.ok()) {
      from_generation = *it;
      report->snapshot_generation = *it;
      report->snapshot_documents = static_cast<int64_t>(info->document_count);
      break;
    }
    if (loaded > 0) {
      // Verification passed but loading failed part-way: the index is no
      // longer empty, so an older snapshot cannot be layered under it.
      return absl::FailedPreconditionError(absl::StrCat("loading ", path, " failed after ", loaded,
                                                        " documents: ", info.status().ToString()));
    }
    report->snapshots_skipped++;
    damaged.push_back(path);
    LogWarning(absl::StrCat(info.status().message(), "; trying an older snapshot"));
  }

  absl::StatusOr<std::unique_ptr<WriteAheadLog>> log = WriteAheadLog::Open(
      directory, from_generation,
      [indexer](LogRecordType type, absl::string_view payload) {
        return indexer->Replay(type, payload);
      },
      report, mode);
  if (log.ok()) {
    // Renamed aside rather than left under their names, where a later
    // snapshot's clean-up would delete them without a word. Nothing is lost
    // by skipping them: the previous snapshot and every log from it on are
    // kept for exactly this (a missing one refused the start above, with
    // nothing renamed).
    for (const std::string& path : damaged) {
      absl::StatusOr<std::string> kept = MoveAside(directory, path, ".damaged");
      if (!kept.ok()) return kept.status();
      report->kept_aside.push_back(*kept);
      LogWarning(absl::StrCat("damaged snapshot kept as ", *kept));
    }
  }
  report->seconds = absl::ToDoubleSeconds(absl::Now() - started);
  return log;
}

}  // namespace docsearch::query
