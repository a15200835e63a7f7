// What every scorer hands back: a scored document, a list of them in DocId
// order (full evaluation), and a page of the best ones (the top-k
// algorithms: max_score.h, scorer_top_k.h, filled through
// top_k_collector.h).
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_SCORED_DOC_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_SCORED_DOC_H_

#include <cstdint>
#include <vector>

#include "query_service/index/posting_list.h"

namespace docsearch::query {

struct ScoredDoc {
  DocId doc;
  float score;
};
// Ascending by doc.
using DocList = std::vector<ScoredDoc>;

struct TopK {
  // The best `k` eligible matches, best first by `before`.
  DocList hits;
  // Whether another eligible match follows hits.back().
  bool more = false;
  // Matches seen (eligible or not): all of them when `exact`, else a lower
  // bound because pruning skipped documents (in non-essential lists, or
  // whole blocks whose score maxima could not reach the page).
  uint64_t counted = 0;
  bool exact = true;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_SCORED_DOC_H_
