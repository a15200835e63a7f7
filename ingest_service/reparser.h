// IngestService.Reparse: parse stored documents again from the raw bytes
// kept with them, and rewrite those the current parser reads differently.
//
// The documents come from the query service's ExportDocuments (every field,
// and the raw bytes), one chunk at a time, so memory stays flat whatever
// the number of matches. Each is parsed with the service's current parse
// options, under its stored id; when any field the parser makes differs
// from the stored document (parsed_changes.h), the new document, with the
// same raw bytes, is written through the IndexWriterClient like an ingest,
// marked to replace the stored one even though its content_hash (of the
// input) is the same. At most kMaxOutstandingRewrites wait for
// acknowledgement at a time.
//
// A document that moves later in the export order (oldest published first)
// because its published date changed may be exported a second time; it is
// counted once (the ids of such rewrites are remembered, nothing else).
//
// Thread safety: one Run at a time (the service enforces it); Cancel from
// any thread.
#ifndef DOCSEARCH_INGEST_SERVICE_REPARSER_H_
#define DOCSEARCH_INGEST_SERVICE_REPARSER_H_

#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>

#include <functional>
#include <memory>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "docsearch/v1/ingest_service.pb.h"
#include "docsearch/v1/query_service.grpc.pb.h"
#include "ingest_service/index_writer_client.h"
#include "ingest_service/parser/document_parser.h"

namespace docsearch::ingest {

// Rewrites submitted but not yet acknowledged; reading the export waits
// beyond this, so a reparse never fills the writer's queue.
inline constexpr int kMaxOutstandingRewrites = 256;
// Failures listed in the response (all are counted).
inline constexpr int kMaxReportedFailures = 100;

struct ReparseCall {
  // The caller's deadline (InfiniteFuture: none).
  absl::Time deadline = absl::InfiniteFuture();
  // Longest wait for one rewrite's acknowledgement (--max_ingest_wait).
  absl::Duration max_write_wait = absl::Seconds(30);
  // Sent on to the query service (x-request-id) and with every rewrite.
  std::string request_id;
  // Polled between documents: the caller went away.
  std::function<bool()> caller_cancelled;
};

class Reparser {
 public:
  // Neither `writer` nor `parse` is copied; both must outlive this.
  Reparser(std::shared_ptr<grpc::Channel> query_channel, IndexWriterClient* writer,
           const ParseOptions* parse);

  // Runs one reparse (see the header comment). Errors: INVALID_ARGUMENT
  // when not exactly one of query and query_string is set; the query
  // service's status when the export fails (its counts so far are lost:
  // run it again, rewrites are idempotent); CANCELLED after Cancel or when
  // the caller cancelled.
  absl::StatusOr<docsearch::v1::ReparseResponse> Run(const docsearch::v1::ReparseRequest& request,
                                                     const ReparseCall& call);

  // Makes the Run in progress, and every later one, stop soon with
  // CANCELLED (service shutdown).
  void Cancel();

 private:
  std::unique_ptr<docsearch::v1::QueryService::Stub> query_;
  IndexWriterClient* const writer_;
  const ParseOptions* const parse_;
  absl::Mutex mu_;
  bool cancelled_ ABSL_GUARDED_BY(mu_) = false;
  grpc::ClientContext* export_context_ ABSL_GUARDED_BY(mu_) = nullptr;
};

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_REPARSER_H_
