// ListVersions and CompareVersions: the kept versions of a document id
// (query_service/index/version_history.h) and what changed between two of
// them (version_diff.h).
//
// Versions are numbered from 1, the oldest kept, to the current one. The
// versions are read inside SearchIndex::Read (decompressed copies); the diff
// runs on the copies, outside it.
//
// Errors: INVALID_ARGUMENT naming the field (empty id, negative number),
// NOT_FOUND naming the field for an id with no live document or a version
// number not kept.
#ifndef DOCSEARCH_QUERY_SERVICE_COMPARE_VERSIONS_H_
#define DOCSEARCH_QUERY_SERVICE_COMPARE_VERSIONS_H_

#include "absl/status/statusor.h"
#include "docsearch/v1/comparison.pb.h"
#include "query_service/search/index_snapshot.h"

namespace docsearch::query::compare {

absl::StatusOr<docsearch::v1::ListVersionsResponse> ListVersions(
    const docsearch::v1::ListVersionsRequest& request, IndexSnapshot index);

// The two versions `request` names, copied out of the index: what
// CompareVersions diffs once the read is over.
struct VersionPair {
  std::string id;
  docsearch::v1::DocumentVersion from_version;
  docsearch::v1::DocumentVersion to_version;
  docsearch::v1::Document from;
  docsearch::v1::Document to;
};
absl::StatusOr<VersionPair> SelectVersions(const docsearch::v1::CompareVersionsRequest& request,
                                           IndexSnapshot index);

// The response for a pair SelectVersions chose.
docsearch::v1::CompareVersionsResponse CompareVersionPair(const VersionPair& pair);

}  // namespace docsearch::query::compare

#endif  // DOCSEARCH_QUERY_SERVICE_COMPARE_VERSIONS_H_
