// Top-k of a phrase query in one text field, reading positions only for
// documents that could still enter the k best.
//
// A document holding every word gets a phrase frequency of at most its
// first word's frequency (an occurrence is counted per position of the first
// word), and for an exact phrase (slop 0) of at most the smallest of its
// words' frequencies; both are read from the doc stream, without positions,
// so its BM25 phrase score is bounded before its positions are decoded; once k hits are held,
// documents whose bound is below the k-th score are skipped (Lucene's ExactPhraseMatcher bounds
// phrase scores the same way). Skipped documents are not counted, so the total becomes a lower
// bound. Scores are computed exactly as QueryEvaluator::EvalPhrase computes them.
//
// Thread safety: reads the IndexData only; the caller holds it unchanged.
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_PHRASE_TOP_K_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_PHRASE_TOP_K_H_

#include <functional>
#include <vector>

#include "query_service/index/index_data.h"
#include "query_service/search/bm25.h"
#include "query_service/search/max_score.h"
#include "query_service/search/word_cursor.h"

namespace docsearch::query {

// `words`: one cursor per phrase word, in phrase order, all in the same
// field with the same boost. `phrase_frequency(positions)` counts the
// phrase's occurrences given each word's sorted positions, allowing `slop`;
// `idf` is the phrase's (summed) idf. `before` and `eligible` as for MaxScoreTopK.
TopK PhraseTopK(
    const IndexData& index, const ScoringOptions& scoring, std::vector<WordCursor> words, float idf,
    int slop,
    const std::function<int(const std::vector<const std::vector<uint32_t>*>&)>& phrase_frequency,
    size_t k, const std::function<bool(const ScoredDoc&, const ScoredDoc&)>& before,
    const std::function<bool(const ScoredDoc&)>& eligible);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_PHRASE_TOP_K_H_
