// The last sequence of each shard's stream a replica has applied, kept in
// <data_dir>/cluster-positions beside the write-ahead log and snapshots
// (whose formats are unchanged: a single node never has this file).
//
// The file is rewritten (temporary file, fsync, rename, fsync of the
// folder) after each batch the replica applied, and a batch is applied
// through the Indexer, which has made it durable in the write-ahead log
// before returning. So the file never runs ahead of what recovery restores;
// it may lag behind it (a crash between the two), and then the restart
// replays a few messages again, which changes nothing: each message is a
// whole-document upsert or a tombstone, and the stream keeps only each
// document's last one.
//
// Format: the line "docsearch cluster positions 1", then one line
// "<shard> <sequence>" per shard.
#ifndef DOCSEARCH_QUERY_SERVICE_REPLICA_APPLIED_POSITIONS_H_
#define DOCSEARCH_QUERY_SERVICE_REPLICA_APPLIED_POSITIONS_H_

#include <cstdint>
#include <map>
#include <string>

#include "absl/status/statusor.h"

namespace docsearch::query {

using AppliedPositions = std::map<uint32_t, uint64_t>;

// The positions in `path`; none when the file does not exist. DATA_LOSS
// when it exists but does not parse.
absl::StatusOr<AppliedPositions> ReadAppliedPositions(const std::string& path);

// Replaces `path` atomically and durably.
absl::Status WriteAppliedPositions(const std::string& path, const AppliedPositions& positions);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_REPLICA_APPLIED_POSITIONS_H_
