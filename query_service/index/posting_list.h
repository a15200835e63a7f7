// The postings of one term in one text field, compressed, with skip data and
// per-block score bounds; and a cursor that reads them.
//
// Layout (Lucene's .doc/.pos split and its blocks of 128 postings):
// - `docs_`: per block, its doc ids and frequencies. A full block, and the
//   last block of a sealed list (ShrinkToFit), is bit-packed
//   (bit_packing.h): a byte with the width of the doc gaps, one with the
//   width of the frequencies, then (doc - previous doc - 1) for every
//   posting after the first (whose doc is in the skip entry) and
//   (frequency - 1) for every posting, each at its width. The last block of
//   a list still being appended is varints, so that an append writes in
//   place: varint(doc - previous doc, 0 for the first) then
//   varint(frequency); it is packed when it fills.
// - `positions_`: per posting, `frequency` position deltas (restarting at
//   each posting), so a reader that needs no positions never decodes them:
//   it only counts how many to skip. A packed block's deltas, every
//   posting's back to back, are cut into runs of kPositionRun values, each
//   a width byte and the values at that width (a run adapts to its own
//   largest delta, as PFor's frames do); a varint block's are varints.
// - `blocks_`: one skip entry per kBlockSize postings, with the block's
//   first and last doc, the byte offsets of the block in both streams and
//   the largest frequency and shortest field length in it. From these a
//   scorer bounds any posting's BM25 score in the block without reading it
//   (block-max pruning) and a cursor jumps to the block holding a target
//   document.
//
// Packing took the postings of the benchmark corpus from ~2 bytes per
// posting and ~1.5 per position (varints) to about half of that:
// docs/BENCHMARKS.md has the breakdown.
//
// Storage: an appendable list owns its three streams (one heap block each);
// a sealed segment's lists are views into the segment's arenas
// (sealed_postings.h), so that a sealed list costs no allocation of its
// own. Cursors read both through the same pointers.
//
// Thread safety: a list is appended by the index writer; cursors read it
// while no one appends (a sealed segment's lists never change; an open
// list is in the index's copy that a reader uses, which is never written
// meanwhile: left_right.h).
#ifndef DOCSEARCH_QUERY_SERVICE_INDEX_POSTING_LIST_H_
#define DOCSEARCH_QUERY_SERVICE_INDEX_POSTING_LIST_H_

#include <array>
#include <cstdint>
#include <limits>
#include <memory>
#include <vector>

#include "absl/container/inlined_vector.h"
#include "absl/types/span.h"

namespace docsearch::query {

using DocId = uint32_t;

// One skip entry: a block of PostingList::kBlockSize postings (fewer in
// the last block).
struct PostingBlock {
  DocId first;  // The block's first doc.
  DocId last;   // The block's last doc.
  // Byte offsets of the block in the list's two streams.
  uint32_t docs_offset;
  uint32_t positions_offset;
  uint32_t max_frequency;
  uint32_t min_length;
};

// The three streams of one or more lists, back to back.
struct PostingStreams {
  std::vector<uint8_t> docs;
  std::vector<uint8_t> positions;
  std::vector<PostingBlock> blocks;
};

// Bounds over every posting of a list, dead ones included: together they
// bound any live posting's BM25 score from above (higher frequency and
// shorter field both raise it), which is all MaxScore needs.
struct PostingBounds {
  uint32_t max_frequency = 0;
  uint32_t min_length = std::numeric_limits<uint32_t>::max();
};

class PostingList {
 public:
  static constexpr uint32_t kBlockSize = 128;
  // Position deltas per bit-packed run (one width byte each).
  static constexpr uint32_t kPositionRun = 32;

  // Appends a posting of `doc` (greater than every DocId appended before) in
  // a field `field_length` tokens long, at `positions` (ascending, not
  // empty; the frequency is their count).
  void Append(DocId doc, uint32_t field_length, absl::Span<const uint32_t> positions);

  PostingList() = default;
  PostingList(PostingList&&) noexcept = default;
  PostingList& operator=(PostingList&&) noexcept = default;

  // Appends this list's streams to `arena` and returns a list reading them
  // there: the same postings, holding no memory of its own. The arena's
  // streams must not grow again (that would move them) while the view is
  // read; reserve their sizes first. This list must be packed
  // (ShrinkToFit) if the view is to be.
  PostingList CopyInto(PostingStreams& arena) const;
  // Points a view made by CopyInto at `arena` again, its streams starting
  // at the given offsets: for an arena that grew (and so moved) after the
  // view was made. Until then the view must not be read.
  void Repoint(const PostingStreams& arena, size_t docs_start, size_t positions_start,
               size_t blocks_start);
  // Postings appended, dead documents included.
  uint32_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

