// Top-k of a conjunction of text words (an AND match query) with block-max
// pruning, as Lucene's BlockMaxConjunctionScorer does.
//
// Cursors leapfrog to a document holding every word. Once k hits are held,
// the score maxima of the blocks that hold that document (skip data, no
// decoding) bound the score of every document up to the first of those
// blocks' ends; when the bound is below the k-th score the whole range is
// skipped. Skipped documents are not counted, so the total becomes a lower
// bound. Scores are summed in the cursors' order, which callers make the
// canonical (fields, then words) order QueryEvaluator::EvalMatch uses, so
// hits score exactly what exhaustive evaluation gives.
//
// Thread safety: reads the IndexData only; the caller holds it unchanged.
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_CONJUNCTION_TOP_K_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_CONJUNCTION_TOP_K_H_

#include <functional>
#include <vector>

#include "query_service/search/doc_filter.h"
#include "query_service/search/max_score.h"
#include "query_service/search/word_cursor.h"

namespace docsearch::query {

// `cursors`: one per (field, word) present, in canonical order; `word_of[c]`
// the word (0..words-1) cursor c reads. A word with no cursor matches
// nothing, so neither does the conjunction. `before`, `eligible` and
// `filter` as for MaxScoreTopK.
TopK ConjunctionTopK(std::vector<WordCursor> cursors, const std::vector<size_t>& word_of,
                     size_t words, size_t k,
                     const std::function<bool(const ScoredDoc&, const ScoredDoc&)>& before,
                     const std::function<bool(const ScoredDoc&)>& eligible, DocFilter* filter);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_CONJUNCTION_TOP_K_H_
