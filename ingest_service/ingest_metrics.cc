#include "ingest_service/ingest_metrics.h"

#include <string>

#include "absl/strings/ascii.h"
#include "common/rpc_metrics.h"

namespace docsearch::ingest {

IngestMetrics::IngestMetrics(prometheus::Registry& registry)
    : queue_documents_(prometheus::BuildGauge()
                           .Name("docsearch_ingest_queue_documents")
                           .Help("Documents waiting to be sent to the query service.")
                           .Register(registry)
                           .Add({})),
      batches_in_flight_(prometheus::BuildGauge()
                             .Name("docsearch_ingest_batches_in_flight")
                             .Help("Batches sent to the query service, not yet acknowledged.")
                             .Register(registry)
                             .Add({})),
      batch_resends_(prometheus::BuildCounter()
                         .Name("docsearch_ingest_batch_resends_total")
                         .Help("Batches re-sent after the stream to the query service broke.")
                         .Register(registry)
                         .Add({})),
      documents_(prometheus::BuildCounter()
                     .Name("docsearch_ingest_documents_total")
                     .Help("Documents handed to the query-service writer, by outcome.")
                     .Register(registry)) {}

void IngestMetrics::ObserveDocument(const absl::Status& outcome) {
  const std::string label =
      outcome.ok() ? std::string("acknowledged")
                   : absl::AsciiStrToLower(StatusCodeName(static_cast<int>(outcome.code())));
  documents_.Add({{"outcome", label}}).Increment();
}

void IngestMetrics::Refresh(const IndexWriterState& state) {
  queue_documents_.Set(static_cast<double>(state.queued_documents));
  batches_in_flight_.Set(static_cast<double>(state.batches_in_flight));
  absl::MutexLock lock(&mu_);
  if (state.resent_batches > resends_reported_) {
    batch_resends_.Increment(static_cast<double>(state.resent_batches - resends_reported_));
    resends_reported_ = state.resent_batches;
  }
}

}  // namespace docsearch::ingest
