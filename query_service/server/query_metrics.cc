#include "query_service/server/query_metrics.h"

#include <string>

#include "absl/time/clock.h"
#include "common/rpc_metrics.h"
#include "query_service/search/search_index.h"
#include "query_service/storage/snapshotter.h"
#include "query_service/storage/write_ahead_log.h"

namespace docsearch::query {
namespace {

prometheus::Histogram::BucketBoundaries Latency() {
  return prometheus::Histogram::BucketBoundaries(LatencyBucketsSeconds());
}

prometheus::Gauge& MakeGauge(prometheus::Registry& registry, const std::string& name,
                             const std::string& help) {
  return prometheus::BuildGauge().Name(name).Help(help).Register(registry).Add({});
}

prometheus::Histogram& MakeHistogram(prometheus::Registry& registry, const std::string& name,
                                     const std::string& help,
                                     prometheus::Histogram::BucketBoundaries buckets) {
  return prometheus::BuildHistogram().Name(name).Help(help).Register(registry).Add(
      {}, std::move(buckets));
}

// The set field of the query's oneof ("match", "phrase", ...): a fixed set
// of names from the proto, so callers cannot create series.
std::string QueryKind(const docsearch::v1::SearchRequest& request) {
  if (!request.query_string().empty()) return "query_string";
  const docsearch::v1::Query& query = request.query();
  const google::protobuf::OneofDescriptor* oneof = query.GetDescriptor()->FindOneofByName("kind");
  const google::protobuf::FieldDescriptor* field =
      oneof == nullptr ? nullptr : query.GetReflection()->GetOneofFieldDescriptor(query, oneof);
  return field == nullptr ? "none" : field->name();
}

}  // namespace

QueryMetrics::QueryMetrics(prometheus::Registry& registry)
    : search_seconds_(prometheus::BuildHistogram()
                          .Name("docsearch_search_seconds")
                          .Help("Search latency in the engine, by top-level query kind.")
                          .Register(registry)),
      comparison_seconds_(prometheus::BuildHistogram()
                              .Name("docsearch_comparison_seconds")
                              .Help("Comparison latency in the engine, by operation.")
                              .Register(registry)),
      wal_appended_bytes_(prometheus::BuildCounter()
                              .Name("docsearch_wal_appended_bytes_total")
                              .Help("Bytes appended to the write-ahead log since start.")
                              .Register(registry)
                              .Add({})),
      wal_fsync_seconds_(MakeHistogram(registry, "docsearch_wal_fsync_seconds",
                                       "Duration of each fdatasync of the write-ahead log.",
                                       Latency())),
      wal_group_commit_records_(
          MakeHistogram(registry, "docsearch_wal_group_commit_records",
                        "Log records made durable by one fdatasync (group commit size).",
                        prometheus::Histogram::BucketBoundaries{1, 2, 4, 8, 16, 32, 64, 128})),
      documents_(MakeGauge(registry, "docsearch_index_documents", "Live documents in the index.")),
      segments_(MakeGauge(registry, "docsearch_index_segments", "Sealed postings segments.")),
      memory_bytes_(MakeGauge(registry, "docsearch_index_memory_bytes",
                              "Estimated memory held by the index (both copies).")),
      terms_(MakeGauge(registry, "docsearch_index_terms", "Distinct terms in the index.")),
      raw_bytes_(MakeGauge(registry, "docsearch_index_raw_bytes",
                           "Bytes of the raw documents kept for re-parsing (part of "
                           "docsearch_index_memory_bytes).")),
      merges_(prometheus::BuildCounter()
                  .Name("docsearch_index_merges_total")
                  .Help("Segment merges published.")
                  .Register(registry)
                  .Add({})),
      merge_seconds_(MakeHistogram(registry, "docsearch_index_merge_seconds",
                                   "Duration of each segment merge.", Latency())),
      snapshot_seconds_(MakeHistogram(registry, "docsearch_snapshot_seconds",
                                      "Duration of each snapshot, rotation to rename.", Latency())),
      snapshot_bytes_(
          MakeGauge(registry, "docsearch_snapshot_bytes", "Size of the last snapshot written.")),
      snapshot_timestamp_(MakeGauge(
          registry, "docsearch_snapshot_last_success_timestamp_seconds",
          "Unix time of the last snapshot written (0: none since start); age is time() - this.")),
      wal_bytes_since_snapshot_(MakeGauge(registry, "docsearch_wal_bytes_since_snapshot",
                                          "Log bytes a restart would replay after the snapshot.")),
      write_budget_pause_seconds_(
          prometheus::BuildCounter()
              .Name("docsearch_write_budget_pause_seconds_total")
              .Help("Time the Write threads waited for their CPU budget while reads ran, summed "
                    "over threads (--write_share_while_reading).")
              .Register(registry)
              .Add({})) {}

void QueryMetrics::ObserveSearch(const docsearch::v1::SearchRequest& request,
                                 absl::Duration latency) {
  search_seconds_.Add({{"kind", QueryKind(request)}}, Latency())
      .Observe(absl::ToDoubleSeconds(latency));
}

void QueryMetrics::ObserveComparison(std::string_view kind, absl::Duration latency) {
  comparison_seconds_.Add({{"kind", std::string(kind)}}, Latency())
      .Observe(absl::ToDoubleSeconds(latency));
}

void QueryMetrics::ObserveFsync(double seconds, int64_t records) {
  wal_fsync_seconds_.Observe(seconds);
  wal_group_commit_records_.Observe(static_cast<double>(records));
}

void QueryMetrics::ObserveMerge(double seconds) {
  merges_.Increment();
  merge_seconds_.Observe(seconds);
}

void QueryMetrics::ObserveWritePause(absl::Duration waited) {
  write_budget_pause_seconds_.Increment(absl::ToDoubleSeconds(waited));
}

void QueryMetrics::ObserveSnapshot(const SnapshotReport& report) {
  snapshot_seconds_.Observe(report.total_seconds);
  snapshot_bytes_.Set(static_cast<double>(report.bytes));
  snapshot_timestamp_.Set(absl::ToDoubleSeconds(absl::Now() - absl::UnixEpoch()));
}

void QueryMetrics::set_wal_baseline(int64_t appended_bytes) {
  absl::MutexLock lock(&refresh_mu_);
  wal_bytes_reported_ = appended_bytes;
}

void QueryMetrics::Refresh(const SearchIndex& index, const WriteAheadLog* log,
                           const Snapshotter* snapshotter) {
  const docsearch::v1::GetIndexStatsResponse stats = index.Stats();
  documents_.Set(static_cast<double>(stats.document_count()));
  segments_.Set(static_cast<double>(stats.segment_count()));
  memory_bytes_.Set(static_cast<double>(stats.memory_bytes()));
  terms_.Set(static_cast<double>(stats.term_count()));
  raw_bytes_.Set(static_cast<double>(
      index.Read([](IndexSnapshot data) { return data->documents().raw_bytes(); })));
  if (log != nullptr) {
    absl::MutexLock lock(&refresh_mu_);
    const int64_t appended = log->appended_bytes();
    if (appended > wal_bytes_reported_) {
      wal_appended_bytes_.Increment(static_cast<double>(appended - wal_bytes_reported_));
      wal_bytes_reported_ = appended;
    }
  }
  if (snapshotter != nullptr) {
    wal_bytes_since_snapshot_.Set(static_cast<double>(snapshotter->LogBytesSinceSnapshot()));
  }
}

}  // namespace docsearch::query
