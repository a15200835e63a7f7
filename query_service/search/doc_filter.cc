#include "query_service/search/doc_filter.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <utility>

#include "query_service/index/index_data.h"

namespace docsearch::query {

void DocFilter::AddList(absl::Span<const DocId> docs, bool exclude) {
  lists_.push_back({docs, 0, exclude});
}

void DocFilter::AddOwnedList(std::vector<DocId> docs, bool exclude) {
  owned_.push_back(std::move(docs));
  AddList(owned_.back(), exclude);
}

void DocFilter::AddDateRange(const std::vector<int>* column, DayInterval days) {
  dates_.push_back({column, days});
}

void DocFilter::AddNumberRange(const std::vector<double>* column, NumberRange range) {
  numbers_.push_back({column, range});
}

bool DocFilter::ListCondition::Contains(DocId doc) {
  // Gallop: probe 1, 2, 4... entries ahead, then binary search the last
  // step, so a run of nearby candidates costs a few comparisons each and a
  // far jump a logarithm.
  size_t low = next;
  size_t step = 1;
  size_t high = low;
  while (high < docs.size() && docs[high] < doc) {
    low = high + 1;
    high = low + step;
    step *= 2;
  }
  high = std::min(high, docs.size());
  next = static_cast<size_t>(std::lower_bound(docs.begin() + low, docs.begin() + high, doc) -
                             docs.begin());
  return next < docs.size() && docs[next] == doc;
}

DocId DocFilter::ListCondition::Next(DocId target) {
  if (!exclude) {
    Contains(target);  // Moves `next` to the first entry >= target.
    return next < docs.size() ? docs[next] : PostingCursor::kEnd;
  }
  // Excluded documents come in runs at most; step over the run at target.
  DocId doc = target;
  while (doc != PostingCursor::kEnd && Contains(doc)) ++doc;
  return doc;
}

DocId DocFilter::DateCondition::Next(DocId target) {
  if (scanned_from <= target && target <= found) return found;
  if (column == nullptr || days.first > days.last) return PostingCursor::kEnd;
  // first <= day <= last as one unsigned comparison; kNoDate (the smallest
  // int) is below every interval a range can give, but an interval opening
  // at it must still exclude it.
  const int first = std::max(days.first, kNoDate + 1);
  if (first > days.last) return PostingCursor::kEnd;
  const uint32_t low = static_cast<uint32_t>(first);
  const uint32_t span = static_cast<uint32_t>(days.last) - low;
  const int* values = column->data();
  const size_t size = column->size();
  auto passes = [&](size_t doc) { return static_cast<uint32_t>(values[doc]) - low <= span; };
  size_t doc = target;
  DocId answer = PostingCursor::kEnd;
  // Candidates are often accepted outright (a wide range), so the first
  // one is tested alone; then 16 at a time without a branch per document.
  if (doc < size && passes(doc)) {
    answer = static_cast<DocId>(doc);
  } else {
    ++doc;
    for (; doc + 16 <= size; doc += 16) {
      uint32_t mask = 0;
      for (uint32_t i = 0; i < 16; ++i) mask |= static_cast<uint32_t>(passes(doc + i)) << i;
      if (mask != 0) {
        answer = static_cast<DocId>(doc + std::countr_zero(mask));
        break;
      }
    }
    if (answer == PostingCursor::kEnd) {
      for (; doc < size; ++doc) {
        if (passes(doc)) {
          answer = static_cast<DocId>(doc);
          break;
        }
      }
    }
  }
  scanned_from = target;
  found = answer;
  return answer;
}

bool DocFilter::NumberCondition::Passes(DocId doc) const {
  if (column == nullptr || doc >= column->size()) return false;
  const double value = (*column)[doc];
  if (std::isnan(value)) return false;
  if (range.low_inclusive ? value < range.low : value <= range.low) return false;
  if (range.high_inclusive ? value > range.high : value >= range.high) return false;
  return true;
}

DocId DocFilter::NumberCondition::Next(DocId target) const {
  if (column == nullptr) return PostingCursor::kEnd;
  for (size_t doc = target; doc < column->size(); ++doc) {
    if (Passes(static_cast<DocId>(doc))) return static_cast<DocId>(doc);
  }
  return PostingCursor::kEnd;
}

bool DocFilter::Accepts(DocId doc) {
  for (const DateCondition& condition : dates_) {
    if (condition.column == nullptr || doc >= condition.column->size()) return false;
    const int day = (*condition.column)[doc];
    if (day == kNoDate || day < condition.days.first || day > condition.days.last) return false;
  }
  for (const NumberCondition& condition : numbers_) {
    if (!condition.Passes(doc)) return false;
  }
  for (ListCondition& list : lists_) {
    if (list.Contains(doc) == list.exclude) return false;
  }
  return true;
}

DocId DocFilter::NextAccepted(DocId target) {
  // Each condition moves the target to the first document >= it that it
  // passes; a round in which none moves it ends on a document every one
  // passes. Conditions only ever see growing targets.
  DocId doc = target;
  while (doc != PostingCursor::kEnd) {
    const DocId round_start = doc;
    for (DateCondition& condition : dates_) {
      doc = condition.Next(doc);
      if (doc == PostingCursor::kEnd) return doc;
    }
    for (const NumberCondition& condition : numbers_) {
      doc = condition.Next(doc);
      if (doc == PostingCursor::kEnd) return doc;
    }
    for (ListCondition& list : lists_) {
      doc = list.Next(doc);
      if (doc == PostingCursor::kEnd) return doc;
    }
    if (doc == round_start) return doc;
  }
  return doc;
}

}  // namespace docsearch::query