  const PostingBounds& bounds() const { return bounds_; }
  // The largest DocId appended; only when not empty.
  DocId last_doc() const { return blocks_[block_count_ - 1].last; }

  // Bounds of block `block` (< block_count()): every posting in it has
  // frequency <= max_frequency and field length >= min_length; `last` is
  // its last doc.
  struct BlockBounds {
    uint32_t max_frequency;
    uint32_t min_length;
    DocId last;
  };
  uint32_t block_count() const { return block_count_; }
  BlockBounds block_bounds(uint32_t block) const {
    const PostingBlock& entry = blocks_[block];
    return {entry.max_frequency, entry.min_length, entry.last};
  }
  // The first block at or after `from` whose last doc is >= `target`;
  // block_count() when none.
  uint32_t FindBlock(DocId target, uint32_t from = 0) const;

  // Packs the last block and releases the spare capacity of the streams,
  // once no more postings are expected (a sealed segment's lists:
  // segment.h). An Append after it still works: it unpacks the last block.
  void ShrinkToFit();

  // Prefetch what Append reads, in two steps (the second reads what the
  // first fetched): the streams' header and the last skip entry, then the
  // ends of the streams. An indexer calls each over all of a document's
  // lists before appending to any, so that their cache misses overlap
  // rather than come one after another (at 100,000 documents, waiting on
  // them was a third of indexing time).
  void PrefetchForAppend() const {
    if (owned_ != nullptr) __builtin_prefetch(owned_.get(), 1);
    if (block_count_ > 0) __builtin_prefetch(blocks_ + block_count_ - 1, 1);
  }
  void PrefetchStreamEnds() const {
    if (owned_ == nullptr) return;
    __builtin_prefetch(owned_->docs.data() + owned_->docs.size(), 1);
    __builtin_prefetch(owned_->positions.data() + owned_->positions.size(), 1);
  }

  // Bytes of the streams and skip entries: their capacity when owned, the
  // bytes they span in the arena for a view.
  uint64_t MemoryBytes() const { return DocBytes() + PositionBytes() + SkipBytes(); }
  // MemoryBytes by part, for memory breakdowns: doc ids and frequencies,
  // positions, skip entries with their block bounds.
  uint64_t DocBytes() const { return owned_ ? owned_->docs.capacity() : docs_size_; }
  uint64_t PositionBytes() const { return owned_ ? owned_->positions.capacity() : positions_size_; }
  uint64_t SkipBytes() const {
    return (owned_ ? owned_->blocks.capacity() : block_count_) * sizeof(PostingBlock);
  }

 private:
  friend class PostingCursor;
  friend class PostingListBuilder;

  // Position deltas of a block held on the stack while it is re-encoded;
  // a block with more (common words, many positions a posting) allocates.
  static constexpr size_t kInlineDeltas = 1024;

  // Postings in block `block`.
  uint32_t BlockSize(uint32_t block) const {
    return block + 1 < block_count_ ? kBlockSize : size_ - kBlockSize * (block_count_ - 1);
  }
  // Whether block `block` is bit-packed (else varints).
  bool IsPacked(uint32_t block) const { return block + 1 < block_count_ || last_packed_; }
  // Block `block`'s doc ids and frequencies into `docs` and `frequencies`
  // (kBlockSize each), bit-packed or varints; returns its size. The one
  // reading of the docs stream, for cursors and merges alike.
  uint32_t DecodeBlockDocs(uint32_t block, DocId* docs, uint32_t* frequencies) const;
  // Re-encodes the last block in place: its varints bit-packed (when it
  // fills, or the list is sealed), or its packing back to varints (an
  // Append after ShrinkToFit).
  void PackLastBlock();
  void UnpackLastBlock();
  // The last block's doc ids and frequencies, decoded either way, and room
  // for its position deltas, which the two re-encodings read each from
  // their own format.
  struct LastBlock {
    explicit LastBlock(const PostingList& list);
    std::array<DocId, kBlockSize> docs;
    std::array<uint32_t, kBlockSize> frequencies;
    uint32_t count = 0;
    absl::InlinedVector<uint32_t, kInlineDeltas> deltas;
  };
  // Appends one bit-packed block of `count` postings, with `delta_count`
  // position deltas, to `docs_out` and `positions_out`: PackLastBlock's
  // format, shared with PostingListBuilder so that a merge packs exactly as
  // an Append does.
  static void PackBlock(const DocId* docs, const uint32_t* frequencies, size_t count,
                        const uint32_t* deltas, size_t delta_count, std::vector<uint8_t>& docs_out,
                        std::vector<uint8_t>& positions_out);
  // Makes the list own its streams (a copy of a view's), so it can append.
  PostingStreams& Owned();
  // Points the read pointers below at owned_'s streams, after they changed.
  void Sync();

