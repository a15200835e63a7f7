// docsearch.v1.IndexService: the write side, called by the ingest service.
//
// Write is a long-lived bidirectional stream: each WriteRequest batch is
// applied durably by the Indexer and answered by one WriteResponse, in order.
// One batch is in flight per stream; the ingest service keeps one stream and
// pipelines by batching.
//
// Shutdown: BeginShutdown ends every open stream with UNAVAILABLE after its
// current batch, so the ingest service reconnects elsewhere (or later)
// instead of holding the server's drain until its deadline.
#ifndef DOCSEARCH_QUERY_SERVICE_SERVER_INDEX_SERVICE_IMPL_H_
#define DOCSEARCH_QUERY_SERVICE_SERVER_INDEX_SERVICE_IMPL_H_

#include <atomic>
#include <memory>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_set.h"
#include "absl/synchronization/mutex.h"
#include "common/first_message_watch.h"
#include "docsearch/v1/index_service.grpc.pb.h"
#include "query_service/server/background_writers.h"
#include "query_service/storage/indexer.h"
#include "query_service/storage/snapshotter.h"

namespace docsearch::query {

class IndexServiceImpl final : public docsearch::v1::IndexService::CallbackService {
 public:
  // `indexer` is not owned. Calls fail with UNAVAILABLE until `ready` is true.
  // Registers Write and DeleteDocument with handlers that decode requests
  // here (common/request_decoding.h), so an undecodable one gets a precise
  // status.
  IndexServiceImpl(Indexer* indexer, const std::atomic<bool>* ready);

  // Write reads raw messages and decodes each itself: a batch that cannot be
  // decoded ends the stream with INVALID_ARGUMENT saying which message it
  // was and how many batches before it were applied, instead of looking
  // like the client's end of the stream (which answered OK).
  grpc::ServerBidiReactor<grpc::ByteBuffer, docsearch::v1::WriteResponse>* WriteRaw(
      grpc::CallbackServerContext* context);

  grpc::ServerUnaryReactor* DeleteDocument(
      grpc::CallbackServerContext* context, const docsearch::v1::DeleteDocumentRequest* request,
      docsearch::v1::DeleteDocumentResponse* response) override;

  // Snapshots and backups (the backup stream is backup_stream.h).
  grpc::ServerUnaryReactor* CreateSnapshot(
      grpc::CallbackServerContext* context, const docsearch::v1::CreateSnapshotRequest* request,
      docsearch::v1::CreateSnapshotResponse* response) override;
  grpc::ServerWriteReactor<docsearch::v1::StreamBackupResponse>* StreamBackup(
      grpc::CallbackServerContext* context,
      const docsearch::v1::StreamBackupRequest* request) override;

  // The data directory and its snapshotter (not owned), for CreateSnapshot
  // and StreamBackup; without them (memory only) both are
  // FAILED_PRECONDITION. Call before `ready` becomes true.
  void set_storage(Snapshotter* snapshotter, std::string data_dir) {
    snapshotter_ = snapshotter;
    data_dir_ = std::move(data_dir);
  }

  // Write streams that send no batch within `watch`'s timeout are ended
  // DEADLINE_EXCEEDED (common/first_message_watch.h); not owned, null
  // watches nothing. Call before `ready` becomes true.
  void set_first_message_watch(FirstMessageWatch* watch) { first_message_watch_ = watch; }

  // Refuses every write with FAILED_PRECONDITION and `reason`: a replica
  // in cluster mode takes its writes from the shards' streams only. Call
  // before `ready` becomes true.
  void set_read_only(std::string reason) { read_only_reason_ = std::move(reason); }

  // Applies Write batches on `threads` threads of their own, `nice_increment`
  // nicer than the rest of the process (background_writers.h), instead of
  // on gRPC's threads, within `budget` while reads run (write_budget.h; may
  // be null, not owned). Call before `ready` becomes true.
  void set_background_writers(int threads, int nice_increment, WriteBudget* budget = nullptr) {
    writers_ = std::make_unique<BackgroundWriters>(threads, nice_increment, budget);
  }

  // Ends open Write streams (see above) and refuses new ones.
  void BeginShutdown();

  class WriteStream;  // Defined in the .cc.

 private:
  void Unregister(WriteStream* stream);

  Indexer* const indexer_;
  const std::atomic<bool>* const ready_;
  Snapshotter* snapshotter_ = nullptr;
  std::string data_dir_;
  FirstMessageWatch* first_message_watch_ = nullptr;
  std::string read_only_reason_;
  absl::Mutex mu_;
  bool shutting_down_ ABSL_GUARDED_BY(mu_) = false;
  absl::flat_hash_set<WriteStream*> streams_ ABSL_GUARDED_BY(mu_);
  // Null: batches are applied on the gRPC thread that read them. Last, so
  // that its threads (which run queued batches before they stop) are
  // joined before anything above is destroyed.
  std::unique_ptr<BackgroundWriters> writers_;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SERVER_INDEX_SERVICE_IMPL_H_
