// Collection statistics across shards (cluster mode, docs/SCALING.md).
//
// A coordinator searching several shards first asks one replica of each for
// the statistics its search would score with (RecordingStatistics: it
// scores with the replica's own, recording every (field, term) the search
// looks up), sums them, and hands the sums to every shard
// (MessageStatistics), so each scores its documents exactly as one index
// holding all of them would: same N, document frequencies and average
// field lengths, hence the same BM25 scores.
//
// Thread safety: read-only after construction, except RecordingStatistics,
// which one search uses at a time.
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_SHARD_STATISTICS_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_SHARD_STATISTICS_H_

#include <cstdint>
#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "docsearch/v1/shard_service.pb.h"
#include "query_service/index/index_data.h"
#include "query_service/search/collection_statistics.h"

namespace docsearch::query {

// The index's own statistics, recording what is asked.
class RecordingStatistics final : public CollectionStatistics {
 public:
  explicit RecordingStatistics(const IndexData& index) : index_(index) {}

  uint64_t DocumentCount() const override { return index_.live_count(); }
  uint64_t DocumentFrequency(absl::string_view field, const std::string& term) const override;
  uint64_t TotalLength(absl::string_view field) const override;

  // Everything recorded, with N, the total lengths and the language counts.
  docsearch::v1::CollectionStatisticsMessage ToMessage() const;

 private:
  const IndexData& index_;
  mutable absl::flat_hash_map<std::pair<std::string, std::string>, uint64_t> asked_;
};

// Statistics given in a message (summed over shards).
class MessageStatistics final : public CollectionStatistics {
 public:
  explicit MessageStatistics(const docsearch::v1::CollectionStatisticsMessage& message);

  uint64_t DocumentCount() const override { return document_count_; }
  // 0 for a term the message does not hold (no shard had it).
  uint64_t DocumentFrequency(absl::string_view field, const std::string& term) const override;
  uint64_t TotalLength(absl::string_view field) const override;

 private:
  uint64_t document_count_ = 0;
  uint64_t title_total_length_ = 0;
  uint64_t body_total_length_ = 0;
  absl::flat_hash_map<std::pair<std::string, std::string>, uint64_t> frequencies_;
};

// The most frequent `language` value of `message.languages` (ties: the
// smallest), as SearchIndex picks its own; empty when none.
std::string MainLanguageOf(const docsearch::v1::CollectionStatisticsMessage& message);

// Adds `part` (one shard's) into `sum`: counts and lengths added, term
// frequencies and language counts added by key.
void AddStatistics(const docsearch::v1::CollectionStatisticsMessage& part,
                   docsearch::v1::CollectionStatisticsMessage* sum);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_SHARD_STATISTICS_H_
