// Builds a merged PostingList (segment_merge.h) from the blocks of other
// lists, without going through PostingList::Append.
//
// Append writes each posting as varints and, every kBlockSize postings,
// decodes the block again to bit-pack it; a merge reading its sources with
// a cursor also decodes every position one at a time. At a million
// documents merges rewrite each posting about four times, so that
// round trip was most of a merge. Here a source block is decoded once,
// in bulk, and its live postings are packed once; and a full source block
// that lands on a block boundary of the merged list with every posting
// live is copied byte for byte (its packing could only come out the same).
//
// The result is the list Append, then ShrinkToFit, would build from the
// same postings: the same bytes, skip entries and bounds.
#ifndef DOCSEARCH_QUERY_SERVICE_INDEX_POSTING_LIST_BUILDER_H_
#define DOCSEARCH_QUERY_SERVICE_INDEX_POSTING_LIST_BUILDER_H_

#include <array>
#include <cstdint>
#include <vector>

#include "query_service/index/posting_list.h"

namespace docsearch::query {

class PostingListBuilder {
 public:
  // Appends the postings of `source` whose document is live, in DocId
  // order: `live[doc - first_doc]`, with the field length
  // `lengths[doc - first_doc]` for the block bounds. Every doc of `source`
  // must follow those appended before.
  void AppendLive(const PostingList& source, DocId first_doc, const std::vector<bool>& live,
                  const std::vector<uint32_t>& lengths);

  // The list built, packed (as after ShrinkToFit); empty when no posting
  // was live. The builder is left empty.
  PostingList Finish();

 private:
  // Packs the pending postings as the list's next block.
  void Flush();

  PostingList list_;  // Owns its streams once something is appended.
  // Postings not yet in a block (fewer than kBlockSize).
  std::array<DocId, PostingList::kBlockSize> docs_{};
  std::array<uint32_t, PostingList::kBlockSize> frequencies_{};
  uint32_t pending_ = 0;
  uint32_t pending_min_length_ = 0;
  std::vector<uint32_t> position_deltas_;  // The pending postings', in order.
  // A source block, decoded.
  std::array<DocId, PostingList::kBlockSize> source_docs_{};
  std::array<uint32_t, PostingList::kBlockSize> source_frequencies_{};
  std::vector<uint32_t> source_deltas_;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_INDEX_POSTING_LIST_BUILDER_H_
