// The coordinator's memory of the collection statistics each shard reported
// for a search (ShardService.GetTermStatistics), so that a search seen
// before skips that round trip: the shards get the remembered statistics
// with their page request (SearchShardRequest.expected_shard_statistics),
// each checks that its own are unchanged and otherwise answers with its
// current ones, and the coordinator scores again with fresh sums. Scores
// therefore always come from current statistics; the cache only saves the
// first phase when nothing the search looks up has changed.
//
// Keyed by the request without its page token and page size (which do not
// change the terms looked up), so the pages of one search share an entry.
// Bounded: beyond `capacity` entries the oldest is dropped.
//
// Thread safety: thread-safe.
#ifndef DOCSEARCH_QUERY_SERVICE_COORDINATOR_STATISTICS_CACHE_H_
#define DOCSEARCH_QUERY_SERVICE_COORDINATOR_STATISTICS_CACHE_H_

#include <cstddef>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "docsearch/v1/shard_service.pb.h"

namespace docsearch::query {

using ShardStatistics = std::vector<docsearch::v1::CollectionStatisticsMessage>;

class StatisticsCache {
 public:
  // `capacity` 0 remembers nothing.
  explicit StatisticsCache(size_t capacity) : capacity_(capacity) {}

  // The statistics each shard reported for `request`, by shard; nullopt
  // when not remembered.
  std::optional<ShardStatistics> Find(const docsearch::v1::SearchRequest& request) const;
  void Put(const docsearch::v1::SearchRequest& request, ShardStatistics statistics);

 private:
  static std::string KeyOf(const docsearch::v1::SearchRequest& request);

  const size_t capacity_;
  mutable absl::Mutex mu_;
  absl::flat_hash_map<std::string, ShardStatistics> entries_ ABSL_GUARDED_BY(mu_);
  std::deque<std::string> order_ ABSL_GUARDED_BY(mu_);  // Oldest first.
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_COORDINATOR_STATISTICS_CACHE_H_
