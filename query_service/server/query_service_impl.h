// docsearch.v1.QueryService: the read side (search, documents, stats).
#ifndef DOCSEARCH_QUERY_SERVICE_SERVER_QUERY_SERVICE_IMPL_H_
#define DOCSEARCH_QUERY_SERVICE_SERVER_QUERY_SERVICE_IMPL_H_

#include <atomic>
#include <cstdint>
#include <string_view>

#include "common/response_memory_budget.h"
#include "docsearch/v1/query_service.grpc.pb.h"
#include "query_service/compare/comparisons.h"
#include "query_service/search/search_index.h"
#include "query_service/server/query_metrics.h"
#include "query_service/server/write_budget.h"
#include "query_service/storage/snapshotter.h"
#include "query_service/storage/write_ahead_log.h"

namespace docsearch::query {

class QueryServiceImpl final : public docsearch::v1::QueryService::CallbackService {
 public:
  // `index` is not owned. Calls fail with UNAVAILABLE until `ready` is true.
  // Every method is registered with a handler that decodes the request
  // itself (common/request_decoding.h), so an undecodable request answers
  // INVALID_ARGUMENT naming the problem.
  QueryServiceImpl(const SearchIndex* index, const std::atomic<bool>* ready);

  // Reported by GetIndexStats. Call before `ready` becomes true (the flag
  // publishes them to the serving threads). `snapshotter` may be null
  // (memory only) and is not owned.
  void set_recovery(const RecoveryReport& report, const Snapshotter* snapshotter) {
    recovery_ = report;
    snapshotter_ = snapshotter;
  }

  // Search and comparison latencies go here when set (not owned; call
  // before `ready` becomes true).
  void set_metrics(QueryMetrics* metrics) { metrics_ = metrics; }

  // Unary responses are counted against `budget` until their clients have
  // read them (common/response_memory_budget.h); not owned, null (the
  // default) admits everything. Call before `ready` becomes true.
  void set_response_budget(ResponseMemoryBudget* budget) { response_budget_ = budget; }

  // Searches, document reads (GetDocument, BatchGetDocuments) and
  // comparisons are marked as reads on `budget` (write_budget.h), so that
  // Write batches keep to their share of the CPU while they run; not owned,
  // null (the default) marks nothing. Call before `ready` becomes true.
  void set_write_budget(WriteBudget* budget) { write_budget_ = budget; }

  grpc::ServerUnaryReactor* Search(grpc::CallbackServerContext* context,
                                   const docsearch::v1::SearchRequest* request,
                                   docsearch::v1::SearchResponse* response) override;
  grpc::ServerUnaryReactor* GetDocument(grpc::CallbackServerContext* context,
                                        const docsearch::v1::GetDocumentRequest* request,
                                        docsearch::v1::GetDocumentResponse* response) override;
  grpc::ServerUnaryReactor* GetIndexStats(grpc::CallbackServerContext* context,
                                          const docsearch::v1::GetIndexStatsRequest* request,
                                          docsearch::v1::GetIndexStatsResponse* response) override;
  grpc::ServerUnaryReactor* CompareDocuments(
      grpc::CallbackServerContext* context, const docsearch::v1::CompareDocumentsRequest* request,
      docsearch::v1::CompareDocumentsResponse* response) override;
  grpc::ServerUnaryReactor* FindSimilar(grpc::CallbackServerContext* context,
                                        const docsearch::v1::FindSimilarRequest* request,
                                        docsearch::v1::FindSimilarResponse* response) override;
  grpc::ServerUnaryReactor* TermTrend(grpc::CallbackServerContext* context,
                                      const docsearch::v1::TermTrendRequest* request,
                                      docsearch::v1::TermTrendResponse* response) override;
  grpc::ServerUnaryReactor* CompareSets(grpc::CallbackServerContext* context,
                                        const docsearch::v1::CompareSetsRequest* request,
                                        docsearch::v1::CompareSetsResponse* response) override;
  grpc::ServerUnaryReactor* FindNearDuplicates(
      grpc::CallbackServerContext* context, const docsearch::v1::FindNearDuplicatesRequest* request,
      docsearch::v1::FindNearDuplicatesResponse* response) override;
  // Versions and passage reuse.
  grpc::ServerUnaryReactor* ListVersions(grpc::CallbackServerContext* context,
                                         const docsearch::v1::ListVersionsRequest* request,
                                         docsearch::v1::ListVersionsResponse* response) override;
  grpc::ServerUnaryReactor* CompareVersions(
      grpc::CallbackServerContext* context, const docsearch::v1::CompareVersionsRequest* request,
      docsearch::v1::CompareVersionsResponse* response) override;
  grpc::ServerUnaryReactor* FindPassageReuse(
      grpc::CallbackServerContext* context, const docsearch::v1::FindPassageReuseRequest* request,
      docsearch::v1::FindPassageReuseResponse* response) override;
  // Language twins (compare/language_twins.h).
  grpc::ServerUnaryReactor* ListTwins(grpc::CallbackServerContext* context,
                                      const docsearch::v1::ListTwinsRequest* request,
                                      docsearch::v1::ListTwinsResponse* response) override;
  // Bulk reads (bulk_read.proto; the export stream is export_stream.h).
  grpc::ServerWriteReactor<docsearch::v1::ExportDocumentsResponse>* ExportDocuments(
      grpc::CallbackServerContext* context,
      const docsearch::v1::ExportDocumentsRequest* request) override;
  grpc::ServerUnaryReactor* BatchGetDocuments(
      grpc::CallbackServerContext* context, const docsearch::v1::BatchGetDocumentsRequest* request,
      docsearch::v1::BatchGetDocumentsResponse* response) override;

 private:
  // Finishes `reactor` with UNAVAILABLE and returns true when not ready.
  bool RefuseIfNotReady(grpc::ServerUnaryReactor* reactor) const;
  // Runs one comparison, recording its latency under `kind`.
  template <typename F>
  auto TimedComparison(std::string_view kind, F&& run) const {
    const ScopedRead read(write_budget_);
    const absl::Time started = absl::Now();
    auto result = run();
    if (metrics_ != nullptr) metrics_->ObserveComparison(kind, absl::Now() - started);
    return result;
  }

  const SearchIndex* const index_;
  const std::atomic<bool>* const ready_;
  RecoveryReport recovery_;
  const Snapshotter* snapshotter_ = nullptr;
  QueryMetrics* metrics_ = nullptr;
  ResponseMemoryBudget* response_budget_ = nullptr;
  WriteBudget* write_budget_ = nullptr;
  const compare::Comparisons comparisons_;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SERVER_QUERY_SERVICE_IMPL_H_
