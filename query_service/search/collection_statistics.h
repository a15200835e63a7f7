// The collection statistics BM25 scores with: N (live documents), each
// term's document frequency, and each text field's average length.
//
// Behind an interface so that a coordinator searching several shards can
// supply global statistics (Lucene's CollectionStatistics and
// TermStatistics, Elasticsearch's DFS phase): every shard then scores its
// documents as one index holding all of them would. A search that sets
// none scores with its own index's statistics, read in place (bm25.h), so
// the single-index path pays nothing for the indirection.
//
// Thread safety: read by one search at a time; an implementation must not
// change while a search holds it.
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_COLLECTION_STATISTICS_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_COLLECTION_STATISTICS_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace docsearch::query {

class CollectionStatistics {
 public:
  virtual ~CollectionStatistics() = default;
  // Live documents in the collection (N).
  virtual uint64_t DocumentCount() const = 0;
  // Live documents whose text field `field` ("title", "body") holds the
  // analyzed `term` (n).
  virtual uint64_t DocumentFrequency(absl::string_view field, const std::string& term) const = 0;
  // Tokens of `field` summed over live documents (avgdl is this over N, at
  // least 1).
  virtual uint64_t TotalLength(absl::string_view field) const = 0;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_COLLECTION_STATISTICS_H_
