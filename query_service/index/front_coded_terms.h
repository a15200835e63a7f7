// A sorted set of terms, front-coded: the dictionary of a sealed segment's
// field (sealed_postings.h), where a hash map of std::string keys cost more
// than the postings of its rare terms.
//
// Terms are in byte order and cut into blocks of kBlockTerms. A block's
// first term (its head) is stored whole: varint(length), bytes. Each later
// term stores only what differs from the one before it: varint(bytes
// shared with it), varint(bytes after those), the bytes after. Find binary
// searches the heads, then decodes at most one block. A term's ordinal (its
// rank in byte order) addresses whatever the caller keeps per term.
//
// Lucene's terms dictionary (block tree) and PISA's front-coded lexicon do
// the same; 16 terms a block keeps a lookup to one binary search over a
// sixteenth of the terms and a scan of at most 16.
//
// Thread safety: immutable once built.
#ifndef DOCSEARCH_QUERY_SERVICE_INDEX_FRONT_CODED_TERMS_H_
#define DOCSEARCH_QUERY_SERVICE_INDEX_FRONT_CODED_TERMS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace docsearch::query {

class FrontCodedTerms {
 public:
  static constexpr uint32_t kBlockTerms = 16;

  FrontCodedTerms() = default;
  // `sorted` must be strictly ascending in byte order (no duplicates).
  explicit FrontCodedTerms(const std::vector<absl::string_view>& sorted);

  uint32_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

  // The ordinal of `term`, or nullopt when absent.
  std::optional<uint32_t> Find(absl::string_view term) const;

  // Bytes held: the coded terms and the block offsets.
  uint64_t MemoryBytes() const {
    return bytes_.capacity() + block_offsets_.capacity() * sizeof(uint32_t);
  }

  // Reads the terms in order, decoding each from the one before.
  class Reader {
   public:
    explicit Reader(const FrontCodedTerms& terms);
    bool done() const { return ordinal_ == terms_->size_; }
    // Only while !done(); valid until Next.
    absl::string_view term() const { return term_; }
    uint32_t ordinal() const { return ordinal_; }
    void Next();

   private:
    // Decodes the term at offset_ (a head when `ordinal_` starts a block).
    void Decode();

    const FrontCodedTerms* terms_;
    uint32_t ordinal_ = 0;
    uint32_t offset_ = 0;
    std::string term_;
  };

 private:
  // The head of block `block`, pointing into bytes_.
  absl::string_view Head(uint32_t block) const;

  std::vector<uint8_t> bytes_;
  std::vector<uint32_t> block_offsets_;  // Where each block's head starts.
  uint32_t size_ = 0;
};

// The reader, among those not done, whose current term is first in byte
// order (the order terms are kept in), or null when all are done: the step
// of every walk over several segments' terms together (merges, segment
// swaps), which meets each term once with every list that holds it.
const FrontCodedTerms::Reader* SmallestTerm(const std::vector<FrontCodedTerms::Reader>& readers);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_INDEX_FRONT_CODED_TERMS_H_
