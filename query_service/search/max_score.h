// Top-k of a disjunction with MaxScore pruning (Turtle & Flood 1995; PISA's
// maxscore_query): documents that cannot reach the k best are never fully
// scored, and postings of rare-enough-to-matter clauses are skipped rather
// than read.
//
// The clauses are any scorers (scorer.h); an OR match query's are its
// WordCursors, one per (field, word), a document scoring the best of a
// word's variants. A document matches when any clause holds it.
//
// Each clause has an upper bound on its score (max_score()). Clauses are
// ordered by bound; the lowest ones whose bounds together cannot reach the
// current k-th score are "non-essential": candidates come only from the
// essential clauses, and non-essential ones are probed (skip data) only for
// candidates that could still make it. Before a probe, the bound of the
// block that would hold the candidate (BlockMaxScore) replaces the clause's
// bound: block-max pruning, which skips most probes of frequent words.
// The essential clauses are bounded by their blocks too (Block-Max MaxScore,
// Chakrabarti et al. 2011; Lucene's impacts): when the maxima of the blocks
// the essential clauses stand in, plus the non-essential bounds, cannot
// reach the page, every document up to the first of those blocks' ends is
// skipped unread. A query of one frequent word, whose only clause is always
// essential, reads only the blocks that hold a competitive document.
//
// Scores are summed in the clauses' given (canonical: fields, then words)
// order, the order every other pass sums in, so a hit scores exactly what
// exhaustive evaluation gives.
//
// Thread safety: one search's, over an index no one writes meanwhile.
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_MAX_SCORE_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_MAX_SCORE_H_

#include <algorithm>
#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

#include "query_service/search/doc_filter.h"
#include "query_service/search/scored_doc.h"
#include "query_service/search/scorer.h"
#include "query_service/search/top_k_collector.h"

