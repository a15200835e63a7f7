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

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_set.h"
#include "absl/synchronization/mutex.h"
#include "docsearch/v1/index_service.grpc.pb.h"
#include "query_service/storage/indexer.h"

namespace docsearch::query {

class IndexServiceImpl final : public docsearch::v1::IndexService::CallbackService {
 public:
  // `indexer` is not owned. Calls fail with UNAVAILABLE until `ready` is true.
  IndexServiceImpl(Indexer* indexer, const std::atomic<bool>* ready)
      : indexer_(indexer), ready_(ready) {}

  grpc::ServerBidiReactor<docsearch::v1::WriteRequest, docsearch::v1::WriteResponse>* Write(
      grpc::CallbackServerContext* context) override;

  grpc::ServerUnaryReactor* DeleteDocument(
      grpc::CallbackServerContext* context, const docsearch::v1::DeleteDocumentRequest* request,
      docsearch::v1::DeleteDocumentResponse* response) override;

  // Ends open Write streams (see above) and refuses new ones.
  void BeginShutdown();

  class WriteStream;  // Defined in the .cc.

 private:
  void Unregister(WriteStream* stream);

  Indexer* const indexer_;
  const std::atomic<bool>* const ready_;
  absl::Mutex mu_;
  bool shutting_down_ ABSL_GUARDED_BY(mu_) = false;
  absl::flat_hash_set<WriteStream*> streams_ ABSL_GUARDED_BY(mu_);
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SERVER_INDEX_SERVICE_IMPL_H_
