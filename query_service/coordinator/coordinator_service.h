// QueryService on a coordinator (query_service --role=coordinator): holds
// no documents; answers from the shards' replicas (cluster mode,
// docs/SCALING.md).
//
//   Search         two phases, as Elasticsearch's dfs_query_then_fetch: the
//                  collection statistics of the query's terms from one
//                  replica per shard (ShardService.GetTermStatistics), summed;
//                  then each shard's page scored with the sums
//                  (ShardService.SearchShard), merged (search_merger.h). The
//                  scores equal those of one node holding every document.
//   GetDocument    from the replicas of the document's shard.
//   GetIndexStats  the shards' counts summed.
//
// Every shard call goes to the shard's replicas in turn (shard_caller.h).
// The comparison and bulk-read methods are not served across shards yet:
// UNIMPLEMENTED.
#ifndef DOCSEARCH_QUERY_SERVICE_COORDINATOR_COORDINATOR_SERVICE_H_
#define DOCSEARCH_QUERY_SERVICE_COORDINATOR_COORDINATOR_SERVICE_H_

#include "absl/time/time.h"
#include "docsearch/v1/query_service.grpc.pb.h"
#include "query_service/coordinator/shard_caller.h"

namespace docsearch::query {

struct CoordinatorOptions {
  // Largest facet_size a replica accepts (its --max_page_size): the shards
  // are asked for this many values of each facet, so merged counts are
  // exact for fields with at most this many values per shard.
  int max_facet_size = 1000;
  // A call without a deadline gets this one.
  absl::Duration default_deadline = absl::Seconds(30);
};

class CoordinatorService final : public docsearch::v1::QueryService::CallbackService {
 public:
  // `caller` is not owned.
  CoordinatorService(const ShardCaller* caller, const CoordinatorOptions& options)
      : caller_(caller), options_(options) {}

  grpc::ServerUnaryReactor* Search(grpc::CallbackServerContext* context,
                                   const docsearch::v1::SearchRequest* request,
                                   docsearch::v1::SearchResponse* response) override;
  grpc::ServerUnaryReactor* GetDocument(grpc::CallbackServerContext* context,
                                        const docsearch::v1::GetDocumentRequest* request,
                                        docsearch::v1::GetDocumentResponse* response) override;
  grpc::ServerUnaryReactor* GetIndexStats(grpc::CallbackServerContext* context,
                                          const docsearch::v1::GetIndexStatsRequest* request,
                                          docsearch::v1::GetIndexStatsResponse* response) override;

  // The work of Search, for tests.
  absl::StatusOr<docsearch::v1::SearchResponse> SearchShards(
      const docsearch::v1::SearchRequest& request, absl::Time deadline) const;

 private:
  absl::Time DeadlineOf(const grpc::CallbackServerContext& context) const;

  const ShardCaller* const caller_;
  const CoordinatorOptions options_;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_COORDINATOR_COORDINATOR_SERVICE_H_
