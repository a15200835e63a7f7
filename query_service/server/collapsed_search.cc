#include "query_service/server/collapsed_search.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/base/internal/endian.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/escaping.h"
#include "absl/time/clock.h"
#include "query_service/compare/duplicate_cluster_index.h"
#include "query_service/server/page_token.h"
#include "query_service/server/search_request_mapping.h"

namespace docsearch::query {
namespace {

using docsearch::v1::SearchRequest;
using docsearch::v1::SearchResponse;

// Unlike the plain token's version (2): neither kind is taken for the other.
constexpr char kCollapsedTokenVersion = 'k';
constexpr size_t kTokenBytes = 1 + 8 + 4;
constexpr size_t kFirstBatch = 50;

std::string EncodeCollapsedToken(const SearchRequest& request, uint32_t listed) {
  std::string raw(kTokenBytes, '\0');
  raw[0] = kCollapsedTokenVersion;
  absl::little_endian::Store64(raw.data() + 1, RequestFingerprint(request));
  absl::little_endian::Store32(raw.data() + 9, listed);
  return absl::WebSafeBase64Escape(raw);
}

// Collapsed hits listed on the pages before this one.
absl::StatusOr<uint32_t> DecodeCollapsedToken(const SearchRequest& request) {
  if (request.page_token().empty()) return 0;
  std::string raw;
  if (!absl::WebSafeBase64Unescape(request.page_token(), &raw) || raw.size() != kTokenBytes ||
      raw[0] != kCollapsedTokenVersion) {
    return absl::InvalidArgumentError(
        "page_token is malformed or belongs to a search without collapse_duplicates; pass the "
        "next_page_token of a previous response unchanged");
  }
  if (absl::little_endian::Load64(raw.data() + 1) != RequestFingerprint(request)) {
    return absl::InvalidArgumentError(
        "page_token belongs to a different query or sort order; start again without page_token");
  }
  return absl::little_endian::Load32(raw.data() + 9);
}

// The cluster of a hit, as the hit shows it.
struct HitCluster {
  std::string cluster_id;  // Empty: in no cluster.
  int32_t duplicate_count = 0;
  std::vector<std::string> duplicate_ids;
};

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
      HitCluster& out = clusters[i];
      out.cluster_id = std::string(data->documents().id(cluster->canonical));
      out.duplicate_count = static_cast<int32_t>(cluster->members.size() - 1);
      std::vector<std::string> others;
      for (DocId member : cluster->members) {
        if (member != *doc && member != cluster->canonical) {
          others.emplace_back(data->documents().id(member));
        }
      }
      std::sort(others.begin(), others.end());
      if (cluster->canonical != *doc) out.duplicate_ids.push_back(out.cluster_id);
      for (std::string& id : others) {
        if (out.duplicate_ids.size() >= kMaxDuplicateIdsPerHit) break;
        out.duplicate_ids.push_back(std::move(id));
      }
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
  const size_t page_size = spec->page_size;
  // Hits wanted: those of the pages before, this page, and one more to
  // know whether a next page exists.
  const size_t wanted = static_cast<size_t>(*listed_before) + page_size + 1;
  spec->page_size = std::clamp(2 * wanted, kFirstBatch, kMaxCollapseScan);

  SearchResult first;
  std::vector<SearchResultHit> kept_hits;
  std::vector<HitCluster> kept_clusters;
  absl::flat_hash_set<std::string> clusters_seen;
  size_t scanned = 0;
  for (bool first_batch = true;; first_batch = false) {
    absl::StatusOr<SearchResult> result = index.Search(*spec, ShardScoring());
    if (!result.ok()) return result.status();
    std::optional<std::vector<HitCluster>> clusters = ClustersOf(index, result->hits);
    if (!clusters.has_value()) {
      return absl::FailedPreconditionError(
          "collapse_duplicates needs the near-duplicate clusters kept on ingest; this server "
          "runs with --duplicate_clusters=false");
    }
    scanned += result->hits.size();
    for (size_t i = 0; i < result->hits.size() && kept_hits.size() < wanted; ++i) {
      HitCluster& cluster = (*clusters)[i];
      if (!cluster.cluster_id.empty() && !clusters_seen.insert(cluster.cluster_id).second) continue;
      kept_hits.push_back(std::move(result->hits[i]));
      kept_clusters.push_back(std::move(cluster));
    }
    const bool more = result->more && !result->hits.empty();
    const PageCursor last = result->hits.empty() ? PageCursor() : result->hits.back().sort_key;
    if (first_batch) {
      first = *std::move(result);
      first.hits.clear();
      // Later batches only read hits: their counts are the first's.
      spec->facets.clear();
      spec->date_histogram = docsearch::v1::INTERVAL_UNSPECIFIED;
      spec->exact_total = false;
    }
    if (kept_hits.size() >= wanted || !more || scanned >= kMaxCollapseScan) break;
    spec->after = last;
    spec->page_size = std::min(2 * spec->page_size, kMaxCollapseScan - scanned);
  }

  const size_t begin = std::min<size_t>(*listed_before, kept_hits.size());
  const size_t end = std::min(begin + page_size, kept_hits.size());
  const bool next_page = kept_hits.size() > end;
  SearchResult page = std::move(first);
  std::vector<HitCluster> page_clusters;
  for (size_t i = begin; i < end; ++i) {
    page.hits.push_back(std::move(kept_hits[i]));
    page_clusters.push_back(std::move(kept_clusters[i]));
  }
  page.more = false;  // The collapsed token replaces the plain one.
  SearchResponse response = SearchResponseOf(plain, std::move(page), absl::Now() - started);
  for (int i = 0; i < response.hits_size(); ++i) {
    HitCluster& cluster = page_clusters[i];
    if (cluster.cluster_id.empty()) continue;
    auto* hit = response.mutable_hits(i);
    hit->set_cluster_id(cluster.cluster_id);
    hit->set_duplicate_count(cluster.duplicate_count);
    for (std::string& id : cluster.duplicate_ids) hit->add_duplicate_ids(std::move(id));
  }
  if (next_page) {
    response.set_next_page_token(EncodeCollapsedToken(plain, static_cast<uint32_t>(end)));
  }
  return response;
}

}  // namespace docsearch::query
