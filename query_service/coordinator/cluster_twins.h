// ListTwins on a coordinator, as one node answers it (compare/
// language_twins.h). A translation is placed by its own id, so it is
// usually on another shard than its original: the document's own shard is
// asked first (ShardComparisonService.ListTwinsShard with the id: one
// node's checks and errors, its own twins, and the document's twin signals:
// language, normalized reference, dates, paragraph numbers, anchors, title
// trigrams); then every other shard, at once, with those signals. Each
// returns its best max_results twins; MergeTwins orders them best first with
// ties by id, cuts at max_results and sums candidates_checked. A document
// without a language, or with neither a reference nor a date, has no
// candidates anywhere, so only its own shard is asked.
//
// Each shard keeps at most kMaxTwinCandidates of its own candidates, so the
// answer is one node's whenever the document has at most that many
// candidates in the whole collection; beyond that the cluster checks more
// (up to that many per shard) and may find twins one node passes over.
//
// Thread safety: as ShardCaller.
#ifndef DOCSEARCH_QUERY_SERVICE_COORDINATOR_CLUSTER_TWINS_H_
#define DOCSEARCH_QUERY_SERVICE_COORDINATOR_CLUSTER_TWINS_H_

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "docsearch/v1/comparison.pb.h"
#include "query_service/coordinator/shard_caller.h"

namespace docsearch::query {

absl::StatusOr<docsearch::v1::ListTwinsResponse> ListTwinsAcrossShards(
    const ShardCaller& caller, const docsearch::v1::ListTwinsRequest& request, absl::Time deadline);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_COORDINATOR_CLUSTER_TWINS_H_
