// docsearch.v1.ShardComparisonService: a replica's part of the comparison
// RPCs answered across shards (cluster mode, docs/SCALING.md; the work is
// in compare/shard_comparisons.h, compare/similar_finder.h and
// compare/language_twins.h, the coordinator's side in
// coordinator/cluster_comparisons.h and coordinator/cluster_twins.h).
#ifndef DOCSEARCH_QUERY_SERVICE_SERVER_SHARD_COMPARISON_SERVICE_IMPL_H_
#define DOCSEARCH_QUERY_SERVICE_SERVER_SHARD_COMPARISON_SERVICE_IMPL_H_

#include <functional>

#include "docsearch/v1/shard_comparison.grpc.pb.h"
#include "query_service/search/search_index.h"

namespace docsearch::query {

class ShardComparisonServiceImpl final
    : public docsearch::v1::ShardComparisonService::CallbackService {
 public:
  // `index` is not owned. Calls fail with UNAVAILABLE while `ready` says
  // false (recovering, or not caught up with the shards' streams).
  ShardComparisonServiceImpl(const SearchIndex* index, std::function<bool()> ready)
      : index_(index), ready_(std::move(ready)) {}

  grpc::ServerUnaryReactor* GetDocumentFrequencies(
      grpc::CallbackServerContext* context,
      const docsearch::v1::GetDocumentFrequenciesRequest* request,
      docsearch::v1::GetDocumentFrequenciesResponse* response) override;
  grpc::ServerUnaryReactor* FindSimilarShard(
      grpc::CallbackServerContext* context, const docsearch::v1::FindSimilarShardRequest* request,
      docsearch::v1::FindSimilarShardResponse* response) override;
  grpc::ServerUnaryReactor* TallySets(grpc::CallbackServerContext* context,
                                      const docsearch::v1::TallySetsRequest* request,
                                      docsearch::v1::TallySetsResponse* response) override;
  grpc::ServerUnaryReactor* GetFingerprints(
      grpc::CallbackServerContext* context, const docsearch::v1::GetFingerprintsRequest* request,
      docsearch::v1::GetFingerprintsResponse* response) override;
  grpc::ServerUnaryReactor* ListTwinsShard(
      grpc::CallbackServerContext* context, const docsearch::v1::ListTwinsShardRequest* request,
      docsearch::v1::ListTwinsShardResponse* response) override;
  grpc::ServerUnaryReactor* GetNearDuplicates(
      grpc::CallbackServerContext* context, const docsearch::v1::GetNearDuplicatesRequest* request,
      docsearch::v1::GetNearDuplicatesResponse* response) override;

 private:
  // Finishes with UNAVAILABLE unless ready, else with `work()`'s status,
  // its value moved into `response`.
  template <typename Response, typename Work>
  grpc::ServerUnaryReactor* Answer(grpc::CallbackServerContext* context, Response* response,
                                   Work&& work);

  const SearchIndex* const index_;
  const std::function<bool()> ready_;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SERVER_SHARD_COMPARISON_SERVICE_IMPL_H_
