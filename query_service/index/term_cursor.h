// Reads one term's postings in one text field across the segments that hold
// it (segment.h): the lists cover ascending, disjoint DocId ranges, so one
// after the other they read as a single list in DocId order.
//
// Only one list is decoded at a time (a PostingCursor holds a decoded block,
// about 1 KB), so a term present in many segments costs no more per posting
// than one in a single list. Block bounds (ShallowAdvance) may look ahead
// into a later list than the one doc() is in; they come from its skip
// entries, and a jump into a list decodes only the block it lands in.
//
// Thread safety: reads the lists only; the caller keeps them unchanged.
#ifndef DOCSEARCH_QUERY_SERVICE_INDEX_TERM_CURSOR_H_
#define DOCSEARCH_QUERY_SERVICE_INDEX_TERM_CURSOR_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "absl/container/inlined_vector.h"
#include "query_service/index/posting_list.h"

namespace docsearch::query {

// The lists of one term in one field, one per segment holding it, in DocId
// order; none empty.
using TermLists = absl::InlinedVector<const PostingList*, 4>;

class TermCursor {
 public:
  static constexpr DocId kEnd = PostingCursor::kEnd;

  explicit TermCursor(TermLists lists);

  // kEnd once past the last posting of the last list.
  DocId doc() const { return doc_; }
  // Only while doc() != kEnd.
  uint32_t frequency() const { return cursor_->frequency(); }

  void Next();
  // Moves to the first posting whose doc is >= `target` (no move when
  // already there), skipping whole lists and blocks. Inline for a target
  // in the current list.
  void Advance(DocId target) {
    if (doc_ >= target) return;  // Also at kEnd.
    if (target > list_last_) {
      AdvanceToList(target);
      return;
    }
    cursor_->Advance(target);
    doc_ = cursor_->doc();
  }
  // The current posting's positions, ascending, appended to `out`.
  void AppendPositions(std::vector<uint32_t>& out) { cursor_->AppendPositions(out); }

  // As PostingCursor: moves the shallow block to the first block, in any
  // list, whose last doc is >= `target`, without moving doc(). False when
  // none is left. Targets must not decrease between calls.
  bool ShallowAdvance(DocId target);
  uint32_t block_max_frequency() const {
    return ahead() ? Ahead().max_frequency : cursor_->block_max_frequency();
  }
  uint32_t block_min_length() const {
    return ahead() ? Ahead().min_length : cursor_->block_min_length();
  }
  DocId block_last() const { return ahead() ? Ahead().last : cursor_->block_last(); }

  // The largest frequency and smallest field length over every list.
  const PostingBounds& bounds() const { return bounds_; }

 private:
  // Puts cursor_ on lists_[list], at its first posting >= `target`.
  void Enter(size_t list, DocId target);
  // Advance to a target past the current list.
  void AdvanceToList(DocId target);
  // Whether the shallow block is in a later list than cursor_'s.
  bool ahead() const { return shallow_list_ > list_; }
  PostingList::BlockBounds Ahead() const {
    return lists_[shallow_list_]->block_bounds(shallow_block_);
  }

  TermLists lists_;
  PostingBounds bounds_;
  size_t list_ = 0;      // The list cursor_ reads.
  DocId list_last_ = 0;  // Its last doc.
  std::optional<PostingCursor> cursor_;
  // While ahead(): the list and block holding the shallow block, read from
  // the list's skip entries without decoding anything.
  size_t shallow_list_ = 0;
  uint32_t shallow_block_ = 0;
  DocId doc_ = kEnd;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_INDEX_TERM_CURSOR_H_
