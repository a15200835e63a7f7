// The one cursor every scorer of text is read through, as Lucene's Scorer
// and PISA's cursors: documents in DocId order, the score of the current
// one, bounds on scores that pruning reads without scoring, and how the
// current score is computed.
//
//   doc()                     the current document; kScorerEnd once exhausted
//   Next()                    moves past doc()
//   Advance(target)           moves to the first match >= target (no move
//                             when already there)
//   Score()                   the score at doc()
//   Explain()                 how Score() is computed, from the same
//                             arithmetic (same idf, tf, length norm, boosts,
//                             summing order), so the root's value is Score()
//   max_score()               an upper bound on Score() over every document
//   BlockMaxScore(target, &last)
//                             an upper bound on Score() for every document
//                             from `target` (>= doc()) through `last`, read
//                             from skip data without decoding; targets must
//                             not decrease between calls
//
// The scorers: WordCursor (one word in one field, word_cursor.h),
// ConjunctionScorer and DisjunctionScorer (several, conjunction_scorer.h,
// disjunction_scorer.h) and PhraseScorer (phrase_scorer.h). The top-k
// algorithms (scorer_top_k.h, max_score.h) are templates over this concept,
// so scoring a posting costs no virtual call.
//
// A scorer that can skip documents which cannot enter a page (block-max
// conjunction, phrase bounds) also has SetMinCompetitiveScore(score) and
// pruned() (whether it skipped any); see PrunableScorer.
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_SCORER_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_SCORER_H_

#include <concepts>
#include <string>
#include <utility>

#include "docsearch/v1/query_service.pb.h"
#include "query_service/index/posting_list.h"

namespace docsearch::query {

inline constexpr DocId kScorerEnd = PostingCursor::kEnd;

template <typename S>
concept Scorer = requires(S& scorer, const S& current, DocId target, DocId* last) {
  { current.doc() } -> std::same_as<DocId>;
  scorer.Next();
  scorer.Advance(target);
  { current.Score() } -> std::same_as<float>;
  { current.Explain() } -> std::same_as<docsearch::v1::Explanation>;
  { current.max_score() } -> std::convertible_to<double>;
  { scorer.BlockMaxScore(target, last) } -> std::convertible_to<double>;
};

// A scorer told the score a document must beat to matter (the k-th best
// so far) may skip documents whose bound is below it; pruned() says whether
// it did, so that a count of matches is only a lower bound.
template <typename S>
concept PrunableScorer = Scorer<S> && requires(S& scorer, const S& current, double score) {
  scorer.SetMinCompetitiveScore(score);
  { current.pruned() } -> std::same_as<bool>;
};

// An explanation node.
inline docsearch::v1::Explanation ExplanationNode(double value, std::string description) {
  docsearch::v1::Explanation node;
  node.set_value(value);
  node.set_description(std::move(description));
  return node;
}

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_SCORER_H_
