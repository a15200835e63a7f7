// ExportDocuments on a coordinator: the export one node streams, from the
// shards. One node reads each chunk as a page of its search sorted by
// published date, oldest first (ties by id), with the page token as the
// resume token (server/bulk_reads.h); the coordinator reads each chunk as a
// page of its own search across the shards (CoordinatorService::
// SearchShards: the same order, the same token format) and the chunk's
// documents from their owning shards (BatchGetDocuments with the field
// mask). The documents, their order and the resume tokens are therefore
// one node's; a token from one node resumes on the coordinator and back.
// One chunk in memory at a time, the next read once the client has taken
// the previous one.
//
// A shard whose replicas all fail ends the stream UNAVAILABLE; the last
// resume_token received continues it.
#ifndef DOCSEARCH_QUERY_SERVICE_COORDINATOR_CLUSTER_EXPORT_H_
#define DOCSEARCH_QUERY_SERVICE_COORDINATOR_CLUSTER_EXPORT_H_

#include <grpcpp/grpcpp.h>

#include <functional>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "docsearch/v1/bulk_read.pb.h"
#include "docsearch/v1/query_service.pb.h"
#include "query_service/coordinator/shard_caller.h"

namespace docsearch::query {

// A search across the shards (CoordinatorService::SearchShards).
using ClusterSearch = std::function<absl::StatusOr<docsearch::v1::SearchResponse>(
    const docsearch::v1::SearchRequest& request, absl::Time deadline)>;

// A started export of `request`. Each chunk's reads must end by
// `call_deadline` and within `chunk_timeout`; `max_page_size` is the
// replicas' --max_page_size. `caller` must outlive the stream, which
// deletes itself when done.
grpc::ServerWriteReactor<docsearch::v1::ExportDocumentsResponse>* StartClusterExport(
    ClusterSearch search, const ShardCaller* caller, int max_page_size,
    const docsearch::v1::ExportDocumentsRequest& request, absl::Time call_deadline,
    absl::Duration chunk_timeout);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_COORDINATOR_CLUSTER_EXPORT_H_
