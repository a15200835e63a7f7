#include "query_service/search/max_score.h"

#include <algorithm>
#include <limits>
#include <numeric>

#include "query_service/search/top_k_collector.h"

namespace docsearch::query {
namespace {

constexpr DocId kEnd = WordCursor::kEnd;

// Scores are float sums of per-list scores; this slack keeps a sum of
// bounds above the float sum of the scores it bounds.
constexpr double kSumSlack = 1.00001;

// A TermList's cursor and its place in the canonical order.
struct Cursor {
  WordCursor words;
  size_t canonical;

  DocId doc() const { return words.doc(); }
  double upper_bound() const { return words.upper_bound(); }
};

}  // namespace

TopK MaxScoreTopK(const IndexData& index, const ScoringOptions& scoring,
                  const std::vector<TermList>& lists, size_t k,
                  const std::function<bool(const ScoredDoc&, const ScoredDoc&)>& before,
                  const std::function<bool(const ScoredDoc&)>& eligible, DocFilter* filter) {
  TopK result;
  std::vector<Cursor> cursors;
  cursors.reserve(lists.size());
  for (size_t i = 0; i < lists.size(); ++i) {
    cursors.push_back(
        {WordCursor(index, *lists[i].field, lists[i].boost, scoring, lists[i].variants), i});
  }
  // Ascending bound; bound_prefix[i] = sum of the bounds of cursors[0..i].
  std::sort(cursors.begin(), cursors.end(),
            [](const Cursor& a, const Cursor& b) { return a.upper_bound() < b.upper_bound(); });
  std::vector<double> bound_prefix(cursors.size());
  double sum = 0;
  for (size_t i = 0; i < cursors.size(); ++i) bound_prefix[i] = sum += cursors[i].upper_bound();

  TopKCollector page(k, before);
  double threshold = page.threshold();
  size_t first_essential = 0;  // cursors[0, first_essential) are non-essential.
  std::vector<float> contribution(lists.size());
  std::vector<bool> present(lists.size());

  while (true) {
    DocId doc = kEnd;
    for (size_t i = first_essential; i < cursors.size(); ++i) doc = std::min(doc, cursors[i].doc());
    if (doc == kEnd) break;
    if (filter != nullptr && !filter->Accepts(doc)) {
      for (size_t i = first_essential; i < cursors.size(); ++i) {
        if (cursors[i].doc() == doc) cursors[i].words.Next();
      }
      continue;
    }
    ++result.counted;
    std::fill(present.begin(), present.end(), false);
    double partial = 0;
    for (size_t i = first_essential; i < cursors.size(); ++i) {
      if (cursors[i].doc() != doc) continue;
      const float score = cursors[i].words.Score();
      contribution[cursors[i].canonical] = score;
      present[cursors[i].canonical] = true;
      partial += score;
      cursors[i].words.Next();
    }
    bool pruned = false;
    for (size_t i = first_essential; i-- > 0;) {
      // The float sum of the same scores may round above `partial`.
      if (partial * kSumSlack + bound_prefix[i] < threshold) {
        pruned = true;
        break;
      }
      // Block-max: this list's bound at `doc` from the maxima of the block
      // that would hold it, often far below its bound over the whole list.
      const double before_this = i > 0 ? bound_prefix[i - 1] : 0.0;
      if (partial * kSumSlack + before_this + cursors[i].words.BlockUpperBound(doc) < threshold) {
        pruned = true;
        break;
      }
      cursors[i].words.Advance(doc);
      if (cursors[i].doc() != doc) continue;
      const float score = cursors[i].words.Score();
      contribution[cursors[i].canonical] = score;
      present[cursors[i].canonical] = true;
      partial += score;
    }
    if (pruned) continue;
    float total = 0;
    for (size_t c = 0; c < lists.size(); ++c) {
      if (present[c]) total += contribution[c];
    }
    const ScoredDoc candidate{doc, total};
    if (!eligible(candidate)) continue;
    page.Offer(candidate);
    if (page.full()) {
      threshold = page.threshold();
      while (first_essential < cursors.size() && bound_prefix[first_essential] < threshold) {
        ++first_essential;
        result.exact = false;
      }
    }
  }
  page.Finish(result);
  return result;
}

}  // namespace docsearch::query
