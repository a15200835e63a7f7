// docsearch snapshot and docsearch backup DIR (IndexService.CreateSnapshot
// and StreamBackup on the query service; they need the write token).
#ifndef DOCSEARCH_CLI_BACKUP_COMMAND_H_
#define DOCSEARCH_CLI_BACKUP_COMMAND_H_

#include <string>

#include "absl/status/status.h"
#include "cli/command_env.h"

namespace docsearch::cli {

// Takes a snapshot now; prints its generation, size and documents.
absl::Status RunSnapshot(const CommandEnv& env);

// Copies the newest snapshot and the logs after it into `directory` (absent
// or empty), checking each file's CRC-32C as it arrives, and writes the
// MANIFEST last (common/backup_manifest.h). FAILED_PRECONDITION when
// `directory` holds anything; DATA_LOSS when a file arrives damaged.
absl::Status RunBackup(const CommandEnv& env, const std::string& directory);

}  // namespace docsearch::cli

#endif  // DOCSEARCH_CLI_BACKUP_COMMAND_H_
