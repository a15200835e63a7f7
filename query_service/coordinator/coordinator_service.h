// QueryService on a coordinator (query_service --role=coordinator): holds
// no documents; answers from the shards' replicas (cluster mode,
// docs/SCALING.md).
//
//   Search         two phases, as Elasticsearch's dfs_query_then_fetch: the
//                  collection statistics of the query's terms from one
//                  replica per shard (ShardService.GetTermStatistics), summed;
//                  then each shard's page scored with the sums
//                  (ShardService.SearchShard), without snippets, merged
//                  (search_merger.h); then the snippets of the merged page's
//                  hits only, from their shards (snippet_fetch.h). The
//                  scores equal those of one node holding every document.
//                  A search seen before skips the first phase: the shards
//                  check the remembered statistics (statistics_cache.h).
//   GetDocument    from the replicas of the document's shard.
//   GetIndexStats  the shards' counts summed (cluster_index_stats.h).
//
//   CompareDocuments, FindSimilar, TermTrend, FindNearDuplicates
//                  cluster_comparisons.h; CompareSets
//                  cluster_set_comparison.h: as one node answers.
//   BatchGetDocuments, ListVersions, CompareVersions
//                  from the owning shards (cluster_bulk_reads.h).
//
//   ExportDocuments
//                  chunks of this coordinator's search, their documents from
//                  the owning shards (cluster_export.h).
//   FindPassageReuse
//                  every shard's passages, merged (cluster_passage_reuse.h).
//   ListTwins      the document's shard first (its twins and the document's
//                  twin signals), then every other shard's twins for those
//                  signals, merged best first (cluster_twins.h).
//
//   Search with collapse_duplicates
//                  batches of the search above, each hit's cluster walked
//                  over the shards' duplicate graphs
//                  (cluster_collapsed_search.h).
//
// Every shard call goes to the shard's replicas in turn (shard_caller.h).
#ifndef DOCSEARCH_QUERY_SERVICE_COORDINATOR_COORDINATOR_SERVICE_H_
#define DOCSEARCH_QUERY_SERVICE_COORDINATOR_COORDINATOR_SERVICE_H_

#include <vector>

#include "absl/time/time.h"
#include "docsearch/v1/query_service.grpc.pb.h"
#include "query_service/coordinator/shard_caller.h"
#include "query_service/coordinator/statistics_cache.h"

namespace docsearch::query {

struct CoordinatorOptions {
  // Largest facet_size a replica accepts (its --max_page_size): the shards
  // are asked for this many values of each facet, so merged counts are
  // exact for fields with at most this many values per shard.
  int max_facet_size = 1000;
  // A call without a deadline gets this one.
  absl::Duration default_deadline = absl::Seconds(30);
  // Searches whose shard statistics are remembered (statistics_cache.h).
  size_t statistics_cache_entries = 4096;
};

class CoordinatorService final : public docsearch::v1::QueryService::CallbackService {
 public:
  // `caller` is not owned.
  CoordinatorService(const ShardCaller* caller, const CoordinatorOptions& options)
      : caller_(caller), options_(options), statistics_cache_(options.statistics_cache_entries) {}

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
  grpc::ServerUnaryReactor* CompareSets(grpc::CallbackServerContext* context,
                                        const docsearch::v1::CompareSetsRequest* request,
                                        docsearch::v1::CompareSetsResponse* response) override;
  grpc::ServerUnaryReactor* TermTrend(grpc::CallbackServerContext* context,
                                      const docsearch::v1::TermTrendRequest* request,
                                      docsearch::v1::TermTrendResponse* response) override;
  grpc::ServerUnaryReactor* FindNearDuplicates(
      grpc::CallbackServerContext* context, const docsearch::v1::FindNearDuplicatesRequest* request,
      docsearch::v1::FindNearDuplicatesResponse* response) override;
  grpc::ServerUnaryReactor* BatchGetDocuments(
      grpc::CallbackServerContext* context, const docsearch::v1::BatchGetDocumentsRequest* request,
      docsearch::v1::BatchGetDocumentsResponse* response) override;
  grpc::ServerUnaryReactor* ListVersions(grpc::CallbackServerContext* context,
                                         const docsearch::v1::ListVersionsRequest* request,
                                         docsearch::v1::ListVersionsResponse* response) override;
  grpc::ServerWriteReactor<docsearch::v1::ExportDocumentsResponse>* ExportDocuments(
      grpc::CallbackServerContext* context,
      const docsearch::v1::ExportDocumentsRequest* request) override;
  grpc::ServerUnaryReactor* FindPassageReuse(
      grpc::CallbackServerContext* context, const docsearch::v1::FindPassageReuseRequest* request,
      docsearch::v1::FindPassageReuseResponse* response) override;
  grpc::ServerUnaryReactor* CompareVersions(
      grpc::CallbackServerContext* context, const docsearch::v1::CompareVersionsRequest* request,
      docsearch::v1::CompareVersionsResponse* response) override;
  grpc::ServerUnaryReactor* ListTwins(grpc::CallbackServerContext* context,
                                      const docsearch::v1::ListTwinsRequest* request,
                                      docsearch::v1::ListTwinsResponse* response) override;

  // The work of Search, for tests. `statistics`, when given, gets the
  // global statistics the hits were scored with (for a later fetch phase).
  absl::StatusOr<docsearch::v1::SearchResponse> SearchShards(
      const docsearch::v1::SearchRequest& request, absl::Time deadline,
      docsearch::v1::CollectionStatisticsMessage* statistics = nullptr) const;

 private:
  absl::Time DeadlineOf(const grpc::CallbackServerContext& context) const;
  // Phase 1 of a search: the statistics for `request` of every shard not
  // `missing`, and their sums in `global`. With allow_partial, shards that
  // fail UNAVAILABLE are marked missing and left out of the sums.
  absl::Status GatherStatistics(
      const docsearch::v1::SearchRequest& request, absl::Time deadline,
      std::vector<absl::StatusOr<docsearch::v1::CollectionStatisticsMessage>>* per_shard,
      std::vector<bool>* missing, docsearch::v1::CollectionStatisticsMessage* global) const;

  const ShardCaller* const caller_;
  const CoordinatorOptions options_;
  mutable StatisticsCache statistics_cache_;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_COORDINATOR_COORDINATOR_SERVICE_H_
