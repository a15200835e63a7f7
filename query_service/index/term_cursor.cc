#include "query_service/index/term_cursor.h"

#include <algorithm>
#include <utility>

namespace docsearch::query {

TermCursor::TermCursor(TermLists lists) : lists_(std::move(lists)) {
  for (const PostingList* list : lists_) {
    bounds_.max_frequency = std::max(bounds_.max_frequency, list->bounds().max_frequency);
    bounds_.min_length = std::min(bounds_.min_length, list->bounds().min_length);
  }
  if (!lists_.empty()) Enter(0, 0);
}

void TermCursor::Enter(size_t list, DocId target) {
  list_ = list;
  list_last_ = lists_[list]->last_doc();
  cursor_.emplace(*lists_[list], target);
  if (shallow_list_ < list) shallow_list_ = list;
  doc_ = cursor_->doc();
}

void TermCursor::Next() {
  if (doc_ == kEnd) return;
  cursor_->Next();
  doc_ = cursor_->doc();
  if (doc_ == kEnd && list_ + 1 < lists_.size()) Enter(list_ + 1, 0);
}

void TermCursor::AdvanceToList(DocId target) {
  size_t list = list_ + 1;
  while (list < lists_.size() && lists_[list]->last_doc() < target) ++list;
  if (list == lists_.size()) {
    doc_ = kEnd;  // cursor_ stays where it was; nothing reads it at kEnd.
    return;
  }
  Enter(list, target);
}

bool TermCursor::ShallowAdvance(DocId target) {
  if (doc_ == kEnd) return false;
  size_t list = list_;
  if (ahead()) {
    list = shallow_list_;
    if (target <= lists_[list]->last_doc()) {
      shallow_block_ = lists_[list]->FindBlock(target, shallow_block_);
      return true;
    }
    ++list;
  } else {
    if (target <= list_last_) return cursor_->ShallowAdvance(target);
    ++list;
  }
  while (list < lists_.size() && lists_[list]->last_doc() < target) ++list;
  if (list == lists_.size()) return false;
  shallow_list_ = list;
  shallow_block_ = lists_[list]->FindBlock(target);
  return true;
}

}  // namespace docsearch::query
