// Top-k of a disjunction of text terms with MaxScore pruning (Turtle & Flood
// 1995; PISA's maxscore_query): documents that cannot reach the k best are
// never fully scored, and postings of rare-enough-to-matter terms are
// skipped rather than read.
//
// The terms are "term lists": one query word in one text field, whose
// postings are the union of the word's analyzed variants, a document scoring
// the best of its variants (as QueryEvaluator::EvalMatch does). A document
// matches when it holds any term list (an OR match query).
//
// Each list has an upper bound on its score from its TermStats. Lists are
// ordered by bound; the lowest ones whose bounds together cannot reach the
// current k-th score are "non-essential": candidates come only from the
// essential lists, and non-essential lists are probed (skip data) only for
// candidates that could still make it. Before a probe, the bound of the block
// that would hold the candidate (posting_list.h) replaces the list's bound:
// block-max pruning, which skips most probes of frequent words.
//
// Scores are summed in the canonical order (fields, then words), the order
// EvalMatch uses, so a hit scores exactly what exhaustive evaluation gives.
//
// Thread safety: reads the IndexData only; the caller holds it unchanged.
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_MAX_SCORE_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_MAX_SCORE_H_

#include <cstdint>
#include <functional>
#include <vector>

#include "query_service/index/index_data.h"
#include "query_service/search/bm25.h"
#include "query_service/search/doc_filter.h"
#include "query_service/search/scored_doc.h"
#include "query_service/search/word_cursor.h"

namespace docsearch::query {

// One query word in one field.
struct TermList {
  const TextFieldIndex* field;
  float boost;
  // The postings and idf of each analyzed variant present in the field.
  std::vector<WordCursor::Variant> variants;
};

// `lists` in canonical order. `before(a, b)`: a ranks above b (score
// descending, then a stable tiebreak). `eligible(d)`: d may be returned
// (e.g. it sorts after a page cursor). `filter`, when set, tells the
// documents that count as matches at all (a bool query's filters): others
// are skipped before scoring and not counted. It is asked in increasing
// DocId order.
TopK MaxScoreTopK(const IndexData& index, const ScoringOptions& scoring,
                  const std::vector<TermList>& lists, size_t k,
                  const std::function<bool(const ScoredDoc&, const ScoredDoc&)>& before,
                  const std::function<bool(const ScoredDoc&)>& eligible,
                  DocFilter* filter = nullptr);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_MAX_SCORE_H_
