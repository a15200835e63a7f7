#include "query_service/compare/sample_tallies.h"

namespace docsearch::query::compare {

SampleTallies::SampleTallies(const SelectedSets& sets, const DocumentVectors& vectors,
                             VectorEntriesOf entries_of, std::vector<uint32_t>& slots)
    : slots_(slots) {
  for (int side = 0; side < 2; ++side) {
    for (DocId doc : sets.sample[side]) {
      for (const VectorEntry& entry : (vectors.*entries_of)(doc)) {
        uint32_t& slot = slots_[entry.key];
        if (slot == 0) {
          keys_.push_back({entry.key, entry.surface});
          slot = static_cast<uint32_t>(keys_.size());
        }
        KeyTally& tally = keys_[slot - 1];
        tally.documents[side]++;
        tally.occurrences[side] += entry.count;
        if (entry.surface == tally.surface) {
          tally.surface_documents++;
        } else {
          other_forms_[(static_cast<uint64_t>(slot - 1) << 16) | entry.surface]++;
        }
      }
    }
  }
}

SampleTallies::~SampleTallies() {
  for (const KeyTally& tally : keys_) slots_[tally.key] = 0;
}

std::optional<uint32_t> SampleTallies::IndexOf(uint32_t key) const {
  if (key >= slots_.size() || slots_[key] == 0) return std::nullopt;
  return slots_[key] - 1;
}

}  // namespace docsearch::query::compare
