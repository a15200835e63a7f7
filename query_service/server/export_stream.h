// QueryService.ExportDocuments as a gRPC stream: one chunk of
// bulk_reads.h's export at a time, the next read only when the client has
// taken the previous one.
#ifndef DOCSEARCH_QUERY_SERVICE_SERVER_EXPORT_STREAM_H_
#define DOCSEARCH_QUERY_SERVICE_SERVER_EXPORT_STREAM_H_

#include <grpcpp/grpcpp.h>

#include "docsearch/v1/bulk_read.pb.h"
#include "query_service/search/search_index.h"

namespace docsearch::query {

// A started stream of `request`'s export from `index` (which must outlive
// it); it deletes itself when done.
grpc::ServerWriteReactor<docsearch::v1::ExportDocumentsResponse>* StartExport(
    const SearchIndex* index, const docsearch::v1::ExportDocumentsRequest& request);

// A stream that finishes at once with `status`.
grpc::ServerWriteReactor<docsearch::v1::ExportDocumentsResponse>* FailedExportStream(
    const grpc::Status& status);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SERVER_EXPORT_STREAM_H_
