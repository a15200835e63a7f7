#include "query_service/index/posting_list.h"

#include <algorithm>

namespace docsearch::query {
namespace {

void PutVarint(std::vector<uint8_t>& out, uint32_t value) {
  while (value >= 0x80) {
    out.push_back(static_cast<uint8_t>(value | 0x80));
    value >>= 7;
  }
  out.push_back(static_cast<uint8_t>(value));
}

// Reads a varint at `offset`, advancing it. The writer produced the bytes,
// so they are well formed.
inline uint32_t GetVarint(const uint8_t* data, uint32_t& offset) {
  uint32_t value = data[offset] & 0x7f;
  int shift = 7;
  while (data[offset++] & 0x80) {
    value |= static_cast<uint32_t>(data[offset] & 0x7f) << shift;
    shift += 7;
  }
  return value;
}

}  // namespace

void PostingList::Append(DocId doc, uint32_t field_length, const std::vector<uint32_t>& positions) {
  const uint32_t frequency = static_cast<uint32_t>(positions.size());
  DocId previous = 0;
  if (size_ % kBlockSize == 0) {
    const DocId base = blocks_.empty() ? 0 : blocks_.back().last;
    blocks_.push_back({base, doc, static_cast<uint32_t>(docs_.size()),
                       static_cast<uint32_t>(positions_.size()), 0,
                       std::numeric_limits<uint32_t>::max()});
    previous = base;
  } else {
    previous = blocks_.back().last;
  }
  Block& block = blocks_.back();
  PutVarint(docs_, doc - previous);
  PutVarint(docs_, frequency);
  uint32_t last_position = 0;
  for (uint32_t position : positions) {
    PutVarint(positions_, position - last_position);
    last_position = position;
  }
  block.last = doc;
  block.max_frequency = std::max(block.max_frequency, frequency);
  block.min_length = std::min(block.min_length, field_length);
  bounds_.max_frequency = std::max(bounds_.max_frequency, frequency);
  bounds_.min_length = std::min(bounds_.min_length, field_length);
  ++size_;
}

void PostingList::ShrinkToFit() {
  docs_.shrink_to_fit();
  positions_.shrink_to_fit();
  blocks_.shrink_to_fit();
}

uint64_t PostingList::MemoryBytes() const {
  return docs_.capacity() + positions_.capacity() + blocks_.capacity() * sizeof(Block);
}

uint32_t PostingList::FindBlock(DocId target, uint32_t from) const {
  // Blocks are ordered by `last`.
  auto it = std::lower_bound(blocks_.begin() + from, blocks_.end(), target,
                             [](const Block& b, DocId d) { return b.last < d; });
  return static_cast<uint32_t>(it - blocks_.begin());
}

PostingCursor::PostingCursor(const PostingList& list) : list_(&list) {
  if (list.empty()) return;
  LoadBlock(0);
}

PostingCursor::PostingCursor(const PostingList& list, DocId target) : list_(&list) {
  const uint32_t block = list.FindBlock(target);
  if (block == list.block_count()) return;  // doc_ stays kEnd.
  LoadBlock(block);
  // The block's last doc is >= target, so index_ stays in the block.
  while (docs_[index_] < target) ++index_;
  doc_ = docs_[index_];
}

void PostingCursor::LoadBlock(uint32_t block) {
  block_ = block;
  shallow_block_ = block;
  const PostingList::Block& entry = list_->blocks_[block];
  const uint32_t end_offset = block + 1 < list_->blocks_.size()
                                  ? list_->blocks_[block + 1].docs_offset
                                  : static_cast<uint32_t>(list_->docs_.size());
  const uint8_t* data = list_->docs_.data();
  uint32_t offset = entry.docs_offset;
  DocId doc = entry.base;
  count_ = 0;
  while (offset < end_offset) {
    doc += GetVarint(data, offset);
    docs_[count_] = doc;
    frequencies_[count_] = GetVarint(data, offset);
    ++count_;
  }
  index_ = 0;
  doc_ = docs_[0];
  positions_offset_ = entry.positions_offset;
  positions_index_ = 0;
}

void PostingCursor::Next() {
  if (doc_ == kEnd) return;
  if (++index_ < count_) {
    doc_ = docs_[index_];
    return;
  }
  if (block_ + 1 < list_->blocks_.size()) {
    LoadBlock(block_ + 1);
  } else {
    doc_ = kEnd;
  }
}

bool PostingCursor::ShallowAdvance(DocId target) {
  const auto& blocks = list_->blocks_;
  if (doc_ == kEnd) return false;
  if (blocks[shallow_block_].last >= target) return true;
  // Blocks are ordered by `last`: take the first at or past the target.
  auto it = std::lower_bound(blocks.begin() + shallow_block_ + 1, blocks.end(), target,
                             [](const PostingList::Block& b, DocId d) { return b.last < d; });
  if (it == blocks.end()) return false;
  shallow_block_ = static_cast<uint32_t>(it - blocks.begin());
  return true;
}

void PostingCursor::Advance(DocId target) {
  if (doc_ >= target) return;  // Also at kEnd.
  const auto& blocks = list_->blocks_;
  if (blocks[block_].last < target) {
    // Not from shallow_block_: a shallow move to a larger target may have
    // passed blocks that hold this one.
    auto it = std::lower_bound(blocks.begin() + block_ + 1, blocks.end(), target,
                               [](const PostingList::Block& b, DocId d) { return b.last < d; });
    if (it == blocks.end()) {
      doc_ = kEnd;
      return;
    }
    LoadBlock(static_cast<uint32_t>(it - blocks.begin()));
  }
  // The block's last doc is >= target, so index_ stays in the block.
  while (docs_[index_] < target) ++index_;
  doc_ = docs_[index_];
}

void PostingCursor::AppendPositions(std::vector<uint32_t>& out) {
  const uint8_t* data = list_->positions_.data();
  if (positions_index_ > index_) {  // Read before: start again from the block.
    positions_offset_ = list_->blocks_[block_].positions_offset;
    positions_index_ = 0;
  }
  // Step over the positions of the block's postings passed since the last
  // read: a varint ends at each byte below 0x80.
  uint64_t skip = 0;
  for (uint32_t i = positions_index_; i < index_; ++i) skip += frequencies_[i];
  while (skip > 0) {
    if ((data[positions_offset_++] & 0x80) == 0) --skip;
  }
  uint32_t position = 0;
  for (uint32_t i = 0; i < frequencies_[index_]; ++i) {
    position += GetVarint(data, positions_offset_);
    out.push_back(position);
  }
  positions_index_ = index_ + 1;
}

}  // namespace docsearch::query
