#include "query_service/term_cursor.h"

#include <algorithm>
#include <utility>

namespace docsearch::query {

TermCursor::TermCursor(TermLists lists) : lists_(std::move(lists)) {
  for (const PostingList* list : lists_) {
    bounds_.max_frequency = std::max(bounds_.max_frequency, list->bounds().max_frequency);
    bounds_.min_length = std::min(bounds_.min_length, list->bounds().min_length);
  }
  if (!lists_.empty()) Enter(0);
}

void TermCursor::Enter(size_t list) {
  list_ = list;
  if (shallow_.has_value() && shallow_list_ == list) {
    // Bounds were read ahead in this list: its cursor has not moved yet.
    cursor_ = std::move(shallow_);
    shallow_.reset();
  } else {
    cursor_.emplace(*lists_[list]);
    if (shallow_list_ <= list) {
      shallow_.reset();
      shallow_list_ = list;
    }
  }
  doc_ = cursor_->doc();
}

void TermCursor::Next() {
  if (doc_ == kEnd) return;
  cursor_->Next();
  doc_ = cursor_->doc();
  if (doc_ == kEnd && list_ + 1 < lists_.size()) Enter(list_ + 1);
}

void TermCursor::Advance(DocId target) {
  if (doc_ >= target) return;  // Also at kEnd.
  size_t list = list_;
  while (list + 1 < lists_.size() && lists_[list]->last_doc() < target) ++list;
  if (list != list_) Enter(list);
  cursor_->Advance(target);
  doc_ = cursor_->doc();
}

bool TermCursor::ShallowAdvance(DocId target) {
  if (doc_ == kEnd) return false;
  size_t list = std::max(shallow_list_, list_);
  while (list < lists_.size() && lists_[list]->last_doc() < target) ++list;
  if (list == lists_.size()) return false;
  if (list == list_) return cursor_->ShallowAdvance(target);
  if (!shallow_.has_value() || shallow_list_ != list) shallow_.emplace(*lists_[list]);
  shallow_list_ = list;
  return shallow_->ShallowAdvance(target);
}

}  // namespace docsearch::query
