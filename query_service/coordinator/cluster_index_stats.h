// GetIndexStats on a coordinator: every shard's counts summed. Distinct
// terms are counted once per shard (an upper bound); document types are
// summed per type and listed most frequent first; the date range spans the
// shards'. The first shard whose replicas all fail fails the call.
//
// Thread safety: as ShardCaller.
#ifndef DOCSEARCH_QUERY_SERVICE_COORDINATOR_CLUSTER_INDEX_STATS_H_
#define DOCSEARCH_QUERY_SERVICE_COORDINATOR_CLUSTER_INDEX_STATS_H_

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "docsearch/v1/query_service.pb.h"
#include "query_service/coordinator/shard_caller.h"

namespace docsearch::query {

absl::StatusOr<docsearch::v1::GetIndexStatsResponse> SumIndexStats(
    const ShardCaller& caller, const docsearch::v1::GetIndexStatsRequest& request,
    absl::Time deadline);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_COORDINATOR_CLUSTER_INDEX_STATS_H_
