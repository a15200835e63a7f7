#include "query_service/compare/comparisons.h"

#include "query_service/compare/document_comparer.h"

namespace docsearch::query::compare {

using docsearch::v1::CompareDocumentsRequest;
using docsearch::v1::CompareDocumentsResponse;

absl::StatusOr<CompareDocumentsResponse> Comparisons::CompareDocuments(
    const CompareDocumentsRequest& request) const {
  TextAnalyzer analyzer;
  return index_.WithReadLock(
      [&](const IndexData& data) { return compare::CompareDocuments(request, data, analyzer); });
}

}  // namespace docsearch::query::compare
