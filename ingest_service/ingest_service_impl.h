// docsearch.v1.IngestService: parse raw documents, write them to the query
// service, answer once acknowledged.
//
// Every call's wait for acknowledgement is bounded by the caller's deadline,
// and by --max_ingest_wait when the caller set none, so a caller never waits
// forever on an unreachable query service.
#ifndef DOCSEARCH_INGEST_SERVICE_INGEST_SERVICE_IMPL_H_
#define DOCSEARCH_INGEST_SERVICE_INGEST_SERVICE_IMPL_H_

#include <grpcpp/channel.h>

#include <memory>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_set.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "common/first_message_watch.h"
#include "docsearch/v1/ingest_service.grpc.pb.h"
#include "ingest_service/document_sink.h"
#include "ingest_service/index_writer_client.h"
#include "ingest_service/parser/document_parser.h"
#include "ingest_service/reparser.h"

namespace docsearch::ingest {

struct IngestServiceOptions {
  ParseOptions parse;
  // Longest wait for an acknowledgement when the caller set no deadline.
  absl::Duration max_ingest_wait = absl::Seconds(30);
  // Documents of one IngestDocuments stream parsed but not yet acknowledged;
  // the stream stops reading (flow control) at this many.
  int max_outstanding_per_stream = 512;
  // When set (not owned), an IngestDocuments stream that sends no document
  // within its timeout is ended DEADLINE_EXCEEDED
  // (common/first_message_watch.h).
  FirstMessageWatch* first_message_watch = nullptr;
  // Keep each document's raw bytes (zstd) with it in the query service
  // (Document.raw), so Reparse can parse them again.
  bool keep_raw = true;
  // The query service, which Reparse reads stored documents from, and the
  // writer it rewrites them through (not owned); either null (cluster mode:
  // rewrites with an unchanged content hash would be taken for duplicates
  // of the log's messages) answers Reparse FAILED_PRECONDITION.
  std::shared_ptr<grpc::Channel> query_channel;
  IndexWriterClient* reparse_writer = nullptr;
};

class IngestServiceImpl final : public docsearch::v1::IngestService::CallbackService {
 public:
  // `writer` (the query service's stream, or the cluster's streams) is not
  // owned.
  // Registers every method with a handler that decodes the requests itself
  // (common/request_decoding.h), so an undecodable message gets a precise
  // status: INVALID_ARGUMENT for a unary call, its own failed outcome in an
  // IngestDocuments stream.
  IngestServiceImpl(DocumentSink* writer, const IngestServiceOptions& options);
  // Waits for a Reparse still running (BeginShutdown makes it stop soon).
  ~IngestServiceImpl() override;

  grpc::ServerUnaryReactor* ParseDocument(grpc::CallbackServerContext* context,
                                          const docsearch::v1::ParseDocumentRequest* request,
                                          docsearch::v1::ParseDocumentResponse* response) override;
  // Runs on a thread of its own (a reparse of a large archive takes
  // minutes, too long for a gRPC callback thread), one at a time.
  grpc::ServerUnaryReactor* Reparse(grpc::CallbackServerContext* context,
                                    const docsearch::v1::ReparseRequest* request,
                                    docsearch::v1::ReparseResponse* response) override;
  grpc::ServerUnaryReactor* IngestDocument(
      grpc::CallbackServerContext* context, const docsearch::v1::IngestDocumentRequest* request,
      docsearch::v1::IngestDocumentResponse* response) override;
  // IngestDocuments reads raw messages and decodes each one itself, so a
  // message that cannot be decoded fails alone (its own result) instead of
  // looking like the end of the stream.
  grpc::ServerReadReactor<grpc::ByteBuffer>* IngestDocumentsRaw(
      grpc::CallbackServerContext* context, docsearch::v1::IngestDocumentsResponse* response);

  // The deadline applied to a call from `context`.
  absl::Time DeadlineOf(const grpc::CallbackServerContext& context) const;

  DocumentSink* writer() const { return writer_; }
  const IngestServiceOptions& options() const { return options_; }

  // Shutdown, before the server's drain: every open IngestDocuments stream
  // stops reading and answers, as soon as the documents it read have their
  // outcomes, with those results and `stopped_reading` set (so a stream
  // longer than the drain's grace still tells its client what was done);
  // new streams are refused UNAVAILABLE. A Reparse in progress stops and
  // answers CANCELLED.
  void BeginShutdown();

  class IngestStream;  // Defined in the .cc.
  void Unregister(IngestStream* stream);

 private:
  DocumentSink* const writer_;
  const IngestServiceOptions options_;
  absl::Mutex mu_;
  bool shutting_down_ ABSL_GUARDED_BY(mu_) = false;
  absl::flat_hash_set<IngestStream*> streams_ ABSL_GUARDED_BY(mu_);
  std::unique_ptr<Reparser> reparser_;  // Null without a query channel.
  bool reparse_running_ ABSL_GUARDED_BY(mu_) = false;
  std::thread reparse_thread_ ABSL_GUARDED_BY(mu_);
};

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_INGEST_SERVICE_IMPL_H_
