// The filter and must_not clauses of a bool query as a test a scorer asks
// of each candidate, in increasing DocId order, instead of a set of every
// accepted document built first (Lucene's filter clauses are iterators
// advanced to the candidate in the same way).
//
// A keyword term is answered from its sorted DocId list by galloping
// forward from the last answer; a date or number range from its column, one
// load per candidate. Anything else (prefix, terms of several values, nested
// bool...) is evaluated into a sorted list once and then answered like a
// term. Building the accepted set cost a scan of every document for a range
// and a hash map of every match for a term: at 1M documents, milliseconds
// before the first candidate was scored.
//
// Leapfrogging instead (the filter as an iterator of its next accepted
// document, the scorers advanced to it, as Lucene's FILTER clauses join the
// conjunction) was tried and measured no faster beyond the noise at 1M:
// lists are decoded a block at a time, and the accepted documents of even
// a 5% range are too close together for an advance to pass a block unread
// (docs/BENCHMARKS.md, "Filters leapfrogged with the scorers").
//
// Liveness is not checked here: the scorers only ask about live documents.
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_DOC_FILTER_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_DOC_FILTER_H_

#include <cstddef>
#include <vector>

#include "absl/types/span.h"
#include "query_service/index/posting_list.h"
#include "query_service/search/range_bound.h"

namespace docsearch::query {

class DocFilter {
 public:
  DocFilter() = default;
  // Movable (the owned lists' buffers move with them), not copyable: a copy
  // would point into the original's lists.
  DocFilter(DocFilter&&) = default;
  DocFilter& operator=(DocFilter&&) = default;
  DocFilter(const DocFilter&) = delete;
  DocFilter& operator=(const DocFilter&) = delete;

  // Documents must be in `docs` (ascending, no duplicates), or must not be
  // when `exclude`. The span must outlive the filter.
  void AddList(absl::Span<const DocId> docs, bool exclude);
  // As AddList, for a list the filter keeps.
  void AddOwnedList(std::vector<DocId> docs, bool exclude);
  // Documents must have a value in `days` in `column` (by DocId; kNoDate
  // when absent). A null column accepts nothing.
  void AddDateRange(const std::vector<int>* column, DayInterval days);
  // Documents must have a value in `range` in `column` (NaN when absent).
  void AddNumberRange(const std::vector<double>* column, NumberRange range);

  // Whether `doc` passes every condition. `doc` must not be smaller than in
  // the previous call (lists are read forward only).
  bool Accepts(DocId doc);

 private:
  struct ListCondition {
    absl::Span<const DocId> docs;
    size_t next = 0;  // Every entry before it is < the last doc asked.
    bool exclude = false;
    // Whether `doc` is in the list, moving `next` to it.
    bool Contains(DocId doc);
  };
  struct DateCondition {
    const std::vector<int>* column;
    DayInterval days;
  };
  struct NumberCondition {
    const std::vector<double>* column;
    NumberRange range;
  };

  std::vector<std::vector<DocId>> owned_;
  std::vector<ListCondition> lists_;
  std::vector<DateCondition> dates_;
  std::vector<NumberCondition> numbers_;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_DOC_FILTER_H_
