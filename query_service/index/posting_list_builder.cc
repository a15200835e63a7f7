#include "query_service/index/posting_list_builder.h"

#include <algorithm>
#include <limits>
#include <utility>

#include "query_service/index/bit_packing.h"
#include "query_service/index/varint.h"

namespace docsearch::query {

void PostingListBuilder::AppendLive(const PostingList& source, DocId first_doc,
                                    const std::vector<bool>& live,
                                    const std::vector<uint32_t>& lengths) {
  for (uint32_t block = 0; block < source.block_count_; ++block) {
    const PostingBlock& entry = source.blocks_[block];
    const bool packed = source.IsPacked(block);
    const uint32_t count =
        source.DecodeBlockDocs(block, source_docs_.data(), source_frequencies_.data());
    bool all_live = true;
    uint32_t min_length = std::numeric_limits<uint32_t>::max();
    uint32_t max_frequency = 0;
    uint32_t total_positions = 0;
    for (uint32_t i = 0; i < count; ++i) {
      const DocId offset = source_docs_[i] - first_doc;
      total_positions += source_frequencies_[i];
      if (!live[offset]) {
        all_live = false;
        continue;
      }
      min_length = std::min(min_length, lengths[offset]);
      max_frequency = std::max(max_frequency, source_frequencies_[i]);
    }
    PostingList& list = list_;
    if (all_live && packed && count == PostingList::kBlockSize && pending_ == 0) {
      // The block becomes one of the merged list's as it is: packing the
      // same postings again could only give the same bytes.
      const uint32_t docs_end = block + 1 < source.block_count_
                                    ? source.blocks_[block + 1].docs_offset
                                    : source.docs_size_;
      const uint32_t positions_end = block + 1 < source.block_count_
                                         ? source.blocks_[block + 1].positions_offset
                                         : source.positions_size_;
      PostingStreams& out = list.Owned();
      out.blocks.push_back({entry.first, entry.last, static_cast<uint32_t>(out.docs.size()),
                            static_cast<uint32_t>(out.positions.size()), max_frequency,
                            min_length});
      out.docs.insert(out.docs.end(), source.docs_ + entry.docs_offset, source.docs_ + docs_end);
      out.positions.insert(out.positions.end(), source.positions_ + entry.positions_offset,
                           source.positions_ + positions_end);
      list.size_ += count;
      list.bounds_.max_frequency = std::max(list.bounds_.max_frequency, max_frequency);
      list.bounds_.min_length = std::min(list.bounds_.min_length, min_length);
      list.last_packed_ = true;
      list.Sync();
      continue;
    }
    if (max_frequency == 0) continue;  // No live posting in the block.
    // Every posting's position deltas, decoded at once.
    source_deltas_.resize(total_positions);
    const uint8_t* positions = source.positions_;
    uint32_t offset = entry.positions_offset;
    if (packed) {
      for (uint32_t run = 0; run < total_positions; run += PostingList::kPositionRun) {
        const uint32_t run_size = std::min(PostingList::kPositionRun, total_positions - run);
        const uint32_t width = positions[offset];
        UnpackBits(positions + offset + 1, run_size, width, source_deltas_.data() + run);
        offset += 1 + static_cast<uint32_t>(PackedBytes(run_size, width));
      }
    } else {
      for (uint32_t i = 0; i < total_positions; ++i) {
        source_deltas_[i] = GetVarint(positions, offset);
      }
    }
    uint32_t delta = 0;
    for (uint32_t i = 0; i < count; ++i) {
      const uint32_t frequency = source_frequencies_[i];
      const DocId offset_in_run = source_docs_[i] - first_doc;
      if (live[offset_in_run]) {
        if (pending_ == 0) pending_min_length_ = std::numeric_limits<uint32_t>::max();
        docs_[pending_] = source_docs_[i];
        frequencies_[pending_] = frequency;
        pending_min_length_ = std::min(pending_min_length_, lengths[offset_in_run]);
        position_deltas_.insert(position_deltas_.end(), source_deltas_.begin() + delta,
                                source_deltas_.begin() + delta + frequency);
        if (++pending_ == PostingList::kBlockSize) Flush();
      }
      delta += frequency;
    }
  }
}

void PostingListBuilder::Flush() {
  if (pending_ == 0) return;
  PostingStreams& out = list_.Owned();
  uint32_t max_frequency = 0;
  for (uint32_t i = 0; i < pending_; ++i) max_frequency = std::max(max_frequency, frequencies_[i]);
  out.blocks.push_back({docs_[0], docs_[pending_ - 1], static_cast<uint32_t>(out.docs.size()),
                        static_cast<uint32_t>(out.positions.size()), max_frequency,
                        pending_min_length_});
  PostingList::PackBlock(docs_.data(), frequencies_.data(), pending_, position_deltas_.data(),
                         position_deltas_.size(), out.docs, out.positions);
  list_.size_ += pending_;
  list_.bounds_.max_frequency = std::max(list_.bounds_.max_frequency, max_frequency);
  list_.bounds_.min_length = std::min(list_.bounds_.min_length, pending_min_length_);
  list_.last_packed_ = true;
  list_.Sync();
  pending_ = 0;
  position_deltas_.clear();
}

PostingList PostingListBuilder::Finish() {
  Flush();
  PostingList built = std::move(list_);
  list_ = PostingList();
  return built;
}

}  // namespace docsearch::query
