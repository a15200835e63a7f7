#include "query_service/search/doc_filter.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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
  dates_.emplace_back(column, days);
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

DocFilter::DateCondition::DateCondition(const std::vector<int>* column, DayInterval days)
    : column(column), days(days) {
  // kNoDate (the smallest int) is below every interval a range can give,
  // but an interval opening at it must still exclude it.
  const int first = std::max(days.first, kNoDate + 1);
  accepts_none = column == nullptr || first > days.last;
  low = static_cast<uint32_t>(first);
  span = static_cast<uint32_t>(days.last) - low;
}

uint64_t DocFilter::DateCondition::PassBits(size_t start) const {
  const int* values = column->data();
  const size_t size = column->size();
  uint64_t bits = 0;
  if (start + kWindow <= size) {
#if defined(__SSE2__)
    // SSE2 compares signed lanes only: (day - low) with its top bit flipped
    // compares, signed, as (day - low) does unsigned.
    const __m128i flip = _mm_set1_epi32(static_cast<int>(0x80000000u));
    const __m128i low_lanes = _mm_set1_epi32(static_cast<int>(low));
    const __m128i limit = _mm_set1_epi32(static_cast<int>(span ^ 0x80000000u));
    for (size_t i = 0; i < kWindow; i += 4) {
      __m128i lanes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(values + start + i));
      lanes = _mm_xor_si128(_mm_sub_epi32(lanes, low_lanes), flip);
      const int fails = _mm_movemask_ps(_mm_castsi128_ps(_mm_cmpgt_epi32(lanes, limit)));
      bits |= static_cast<uint64_t>(~fails & 0xF) << i;
    }
    return bits;
#endif
  }
  const size_t end = std::min(start + kWindow, size);
  for (size_t doc = start; doc < end; ++doc) {
    bits |= static_cast<uint64_t>(static_cast<uint32_t>(values[doc]) - low <= span)
            << (doc - start);
  }
  return bits;
}

DocId DocFilter::DateCondition::Next(DocId target) {
  if (accepts_none) return PostingCursor::kEnd;
  size_t from = target;
  size_t start = from & ~(kWindow - 1);
  const size_t size = column->size();
  for (; start < size; start += kWindow, from = start) {
    if (start != window) {
      window = start;
      window_bits = PassBits(start);
    }
    const uint64_t ahead = window_bits & (~uint64_t{0} << (from - start));
    if (ahead != 0) return static_cast<DocId>(start + std::countr_zero(ahead));
  }
  return PostingCursor::kEnd;
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
