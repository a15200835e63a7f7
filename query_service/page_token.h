// Opaque page tokens for Search.
//
// A token carries the offset of the next page and a fingerprint of the
// request it continues (query and sort order, not the page size), so a token
// used with a different query is refused instead of silently paging through
// the wrong results. Tokens are URL-safe base64 and carry a version byte.
#ifndef DOCSEARCH_QUERY_SERVICE_PAGE_TOKEN_H_
#define DOCSEARCH_QUERY_SERVICE_PAGE_TOKEN_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "docsearch/v1/query_service.pb.h"

namespace docsearch::query {

// A stable fingerprint of the parts of `request` a page token is bound to.
uint64_t RequestFingerprint(const docsearch::v1::SearchRequest& request);

std::string EncodePageToken(uint64_t offset, uint64_t fingerprint);

// The offset of the page `request.page_token` asks for: 0 when empty.
// INVALID_ARGUMENT naming page_token when malformed or made for another query.
absl::StatusOr<uint64_t> DecodePageToken(const docsearch::v1::SearchRequest& request);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_PAGE_TOKEN_H_
