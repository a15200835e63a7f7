// ListTwins: the documents in other languages that are the same statement
// as a stored one (twin_evidence.h says what counts as evidence and how it
// is scored).
//
// Linked at query time, not at indexing: candidates are the live documents
// of another language that carry the same normalized reference code
// (every distinct value of the `reference` keyword field holding the
// code's number is normalized and compared) or a published or updated date within
// kTwinDateWindowDays of one of the document's (the date columns are scanned). At most
// kMaxTwinCandidates are loaded and scored, those sharing the reference
// first, then the closest in date. So nothing is stored per document, an
// answer always reflects the documents live now (a translation ingested
// later is found without re-indexing its original), and the same call
// works on any index holding both texts. A document with neither a
// reference nor a date has no candidates: its twins are not found (a
// search by its numbers and names would find them; not done).
//
// Across shards (coordinator/cluster_twins.h) the same code runs on each
// shard (ListTwinsShard): the document's own shard scores its candidates
// and returns the document's signals, every other shard scores its
// candidates against those signals, and MergeTwins orders the answers as
// one node does. Each shard keeps at most kMaxTwinCandidates of its own
// candidates (in the order above), so the cluster checks the candidates one
// node checks whenever the document has at most that many in the whole
// collection, and more (up to that many per shard) beyond.
//
// Errors: INVALID_ARGUMENT naming the field (empty id, min_score outside
// [0, 1], max_results outside 0..kMaxTwinResults); NOT_FOUND for an id with
// no live document.
#ifndef DOCSEARCH_QUERY_SERVICE_COMPARE_LANGUAGE_TWINS_H_
#define DOCSEARCH_QUERY_SERVICE_COMPARE_LANGUAGE_TWINS_H_

#include <vector>

#include "absl/status/statusor.h"
#include "docsearch/v1/comparison.pb.h"
#include "docsearch/v1/shard_comparison.pb.h"
#include "query_service/compare/twin_evidence.h"
#include "query_service/search/index_snapshot.h"

namespace docsearch::query::compare {

inline constexpr int kDefaultTwinResults = 10;
inline constexpr int kMaxTwinResults = 100;
inline constexpr size_t kMaxTwinCandidates = 1000;

absl::Status ValidateListTwins(const docsearch::v1::ListTwinsRequest& request);

// The request's max_results, its default applied.
int TwinResultsOf(const docsearch::v1::ListTwinsRequest& request);

// One node: ListTwinsShard of the request without signals, its twins.
absl::StatusOr<docsearch::v1::ListTwinsResponse> ListTwins(
    const docsearch::v1::ListTwinsRequest& request, IndexSnapshot index);

// One shard's part (ShardComparisonService.ListTwinsShard): without
// signals, the twins of the document stored here and its signals; with
// them, the twins among this shard's documents of the document they
// describe (stored elsewhere; never one of its own twins). The twins best
// first, ties by id, cut at max_results.
absl::StatusOr<docsearch::v1::ListTwinsShardResponse> ListTwinsShard(
    const docsearch::v1::ListTwinsShardRequest& request, IndexSnapshot index);

// The shards' answers as one: id and language of the first (the document's
// own shard), every twin best first with ties by id, cut at `max_results`,
// candidates_checked summed. Each shard's answer already holds its best
// `max_results`, so the cut is one node's.
docsearch::v1::ListTwinsResponse MergeTwins(std::vector<docsearch::v1::ListTwinsResponse> answers,
                                            int max_results);

docsearch::v1::TwinSignalsMessage SignalsToMessage(const TwinSignals& signals);
TwinSignals SignalsFromMessage(const docsearch::v1::TwinSignalsMessage& message);

}  // namespace docsearch::query::compare

#endif  // DOCSEARCH_QUERY_SERVICE_COMPARE_LANGUAGE_TWINS_H_
