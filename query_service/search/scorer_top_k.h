// The top k documents of one scorer (scorer.h): every document it yields
// that the filter accepts is counted and scored, and offered to the page
// when eligible. A PrunableScorer is told the page's k-th score whenever
// the page is full, so it can skip what cannot enter (a block-max
// conjunction skips whole blocks, a phrase documents whose frequency bound
// is too low, before reading positions); skipped documents are not counted,
// so the total becomes a lower bound.
//
// MaxScore (max_score.h) is the other top-k algorithm: it prunes across
// the clauses of a disjunction rather than inside one scorer.
//
// Thread safety: one search's.
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_SCORER_TOP_K_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_SCORER_TOP_K_H_

#include <functional>

#include "query_service/search/doc_filter.h"
#include "query_service/search/scored_doc.h"
#include "query_service/search/scorer.h"
#include "query_service/search/top_k_collector.h"

namespace docsearch::query {

// `before(a, b)`: a ranks above b (score descending, then a stable
// tiebreak). `eligible(d)`: d may be returned (e.g. it sorts after a page
// cursor). `filter`, when set, tells the documents that count as matches at
// all (a bool query's filters); the scorer is advanced to its next accepted
// document rather than asked about each of its own.
template <Scorer S>
TopK ScorerTopK(S& scorer, size_t k,
                const std::function<bool(const ScoredDoc&, const ScoredDoc&)>& before,
                const std::function<bool(const ScoredDoc&)>& eligible,
                DocFilter* filter = nullptr) {
  TopK result;
  TopKCollector page(k, before);
  while (scorer.doc() != kScorerEnd) {
    const DocId doc = scorer.doc();
    if (filter != nullptr) {
      // Leapfrog: the scorer skips to the filter's next accepted document.
      const DocId accepted = filter->NextAccepted(doc);
      if (accepted == kScorerEnd) break;
      if (accepted != doc) {
        scorer.Advance(accepted);
        continue;
      }
    }
    ++result.counted;
    const ScoredDoc candidate{doc, scorer.Score()};
    if (eligible(candidate)) {
      page.Offer(candidate);
      if constexpr (PrunableScorer<S>) {
        if (page.full()) scorer.SetMinCompetitiveScore(page.threshold());
      }
    }
    scorer.Next();
  }
  if constexpr (PrunableScorer<S>) result.exact = !scorer.pruned();
  page.Finish(result);
  return result;
}

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_SCORER_TOP_K_H_
