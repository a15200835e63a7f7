#include "query_service/compare/comparisons.h"

#include <optional>
#include <utility>

#include "query_service/compare/document_comparer.h"
#include "query_service/compare/document_vectors.h"
#include "query_service/compare/language_twins.h"
#include "query_service/compare/near_duplicate_clusters.h"
#include "query_service/compare/near_duplicates.h"
#include "query_service/compare/passage_reuse.h"
#include "query_service/compare/set_comparer.h"
#include "query_service/compare/similar_finder.h"
#include "query_service/compare/term_trend.h"
#include "query_service/compare/versions.h"

namespace docsearch::query::compare {

using docsearch::v1::CompareDocumentsRequest;
using docsearch::v1::CompareDocumentsResponse;

absl::StatusOr<CompareDocumentsResponse> Comparisons::CompareDocuments(
    const CompareDocumentsRequest& request) const {
  TextAnalyzer analyzer;
  return index_.Read([&](IndexSnapshot data) {
    return compare::CompareDocuments(request, data, analyzer, &analysis_cache_);
  });
}

absl::StatusOr<docsearch::v1::FindSimilarResponse> Comparisons::FindSimilar(
    const docsearch::v1::FindSimilarRequest& request) const {
  TextAnalyzer analyzer;
  return index_.Read([&](IndexSnapshot data) {
    return compare::FindSimilar(request, data, analyzer, index_.options().query_limits,
                                index_.options().scoring);
  });
}

absl::StatusOr<docsearch::v1::TermTrendResponse> Comparisons::TermTrend(
    const docsearch::v1::TermTrendRequest& request) const {
  TextAnalyzer analyzer;
  return index_.Read([&](IndexSnapshot data) {
    return compare::TermTrend(request, data, analyzer, index_.options().query_limits);
  });
}

absl::StatusOr<docsearch::v1::CompareSetsResponse> Comparisons::CompareSets(
    const docsearch::v1::CompareSetsRequest& request) const {
  TextAnalyzer analyzer;
  SetDocuments copies;  // Only for an index without DocumentVectors.
  absl::StatusOr<std::optional<docsearch::v1::CompareSetsResponse>> tallied = index_.Read(
      [&](IndexSnapshot data) -> absl::StatusOr<std::optional<docsearch::v1::CompareSetsResponse>> {
        absl::StatusOr<SelectedSets> sets =
            SelectSets(request, data, analyzer, index_.options().query_limits);
        if (!sets.ok()) return sets.status();
        // Adding index-time tallies takes milliseconds: done under the lock.
        if (const DocumentVectors* vectors = DocumentVectors::Of(data)) {
          return CompareTalliedSets(*sets, *vectors);
        }
        absl::StatusOr<SetDocuments> copied = CopySetDocuments(*sets, data);
        if (!copied.ok()) return copied.status();
        copies = *std::move(copied);
        return std::nullopt;
      });
  if (!tallied.ok()) return tallied.status();
  if (tallied->has_value()) return **std::move(tallied);
  // Analysis of up to thousands of documents runs outside the lock.
  return CompareAnalyzedSets(copies, analyzer);
}

absl::StatusOr<docsearch::v1::FindNearDuplicatesResponse> Comparisons::FindNearDuplicates(
    const docsearch::v1::FindNearDuplicatesRequest& request) const {
  TextAnalyzer analyzer;
  if (!request.pairs()) {
    return index_.Read([&](IndexSnapshot data) {
      return ListNearDuplicateClusters(request, data, analyzer, index_.options().query_limits);
    });
  }
  absl::StatusOr<NearDuplicateCandidates> candidates = index_.Read([&](IndexSnapshot data) {
    return SelectNearDuplicateCandidates(request, data, analyzer, index_.options().query_limits);
  });
  if (!candidates.ok()) return candidates.status();
  // Fingerprints missing from the store are computed outside the lock.
  docsearch::v1::FindNearDuplicatesResponse response = FindNearDuplicatePairs(*candidates);
  absl::Status titled = index_.Read(
      [&](IndexSnapshot data) { return FillNearDuplicateTitles(*candidates, data, &response); });
  if (!titled.ok()) return titled;
  return response;
}

absl::StatusOr<docsearch::v1::ListVersionsResponse> Comparisons::ListVersions(
    const docsearch::v1::ListVersionsRequest& request) const {
  return index_.Read([&](IndexSnapshot data) { return compare::ListVersions(request, data); });
}

absl::StatusOr<docsearch::v1::CompareVersionsResponse> Comparisons::CompareVersions(
    const docsearch::v1::CompareVersionsRequest& request) const {
  absl::StatusOr<VersionPair> pair =
      index_.Read([&](IndexSnapshot data) { return SelectVersions(request, data); });
  if (!pair.ok()) return pair.status();
  // The diff runs on the copies, outside the read.
  return CompareVersionPair(*pair);
}

absl::StatusOr<docsearch::v1::FindPassageReuseResponse> Comparisons::FindPassageReuse(
    const docsearch::v1::FindPassageReuseRequest& request) const {
  TextAnalyzer analyzer;
  return index_.Read([&](IndexSnapshot data) {
    return compare::FindPassageReuse(request, data, analyzer, index_.options().query_limits);
  });
}

absl::StatusOr<docsearch::v1::ListTwinsResponse> Comparisons::ListTwins(
    const docsearch::v1::ListTwinsRequest& request) const {
  return index_.Read([&](IndexSnapshot data) { return compare::ListTwins(request, data); });
}

}  // namespace docsearch::query::compare
