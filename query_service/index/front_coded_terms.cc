#include "query_service/index/front_coded_terms.h"

#include <algorithm>

#include "query_service/index/varint.h"

namespace docsearch::query {
namespace {

size_t SharedPrefix(absl::string_view a, absl::string_view b) {
  const size_t limit = std::min(a.size(), b.size());
  size_t shared = 0;
  while (shared < limit && a[shared] == b[shared]) ++shared;
  return shared;
}

}  // namespace

FrontCodedTerms::FrontCodedTerms(const std::vector<absl::string_view>& sorted)
    : size_(static_cast<uint32_t>(sorted.size())) {
  size_t total = 0;
  for (absl::string_view term : sorted) total += term.size() + 2;
  bytes_.reserve(total);
  block_offsets_.reserve((sorted.size() + kBlockTerms - 1) / kBlockTerms);
  for (size_t i = 0; i < sorted.size(); ++i) {
    const absl::string_view term = sorted[i];
    if (i % kBlockTerms == 0) {
      block_offsets_.push_back(static_cast<uint32_t>(bytes_.size()));
      PutVarint(bytes_, static_cast<uint32_t>(term.size()));
      bytes_.insert(bytes_.end(), term.begin(), term.end());
    } else {
      const size_t shared = SharedPrefix(sorted[i - 1], term);
      PutVarint(bytes_, static_cast<uint32_t>(shared));
      PutVarint(bytes_, static_cast<uint32_t>(term.size() - shared));
      bytes_.insert(bytes_.end(), term.begin() + static_cast<std::ptrdiff_t>(shared), term.end());
    }
  }
  bytes_.shrink_to_fit();
}

absl::string_view FrontCodedTerms::Head(uint32_t block) const {
  uint32_t offset = block_offsets_[block];
  const uint32_t length = GetVarint(bytes_.data(), offset);
  return {reinterpret_cast<const char*>(bytes_.data()) + offset, length};
}

std::optional<uint32_t> FrontCodedTerms::Find(absl::string_view term) const {
  if (size_ == 0) return std::nullopt;
  // The last block whose head is <= term: the only one that can hold it.
  uint32_t low = 0;
  uint32_t high = static_cast<uint32_t>(block_offsets_.size());
  while (high - low > 1) {
    const uint32_t middle = low + (high - low) / 2;
    if (Head(middle) <= term) {
      low = middle;
    } else {
      high = middle;
    }
  }
  const absl::string_view head = Head(low);
  if (head == term) return low * kBlockTerms;
  if (head > term) return std::nullopt;  // Before the first term.
  // Decode the block's later terms, each from the one before, until one is
  // at or past `term`.
  const uint8_t* data = bytes_.data();
  uint32_t offset =
      static_cast<uint32_t>(head.data() + head.size() - reinterpret_cast<const char*>(data));
  // `current` only ever extends a prefix of `term` it matches, so track how
  // much of `term` the current term shares instead of rebuilding it.
  size_t matched = SharedPrefix(head, term);
  const uint32_t end = std::min(size_, (low + 1) * kBlockTerms);
  for (uint32_t ordinal = low * kBlockTerms + 1; ordinal < end; ++ordinal) {
    const uint32_t shared = GetVarint(data, offset);
    const uint32_t suffix = GetVarint(data, offset);
    const char* bytes = reinterpret_cast<const char*>(data) + offset;
    offset += suffix;
    // Terms ascend. When the shared part is shorter than what matched,
    // this term differs from `term` where the previous one matched it and
    // is larger than the previous: so larger than `term`.
    if (shared < matched) return std::nullopt;
    if (shared > matched) continue;  // Same mismatch as the previous term.
    // shared == matched: compare the suffix with the rest of `term`.
    const absl::string_view rest = term.substr(matched);
    const absl::string_view tail(bytes, suffix);
    const size_t common = SharedPrefix(tail, rest);
    if (common == tail.size() && common == rest.size()) return ordinal;
    if (common == rest.size()) return std::nullopt;  // `term` is a prefix: smaller.
    if (common < tail.size() &&
        static_cast<unsigned char>(tail[common]) > static_cast<unsigned char>(rest[common])) {
      return std::nullopt;  // Past `term`.
    }
    matched += common;
  }
  return std::nullopt;
}

FrontCodedTerms::Reader::Reader(const FrontCodedTerms& terms) : terms_(&terms) {
  if (!done()) Decode();
}

void FrontCodedTerms::Reader::Next() {
  if (done()) return;
  ++ordinal_;
  if (!done()) Decode();
}

void FrontCodedTerms::Reader::Decode() {
  const uint8_t* data = terms_->bytes_.data();
  uint32_t shared = 0;
  uint32_t length = 0;
  if (ordinal_ % kBlockTerms == 0) {
    length = GetVarint(data, offset_);
  } else {
    shared = GetVarint(data, offset_);
    length = GetVarint(data, offset_);
  }
  term_.resize(shared);
  term_.append(reinterpret_cast<const char*>(data) + offset_, length);
  offset_ += length;
}

const FrontCodedTerms::Reader* SmallestTerm(const std::vector<FrontCodedTerms::Reader>& readers) {
  const FrontCodedTerms::Reader* smallest = nullptr;
  for (const FrontCodedTerms::Reader& reader : readers) {
    if (!reader.done() && (smallest == nullptr || reader.term() < smallest->term())) {
      smallest = &reader;
    }
  }
  return smallest;
}

}  // namespace docsearch::query
