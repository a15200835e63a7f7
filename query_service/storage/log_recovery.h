// Recovery at start-up: rebuilds the index from a data directory's newest
// usable snapshot and the logs after it, and opens the log for appending.
//
// Algorithm (docs/FORMATS.md): remove unfinished snapshot files (*.tmp);
// take the newest snapshot that verifies as a whole (a damaged one is skipped
// with a warning and the next older tried; the logs it needs are kept for
// exactly this); load its documents; replay the logs of its generation and
// later in order (WriteAheadLog::Open: only the newest log's torn tail may be
// cut; other damage refuses, or is handled as `mode` says). Without a usable snapshot every log is
// replayed, which needs the history from generation 0 or 1.
#ifndef DOCSEARCH_QUERY_SERVICE_STORAGE_LOG_RECOVERY_H_
#define DOCSEARCH_QUERY_SERVICE_STORAGE_LOG_RECOVERY_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "query_service/storage/indexer.h"
#include "query_service/storage/write_ahead_log.h"

namespace docsearch::query {

// `indexer` must wrap an empty index and have no log attached. On success
// the returned log is ready for Indexer::AttachLog and `report` says what
// was done. FAILED_PRECONDITION when acknowledged data cannot be recovered
// (damage followed by intact records under kStrict, a missing generation, a
// partly loaded snapshot). `mode` says how damage that is not a torn tail is
// treated (WriteAheadLog::Open).
absl::StatusOr<std::unique_ptr<WriteAheadLog>> RecoverDataDir(
    const std::string& directory, Indexer* indexer, RecoveryReport* report,
    WalRecoveryMode mode = WalRecoveryMode::kStrict);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_STORAGE_LOG_RECOVERY_H_
