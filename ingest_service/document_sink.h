// Where the ingest service sends parsed documents: the query service's
// IndexService.Write stream (IndexWriterClient, single node) or the
// cluster's JetStream streams (JetStreamDocumentSink, cluster mode). Either
// reports a document OK only once its destination has acknowledged it.
#ifndef DOCSEARCH_INGEST_SERVICE_DOCUMENT_SINK_H_
#define DOCSEARCH_INGEST_SERVICE_DOCUMENT_SINK_H_

#include <cstdint>
#include <functional>
#include <string>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "docsearch/v1/document.pb.h"

namespace docsearch::ingest {

// Where an acknowledged write landed in the cluster's log (cluster mode
// only; `in_cluster_log` is false otherwise).
struct WriteReceipt {
  bool in_cluster_log = false;
  uint32_t shard = 0;
  uint64_t sequence = 0;
};

class DocumentSink {
 public:
  // Called exactly once per submitted document, with the receipt when OK.
  using Callback = std::function<void(const absl::Status&, const WriteReceipt&)>;

  virtual ~DocumentSink() = default;

  // Queues `document`; `done` is called with OK once its destination
  // acknowledged it, or with the error (UNAVAILABLE after `deadline`,
  // RESOURCE_EXHAUSTED when the queue is full, ...). `request_id` (the
  // caller's x-request-id) travels with it where the destination logs it.
  virtual void Submit(docsearch::v1::Document document, absl::Time deadline, Callback done,
                      std::string request_id = {}) = 0;
};

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_DOCUMENT_SINK_H_
