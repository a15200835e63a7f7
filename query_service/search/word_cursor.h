// One query word in one text field, read document at a time: the union of
// the postings of the word's analyzed variants (its English, French and
// unstemmed forms), in DocId order, dead documents skipped. A document holding
// several variants scores the best of them.
//
// It is the term scorer (scorer.h): conjunctions and disjunctions
// (conjunction_scorer.h, disjunction_scorer.h) combine it, phrases
// (phrase_scorer.h) read its positions, MaxScore (max_score.h) its bounds,
// and Explain() breaks its score down with the values it scored with.
//
// Thread safety: reads the IndexData only; the caller holds it unchanged.
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_WORD_CURSOR_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_WORD_CURSOR_H_

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "docsearch/v1/query_service.pb.h"
#include "query_service/index/index_data.h"
#include "query_service/index/posting_list.h"
#include "query_service/index/term_cursor.h"
#include "query_service/search/bm25.h"
#include "query_service/search/document_language_weight.h"
#include "query_service/search/scorer.h"

namespace docsearch::query {

// `boost` for `doc` in `field`: at most 1 when the parser doubted the
// document's text in it (a title that may be site furniture) and the
// scoring gives doubted titles no boost. Never above `boost`, so bounds
// computed from `boost` hold.
inline float FieldBoostAt(const ScoringOptions& scoring, const TextFieldIndex& field, float boost,
                          DocId doc) {
  return !scoring.boost_doubted_titles && field.Doubted(doc) ? std::min(boost, 1.0f) : boost;
}

// What a match word scores at `doc` is multiplied by: below 1 in a document
// of another language than the query's (document_language_weight.h).
// Never above 1, so bounds computed without it still hold.
inline float LanguageWeightAt(const ScoringOptions& scoring, DocId doc) {
  return scoring.language_weight == nullptr ? 1.0f : scoring.language_weight->At(doc);
}

class WordCursor {
 public:
  static constexpr DocId kEnd = PostingCursor::kEnd;

  struct Variant {
    std::string term;
    TermLists lists;  // One per segment holding the variant.
    uint64_t document_frequency;
    float idf;
  };

  // `variants` present in `field`; `boost` multiplies every score.
  WordCursor(const IndexData& index, const TextFieldIndex& field, float boost,
             const ScoringOptions& scoring, std::vector<Variant> variants);

  // The variants of `variant_terms` present in `field`, each with its idf
  // from its own live document frequency (over every segment, or the
  // collection's when `scoring` carries statistics).
  static std::vector<Variant> VariantsOf(const IndexData& index, const TextFieldIndex& field,
                                         const std::vector<std::string>& variant_terms,
                                         const ScoringOptions& scoring);

  // kEnd once every variant is exhausted.
  DocId doc() const { return doc_; }
  // Moves past doc().
  void Next();
  // Moves to the first live document >= `target`.
  void Advance(DocId target);

  // The score at doc(): boost × BM25 of the best variant (0 at kEnd).
  float Score() const;
  // Score()'s breakdown: the best variant's BM25 inputs. Only at a doc().
  docsearch::v1::Explanation Explain() const;
  // The sum of the variants' frequencies at doc(): a bound on how often the
  // word occurs there, read without decoding positions.
  uint32_t FrequencySum() const;
  // The positions at doc() of every variant, merged and sorted.
  void Positions(std::vector<uint32_t>& out);

  // An upper bound on Score() at `target` (>= doc()), from the score maxima
  // of the blocks that would hold it, read without decoding them. The bound
  // holds for every document from `target` through `*last` (the smallest
  // last doc of those blocks; kEnd when no block is left). Targets must not
  // decrease between calls.
  double BlockMaxScore(DocId target, DocId* last = nullptr);

  // For BM25F (fielded_word_cursor.h), which saturates a word once over
  // every field: variant v's frequency at doc() (0 when it is not there),
  // and the field's length normalization at doc(), 1 - b + b·dl/avgdl.
  uint32_t VariantFrequency(size_t v) const {
    return doc_ != kEnd && cursors_[v].doc() == doc_ ? cursors_[v].frequency() : 0;
  }
  double LengthNorm() const { return LengthNormOf(field_->lengths[doc_]); }
  // Upper bounds on boost × frequency / LengthNorm() over any variant: for
  // every document of the list, and (BlockMaxScore's contract) for every
  // document from `target` through `*last`.
  double MaxNormalizedFrequency() const;
  double BlockMaxNormalizedFrequency(DocId target, DocId* last);
  // For phrases (phrase_scorer.h), whose frequency is not the word's: over
  // the blocks that would hold `target` (>= doc()), the sum of the
  // variants' largest frequencies (a bound on FrequencySum()) and their
  // shortest field length, for every document from `target` through
  // `*last` (as BlockMaxScore's). False when no block is left. Targets
  // must not decrease between calls.
  bool BlockFrequencyBounds(DocId target, uint32_t* max_frequency_sum, uint32_t* min_length,
                            DocId* last);
  double average_length() const { return average_length_; }

  // An upper bound on Score() over the whole list.
  double max_score() const { return max_score_; }
  // Postings over every variant's lists (dead ones included): how many
  // documents Next() could stop at, which a conjunction leads with the
  // fewest of.
  uint64_t cost() const { return cost_; }
  // Over every variant: the sum of the largest frequencies (a bound on
  // FrequencySum()) and the shortest field length.
  const PostingBounds& bounds() const { return bounds_; }
  const IndexData& index() const { return *index_; }
  const TextFieldIndex& field() const { return *field_; }
  float boost() const { return boost_; }
  // The boost at doc(): the field's, or at most 1 for a document whose text
  // in the field the parser doubted (ScoringOptions::boost_doubted_titles).
  // Never above boost(), so the bounds computed from boost() still hold.
  float BoostAtDoc() const { return FieldBoostAt(*scoring_, *field_, boost_, doc_); }
  // LanguageWeightAt at doc().
  float LanguageWeightAtDoc() const { return LanguageWeightAt(*scoring_, doc_); }
  const std::vector<Variant>& variants() const { return variants_; }

 private:
  double LengthNormOf(double length) const {
    return 1.0 - scoring_->b + scoring_->b * length / average_length_;
  }
  void SkipDead(size_t v);
  void Settle();
  // Variant v's score at doc(), which it must be on, before and after the
  // document's language weight.
  float UnweightedVariantScore(size_t v) const {
    return BoostAtDoc() * Bm25Score(*scoring_, average_length_, field_->lengths[doc_],
                                    static_cast<float>(cursors_[v].frequency()), variants_[v].idf);
  }
  float VariantScore(size_t v) const { return LanguageWeightAtDoc() * UnweightedVariantScore(v); }

  // Pointers, not references, so cursors can be moved and sorted.
  const IndexData* index_;
  const TextFieldIndex* field_;
  float boost_;
  const ScoringOptions* scoring_;
  std::vector<Variant> variants_;
  std::vector<TermCursor> cursors_;
  double average_length_ = 1;
  double max_score_ = 0;
  uint64_t cost_ = 0;
  // Whether the index has dead documents: without any, SkipDead has
  // nothing to look up.
  bool any_dead_ = true;
  PostingBounds bounds_;
  DocId doc_ = kEnd;
};

static_assert(Scorer<WordCursor>);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_WORD_CURSOR_H_
