// ListTwins: the documents in other languages that are the same statement
// as a stored one (twin_evidence.h says what counts as evidence and how it
// is scored).
//
// Linked at query time, not at indexing: candidates are the live documents
// of another language that carry the same normalized reference code
// (every distinct value of the `reference` keyword field holding the
// code's number is normalized and compared) or a published or updated date within kTwinDateWindowDays
// of one of the document's (the date columns are scanned). At most
// kMaxTwinCandidates are loaded and scored, those sharing the reference
// first, then the closest in date. So nothing is stored per document, an
// answer always reflects the documents live now (a translation ingested
// later is found without re-indexing its original), and the same call
// works on any index holding both texts. A document with neither a
// reference nor a date has no candidates: its twins are not found (a
// search by its numbers and names would find them; not done).
//
// Errors: INVALID_ARGUMENT naming the field (empty id, min_score outside
// [0, 1], max_results outside 0..kMaxTwinResults); NOT_FOUND for an id with
// no live document.
#ifndef DOCSEARCH_QUERY_SERVICE_COMPARE_LANGUAGE_TWINS_H_
#define DOCSEARCH_QUERY_SERVICE_COMPARE_LANGUAGE_TWINS_H_

#include "absl/status/statusor.h"
#include "docsearch/v1/comparison.pb.h"
#include "query_service/search/index_snapshot.h"

namespace docsearch::query::compare {

inline constexpr int kDefaultTwinResults = 10;
inline constexpr int kMaxTwinResults = 100;
inline constexpr size_t kMaxTwinCandidates = 1000;

absl::Status ValidateListTwins(const docsearch::v1::ListTwinsRequest& request);

absl::StatusOr<docsearch::v1::ListTwinsResponse> ListTwins(
    const docsearch::v1::ListTwinsRequest& request, IndexSnapshot index);

}  // namespace docsearch::query::compare

#endif  // DOCSEARCH_QUERY_SERVICE_COMPARE_LANGUAGE_TWINS_H_