  // What cursors read: owned_'s streams, or a view's in an arena.
  const uint8_t* docs_ = nullptr;
  const uint8_t* positions_ = nullptr;
  const PostingBlock* blocks_ = nullptr;
  uint32_t block_count_ = 0;
  // A view's stream lengths (an owned list's are owned_'s sizes).
  uint32_t docs_size_ = 0;
  uint32_t positions_size_ = 0;
  uint32_t size_ = 0;
  PostingBounds bounds_;
  bool last_packed_ = false;  // Whether the last block is bit-packed.
  // Null for a view. Behind a pointer so that a view, the common case,
  // carries 8 bytes for it rather than three empty vectors.
  std::unique_ptr<PostingStreams> owned_;
};

// Reads a PostingList in DocId order, a block at a time. Dead documents are
// not skipped: callers check liveness (the list does not know it).
class PostingCursor {
 public:
  static constexpr DocId kEnd = std::numeric_limits<DocId>::max();

  explicit PostingCursor(const PostingList& list);
  // At the first posting whose doc is >= `target`: Advance(target) without
  // decoding the first block on the way.
  PostingCursor(const PostingList& list, DocId target);

  // kEnd once past the last posting.
  DocId doc() const { return doc_; }
  // Only while doc() != kEnd.
  uint32_t frequency() const { return frequencies_[index_]; }

  void Next();
  // Moves to the first posting whose doc is >= `target` (no move when
  // already there), jumping over whole blocks by their skip entries.
  // Inline for a target in the decoded block, a conjunction's usual step.
  void Advance(DocId target) {
    if (doc_ >= target) return;  // Also at kEnd.
    if (target > block_last_ && !EnterBlockOf(target)) return;
    // The block's last doc is >= target, so index_ stays in the block.
    while (docs_[index_] < target) ++index_;
    doc_ = docs_[index_];
  }

  // The current posting's positions, ascending, appended to `out`.
  void AppendPositions(std::vector<uint32_t>& out);

  // Bounds over the "shallow" block: the one holding doc(), or a later one
  // ShallowAdvance moved to. Every posting in it has frequency <=
  // block_max_frequency() and field length >= block_min_length();
  // block_last() is its last doc.
  uint32_t block_max_frequency() const { return list_->blocks_[shallow_block_].max_frequency; }
  uint32_t block_min_length() const { return list_->blocks_[shallow_block_].min_length; }
  DocId block_last() const { return list_->blocks_[shallow_block_].last; }

  // Moves the shallow block to the first block whose last doc is >= `target`
  // without decoding it or moving doc(), so that a scorer can read its
  // bounds before deciding to Advance (block-max pruning). False when no
  // block is left. Targets must not decrease between calls (a smaller one
  // would read the bounds of a later block).
  bool ShallowAdvance(DocId target);

 private:
  void LoadBlock(uint32_t block);
  // Decodes the first block after block_ whose last doc is >= `target`;
  // false (and doc() kEnd) when there is none.
  bool EnterBlockOf(DocId target);

  const PostingList* list_;
  uint32_t block_ = 0;          // Block decoded into the arrays below.
  DocId block_last_ = 0;        // Its last doc.
  uint32_t shallow_block_ = 0;  // >= block_.
  uint32_t count_ = 0;          // Postings in block_.
  uint32_t index_ = 0;          // Current posting within it.
  DocId doc_ = kEnd;
  std::array<DocId, PostingList::kBlockSize> docs_{};
  std::array<uint32_t, PostingList::kBlockSize> frequencies_{};
  bool packed_ = false;  // Whether block_ is bit-packed.
  // How far the positions of block_ were read: posting positions_index_'s
  // deltas are the block's deltas from positions_value_ on; the byte offset
  // reached in the positions stream is that of the varint, or (packed) of
  // the run that starts at delta run_first_.
  uint32_t positions_offset_ = 0;
  uint32_t positions_index_ = 0;
  uint32_t positions_value_ = 0;
  uint32_t run_first_ = 0;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_INDEX_POSTING_LIST_H_
