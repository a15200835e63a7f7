// A phrase in one text field as a scorer (scorer.h): the documents holding
// every word (a ConjunctionScorer of the words' cursors, the
// approximation) whose positions hold the phrase (phrase_frequency.h), with
// slop or without, scored boost × BM25 of the phrase frequency with the
// summed idf of its words.
//
// Once told the score a document must beat (SetMinCompetitiveScore), it
// bounds a candidate's score before decoding its positions, as Lucene's
// ExactPhraseMatcher does: the phrase occurs at most as often as its first
// word (an occurrence is counted per position of the first word), and
// without slop at most as often as its rarest word; both come from the doc
// stream. Before that, the same bound over the words' blocks (their largest
// frequencies and shortest lengths, from the skip data) skips every
// candidate up to the first of those blocks' ends at once, without reading
// their documents, as the block-max conjunction does.
//
// Thread safety: one search's, over an index no one writes meanwhile.
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_PHRASE_SCORER_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_PHRASE_SCORER_H_

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "query_service/index/index_data.h"
#include "query_service/search/bm25.h"
#include "query_service/search/conjunction_scorer.h"
#include "query_service/search/scorer.h"
#include "query_service/search/word_cursor.h"

namespace docsearch::query {

class PhraseScorer {
 public:
  // `words`: one cursor per phrase word, in phrase order, all in one field
  // with one boost; at least one. `idf`: the phrase's (its words' summed).
  // `text` names the phrase in explanations. It starts at the first match
  // >= `first`.
  PhraseScorer(const IndexData& index, const ScoringOptions& scoring, std::vector<WordCursor> words,
               float idf, int slop, std::string text, DocId first = 0);

  DocId doc() const { return doc_; }
  void Next();
  void Advance(DocId target);

  // How often the phrase occurs at doc().
  int frequency() const { return frequency_; }
  float Score() const {
    return FieldBoostAt(*scoring_, *field_, boost_, doc_) *
           Bm25Score(*scoring_, average_length_, field_->lengths[doc_],
                     static_cast<float>(frequency_), idf_);
  }
  docsearch::v1::Explanation Explain() const;

  double max_score() const { return max_score_; }
  // No block bounds of its own: max_score() for every document.
  double BlockMaxScore(DocId /*target*/, DocId* last) const {
    *last = kScorerEnd;
    return max_score_;
  }

  void SetMinCompetitiveScore(double score) { min_competitive_ = score; }
  bool pruned() const { return pruned_; }

 private:
  // From the approximation's document on: the first that holds the phrase
  // and whose bound can compete.
  void Settle();
  // Whether the bound over the words' blocks holding `doc` (a candidate)
  // reaches min_competitive_; remembers the bound through block_last_.
  bool BlockCompetes(DocId doc);

  const IndexData* index_;
  const ScoringOptions* scoring_;
  const TextFieldIndex* field_;
  float boost_;
  float idf_;
  int slop_;
  std::string text_;
  double average_length_;
  double max_score_;
  ConjunctionScorer<WordCursor> words_;
  // Each word's positions at the current candidate, and pointers to them.
  std::vector<std::vector<uint32_t>> positions_;
  std::vector<const std::vector<uint32_t>*> position_lists_;
  double min_competitive_ = -std::numeric_limits<double>::infinity();
  // BlockCompetes' bound, which holds for every document through
  // block_last_.
  bool block_bound_valid_ = false;
  double block_bound_ = 0;
  DocId block_last_ = 0;
  bool pruned_ = false;
  int frequency_ = 0;
  DocId doc_ = kScorerEnd;
};

static_assert(PrunableScorer<PhraseScorer>);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_PHRASE_SCORER_H_
