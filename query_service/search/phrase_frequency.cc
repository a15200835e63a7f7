#include "query_service/search/phrase_frequency.h"

#include <algorithm>

namespace docsearch::query {

int PhraseFrequency(const std::vector<const std::vector<uint32_t>*>& positions, int slop) {
  int frequency = 0;
  for (uint32_t start : *positions[0]) {
    uint32_t previous = start;
    bool found = true;
    for (size_t i = 1; i < positions.size() && found; ++i) {
      const auto& list = *positions[i];
      auto next = std::upper_bound(list.begin(), list.end(), previous);
      if (next == list.end()) {
        found = false;
      } else {
        previous = *next;
      }
    }
    if (found && previous - start - (positions.size() - 1) <= static_cast<uint32_t>(slop)) {
      ++frequency;
    }
  }
  return frequency;
}

}  // namespace docsearch::query
