// The open postings of one text field of one copy of the index: the lists
// still being appended, for the documents added since the last seal
// (segment.h), by slot. The term dictionary (TextFieldIndex::terms) holds
// each term's slot, so indexing a term costs one hash lookup, not one in the
// dictionary and another in a map of open lists: at 100,000 documents the
// second lookup's cache misses were a tenth of indexing time
// (docs/BENCHMARKS.md, "Indexing throughput").
//
// Thread safety: none; as IndexData.
#ifndef DOCSEARCH_QUERY_SERVICE_INDEX_OPEN_POSTINGS_H_
#define DOCSEARCH_QUERY_SERVICE_INDEX_OPEN_POSTINGS_H_

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "query_service/index/posting_list.h"

namespace docsearch::query {

struct OpenPostings {
  // The slot of a term with no open list.
  static constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();

  // By slot: the term (to sort them when sealing) and its list.
  std::vector<std::string> terms;
  std::vector<PostingList> lists;

  // A new, empty list for `term` (which has none yet); returns its slot.
  uint32_t Add(absl::string_view term) {
    terms.emplace_back(term);
    lists.emplace_back();
    return static_cast<uint32_t>(lists.size() - 1);
  }
  size_t size() const { return lists.size(); }
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_INDEX_OPEN_POSTINGS_H_
