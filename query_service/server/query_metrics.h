// The query service's Prometheus metrics, beyond the per-RPC ones
// (common/rpc_metrics.h):
//
//   docsearch_search_seconds{kind}            histogram, kind = the top-level
//                                             query kind (match, phrase, term,
//                                             terms, prefix, range, boolean,
//                                             match_all) or query_string
//   docsearch_comparison_seconds{kind}        histogram, kind = documents,
//                                             similar, sets, trend,
//                                             near_duplicates
//   docsearch_wal_appended_bytes_total        counter
//   docsearch_wal_fsync_seconds               histogram
//   docsearch_wal_group_commit_records        histogram (records per fdatasync)
//   docsearch_index_documents                 gauge (live documents)
//   docsearch_index_segments                  gauge
//   docsearch_index_memory_bytes              gauge
//   docsearch_index_terms                     gauge
//   docsearch_index_raw_bytes                 gauge (raw documents kept, in memory_bytes)
//   docsearch_index_merges_total              counter
//   docsearch_index_merge_seconds             histogram
//   docsearch_snapshot_seconds                histogram (rotation to rename)
//   docsearch_snapshot_bytes                  gauge (size of the last one)
//   docsearch_snapshot_last_success_timestamp_seconds  gauge (age = time() - it)
//   docsearch_wal_bytes_since_snapshot        gauge
//   docsearch_write_budget_pause_seconds_total  counter (time Write threads
//                                             waited for their CPU budget
//                                             while reads ran, summed over
//                                             threads; write_budget.h)
//
// The lower layers know nothing of Prometheus: they take plain observers
// (SearchOptions::on_merge, WriteAheadLog::set_sync_observer,
// Snapshotter::set_observer), which main() wires to the methods here. The
// gauges mirror state owned elsewhere and are refreshed by Refresh(), which
// the metrics endpoint calls before each scrape.
//
// Thread safety: thread-safe (prometheus-cpp metrics are atomic).
#ifndef DOCSEARCH_QUERY_SERVICE_SERVER_QUERY_METRICS_H_
#define DOCSEARCH_QUERY_SERVICE_SERVER_QUERY_METRICS_H_

#include <cstdint>
#include <string_view>

#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "docsearch/v1/query_service.pb.h"
#include "prometheus/counter.h"
#include "prometheus/family.h"
#include "prometheus/gauge.h"
#include "prometheus/histogram.h"
#include "prometheus/registry.h"

namespace docsearch::query {

class SearchIndex;
class Snapshotter;
class WriteAheadLog;
struct SnapshotReport;

class QueryMetrics {
 public:
  explicit QueryMetrics(prometheus::Registry& registry);

  void ObserveSearch(const docsearch::v1::SearchRequest& request, absl::Duration latency);
  // `kind` is one of the fixed names listed above.
  void ObserveComparison(std::string_view kind, absl::Duration latency);
  void ObserveFsync(double seconds, int64_t records);
  void ObserveMerge(double seconds);
  void ObserveSnapshot(const SnapshotReport& report);
  void ObserveWritePause(absl::Duration waited);

  // The log's appended_bytes() at start (what recovery found), so the
  // counter counts only bytes appended by this process.
  void set_wal_baseline(int64_t appended_bytes);

  // Sets the gauges from the index and, when not null, the log and the
  // snapshotter.
  void Refresh(const SearchIndex& index, const WriteAheadLog* log, const Snapshotter* snapshotter);

 private:
  prometheus::Family<prometheus::Histogram>& search_seconds_;
  prometheus::Family<prometheus::Histogram>& comparison_seconds_;
  prometheus::Counter& wal_appended_bytes_;
  prometheus::Histogram& wal_fsync_seconds_;
  prometheus::Histogram& wal_group_commit_records_;
  prometheus::Gauge& documents_;
  prometheus::Gauge& segments_;
  prometheus::Gauge& memory_bytes_;
  prometheus::Gauge& terms_;
  prometheus::Gauge& raw_bytes_;
  prometheus::Counter& merges_;
  prometheus::Histogram& merge_seconds_;
  prometheus::Histogram& snapshot_seconds_;
  prometheus::Gauge& snapshot_bytes_;
  prometheus::Gauge& snapshot_timestamp_;
  prometheus::Gauge& wal_bytes_since_snapshot_;
  prometheus::Counter& write_budget_pause_seconds_;

  // The log counts appended bytes itself; the counter follows it by deltas.
  absl::Mutex refresh_mu_;
  int64_t wal_bytes_reported_ ABSL_GUARDED_BY(refresh_mu_) = 0;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SERVER_QUERY_METRICS_H_
