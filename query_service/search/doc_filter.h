// The filter and must_not clauses of a bool query as an iterator the
// scorers leapfrog with (Lucene's FILTER clauses join the conjunction the
// same way): NextAccepted(target) is the first document >= target that every
// condition passes, and the scorer advances its lists straight to it, so
// the documents the filter rejects are neither visited nor scored (nor,
// past a whole block, decoded). Accepts(doc) remains for callers that test
// one document at a time.
//
// A keyword term is answered from its sorted DocId list by galloping
// forward from the last answer; an excluded list steps over the run of its
// entries at the target. A date range reads its column forward from the
// target a window of 64 documents at a time, turning each window into 64
// pass bits with vector compares (SSE2 where the compiler targets it), and
// keeps the last window's bits: a query reads at most the column once,
// only as far as its candidates reach, and a candidate inside the window
// costs a shift and a count of trailing zeros. A number range scans its
// column the same way, one value at a time. Anything else (prefix, terms of
// several values, nested bool...) is evaluated into a sorted list once and
// then answered like a term. Building an accepted set up front cost a scan
// of every document for a range and a hash map of every match for a term:
// at 1M documents, milliseconds before the first candidate was scored.
//
// Liveness is not checked here: the scorers only stop at live documents,
// and an answer that is a dead one only tells them where to advance to.
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
  // The first document >= `target` that passes every condition, or
  // PostingCursor::kEnd. `target` must not be smaller than the previous
  // call's answer (of either function; Accepts' is its `doc`): the lists
  // have been read up to it. A scorer leapfrogging with the filter asks
  // again only once it has moved to (or past) the answer.
  DocId NextAccepted(DocId target);

 private:
  struct ListCondition {
    absl::Span<const DocId> docs;
    size_t next = 0;  // Every entry before it is < the last doc asked.
    bool exclude = false;
    // Whether `doc` is in the list, moving `next` to it.
    bool Contains(DocId doc);
    // The first document >= `target` the condition passes.
    DocId Next(DocId target);
  };
  struct DateCondition {
    static constexpr size_t kWindow = 64;
    static constexpr size_t kNoWindow = ~size_t{0};
    // `days` as one unsigned test: a day passes when day - low <= span
    // (unsigned). Null `column` or an empty interval accepts nothing.
    DateCondition(const std::vector<int>* column, DayInterval days);
    // Bit i: whether document `start` + i passes (0 past the column).
    uint64_t PassBits(size_t start) const;
    DocId Next(DocId target);

    const std::vector<int>* column;
    DayInterval days;  // As given; Accepts tests it directly.
    bool accepts_none = false;
    uint32_t low = 0;
    uint32_t span = 0;
    // The pass bits of the window of kWindow documents from `window`, the
    // one the last answer came from: candidates close together ask inside
    // it, at the cost of a shift.
    size_t window = kNoWindow;
    uint64_t window_bits = 0;
  };
  struct NumberCondition {
    const std::vector<double>* column;
    NumberRange range;
    bool Passes(DocId doc) const;
    DocId Next(DocId target) const;
  };

  std::vector<std::vector<DocId>> owned_;
  std::vector<ListCondition> lists_;
  std::vector<DateCondition> dates_;
  std::vector<NumberCondition> numbers_;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_DOC_FILTER_H_
