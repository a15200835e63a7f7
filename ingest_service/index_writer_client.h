// The ingest service's side of IndexService.Write: one long-lived stream to
// the query service, batched, acknowledged, retried.
//
// Submit() queues a document with the caller's deadline and a callback. A
// sender thread groups queued documents into batches (up to a size, or
// whatever is queued when the stream is free) and writes them; a reader
// thread matches each WriteResponse to its batch and calls the callbacks
// with the per-document outcome. A document's callback reports OK only once
// the query service has acknowledged it, which the query service does only
// after writing it to its log.
//
// Failure model: when the stream breaks (query service down, restarting,
// shutting down), unacknowledged batches go back to the front of the queue
// and are re-sent on a new stream after an exponential backoff with jitter.
// The query service treats writes as upserts by id and skips documents whose
// content_hash it already has, so a batch sent twice changes nothing.
// A document whose deadline passes before its acknowledgement is reported
// UNAVAILABLE (it may still be applied later; retrying it is safe).
// When the query service ends the stream because it cannot log a batch
// (RESOURCE_EXHAUSTED: no space left; FAILED_PRECONDITION: its log refuses
// writes), the in-flight documents get that status at once instead of
// being re-sent: none of them was applied, and waiting would not help.
//
// Backpressure: at most `max_queued_documents` wait; Submit beyond that
// answers RESOURCE_EXHAUSTED at once rather than buffering without bound.
//
// Thread safety: Submit and Shutdown are thread-safe. Callbacks run on the
// client's internal threads and must not block.
#ifndef DOCSEARCH_INGEST_SERVICE_INDEX_WRITER_CLIENT_H_
#define DOCSEARCH_INGEST_SERVICE_INDEX_WRITER_CLIENT_H_

#include <grpcpp/channel.h>

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "docsearch/v1/index_service.grpc.pb.h"
#include "ingest_service/document_sink.h"

namespace docsearch::ingest {

struct IndexWriterOptions {
  // Most documents in one WriteRequest.
  int max_batch_documents = 256;
  // Most serialized bytes in one WriteRequest (one document may exceed it).
  size_t max_batch_bytes = 4 << 20;
  // Batches written but not yet acknowledged, per stream.
  int max_batches_in_flight = 4;
  // Documents waiting to be sent; beyond this Submit is RESOURCE_EXHAUSTED.
  size_t max_queued_documents = 10000;
  absl::Duration initial_backoff = absl::Milliseconds(50);
  absl::Duration max_backoff = absl::Seconds(2);
  // Told every document's outcome, just before its callback (metrics).
  std::function<void(const absl::Status&)> on_document_done;
};

// What the writer holds right now, for metrics.
struct IndexWriterState {
  size_t queued_documents = 0;
  size_t batches_in_flight = 0;
  // Batches put back in the queue to be sent again after the stream broke.
  int64_t resent_batches = 0;
};

class IndexWriterClient final : public DocumentSink {
 public:
  IndexWriterClient(std::shared_ptr<grpc::Channel> channel, const IndexWriterOptions& options);
  // Shuts down (see Shutdown).
  ~IndexWriterClient() override;
  IndexWriterClient(const IndexWriterClient&) = delete;
  IndexWriterClient& operator=(const IndexWriterClient&) = delete;

  // Queues `document` for writing; `done` is called with OK once the query
  // service acknowledged it, or with the error (the query service's verdict
  // on the document, UNAVAILABLE after `deadline`, RESOURCE_EXHAUSTED when
  // the queue is full, UNAVAILABLE after Shutdown).
  // `request_id` (the caller's x-request-id) travels with the document to
  // the query service's logs.
  void Submit(docsearch::v1::Document document, absl::Time deadline, Callback done,
              std::string request_id = {}) override;
  // As above; `replace_same_content` makes the query service replace a
  // stored document even when its content_hash is the same (a re-parse).
  void Submit(docsearch::v1::Document document, absl::Time deadline, Callback done,
              std::string request_id, bool replace_same_content);

  // Stops the threads. Documents not yet acknowledged get UNAVAILABLE.
  void Shutdown();

  // Whether the current stream has had an acknowledgement since it opened
  // (for logs and health): false while the query service is unreachable.
  bool connected() const;

  IndexWriterState State() const;

 private:
  struct Pending {
    docsearch::v1::Document document;
    absl::Time deadline;
    Callback done;  // Empty once called.
    std::string request_id;
    bool replace_same_content = false;
  };
  using Batch = std::vector<Pending>;

  void Run();
  // Sends batches on `stream` until it breaks or Shutdown; returns the
  // reason it stopped.
  void SendBatches(
      grpc::ClientReaderWriter<docsearch::v1::WriteRequest, docsearch::v1::WriteResponse>* stream);
  void ReadAcknowledgements(
      grpc::ClientReaderWriter<docsearch::v1::WriteRequest, docsearch::v1::WriteResponse>* stream);
  // Fails queued and in-flight documents whose deadline has passed.
  void ExpireLocked(absl::Time now) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Puts unacknowledged batches back at the front of the queue, in order.
  void RequeueInFlightLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::Status UnavailableLocked() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  const IndexWriterOptions options_;
  std::unique_ptr<docsearch::v1::IndexService::Stub> stub_;

  mutable absl::Mutex mu_;
  std::deque<Pending> queue_ ABSL_GUARDED_BY(mu_);
  std::map<uint64_t, Batch> in_flight_ ABSL_GUARDED_BY(mu_);
  uint64_t next_batch_id_ ABSL_GUARDED_BY(mu_) = 1;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  bool stream_broken_ ABSL_GUARDED_BY(mu_) = false;
  bool acknowledged_on_stream_ ABSL_GUARDED_BY(mu_) = false;
  std::string last_error_ ABSL_GUARDED_BY(mu_) = "not connected yet";
  int64_t resent_batches_ ABSL_GUARDED_BY(mu_) = 0;
  grpc::ClientContext* stream_context_ ABSL_GUARDED_BY(mu_) = nullptr;

  std::thread sender_;
};

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_INDEX_WRITER_CLIENT_H_
