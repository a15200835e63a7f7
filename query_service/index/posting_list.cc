#include "query_service/index/posting_list.h"

#include <algorithm>

#include "absl/container/inlined_vector.h"
#include "query_service/index/bit_packing.h"
#include "query_service/index/varint.h"

namespace docsearch::query {

PostingStreams& PostingList::Owned() {
  if (owned_ == nullptr) {
    owned_ = std::make_unique<PostingStreams>();
    owned_->docs.assign(docs_, docs_ + docs_size_);
    owned_->positions.assign(positions_, positions_ + positions_size_);
    owned_->blocks.assign(blocks_, blocks_ + block_count_);
    Sync();
  }
  return *owned_;
}

void PostingList::Sync() {
  docs_ = owned_->docs.data();
  positions_ = owned_->positions.data();
  blocks_ = owned_->blocks.data();
  block_count_ = static_cast<uint32_t>(owned_->blocks.size());
  docs_size_ = static_cast<uint32_t>(owned_->docs.size());
  positions_size_ = static_cast<uint32_t>(owned_->positions.size());
}

void PostingList::Append(DocId doc, uint32_t field_length, absl::Span<const uint32_t> positions) {
  PostingStreams& streams = Owned();
  const uint32_t frequency = static_cast<uint32_t>(positions.size());
  DocId previous = doc;
  if (size_ % kBlockSize == 0) {
    streams.blocks.push_back({doc, doc, static_cast<uint32_t>(streams.docs.size()),
                              static_cast<uint32_t>(streams.positions.size()), 0,
                              std::numeric_limits<uint32_t>::max()});
    last_packed_ = false;
    Sync();
  } else {
    if (last_packed_) UnpackLastBlock();
    previous = streams.blocks.back().last;
  }
  PostingBlock& block = streams.blocks.back();
  PutVarint(streams.docs, doc - previous);
  PutVarint(streams.docs, frequency);
  uint32_t last_position = 0;
  for (uint32_t position : positions) {
    PutVarint(streams.positions, position - last_position);
    last_position = position;
  }
  block.last = doc;
  block.max_frequency = std::max(block.max_frequency, frequency);
  block.min_length = std::min(block.min_length, field_length);
  bounds_.max_frequency = std::max(bounds_.max_frequency, frequency);
  bounds_.min_length = std::min(bounds_.min_length, field_length);
  ++size_;
  Sync();
  if (size_ % kBlockSize == 0) PackLastBlock();
}

PostingList PostingList::CopyInto(PostingStreams& arena) const {
  PostingList view;
  const size_t docs_start = arena.docs.size();
  const size_t positions_start = arena.positions.size();
  const size_t blocks_start = arena.blocks.size();
  arena.docs.insert(arena.docs.end(), docs_, docs_ + docs_size_);
  arena.positions.insert(arena.positions.end(), positions_, positions_ + positions_size_);
  arena.blocks.insert(arena.blocks.end(), blocks_, blocks_ + block_count_);
  // Block offsets are relative to the list's own streams, so they hold
  // unchanged in the arena.
  view.docs_ = arena.docs.data() + docs_start;
  view.positions_ = arena.positions.data() + positions_start;
  view.blocks_ = arena.blocks.data() + blocks_start;
  view.block_count_ = block_count_;
  view.docs_size_ = docs_size_;
  view.positions_size_ = positions_size_;
  view.size_ = size_;
  view.bounds_ = bounds_;
  view.last_packed_ = last_packed_;
  return view;
}

void PostingList::Repoint(const PostingStreams& arena, size_t docs_start, size_t positions_start,
                          size_t blocks_start) {
  docs_ = arena.docs.data() + docs_start;
  positions_ = arena.positions.data() + positions_start;
  blocks_ = arena.blocks.data() + blocks_start;
}

PostingList::LastBlock::LastBlock(const PostingList& list) {
  count = list.DecodeBlockDocs(list.block_count_ - 1, docs.data(), frequencies.data());
  uint32_t total_positions = 0;
  for (uint32_t i = 0; i < count; ++i) total_positions += frequencies[i];
  deltas.resize(total_positions);
}

void PostingList::PackLastBlock() {
  // Once per kBlockSize appends to every list, so read the varints
  // straight into arrays (no cursor, nothing allocated for the doc ids and
  // frequencies; the position deltas only past kInlineDeltas).
  PostingStreams& streams = Owned();
  const PostingBlock& block = streams.blocks.back();
  LastBlock last(*this);
  uint32_t offset = block.positions_offset;
  for (uint32_t& delta : last.deltas) delta = GetVarint(streams.positions.data(), offset);
  streams.docs.resize(block.docs_offset);
  streams.positions.resize(block.positions_offset);
  PackBlock(last.docs.data(), last.frequencies.data(), last.count, last.deltas.data(),
            last.deltas.size(), streams.docs, streams.positions);
  last_packed_ = true;
  Sync();
}

void PostingList::UnpackLastBlock() {
  PostingStreams& streams = Owned();
  const PostingBlock& block = streams.blocks.back();
  LastBlock last(*this);
  uint32_t offset = block.positions_offset;
  const auto total_positions = static_cast<uint32_t>(last.deltas.size());
  for (uint32_t run = 0; run < total_positions; run += kPositionRun) {
    const uint32_t run_size = std::min(kPositionRun, total_positions - run);
    const uint32_t width = streams.positions[offset];
    UnpackBits(streams.positions.data() + offset + 1, run_size, width, last.deltas.data() + run);
    offset += 1 + static_cast<uint32_t>(PackedBytes(run_size, width));
  }
  streams.docs.resize(block.docs_offset);
  streams.positions.resize(block.positions_offset);
  size_t delta = 0;
  for (uint32_t i = 0; i < last.count; ++i) {
    PutVarint(streams.docs, i == 0 ? 0 : last.docs[i] - last.docs[i - 1]);
    PutVarint(streams.docs, last.frequencies[i]);
    for (uint32_t k = 0; k < last.frequencies[i]; ++k) {
      PutVarint(streams.positions, last.deltas[delta++]);
    }
  }
  last_packed_ = false;
  Sync();
}

void PostingList::PackBlock(const DocId* docs, const uint32_t* frequencies, size_t count,
                            const uint32_t* deltas, size_t delta_count,
                            std::vector<uint8_t>& docs_out, std::vector<uint8_t>& positions_out) {
  std::array<uint32_t, kBlockSize> values;
  uint32_t widest = 0;
  for (size_t i = 1; i < count; ++i) {
    values[i - 1] = docs[i] - docs[i - 1] - 1;
    widest |= values[i - 1];
  }
  const uint32_t gap_width = BitWidth(widest);
  widest = 0;
  std::array<uint32_t, kBlockSize> frequencies_less_one;
  for (size_t i = 0; i < count; ++i) {
    frequencies_less_one[i] = frequencies[i] - 1;
    widest |= frequencies_less_one[i];
  }
  const uint32_t frequency_width = BitWidth(widest);
  docs_out.push_back(static_cast<uint8_t>(gap_width));
  docs_out.push_back(static_cast<uint8_t>(frequency_width));
  PackBits(values.data(), count - 1, gap_width, docs_out);
  PackBits(frequencies_less_one.data(), count, frequency_width, docs_out);
  for (size_t run = 0; run < delta_count; run += kPositionRun) {
    const size_t run_size = std::min<size_t>(kPositionRun, delta_count - run);
    widest = 0;
    for (size_t i = 0; i < run_size; ++i) widest |= deltas[run + i];
    const uint32_t width = BitWidth(widest);
    positions_out.push_back(static_cast<uint8_t>(width));
    PackBits(deltas + run, run_size, width, positions_out);
  }
}

void PostingList::ShrinkToFit() {
  if (owned_ == nullptr) return;  // A view holds nothing spare.
  if (!empty() && !last_packed_) PackLastBlock();
  owned_->docs.shrink_to_fit();
  owned_->positions.shrink_to_fit();
  owned_->blocks.shrink_to_fit();
  Sync();
}

uint32_t PostingList::FindBlock(DocId target, uint32_t from) const {
  // Blocks are ordered by `last`.
  const PostingBlock* end = blocks_ + block_count_;
  auto it = std::lower_bound(blocks_ + from, end, target,
                             [](const PostingBlock& b, DocId d) { return b.last < d; });
  return static_cast<uint32_t>(it - blocks_);
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

uint32_t PostingList::DecodeBlockDocs(uint32_t block, DocId* docs, uint32_t* frequencies) const {
  const PostingBlock& entry = blocks_[block];
  const uint8_t* data = docs_ + entry.docs_offset;
  const uint32_t count = BlockSize(block);
  if (IsPacked(block)) {
    const uint32_t gap_width = data[0];
    const uint32_t frequency_width = data[1];
    data += 2;
    // Gaps less one land after the first doc, then add up into docs.
    UnpackBits(data, count - 1, gap_width, docs + 1);
    docs[0] = entry.first;
    for (uint32_t i = 1; i < count; ++i) docs[i] += docs[i - 1] + 1;
    UnpackBits(data + PackedBytes(count - 1, gap_width), count, frequency_width, frequencies);
    for (uint32_t i = 0; i < count; ++i) ++frequencies[i];
  } else {
    uint32_t offset = 0;
    DocId doc = entry.first;
    for (uint32_t i = 0; i < count; ++i) {
      doc += GetVarint(data, offset);
      docs[i] = doc;
      frequencies[i] = GetVarint(data, offset);
    }
  }
  return count;
}

void PostingCursor::LoadBlock(uint32_t block) {
  block_ = block;
  shallow_block_ = block;
  const PostingBlock& entry = list_->blocks_[block];
  block_last_ = entry.last;
  packed_ = list_->IsPacked(block);
  count_ = list_->DecodeBlockDocs(block, docs_.data(), frequencies_.data());
  index_ = 0;
  doc_ = docs_[0];
  positions_offset_ = entry.positions_offset;
  positions_index_ = 0;
  positions_value_ = 0;
  run_first_ = 0;
}

void PostingCursor::Next() {
  if (doc_ == kEnd) return;
  if (++index_ < count_) {
    doc_ = docs_[index_];
    return;
  }
  if (block_ + 1 < list_->block_count_) {
    LoadBlock(block_ + 1);
  } else {
    doc_ = kEnd;
  }
}

bool PostingCursor::ShallowAdvance(DocId target) {
  const PostingBlock* blocks = list_->blocks_;
  if (doc_ == kEnd) return false;
  if (blocks[shallow_block_].last >= target) return true;
  // Blocks are ordered by `last`: take the first at or past the target.
  const uint32_t block = list_->FindBlock(target, shallow_block_ + 1);
  if (block == list_->block_count_) return false;
  shallow_block_ = block;
  return true;
}

bool PostingCursor::EnterBlockOf(DocId target) {
  // Not from shallow_block_: a shallow move to a larger target may have
  // passed blocks that hold this one.
  const uint32_t block = list_->FindBlock(target, block_ + 1);
  if (block == list_->block_count_) {
    doc_ = kEnd;
    return false;
  }
  LoadBlock(block);
  return true;
}

void PostingCursor::AppendPositions(std::vector<uint32_t>& out) {
  const uint8_t* data = list_->positions_;
  if (positions_index_ > index_) {  // Read before: start again from the block.
    positions_offset_ = list_->blocks_[block_].positions_offset;
    positions_index_ = 0;
    positions_value_ = 0;
    run_first_ = 0;
  }
  // Step over the positions of the block's postings passed since the last
  // read.
  uint32_t skip = 0;
  for (uint32_t i = positions_index_; i < index_; ++i) skip += frequencies_[i];
  const uint32_t frequency = frequencies_[index_];
  uint32_t position = 0;
  if (packed_) {
    const uint32_t first = positions_value_ + skip;
    for (uint32_t value = first; value < first + frequency; ++value) {
      // Runs are a width byte and kPositionRun values at that width.
      while (value >= run_first_ + PostingList::kPositionRun) {
        positions_offset_ += 1 + PackedBytes(PostingList::kPositionRun, data[positions_offset_]);
        run_first_ += PostingList::kPositionRun;
      }
      const uint8_t* run = data + positions_offset_;
      position += PackedValueAt(run + 1, value - run_first_, run[0]);
      out.push_back(position);
    }
    positions_value_ = first + frequency;
  } else {
    // A varint ends at each byte below 0x80.
    while (skip > 0) {
      if ((data[positions_offset_++] & 0x80) == 0) --skip;
    }
    for (uint32_t i = 0; i < frequency; ++i) {
      position += GetVarint(data, positions_offset_);
      out.push_back(position);
    }
  }
  positions_index_ = index_ + 1;
}

}  // namespace docsearch::query