namespace docsearch::query {

// `clauses` in canonical order. `before`, `eligible` and `filter` as for
// ScorerTopK (scorer_top_k.h); the essential clauses are advanced to the
// filter's next accepted document, so a rejected one is neither scored nor
// counted (nor, past a skip, decoded).
template <Scorer S>
TopK MaxScoreTopK(std::vector<S> clauses, size_t k,
                  const std::function<bool(const ScoredDoc&, const ScoredDoc&)>& before,
                  const std::function<bool(const ScoredDoc&)>& eligible,
                  DocFilter* filter = nullptr) {
  // Scores are float sums of per-clause scores; this slack keeps a sum of
  // bounds above the float sum of the scores it bounds.
  constexpr double kSumSlack = 1.00001;
  struct Cursor {
    S scorer;
    size_t canonical;  // Its place in the canonical order.
  };
  TopK result;
  const size_t count = clauses.size();
  std::vector<Cursor> cursors;
  cursors.reserve(count);
  for (size_t i = 0; i < count; ++i) cursors.push_back({std::move(clauses[i]), i});
  // Ascending bound; bound_prefix[i] = sum of the bounds of cursors[0..i].
  std::sort(cursors.begin(), cursors.end(), [](const Cursor& a, const Cursor& b) {
    return a.scorer.max_score() < b.scorer.max_score();
  });
  std::vector<double> bound_prefix(count);
  double sum = 0;
  for (size_t i = 0; i < count; ++i) bound_prefix[i] = sum += cursors[i].scorer.max_score();

  TopKCollector page(k, before);
  double threshold = page.threshold();
  size_t first_essential = 0;  // cursors[0, first_essential) are non-essential.
  std::vector<float> contribution(count);
  std::vector<bool> present(count);
  // Each essential cursor's block bound, read at its doc() and holding for
  // every document through essential_last[i]: read again only once the
  // cursor has moved past it, so a candidate costs no skip-data read as a
  // rule.
  std::vector<double> essential_bound(count);
  std::vector<DocId> essential_last(count);
  std::vector<bool> essential_read(count, false);

  while (true) {
    DocId doc = kScorerEnd;
    for (size_t i = first_essential; i < count; ++i) doc = std::min(doc, cursors[i].scorer.doc());
    if (doc == kScorerEnd) break;
    if (filter != nullptr) {
      // Leapfrog with the filter: the essential clauses move (skip data)
      // straight to the next document it accepts, so the ones it rejects
      // are neither decoded nor visited.
      const DocId accepted = filter->NextAccepted(doc);
      if (accepted == kScorerEnd) break;
      if (accepted != doc) {
        for (size_t i = first_essential; i < count; ++i) {
          if (cursors[i].scorer.doc() < accepted) cursors[i].scorer.Advance(accepted);
        }
        continue;
      }
    }
    if (page.full()) {
      // Bounds every document from `doc` through `range_last`: an essential
      // clause contributes at most its block's maximum there (nothing
      // before its doc()), a non-essential one at most its bound.
      double bound = first_essential > 0 ? bound_prefix[first_essential - 1] : 0.0;
      DocId range_last = kScorerEnd;
      for (size_t i = first_essential; i < count; ++i) {
        S& scorer = cursors[i].scorer;
        if (scorer.doc() == kScorerEnd) continue;
        if (!essential_read[i] || scorer.doc() > essential_last[i]) {
          essential_bound[i] = scorer.BlockMaxScore(scorer.doc(), &essential_last[i]);
          essential_read[i] = true;
        }
        bound += essential_bound[i];
        range_last = std::min(range_last, essential_last[i]);
      }
      if (bound * kSumSlack < threshold) {
        result.exact = false;
        if (range_last == kScorerEnd) break;
        for (size_t i = first_essential; i < count; ++i) {
          S& scorer = cursors[i].scorer;
          if (scorer.doc() <= range_last) scorer.Advance(range_last + 1);
        }
        continue;
      }
    }
    ++result.counted;
    std::fill(present.begin(), present.end(), false);
    double partial = 0;
    for (size_t i = first_essential; i < count; ++i) {
      S& scorer = cursors[i].scorer;
      if (scorer.doc() != doc) continue;
      const float score = scorer.Score();
      contribution[cursors[i].canonical] = score;
      present[cursors[i].canonical] = true;
      partial += score;
      scorer.Next();
    }
    bool pruned = false;
    for (size_t i = first_essential; i-- > 0;) {
      S& scorer = cursors[i].scorer;
      // The float sum of the same scores may round above `partial`.
      if (partial * kSumSlack + bound_prefix[i] < threshold) {
        pruned = true;
        break;
      }
      // A clause already past `doc` does not hold it (and its block bounds
      // are read at targets that never decrease).
      if (scorer.doc() > doc) continue;
      // Block-max: this clause's bound at `doc` from the maxima of the
      // block that would hold it, often far below its bound over the whole
      // list.
      const double before_this = i > 0 ? bound_prefix[i - 1] : 0.0;
      DocId block_last = kScorerEnd;
      if (partial * kSumSlack + before_this + scorer.BlockMaxScore(doc, &block_last) < threshold) {
        pruned = true;
        break;
      }
      scorer.Advance(doc);
      if (scorer.doc() != doc) continue;
      const float score = scorer.Score();
      contribution[cursors[i].canonical] = score;
      present[cursors[i].canonical] = true;
      partial += score;
    }
    if (pruned) continue;
    float total = 0;
    for (size_t c = 0; c < count; ++c) {
      if (present[c]) total += contribution[c];
    }
    const ScoredDoc candidate{doc, total};
    if (!eligible(candidate)) continue;
    page.Offer(candidate);
    if (page.full()) {
      threshold = page.threshold();
      while (first_essential < count && bound_prefix[first_essential] < threshold) {
        ++first_essential;
        result.exact = false;
      }
    }
  }
  page.Finish(result);
  return result;
}

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_MAX_SCORE_H_
