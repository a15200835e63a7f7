// A shard's part of near-duplicate clusters walked across shards
// (ShardComparisonService.GetNearDuplicates; the coordinator's side is
// coordinator/cluster_duplicate_walk.h): the signatures and canonical keys
// of given documents, and the live documents the kept duplicate graph
// (duplicate_graph.h) joins to given signatures, found by the graph's band
// index (DuplicateGraph::Near), not by a scan.
//
// Call inside SearchIndex::Read. Errors: FAILED_PRECONDITION when the index
// keeps no clusters; INVALID_ARGUMENT for a probe whose signature is not 64
// values below 65536.
#ifndef DOCSEARCH_QUERY_SERVICE_COMPARE_NEAR_DUPLICATE_LOOKUP_H_
#define DOCSEARCH_QUERY_SERVICE_COMPARE_NEAR_DUPLICATE_LOOKUP_H_

#include "absl/status/statusor.h"
#include "docsearch/v1/shard_comparison.pb.h"
#include "query_service/compare/duplicate_graph.h"
#include "query_service/search/index_snapshot.h"

namespace docsearch::query::compare {

absl::StatusOr<docsearch::v1::GetNearDuplicatesResponse> LookUpNearDuplicates(
    const docsearch::v1::GetNearDuplicatesRequest& request, IndexSnapshot index);

// The wire form of a member (DuplicateGraphMember without probes) and back.
void ToGraphMember(const std::string& id, const DuplicateMember& member,
                   const CompactSignature* signature, docsearch::v1::DuplicateGraphMember* out);
// The signature of `member`; nullopt when it has none (empty), an error
// when it is not 64 values below 65536.
absl::StatusOr<std::optional<CompactSignature>> SignatureOfMember(
    const docsearch::v1::DuplicateGraphMember& member);

}  // namespace docsearch::query::compare

#endif  // DOCSEARCH_QUERY_SERVICE_COMPARE_NEAR_DUPLICATE_LOOKUP_H_
