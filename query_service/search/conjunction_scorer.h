// Documents that hold every one of several groups of scorers (scorer.h):
// an AND match query, whose groups are its words and whose scorers are one
// per (field, word), and the candidates of a phrase, one word per group.
// Scorers leapfrog with Advance to the furthest group's document; a
// document's score is the sum of the scorers on it, in their order (the
// canonical fields-then-words order, so every pass sums alike).
//
// When every group is one scorer (a phrase's words, a match query in one
// field or under BM25F), the scorer with the fewest postings (cost()) leads
// and the others are advanced only to its documents, as Lucene's
// ConjunctionDISI does: a frequent word then moves once per candidate
// instead of once to the next target and again to the candidate.
//
// Block-max (Lucene's BlockMaxConjunctionScorer): once told the score a
// document must beat (SetMinCompetitiveScore), the score maxima of the
// blocks holding a candidate (skip data, no decoding) bound every document
// up to the first of those blocks' ends, and when the bound is below, the
// whole range is skipped.
//
// Thread safety: one search's, over an index no one writes meanwhile.
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_CONJUNCTION_SCORER_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_CONJUNCTION_SCORER_H_

#include <algorithm>
#include <limits>
#include <utility>
#include <vector>

#include "query_service/search/scorer.h"

namespace docsearch::query {

template <Scorer S>
class ConjunctionScorer {
 public:
  // `group_of[c]` is the group (0..groups-1) of scorers[c]. A group with no
  // scorer matches nothing, so neither does the conjunction. It starts at
  // the first match >= `first`.
  ConjunctionScorer(std::vector<S> scorers, std::vector<size_t> group_of, size_t groups,
                    DocId first = 0)
      : scorers_(std::move(scorers)), group_of_(std::move(group_of)), group_doc_(groups) {
    for (const S& scorer : scorers_) max_score_ += scorer.max_score();
    // Each group exactly one scorer (a group with none matches nothing,
    // which only the group path below tells).
    std::vector<size_t> per_group(groups);
    for (size_t group : group_of_) ++per_group[group];
    one_per_group_ = groups > 0 && std::all_of(per_group.begin(), per_group.end(),
                                               [](size_t n) { return n == 1; });
    if (one_per_group_) {
      // Then which group a scorer is in does not matter, only that every
      // scorer is on the document.
      order_.resize(scorers_.size());
      for (size_t c = 0; c < order_.size(); ++c) order_[c] = c;
      std::stable_sort(order_.begin(), order_.end(),
                       [&](size_t a, size_t b) { return scorers_[a].cost() < scorers_[b].cost(); });
    }
    if (groups > 0) Align(first);
  }

  DocId doc() const { return doc_; }
  void Next() {
    if (doc_ != kScorerEnd) Align(doc_ + 1);
  }
  void Advance(DocId target) {
    if (doc_ < target) Align(target);
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

  void SetMinCompetitiveScore(double score) { min_competitive_ = score; }
  bool pruned() const { return pruned_; }

  std::vector<S>& scorers() { return scorers_; }

 private:
  // Moves to the first document >= `target` holding every group whose
  // block bound can still compete.
  void Align(DocId target) {
    while (true) {
      const DocId doc = one_per_group_ ? Leapfrog(target) : AlignGroups(target);
      if (doc == kScorerEnd) break;
      if (min_competitive_ > -std::numeric_limits<double>::infinity()) {
        DocId range_end = kScorerEnd;
        if (BlockMaxScore(doc, &range_end) < min_competitive_) {
          // No document through range_end can compete.
          pruned_ = true;
          if (range_end == kScorerEnd) break;
          target = range_end + 1;
          continue;
        }
      }
      doc_ = doc;
      return;
    }
    doc_ = kScorerEnd;
  }

  // One scorer per group: the first document >= `target` every scorer is
  // on (kScorerEnd when none). The lead (fewest postings) proposes a
  // document; the first scorer past it sends the lead on to where it is.
  DocId Leapfrog(DocId target) {
    S& lead = scorers_[order_[0]];
    if (lead.doc() < target) lead.Advance(target);
    DocId doc = lead.doc();
    while (doc != kScorerEnd) {
      size_t c = 1;
      for (; c < order_.size(); ++c) {
        S& other = scorers_[order_[c]];
        if (other.doc() < doc) other.Advance(doc);
        if (other.doc() != doc) break;
      }
      if (c == order_.size()) return doc;
      const DocId ahead = scorers_[order_[c]].doc();
      if (ahead == kScorerEnd) return kScorerEnd;
      lead.Advance(ahead);
      doc = lead.doc();
    }
    return kScorerEnd;
  }

  // Several scorers per group (a match query's fields without BM25F): the
  // first document >= `target` every group has a scorer on.
  DocId AlignGroups(DocId target) {
    while (true) {
      for (S& scorer : scorers_) {
        if (scorer.doc() < target) scorer.Advance(target);
      }
      std::fill(group_doc_.begin(), group_doc_.end(), kScorerEnd);
      for (size_t c = 0; c < scorers_.size(); ++c) {
        group_doc_[group_of_[c]] = std::min(group_doc_[group_of_[c]], scorers_[c].doc());
      }
      const DocId doc = *std::max_element(group_doc_.begin(), group_doc_.end());
      if (doc == kScorerEnd) return kScorerEnd;
      if (*std::min_element(group_doc_.begin(), group_doc_.end()) == doc) return doc;
      target = doc;  // Leapfrog to the furthest group.
    }
  }

  std::vector<S> scorers_;
  std::vector<size_t> group_of_;
  std::vector<DocId> group_doc_;  // Per group, the smallest doc of its scorers.
  bool one_per_group_ = false;
  std::vector<size_t> order_;  // With one per group: scorers by cost, the lead first.
  double max_score_ = 0;
  double min_competitive_ = -std::numeric_limits<double>::infinity();
  bool pruned_ = false;
  DocId doc_ = kScorerEnd;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_CONJUNCTION_SCORER_H_
