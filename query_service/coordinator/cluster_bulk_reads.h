// Reads of stored documents on a coordinator, each routed to the shard that
// owns the id (cluster/shard_router.h), so they answer as one node does:
//
//   ListVersions, CompareVersions  forwarded to the owner's replicas.
//   BatchGetDocuments              the ids split by owner, one call per shard
//                                  at once, the answers put back in the
//                                  order asked.
//
// A request a single node would refuse (no id, an empty id, too many ids)
// is sent to shard 0 as it is, so that the refusal reads the same.
#ifndef DOCSEARCH_QUERY_SERVICE_COORDINATOR_CLUSTER_BULK_READS_H_
#define DOCSEARCH_QUERY_SERVICE_COORDINATOR_CLUSTER_BULK_READS_H_

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "docsearch/v1/query_service.pb.h"
#include "query_service/coordinator/shard_caller.h"

namespace docsearch::query {

absl::StatusOr<docsearch::v1::ListVersionsResponse> ListVersionsOnOwner(
    const ShardCaller& caller, const docsearch::v1::ListVersionsRequest& request,
    absl::Time deadline);

absl::StatusOr<docsearch::v1::CompareVersionsResponse> CompareVersionsOnOwner(
    const ShardCaller& caller, const docsearch::v1::CompareVersionsRequest& request,
    absl::Time deadline);

// `max_ids`: the replicas' --max_page_size.
absl::StatusOr<docsearch::v1::BatchGetDocumentsResponse> BatchGetFromOwners(
    const ShardCaller& caller, const docsearch::v1::BatchGetDocumentsRequest& request, int max_ids,
    absl::Time deadline);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_COORDINATOR_CLUSTER_BULK_READS_H_
