#include "query_service/index/segment.h"

namespace docsearch::query {

uint64_t PostingsMemoryBytes(const TermPostings& postings) {
  uint64_t bytes = 0;
  for (const auto& [term, list] : postings) {
    bytes += term.size() + kHashEntryOverhead + sizeof(PostingList) + list.MemoryBytes();
  }
  return bytes;
}

}  // namespace docsearch::query
