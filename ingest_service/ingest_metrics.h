// The ingest service's Prometheus metrics, beyond the per-RPC ones
// (common/rpc_metrics.h):
//
//   docsearch_ingest_queue_documents       gauge: waiting to be sent to the
//                                          query service
//   docsearch_ingest_batches_in_flight     gauge: sent, not yet acknowledged
//   docsearch_ingest_batch_resends_total   counter: batches re-sent after the
//                                          stream to the query service broke
//   docsearch_ingest_documents_total{outcome}  counter: documents handed to
//                                          the writer, by outcome
//                                          (acknowledged, or the status code
//                                          in lower case: unavailable,
//                                          resource_exhausted, ...)
//
// Thread safety: thread-safe.
#ifndef DOCSEARCH_INGEST_SERVICE_INGEST_METRICS_H_
#define DOCSEARCH_INGEST_SERVICE_INGEST_METRICS_H_

#include <cstdint>

#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "ingest_service/index_writer_client.h"
#include "prometheus/counter.h"
#include "prometheus/family.h"
#include "prometheus/gauge.h"
#include "prometheus/registry.h"

namespace docsearch::ingest {

class IngestMetrics {
 public:
  explicit IngestMetrics(prometheus::Registry& registry);

  // IndexWriterOptions::on_document_done.
  void ObserveDocument(const absl::Status& outcome);
  // Sets the gauges from the writer's state (before each scrape).
  void Refresh(const IndexWriterState& state);

 private:
  prometheus::Gauge& queue_documents_;
  prometheus::Gauge& batches_in_flight_;
  prometheus::Counter& batch_resends_;
  prometheus::Family<prometheus::Counter>& documents_;

  absl::Mutex mu_;
  int64_t resends_reported_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_INGEST_METRICS_H_
