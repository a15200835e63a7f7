// The comparison RPCs over a SearchIndex: one entry point per RPC, each
// reading the index inside SearchIndex::Read for as long as it needs it
// (for CompareSets and FindNearDuplicates only to select and copy
// documents, which are then analyzed outside it, so writes wait less).
//
// The algorithms live beside this file, one concept each
// (document_comparer.h, ...); this class only makes a per-call analyzer
// (analyzers are single-threaded) and holds the lock. Errors are those of
// the algorithms: INVALID_ARGUMENT naming the field, NOT_FOUND for a missing
// id.
//
// CompareDocuments keeps the analyses of the last kAnalysisCacheDocuments
// stored documents it compared (analysis_cache.h, ~35 KB each for a 2 KB
// statement): comparing one statement with several others analyzes it once.
//
// Thread safety: any number of calls at once, beside searches and writes;
// they never wait for a write.
#ifndef DOCSEARCH_QUERY_SERVICE_COMPARE_COMPARISONS_H_
#define DOCSEARCH_QUERY_SERVICE_COMPARE_COMPARISONS_H_

#include "absl/status/statusor.h"
#include "docsearch/v1/comparison.pb.h"
#include "query_service/compare/analysis_cache.h"
#include "query_service/search/search_index.h"

namespace docsearch::query::compare {

inline constexpr size_t kAnalysisCacheDocuments = 256;

class Comparisons {
 public:
  // `index` is not owned and must outlive this object.
  explicit Comparisons(const SearchIndex& index) : index_(index) {}

  absl::StatusOr<docsearch::v1::CompareDocumentsResponse> CompareDocuments(
      const docsearch::v1::CompareDocumentsRequest& request) const;
  absl::StatusOr<docsearch::v1::FindSimilarResponse> FindSimilar(
      const docsearch::v1::FindSimilarRequest& request) const;
  absl::StatusOr<docsearch::v1::TermTrendResponse> TermTrend(
      const docsearch::v1::TermTrendRequest& request) const;
  absl::StatusOr<docsearch::v1::CompareSetsResponse> CompareSets(
      const docsearch::v1::CompareSetsRequest& request) const;
  absl::StatusOr<docsearch::v1::FindNearDuplicatesResponse> FindNearDuplicates(
      const docsearch::v1::FindNearDuplicatesRequest& request) const;
  absl::StatusOr<docsearch::v1::ListVersionsResponse> ListVersions(
      const docsearch::v1::ListVersionsRequest& request) const;
  absl::StatusOr<docsearch::v1::CompareVersionsResponse> CompareVersions(
      const docsearch::v1::CompareVersionsRequest& request) const;
  absl::StatusOr<docsearch::v1::FindPassageReuseResponse> FindPassageReuse(
      const docsearch::v1::FindPassageReuseRequest& request) const;
  absl::StatusOr<docsearch::v1::ListTwinsResponse> ListTwins(
      const docsearch::v1::ListTwinsRequest& request) const;

 private:
  const SearchIndex& index_;
  mutable AnalysisCache analysis_cache_{kAnalysisCacheDocuments};
};

}  // namespace docsearch::query::compare

#endif  // DOCSEARCH_QUERY_SERVICE_COMPARE_COMPARISONS_H_
