// Documents that hold at least `required` of several groups of scorers
// (scorer.h): an OR match query (or one with minimum_should_match), whose
// groups are its words and whose scorers are one per (field, word). A
// document's score is the sum of the scorers on it, in their order (the
// canonical fields-then-words order, so every pass sums alike).
//
// This reads every candidate; MaxScoreTopK (max_score.h) is the pruned
// top-k of the same disjunction with one word required.
//
// Thread safety: one search's, over an index no one writes meanwhile.
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_DISJUNCTION_SCORER_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_DISJUNCTION_SCORER_H_

#include <algorithm>
#include <bit>
#include <cstdint>
#include <utility>
#include <vector>

#include "query_service/search/scorer.h"

namespace docsearch::query {

template <Scorer S>
class DisjunctionScorer {
 public:
  // `group_of[c]` is the group (0..63) of scorers[c]; a document must hold
  // `required` (>= 1) groups. It starts at the first match >= `first`.
  DisjunctionScorer(std::vector<S> scorers, std::vector<size_t> group_of, int required,
                    DocId first = 0)
      : scorers_(std::move(scorers)), group_of_(std::move(group_of)), required_(required) {
    for (S& scorer : scorers_) {
      max_score_ += scorer.max_score();
      scorer.Advance(first);
    }
    Settle();
  }

  DocId doc() const { return doc_; }
  void Next() {
    if (doc_ == kScorerEnd) return;
    for (S& scorer : scorers_) {
      if (scorer.doc() == doc_) scorer.Next();
    }
    Settle();
  }
  void Advance(DocId target) {
    if (doc_ >= target) return;
    for (S& scorer : scorers_) {
      if (scorer.doc() < target) scorer.Advance(target);
    }
    Settle();
  }

  float Score() const {
    float score = 0;
    for (const S& scorer : scorers_) {
      if (scorer.doc() == doc_) score += scorer.Score();
    }
    return score;
  }
  // The scorers' explanations summed in Score()'s order.
  docsearch::v1::Explanation Explain() const {
    docsearch::v1::Explanation node = ExplanationNode(Score(), "sum of:");
    for (const S& scorer : scorers_) {
      if (scorer.doc() == doc_) *node.add_details() = scorer.Explain();
    }
    return node;
  }

  double max_score() const { return max_score_; }
  double BlockMaxScore(DocId target, DocId* last) {
    double bound = 0;
    *last = kScorerEnd;
    for (S& scorer : scorers_) {
      DocId scorer_last = kScorerEnd;
      bound += scorer.BlockMaxScore(target, &scorer_last);
      *last = std::min(*last, scorer_last);
    }
    return bound;
  }

 private:
  // Moves to the smallest document any scorer is on that holds enough
  // groups, passing over those that do not.
  void Settle() {
    while (true) {
      doc_ = kScorerEnd;
      for (const S& scorer : scorers_) doc_ = std::min(doc_, scorer.doc());
      if (doc_ == kScorerEnd) return;
      uint64_t groups = 0;  // Bit g: group g holds doc_.
      for (size_t c = 0; c < scorers_.size(); ++c) {
        if (scorers_[c].doc() == doc_) groups |= uint64_t{1} << group_of_[c];
      }
      if (std::popcount(groups) >= required_) return;
      for (S& scorer : scorers_) {
        if (scorer.doc() == doc_) scorer.Next();
      }
    }
  }

  std::vector<S> scorers_;
  std::vector<size_t> group_of_;
  int required_;
  double max_score_ = 0;
  DocId doc_ = kScorerEnd;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_DISJUNCTION_SCORER_H_
