// The part of Search with collapse_duplicates that does not depend on where
// the hits and clusters come from: one node's index (collapsed_search.h) or
// a cluster's shards (coordinator/cluster_collapsed_search.h), which must
// answer alike.
//
//   CollapsedToken   the page token: how many collapsed hits the pages
//                    before listed, bound to the query (not the page size).
//   CollapseScan     reads the engine's hits in order, in growing batches
//                    (at most kMaxCollapseScan in all), keeping the first
//                    hit of each cluster, until the pages before, this page
//                    and one more hit are kept.
//   SetHitCluster    a kept hit's cluster_id, duplicate_count, duplicate_ids.
//
// Thread safety: a CollapseScan belongs to one call.
#ifndef DOCSEARCH_QUERY_SERVICE_SERVER_COLLAPSE_SCAN_H_
#define DOCSEARCH_QUERY_SERVICE_SERVER_COLLAPSE_SCAN_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "docsearch/v1/query_service.pb.h"

namespace docsearch::query {

inline constexpr size_t kMaxCollapseScan = 10000;
inline constexpr int kMaxDuplicateIdsPerHit = 100;

std::string EncodeCollapsedToken(const docsearch::v1::SearchRequest& request, uint32_t listed);
// Collapsed hits listed on the pages before this one (0 without a token).
// INVALID_ARGUMENT naming page_token for a token of another query or of a
// search without collapse_duplicates.
absl::StatusOr<uint32_t> DecodeCollapsedToken(const docsearch::v1::SearchRequest& request);

// The cluster of a hit, as the hit shows it.
struct HitCluster {
  std::string cluster_id;  // Empty: in no cluster.
  int32_t duplicate_count = 0;
  // The canonical member first (unless it is the hit), then the others by
  // id, at most kMaxDuplicateIdsPerHit.
  std::vector<std::string> duplicate_ids;
};

// The HitCluster of `hit_id` in a cluster of `member_ids` (the hit among
// them) whose canonical member is `canonical_id`.
HitCluster HitClusterOf(const std::string& hit_id, const std::string& canonical_id,
                        const std::vector<std::string>& member_ids);

void SetHitCluster(HitCluster cluster, docsearch::v1::SearchHit* hit);

class CollapseScan {
 public:
  // `listed_before` from the page token; batches of at most `max_batch`
  // hits (a coordinator's shards' page size limit).
  CollapseScan(size_t listed_before, size_t page_size, size_t max_batch = kMaxCollapseScan);

  // Hits to ask for next; 0 when the scan is over.
  size_t NextBatchSize() const;
  // Takes a batch of hits read in order, given their clusters; returns the
  // indexes of those kept, in order. `more`: the engine has hits past it.
  std::vector<size_t> Take(std::vector<HitCluster> clusters, bool more);

  // Once over: the kept hits [begin, end) form this page (indexes into the
  // kept hits, in Take order); a next page exists when more were kept.
  size_t page_begin() const;
  size_t page_end() const;
  bool next_page() const { return kept_clusters_.size() > page_end(); }
  std::vector<HitCluster>& kept_clusters() { return kept_clusters_; }

 private:
  const size_t listed_before_;
  const size_t page_size_;
  // Hits of the pages before, this page, and one more to know whether a
  // next page exists.
  const size_t wanted_;
  const size_t max_batch_;
  size_t batch_ = 0;  // The last batch asked for.
  size_t scanned_ = 0;
  bool over_ = false;
  std::vector<HitCluster> kept_clusters_;
  absl::flat_hash_set<std::string> clusters_seen_;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SERVER_COLLAPSE_SCAN_H_
