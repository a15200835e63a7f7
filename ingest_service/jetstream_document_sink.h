// The ingest service's writer in cluster mode (ingest_service --nats):
// publishes each parsed document to its shard's JetStream stream
// (cluster/shard_router.h, cluster/document_log_message.h) and reports it
// OK only once JetStream acknowledged it, which it does once the stream's
// replicas have a quorum for it. The receipt carries the (shard, sequence)
// of the write: the consistency token the caller gets back.
//
// A few publisher threads take documents from a bounded queue; each publish
// is retried (same Nats-Msg-Id, so JetStream stores it once) while NATS or
// the stream's quorum is unreachable, until the document's deadline, then
// reported UNAVAILABLE: it may have been stored, and retrying is safe.
//
// Nats-Msg-Id is id + content hash, and JetStream drops a message whose id
// it saw within its duplicate window (2 minutes). A version written again
// after another version (A, B, A) would be dropped as a duplicate of the
// first A and leave B in place; so a duplicate acknowledgement is checked
// against the subject's last sequence, and when the first A is no longer the
// subject's last message the document is published again under an id that
// names that sequence.
//
// Thread safety: thread-safe.
#ifndef DOCSEARCH_INGEST_SERVICE_JETSTREAM_DOCUMENT_SINK_H_
#define DOCSEARCH_INGEST_SERVICE_JETSTREAM_DOCUMENT_SINK_H_

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "cluster/jetstream.h"
#include "ingest_service/document_sink.h"

namespace docsearch::ingest {

struct JetStreamSinkOptions {
  uint32_t shard_count = 1;
  // Publishes in flight at once (each waits for its acknowledgement).
  int publishers = 8;
  // Documents waiting; beyond this Submit is RESOURCE_EXHAUSTED.
  size_t max_queued_documents = 10000;
  // Longest wait for one acknowledgement before publishing again.
  absl::Duration attempt_timeout = absl::Seconds(5);
  // Told every document's outcome (metrics).
  std::function<void(const absl::Status&)> on_document_done;
};

// Connects to NATS at `urls` and readies the cluster's log: records
// `shard_count` in the cluster map (FAILED_PRECONDITION when the cluster
// has another) and creates each shard's stream (file storage,
// `replicas` JetStream replicas, one message kept per subject) unless it
// exists.
absl::StatusOr<std::unique_ptr<cluster::JetStream>> OpenClusterLog(const std::string& urls,
                                                                   uint32_t shard_count,
                                                                   int replicas);

class JetStreamDocumentSink final : public DocumentSink {
 public:
  // `jetstream` is not owned. Starts the publishers.
  JetStreamDocumentSink(cluster::JetStream* jetstream, const JetStreamSinkOptions& options);
  ~JetStreamDocumentSink() override;

  void Submit(docsearch::v1::Document document, absl::Time deadline, Callback done,
              std::string request_id = {}) override;

  // Stops the publishers; queued documents get UNAVAILABLE.
  void Shutdown();

  size_t queued() const;

 private:
  struct Pending {
    docsearch::v1::Document document;
    absl::Time deadline;
    Callback done;
  };

  void Run();
  absl::StatusOr<WriteReceipt> Publish(const docsearch::v1::Document& document,
                                       absl::Time deadline);
  void Finish(Pending& pending, const absl::Status& status, const WriteReceipt& receipt);

  cluster::JetStream* const jetstream_;
  const JetStreamSinkOptions options_;
  mutable absl::Mutex mu_;
  std::deque<Pending> queue_ ABSL_GUARDED_BY(mu_);
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  std::vector<std::thread> publishers_;
};

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_JETSTREAM_DOCUMENT_SINK_H_
