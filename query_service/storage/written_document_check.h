// What IndexService.Write refuses in a document. Each refusal is that
// document's own outcome (code and message in its WriteResult); the rest of
// the batch is applied.
//
// The ingest service's parser never produces such documents; the check is
// for direct callers of Write, whose bad values would otherwise be stored
// and served: a year-0 or month-13 date made GetIndexStats report an
// earliest date after the latest and a monthly TermTrend walk millions of
// months.
#ifndef DOCSEARCH_QUERY_SERVICE_STORAGE_WRITTEN_DOCUMENT_CHECK_H_
#define DOCSEARCH_QUERY_SERVICE_STORAGE_WRITTEN_DOCUMENT_CHECK_H_

#include "absl/status/status.h"
#include "docsearch/v1/document.pb.h"

namespace docsearch::query {

// Dates a document may carry: years 1 to 9999 (ISO 8601's four digits).
inline constexpr int kMinDocumentYear = 1;
inline constexpr int kMaxDocumentYear = 9999;

// OK, or INVALID_ARGUMENT "documents[<position>]...: ..." naming the
// document and field: an id breaking the id rule (common/document_id.h), an
// enum number with no name or a non-finite number (CheckValues), or a
// `published` date that is not a calendar date within the years above.
absl::Status CheckWrittenDocument(const docsearch::v1::Document& document, int position);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_STORAGE_WRITTEN_DOCUMENT_CHECK_H_
