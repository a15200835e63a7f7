// docsearch.v1.QueryService: the read side (search, documents, stats).
#ifndef DOCSEARCH_QUERY_SERVICE_SERVER_QUERY_SERVICE_IMPL_H_
#define DOCSEARCH_QUERY_SERVICE_SERVER_QUERY_SERVICE_IMPL_H_

#include <atomic>
#include <cstdint>

#include "docsearch/v1/query_service.grpc.pb.h"
#include "query_service/compare/comparisons.h"
#include "query_service/search/search_index.h"
#include "query_service/storage/snapshotter.h"
#include "query_service/storage/write_ahead_log.h"

namespace docsearch::query {

class QueryServiceImpl final : public docsearch::v1::QueryService::CallbackService {
 public:
  // `index` is not owned. Calls fail with UNAVAILABLE until `ready` is true.
  QueryServiceImpl(const SearchIndex* index, const std::atomic<bool>* ready)
      : index_(index), ready_(ready), comparisons_(*index) {}

  // Reported by GetIndexStats. Call before `ready` becomes true (the flag
  // publishes them to the serving threads). `snapshotter` may be null
  // (memory only) and is not owned.
  void set_recovery(const RecoveryReport& report, const Snapshotter* snapshotter) {
    recovery_ = report;
    snapshotter_ = snapshotter;
  }

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

 private:
  // Finishes `reactor` with UNAVAILABLE and returns true when not ready.
  bool RefuseIfNotReady(grpc::ServerUnaryReactor* reactor) const;

  const SearchIndex* const index_;
  const std::atomic<bool>* const ready_;
  RecoveryReport recovery_;
  const Snapshotter* snapshotter_ = nullptr;
  const compare::Comparisons comparisons_;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SERVER_QUERY_SERVICE_IMPL_H_
