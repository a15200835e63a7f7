// Log lines for the documents of one IndexService.Write batch, by request
// id: the ingest service sends each document's x-request-id beside it
// (WriteRequest.request_ids), and a batch mixes documents of many callers,
// so the query service writes one line per request id in the batch, with
// that id, naming its documents and their outcomes. Following one id
// through both services' logs then finds the ingest call, and here, when
// and how its documents were applied.
#ifndef DOCSEARCH_QUERY_SERVICE_SERVER_WRITE_LOG_H_
#define DOCSEARCH_QUERY_SERVICE_SERVER_WRITE_LOG_H_

#include "docsearch/v1/index_service.pb.h"

namespace docsearch::query {

// Logs `request`'s documents (by `response`'s per-document results).
// Documents without a request id are not logged.
void LogWriteBatch(const docsearch::v1::WriteRequest& request,
                   const docsearch::v1::WriteResponse& response);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SERVER_WRITE_LOG_H_
