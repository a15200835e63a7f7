#include "query_service/server/collapsed_search.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/time/clock.h"
#include "query_service/compare/duplicate_cluster_index.h"
#include "query_service/server/search_request_mapping.h"

namespace docsearch::query {
namespace {

using docsearch::v1::SearchRequest;
using docsearch::v1::SearchResponse;

// The clusters of `hits` in the current copy of the index; nullopt when the
// server keeps none.
std::optional<std::vector<HitCluster>> ClustersOf(const SearchIndex& index,
                                                  const std::vector<SearchResultHit>& hits) {
  return index.Read([&](IndexSnapshot data) -> std::optional<std::vector<HitCluster>> {
    const auto* kept = compare::DuplicateClusterIndex::Of(*data);
    if (kept == nullptr) return std::nullopt;
    std::vector<HitCluster> clusters(hits.size());
    for (size_t i = 0; i < hits.size(); ++i) {
      const std::optional<DocId> doc = data->FindDoc(hits[i].document.id());
      if (!doc.has_value()) continue;  // Deleted since the search.
      const compare::DuplicateCluster* cluster = kept->clusters().ClusterOf(*doc);
      if (cluster == nullptr) continue;
      std::vector<std::string> members;
      for (DocId member : cluster->members) members.emplace_back(data->documents().id(member));
      clusters[i] = HitClusterOf(hits[i].document.id(),
                                 std::string(data->documents().id(cluster->canonical)), members);
    }
    return clusters;
  });
}

}  // namespace

absl::StatusOr<SearchResponse> CollapsedSearchByRequest(const SearchIndex& index,
                                                        const SearchRequest& request) {
  const absl::Time started = absl::Now();
  absl::StatusOr<uint32_t> listed_before = DecodeCollapsedToken(request);
  if (!listed_before.ok()) return listed_before.status();
  SearchRequest plain = request;
  plain.clear_page_token();
  absl::StatusOr<SearchSpec> spec = SearchSpecOf(plain, index.options());
  if (!spec.ok()) return spec.status();
  CollapseScan scan(*listed_before, spec->page_size);
  // Most hits read are not shown: the batches build no snippets, the page's
  // hits get theirs at the end.
  const bool snippets = spec->snippets;
  spec->snippets = false;
  SearchResult first;
  std::vector<SearchResultHit> kept_hits;
  for (bool first_batch = true; scan.NextBatchSize() > 0; first_batch = false) {
    spec->page_size = scan.NextBatchSize();
    absl::StatusOr<SearchResult> result = index.Search(*spec, ShardScoring());
    if (!result.ok()) return result.status();
    std::optional<std::vector<HitCluster>> clusters = ClustersOf(index, result->hits);
    if (!clusters.has_value()) {
      return absl::FailedPreconditionError(
          "collapse_duplicates needs the near-duplicate clusters kept on ingest; this server "
          "runs with --duplicate_clusters=false");
    }
    const bool more = result->more && !result->hits.empty();
    for (size_t i : scan.Take(*std::move(clusters), more)) {
      kept_hits.push_back(std::move(result->hits[i]));
    }
    if (!result->hits.empty()) spec->after = result->hits.back().sort_key;
    if (first_batch) {
      first = *std::move(result);
      first.hits.clear();
      // Later batches only read hits: their counts are the first's.
      spec->facets.clear();
      spec->date_histogram = docsearch::v1::INTERVAL_UNSPECIFIED;
      spec->exact_total = false;
    }
  }

  SearchResult page = std::move(first);
  for (size_t i = scan.page_begin(); i < scan.page_end(); ++i) {
    page.hits.push_back(std::move(kept_hits[i]));
  }
  page.more = false;  // The collapsed token replaces the plain one.
  if (snippets && !page.hits.empty()) {
    SearchSpec fetch = *spec;
    fetch.snippets = true;
    fetch.fetch_ids.clear();
    for (const SearchResultHit& hit : page.hits) fetch.fetch_ids.push_back(hit.document.id());
    absl::StatusOr<SearchResult> fetched = index.Search(fetch, ShardScoring());
    if (!fetched.ok()) return fetched.status();
    // A hit deleted since keeps no snippet, as across shards.
    absl::flat_hash_map<std::string, std::vector<docsearch::v1::Snippet>> by_id;
    for (SearchResultHit& hit : fetched->hits) {
      by_id[hit.document.id()] = std::move(hit.snippets);
    }
    for (SearchResultHit& hit : page.hits) {
      auto it = by_id.find(hit.document.id());
      if (it != by_id.end()) hit.snippets = std::move(it->second);
    }
  }
  SearchResponse response = SearchResponseOf(plain, std::move(page), absl::Now() - started);
  for (int i = 0; i < response.hits_size(); ++i) {
    SetHitCluster(std::move(scan.kept_clusters()[scan.page_begin() + i]), response.mutable_hits(i));
  }
  if (scan.next_page()) {
    response.set_next_page_token(
        EncodeCollapsedToken(plain, static_cast<uint32_t>(scan.page_end())));
  }
  return response;
}

}  // namespace docsearch::query
