#include "query_service/index/keyword_column.h"

#include <algorithm>

namespace docsearch::query {
namespace {

// Rough per-entry overhead of a hash map slot (control byte, spare capacity).
constexpr uint64_t kHashEntryOverhead = 32;

}  // namespace

uint64_t KeywordColumn::Add(uint32_t doc, const std::vector<std::string>& folded) {
  uint64_t bytes = 0;
  if (begin_.size() > doc + 1) return 0;  // Added before: each document once.
  // Documents without values in between share their begin.
  if (begin_.size() < doc + 1) {
    bytes += (doc + 1 - begin_.size()) * sizeof(uint32_t);
    begin_.resize(doc + 1, begin_.back());
  }
  const size_t first = ordinals_.size();
  for (const std::string& value : folded) {
    auto [it, inserted] = ordinal_of_.try_emplace(value, static_cast<uint32_t>(values_.size()));
    if (inserted) {
      values_.push_back(value);
      bytes += 2 * value.size() + sizeof(std::string) + sizeof(uint32_t) + kHashEntryOverhead;
    }
    ordinals_.push_back(it->second);
  }
  std::sort(ordinals_.begin() + static_cast<std::ptrdiff_t>(first), ordinals_.end());
  ordinals_.erase(
      std::unique(ordinals_.begin() + static_cast<std::ptrdiff_t>(first), ordinals_.end()),
      ordinals_.end());
  bytes += (ordinals_.size() - first + 1) * sizeof(uint32_t);
  begin_.push_back(static_cast<uint32_t>(ordinals_.size()));
  return bytes;
}

absl::Span<const uint32_t> KeywordColumn::Ordinals(uint32_t doc) const {
  if (doc + 1 >= begin_.size()) return {};
  return absl::MakeConstSpan(ordinals_.data() + begin_[doc], begin_[doc + 1] - begin_[doc]);
}

}  // namespace docsearch::query
