#include "query_service/search/doc_filter.h"

#include <algorithm>
#include <cmath>
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

bool DocFilter::Accepts(DocId doc) {
  for (const DateCondition& condition : dates_) {
    if (condition.column == nullptr || doc >= condition.column->size()) return false;
    const int day = (*condition.column)[doc];
    if (day == kNoDate || day < condition.days.first || day > condition.days.last) return false;
  }
  for (const NumberCondition& condition : numbers_) {
    if (condition.column == nullptr || doc >= condition.column->size()) return false;
    const double value = (*condition.column)[doc];
    if (std::isnan(value)) return false;
    const NumberRange& range = condition.range;
    if (range.low_inclusive ? value < range.low : value <= range.low) return false;
    if (range.high_inclusive ? value > range.high : value >= range.high) return false;
  }
  for (ListCondition& list : lists_) {
    if (list.Contains(doc) == list.exclude) return false;
  }
  return true;
}

}  // namespace docsearch::query
