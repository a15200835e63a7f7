#include "query_service/server/collapse_scan.h"

#include <algorithm>
#include <utility>

#include "absl/base/internal/endian.h"
#include "absl/strings/escaping.h"
#include "query_service/server/page_token.h"

namespace docsearch::query {
namespace {

// Unlike the plain token's version (2): neither kind is taken for the other.
constexpr char kCollapsedTokenVersion = 'k';
constexpr size_t kTokenBytes = 1 + 8 + 4;
constexpr size_t kFirstBatch = 50;

}  // namespace

std::string EncodeCollapsedToken(const docsearch::v1::SearchRequest& request, uint32_t listed) {
  std::string raw(kTokenBytes, '\0');
  raw[0] = kCollapsedTokenVersion;
  absl::little_endian::Store64(raw.data() + 1, RequestFingerprint(request));
  absl::little_endian::Store32(raw.data() + 9, listed);
  return absl::WebSafeBase64Escape(raw);
}

absl::StatusOr<uint32_t> DecodeCollapsedToken(const docsearch::v1::SearchRequest& request) {
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

HitCluster HitClusterOf(const std::string& hit_id, const std::string& canonical_id,
                        const std::vector<std::string>& member_ids) {
  HitCluster out;
  out.cluster_id = canonical_id;
  out.duplicate_count = static_cast<int32_t>(member_ids.size() - 1);
  std::vector<std::string> others;
  for (const std::string& id : member_ids) {
    if (id != hit_id && id != canonical_id) others.push_back(id);
  }
  std::sort(others.begin(), others.end());
  if (canonical_id != hit_id) out.duplicate_ids.push_back(canonical_id);
  for (std::string& id : others) {
    if (out.duplicate_ids.size() >= kMaxDuplicateIdsPerHit) break;
    out.duplicate_ids.push_back(std::move(id));
  }
  return out;
}

void SetHitCluster(HitCluster cluster, docsearch::v1::SearchHit* hit) {
  if (cluster.cluster_id.empty()) return;
  hit->set_cluster_id(std::move(cluster.cluster_id));
  hit->set_duplicate_count(cluster.duplicate_count);
  for (std::string& id : cluster.duplicate_ids) hit->add_duplicate_ids(std::move(id));
}

CollapseScan::CollapseScan(size_t listed_before, size_t page_size, size_t max_batch)
    : listed_before_(listed_before),
      page_size_(page_size),
      wanted_(listed_before + page_size + 1),
      max_batch_(std::max<size_t>(1, max_batch)) {}

size_t CollapseScan::NextBatchSize() const {
  if (over_) return 0;
  const size_t size = batch_ == 0 ? std::clamp(2 * wanted_, kFirstBatch, kMaxCollapseScan)
                                  : std::min(2 * batch_, kMaxCollapseScan - scanned_);
  return std::min(size, max_batch_);
}

std::vector<size_t> CollapseScan::Take(std::vector<HitCluster> clusters, bool more) {
  // Batches double from the size asked, whatever max_batch cut it to, so
  // that the hits scanned are the same however the engine is split.
  batch_ = batch_ == 0 ? std::clamp(2 * wanted_, kFirstBatch, kMaxCollapseScan)
                       : std::min(2 * batch_, kMaxCollapseScan - scanned_);
  scanned_ += clusters.size();
  std::vector<size_t> kept;
  for (size_t i = 0; i < clusters.size() && kept_clusters_.size() < wanted_; ++i) {
    HitCluster& cluster = clusters[i];
    if (!cluster.cluster_id.empty() && !clusters_seen_.insert(cluster.cluster_id).second) continue;
    kept.push_back(i);
    kept_clusters_.push_back(std::move(cluster));
  }
  if (kept_clusters_.size() >= wanted_ || !more || clusters.empty() ||
      scanned_ >= kMaxCollapseScan) {
    over_ = true;
  }
  return kept;
}

size_t CollapseScan::page_begin() const { return std::min(listed_before_, kept_clusters_.size()); }

size_t CollapseScan::page_end() const {
  return std::min(page_begin() + page_size_, kept_clusters_.size());
}

}  // namespace docsearch::query
