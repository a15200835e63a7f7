#include "query_service/max_score.h"

#include <algorithm>
#include <limits>
#include <numeric>

namespace docsearch::query {
namespace {

constexpr DocId kEnd = std::numeric_limits<DocId>::max();

// Bounds are computed in double from float inputs, while scores are float
// sums; this slack keeps every bound above the score it bounds.
constexpr double kBoundSlack = 1.0001;
constexpr double kSumSlack = 1.00001;

// A TermList being read in DocId order, dead documents skipped.
class Cursor {
 public:
  Cursor(const IndexData& index, const ScoringOptions& scoring, const TermList& list,
         size_t canonical)
      : index_(&index), scoring_(&scoring), list_(&list), canonical_(canonical) {
    positions_.assign(list.variants.size(), 0);
    average_ = Bm25AverageLength(index, *list.field);
    for (size_t v = 0; v < list.variants.size(); ++v) {
      const TermStats& stats = *list.stats[v];
      const double length = stats.min_length;
      const double best =
          Bm25Score(scoring, average_, length, static_cast<float>(stats.max_frequency),
                    list.variants[v].second);
      upper_bound_ = std::max(upper_bound_, list.boost * best * kBoundSlack);
      SkipDead(v);
    }
    Settle();
  }

  DocId doc() const { return doc_; }
  double upper_bound() const { return upper_bound_; }
  size_t canonical() const { return canonical_; }

  // The score at doc(): its best variant, as EvalMatch takes it.
  float Score() const {
    float best = 0;
    for (size_t v = 0; v < positions_.size(); ++v) {
      const auto& postings = *list_->variants[v].first;
      if (positions_[v] >= postings.size() || postings[positions_[v]].doc != doc_) continue;
      const Posting& posting = postings[positions_[v]];
      float score = list_->boost * Bm25Score(*scoring_, average_, list_->field->lengths[doc_],
                                             static_cast<float>(posting.frequency),
                                             list_->variants[v].second);
      best = std::max(best, score);
    }
    return best;
  }

  void Next() {
    for (size_t v = 0; v < positions_.size(); ++v) {
      const auto& postings = *list_->variants[v].first;
      if (positions_[v] < postings.size() && postings[positions_[v]].doc == doc_) {
        ++positions_[v];
        SkipDead(v);
      }
    }
    Settle();
  }

  // Moves to the first live document at or after `target`.
  void NextGeq(DocId target) {
    if (doc_ >= target) return;
    for (size_t v = 0; v < positions_.size(); ++v) {
      const auto& postings = *list_->variants[v].first;
      auto from = postings.begin() + static_cast<std::ptrdiff_t>(positions_[v]);
      auto it = std::lower_bound(from, postings.end(), target,
                                 [](const Posting& p, DocId d) { return p.doc < d; });
      positions_[v] = static_cast<size_t>(it - postings.begin());
      SkipDead(v);
    }
    Settle();
  }

 private:
  void SkipDead(size_t v) {
    const auto& postings = *list_->variants[v].first;
    while (positions_[v] < postings.size() && !index_->live[postings[positions_[v]].doc]) {
      ++positions_[v];
    }
  }
  void Settle() {
    doc_ = kEnd;
    for (size_t v = 0; v < positions_.size(); ++v) {
      const auto& postings = *list_->variants[v].first;
      if (positions_[v] < postings.size()) doc_ = std::min(doc_, postings[positions_[v]].doc);
    }
  }

  // Pointers, not references, so cursors can be sorted.
  const IndexData* index_;
  const ScoringOptions* scoring_;
  const TermList* list_;
  size_t canonical_;
  std::vector<size_t> positions_;
  double average_ = 1;
  double upper_bound_ = 0;
  DocId doc_ = kEnd;
};

}  // namespace

TopK MaxScoreTopK(const IndexData& index, const ScoringOptions& scoring,
                  const std::vector<TermList>& lists, size_t k,
                  const std::function<bool(const ScoredDoc&, const ScoredDoc&)>& before,
                  const std::function<bool(const ScoredDoc&)>& eligible) {
  TopK result;
  std::vector<Cursor> cursors;
  cursors.reserve(lists.size());
  for (size_t i = 0; i < lists.size(); ++i) cursors.emplace_back(index, scoring, lists[i], i);
  // Ascending bound; bound_prefix[i] = sum of the bounds of cursors[0..i].
  std::sort(cursors.begin(), cursors.end(),
            [](const Cursor& a, const Cursor& b) { return a.upper_bound() < b.upper_bound(); });
  std::vector<double> bound_prefix(cursors.size());
  double sum = 0;
  for (size_t i = 0; i < cursors.size(); ++i) bound_prefix[i] = sum += cursors[i].upper_bound();

  // One more than asked, to know whether a next page exists. A heap whose
  // front is the worst kept hit.
  const size_t keep = k + 1;
  std::vector<ScoredDoc> heap;
  heap.reserve(keep + 1);
  double threshold = -std::numeric_limits<double>::infinity();
  size_t first_essential = 0;  // cursors[0, first_essential) are non-essential.
  std::vector<float> contribution(lists.size());
  std::vector<bool> present(lists.size());

  while (true) {
    DocId doc = kEnd;
    for (size_t i = first_essential; i < cursors.size(); ++i) doc = std::min(doc, cursors[i].doc());
    if (doc == kEnd) break;
    ++result.counted;
    std::fill(present.begin(), present.end(), false);
    double partial = 0;
    for (size_t i = first_essential; i < cursors.size(); ++i) {
      if (cursors[i].doc() != doc) continue;
      const float score = cursors[i].Score();
      contribution[cursors[i].canonical()] = score;
      present[cursors[i].canonical()] = true;
      partial += score;
      cursors[i].Next();
    }
    bool pruned = false;
    for (size_t i = first_essential; i-- > 0;) {
      // The float sum of the same scores may round above `partial`.
      if (partial * kSumSlack + bound_prefix[i] < threshold) {
        pruned = true;
        break;
      }
      cursors[i].NextGeq(doc);
      if (cursors[i].doc() != doc) continue;
      const float score = cursors[i].Score();
      contribution[cursors[i].canonical()] = score;
      present[cursors[i].canonical()] = true;
      partial += score;
    }
    if (pruned) continue;
    float total = 0;
    for (size_t c = 0; c < lists.size(); ++c) {
      if (present[c]) total += contribution[c];
    }
    const ScoredDoc candidate{doc, total};
    if (!eligible(candidate)) continue;
    // Heap ordered so that the worst hit (last by `before`) is at the front.
    if (heap.size() == keep && !before(candidate, heap.front())) continue;
    heap.push_back(candidate);
    std::push_heap(heap.begin(), heap.end(), before);
    if (heap.size() > keep) {
      std::pop_heap(heap.begin(), heap.end(), before);
      heap.pop_back();
    }
    if (heap.size() == keep) {
      threshold = heap.front().score;
      while (first_essential < cursors.size() && bound_prefix[first_essential] < threshold) {
        ++first_essential;
        result.exact = false;
      }
    }
  }
  std::sort_heap(heap.begin(), heap.end(), before);
  if (heap.size() > k) {
    heap.resize(k);
    result.more = true;
  }
  result.hits = std::move(heap);
  return result;
}

}  // namespace docsearch::query
