// Bulk reads (bulk_read.proto): the engine side of ExportDocuments and
// BatchGetDocuments, kept apart from the gRPC plumbing so each piece is
// small. QueryServiceImpl calls these.
//
// An export is a walk through Search pages of a fixed query in date order
// (oldest first, ties by id; undated last), whose search-after page tokens
// never move under writes; each page is one response, and the page token
// after it is the response's resume_token. So memory is one page (256
// documents), whatever the number of matches.
#ifndef DOCSEARCH_QUERY_SERVICE_SERVER_BULK_READS_H_
#define DOCSEARCH_QUERY_SERVICE_SERVER_BULK_READS_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "docsearch/v1/bulk_read.pb.h"
#include "google/protobuf/field_mask.pb.h"
#include "query_service/search/search_index.h"

namespace docsearch::query {

// Documents per export chunk.
inline constexpr int kExportChunkDocuments = 256;

// INVALID_ARGUMENT naming `field` and the first path that is not a path of
// Document.
absl::Status CheckDocumentFieldMask(const google::protobuf::FieldMask& mask,
                                    const std::string& field);

// The chunk that follows `resume_token` (the request's own for the first
// chunk). Its resume_token is empty once the export is complete. Errors are
// Search's, with page_token renamed resume_token.
absl::StatusOr<docsearch::v1::ExportDocumentsResponse> ExportChunk(
    const SearchIndex& index, const docsearch::v1::ExportDocumentsRequest& request,
    const std::string& resume_token);

absl::StatusOr<docsearch::v1::BatchGetDocumentsResponse> BatchGetDocuments(
    const SearchIndex& index, const docsearch::v1::BatchGetDocumentsRequest& request);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SERVER_BULK_READS_H_
