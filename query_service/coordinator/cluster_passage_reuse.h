// FindPassageReuse on a coordinator, as one node answers it
// (compare/passage_reuse.h): every shard looks for the passage among its own
// paragraphs and the answers are merged in one node's order (published date,
// oldest first, undated last; ties by id, then paragraph), cut at
// max_results, the first marked as the first known source;
// candidates_checked is summed.
//
// A stored passage (`passage`) is asked of its owning shard as it is (which
// checks it and marks it `is_query`, with one node's errors), then of the
// other shards as the text of that paragraph, which they fingerprint the
// same way. A `text` goes to every shard.
//
// Thread safety: as ShardCaller.
#ifndef DOCSEARCH_QUERY_SERVICE_COORDINATOR_CLUSTER_PASSAGE_REUSE_H_
#define DOCSEARCH_QUERY_SERVICE_COORDINATOR_CLUSTER_PASSAGE_REUSE_H_

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "docsearch/v1/comparison.pb.h"
#include "query_service/coordinator/shard_caller.h"

namespace docsearch::query {

absl::StatusOr<docsearch::v1::FindPassageReuseResponse> FindPassageReuseAcrossShards(
    const ShardCaller& caller, const docsearch::v1::FindPassageReuseRequest& request,
    absl::Time deadline);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_COORDINATOR_CLUSTER_PASSAGE_REUSE_H_
