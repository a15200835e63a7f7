// query_service --restore_from=DIR: fills an empty data directory from a
// backup folder (`docsearch backup DIR`) before the usual recovery runs.
#ifndef DOCSEARCH_QUERY_SERVICE_STORAGE_RESTORE_H_
#define DOCSEARCH_QUERY_SERVICE_STORAGE_RESTORE_H_

#include <string>

#include "absl/status/statusor.h"
#include "common/backup_manifest.h"

namespace docsearch::query {

// Checks every file of `backup_dir` against its MANIFEST (sizes, CRC-32C),
// then copies them into `data_dir` durably. FAILED_PRECONDITION when
// `data_dir` holds anything (a restore never overwrites), NOT_FOUND when
// `backup_dir` has no manifest, DATA_LOSS naming a damaged file (nothing is
// copied then).
absl::StatusOr<BackupManifest> RestoreDataDir(const std::string& backup_dir,
                                              const std::string& data_dir);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_STORAGE_RESTORE_H_
