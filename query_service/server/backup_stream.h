// IndexService.StreamBackup as a gRPC stream: a snapshot and the logs after
// it, one chunk at a time, each file ending with a chunk that gives its size
// and CRC-32C.
#ifndef DOCSEARCH_QUERY_SERVICE_SERVER_BACKUP_STREAM_H_
#define DOCSEARCH_QUERY_SERVICE_SERVER_BACKUP_STREAM_H_

#include <grpcpp/grpcpp.h>

#include <memory>
#include <vector>

#include "docsearch/v1/index_service.pb.h"
#include "query_service/storage/backup_files.h"
#include "query_service/storage/snapshotter.h"

namespace docsearch::query {

// FAILED_PRECONDITION for a service without --data_dir.
const grpc::Status& NoDataDirStatus();

// A started stream of `files` (from OpenBackupFiles for `snapshot`); it
// deletes itself when done.
grpc::ServerWriteReactor<docsearch::v1::StreamBackupResponse>* StartBackupStream(
    std::vector<std::unique_ptr<BackupFile>> files, const SnapshotReport& snapshot);

// A stream that finishes at once with `status`.
grpc::ServerWriteReactor<docsearch::v1::StreamBackupResponse>* FailedBackupStream(
    const grpc::Status& status);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SERVER_BACKUP_STREAM_H_
