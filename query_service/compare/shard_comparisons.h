// A shard's part of the comparison RPCs answered across shards
// (docsearch.v1.ShardComparisonService; the coordinator's side is
// coordinator/cluster_comparisons.h). Each function reads one replica's
// index; the coordinator adds the shards' answers up into exactly what one
// node holding every document answers.
//
//   TallySets        CompareSets' counts on this shard's part of the
//                    sample for the keys a TallySelection names (its keys in
//                    most documents of a side, those above a document count,
//                    given keys), each with its readable forms and the
//                    documents using them, and a bound on the keys left out.
//   ShardFingerprints FindNearDuplicates' inputs: the fingerprints of the
//                    live documents passing a filter (or of given ids),
//                    optionally only those near a given fingerprint.
//
// Call inside SearchIndex::Read. Errors: those of the single-node RPC
// (INVALID_ARGUMENT naming the field, NOT_FOUND for an unknown id);
// FAILED_PRECONDITION when the index keeps no per-document tallies.
#ifndef DOCSEARCH_QUERY_SERVICE_COMPARE_SHARD_COMPARISONS_H_
#define DOCSEARCH_QUERY_SERVICE_COMPARE_SHARD_COMPARISONS_H_

#include "absl/status/statusor.h"
#include "common/text_analyzer.h"
#include "docsearch/v1/shard_comparison.pb.h"
#include "query_service/search/index_snapshot.h"
#include "query_service/search/query_evaluator.h"

namespace docsearch::query::compare {

absl::StatusOr<docsearch::v1::TallySetsResponse> TallySets(
    const docsearch::v1::TallySetsRequest& request, IndexSnapshot index, TextAnalyzer& analyzer,
    const QueryLimits& limits);

absl::StatusOr<docsearch::v1::GetFingerprintsResponse> ShardFingerprints(
    const docsearch::v1::GetFingerprintsRequest& request, IndexSnapshot index,
    TextAnalyzer& analyzer, const QueryLimits& limits);

}  // namespace docsearch::query::compare

#endif  // DOCSEARCH_QUERY_SERVICE_COMPARE_SHARD_COMPARISONS_H_
