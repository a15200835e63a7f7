// The values of one keyword field by document (Lucene's SortedSetDocValues):
// each distinct folded value gets an ordinal, and each document the sorted
// ordinals of its values, stored back to back.
//
// The inverted side (value → documents) answers term filters; this side
// answers "which values does this document have", so facet counts cost the
// number of matches rather than the size of every value's document list.
//
// Thread safety: none; it lives in IndexData under the index's lock.
#ifndef DOCSEARCH_QUERY_SERVICE_INDEX_KEYWORD_COLUMN_H_
#define DOCSEARCH_QUERY_SERVICE_INDEX_KEYWORD_COLUMN_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/types/span.h"

namespace docsearch::query {

class KeywordColumn {
 public:
  // Gives document `doc` the values `folded` (duplicates allowed). Documents
  // are added in increasing DocId order, each once; a document never added
  // has no values. Returns the bytes the column grew by.
  uint64_t Add(uint32_t doc, const std::vector<std::string>& folded);

  // The ordinals of `doc`'s values, ascending; empty when it has none.
  absl::Span<const uint32_t> Ordinals(uint32_t doc) const;

  // The folded value of an ordinal.
  const std::string& Value(uint32_t ordinal) const { return values_[ordinal]; }
  size_t ordinal_count() const { return values_.size(); }

 private:
  absl::flat_hash_map<std::string, uint32_t> ordinal_of_;
  std::vector<std::string> values_;  // By ordinal.
  std::vector<uint32_t> ordinals_;   // Every document's, back to back.
  // Document d's ordinals are ordinals_[begin_[d], begin_[d + 1]).
  std::vector<uint32_t> begin_{0};
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_INDEX_KEYWORD_COLUMN_H_
