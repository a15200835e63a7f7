// One query word over several text fields, scored as BM25F (Robertson,
// Zaragoza & Taylor 2004, "Simple BM25 extension to multiple weighted
// fields"): the word's frequencies in the fields are length-normalized per
// field, weighted by the field's boost and added, and the sum is saturated
// once:
//
//   tf~   = sum over fields f of boost_f · tf_f / (1 - b + b · dl_f / avgdl_f)
//   score = idf · tf~ · (k1 + 1) / (tf~ + k1)
//
// where idf comes from the most documents holding the variant in any one
// field (as Lucene's CombinedFieldQuery takes it). Summing each field's
// saturated BM25 instead (WordCursor per field) lets a word in the title and
// the body score almost twice a word in the body alone, however often the
// body repeats it: short titles that share the query's words then outrank
// the documents about the query (docs/RELEVANCE.md). With one field this is
// that field's BM25.
//
// A document holding several analysed variants of the word (English,
// French, unstemmed forms) scores the best of them, each variant's
// frequencies combined over the fields.
//
// It is a term scorer (scorer.h): conjunctions, disjunctions and MaxScore
// combine it as they do WordCursors.
//
// Thread safety: reads the IndexData only; the caller holds it unchanged.
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_FIELDED_WORD_CURSOR_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_FIELDED_WORD_CURSOR_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "docsearch/v1/query_service.pb.h"
#include "query_service/search/bm25.h"
#include "query_service/search/scorer.h"
#include "query_service/search/word_cursor.h"

namespace docsearch::query {

class FieldedWordCursor {
 public:
  static constexpr DocId kEnd = WordCursor::kEnd;

  // `fields`: the word's cursor in each field that holds it (at least one),
  // each with its field's boost. `documents`: N, for the idf.
  // `word_weight`: what the word counts, as a fraction of its BM25F
  // (ScoringOptions::function_word_weight for a function word of the
  // query's language; 1 otherwise).
  FieldedWordCursor(std::vector<WordCursor> fields, const ScoringOptions& scoring,
                    uint64_t documents, float word_weight = 1.0f);

  DocId doc() const { return doc_; }
  void Next();
  void Advance(DocId target);

  // BM25F of the best variant at doc() (0 at kEnd).
  float Score() const;
  // Score()'s breakdown: idf, and each field's share of tf~.
  docsearch::v1::Explanation Explain() const;

  double max_score() const { return max_score_; }
  double BlockMaxScore(DocId target, DocId* last = nullptr);
  // The fields' postings (WordCursor::cost): a bound on the documents it
  // stops at.
  uint64_t cost() const {
    uint64_t cost = 0;
    for (const WordCursor& field : fields_) cost += field.cost();
    return cost;
  }

 private:
  // A variant (analysed term) with where it is in each field.
  struct Variant {
    std::string term;
    uint64_t document_frequency;  // The most in any one field.
    float idf;
    float weighted_idf;  // idf · the word's weight: what scores use.
    // (field, that field's variant index) for each field holding it.
    std::vector<std::pair<size_t, size_t>> places;
  };

  void Settle();
  // tf~ of `variant` at doc().
  double CombinedFrequency(const Variant& variant) const;
  // idf · tf~ · (k1 + 1) / (tf~ + k1), in the one arithmetic Score() and
  // Explain() share.
  float Saturated(float idf, double combined_frequency) const;
  // The variant Score() takes (the first of the best) and its score;
  // variants_.size() when none is at doc().
  std::pair<size_t, float> Best() const;

  std::vector<WordCursor> fields_;
  const ScoringOptions* scoring_;
  uint64_t documents_;
  float word_weight_;
  std::vector<Variant> variants_;
  float max_idf_ = 0;
  double max_score_ = 0;
  DocId doc_ = kEnd;
};

static_assert(Scorer<FieldedWordCursor>);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_FIELDED_WORD_CURSOR_H_
