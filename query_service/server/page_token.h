// Opaque page tokens for Search: search-after cursors.
//
// A token carries the sort key of the last hit of the page it follows (its
// published day, score and id) and a fingerprint of the request it continues
// (query and sort order, not the page size). The next page is the hits that
// sort strictly after the last hit, so documents added or deleted between two
// fetches shift nothing: a document present throughout is neither repeated
// nor skipped.
//
// Date order breaks ties by id, so its keys never move. Scores do: every
// write changes N, document frequencies and average lengths a little. Search
// therefore places the cursor at the last hit's *current* score (the score
// in the token serves only once that document is gone), which keeps every
// document whose order relative to the last hit is unchanged on the right
// side. Two documents whose relative order a write flips can still be
// repeated or missed, as with Elasticsearch's search_after without a point
// in time.
//
// A token used with a different query is refused instead of silently paging
// through the wrong results. Tokens are URL-safe base64 and carry a version
// byte; version 1 tokens (offsets) are refused as malformed.
#ifndef DOCSEARCH_QUERY_SERVICE_SERVER_PAGE_TOKEN_H_
#define DOCSEARCH_QUERY_SERVICE_SERVER_PAGE_TOKEN_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "docsearch/v1/query_service.pb.h"
#include "query_service/search/search_spec.h"

namespace docsearch::query {

// A stable fingerprint of the parts of `request` a page token is bound to.
uint64_t RequestFingerprint(const docsearch::v1::SearchRequest& request);

std::string EncodePageToken(const PageCursor& cursor, uint64_t fingerprint);

// The cursor `request.page_token` carries: nullopt when empty (first page).
// INVALID_ARGUMENT naming page_token when malformed or made for another query.
absl::StatusOr<std::optional<PageCursor>> DecodePageToken(
    const docsearch::v1::SearchRequest& request);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SERVER_PAGE_TOKEN_H_
