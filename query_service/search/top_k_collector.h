// The page being filled by a top-k algorithm (max_score.h, scorer_top_k.h): the best k + 1 hits by
// `before` (one more than asked, to know whether a next page exists), kept in a heap whose front is
// the worst.
//
// Thread safety: one scorer's; not shared.
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_TOP_K_COLLECTOR_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_TOP_K_COLLECTOR_H_

#include <algorithm>
#include <functional>
#include <limits>
#include <utility>
#include <vector>

#include "query_service/search/scored_doc.h"

namespace docsearch::query {

class TopKCollector {
 public:
  using Before = std::function<bool(const ScoredDoc&, const ScoredDoc&)>;

  TopKCollector(size_t k, const Before& before) : k_(k), keep_(k + 1), before_(before) {
    heap_.reserve(keep_ + 1);
  }

  // Keeps `candidate` if it ranks among the best k + 1 so far.
  void Offer(const ScoredDoc& candidate) {
    if (full() && !before_(candidate, heap_.front())) return;
    heap_.push_back(candidate);
    std::push_heap(heap_.begin(), heap_.end(), before_);
    if (heap_.size() > keep_) {
      std::pop_heap(heap_.begin(), heap_.end(), before_);
      heap_.pop_back();
    }
  }

  // Whether k + 1 hits are held, so that threshold() prunes.
  bool full() const { return heap_.size() == keep_; }

  // The score a document must reach to enter once full(); -inf before.
  double threshold() const {
    return full() ? heap_.front().score : -std::numeric_limits<double>::infinity();
  }

  // The best k hits, best first, into `result`, and whether more follow.
  void Finish(TopK& result) {
    std::sort_heap(heap_.begin(), heap_.end(), before_);
    if (heap_.size() > k_) {
      heap_.resize(k_);
      result.more = true;
    }
    result.hits = std::move(heap_);
  }

 private:
  const size_t k_;
  const size_t keep_;
  const Before& before_;
  std::vector<ScoredDoc> heap_;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_TOP_K_COLLECTOR_H_
