#include "query_service/search/conjunction_top_k.h"

#include <algorithm>
#include <limits>

#include "query_service/search/top_k_collector.h"

namespace docsearch::query {

TopK ConjunctionTopK(std::vector<WordCursor> cursors, const std::vector<size_t>& word_of,
                     size_t words, size_t k,
                     const std::function<bool(const ScoredDoc&, const ScoredDoc&)>& before,
                     const std::function<bool(const ScoredDoc&)>& eligible, DocFilter* filter) {
  constexpr DocId kEnd = WordCursor::kEnd;
  TopK result;
  if (words == 0) return result;
  // The smallest doc any cursor of word `w` is on.
  std::vector<DocId> word_doc(words);
  auto settle = [&] {
    std::fill(word_doc.begin(), word_doc.end(), kEnd);
    for (size_t c = 0; c < cursors.size(); ++c) {
      word_doc[word_of[c]] = std::min(word_doc[word_of[c]], cursors[c].doc());
    }
  };
  TopKCollector page(k, before);
  DocId target = 0;
  while (true) {
    for (WordCursor& cursor : cursors) {
      if (cursor.doc() < target) cursor.Advance(target);
    }
    settle();
    const DocId doc = *std::max_element(word_doc.begin(), word_doc.end());
    if (doc == kEnd) break;
    if (*std::min_element(word_doc.begin(), word_doc.end()) != doc) {
      target = doc;  // Leapfrog to the furthest word.
      continue;
    }
    if (page.full()) {
      double bound = 0;
      DocId range_end = kEnd;
      for (WordCursor& cursor : cursors) {
        DocId last = kEnd;
        bound += cursor.BlockUpperBound(doc, &last);
        range_end = std::min(range_end, last);
      }
      if (bound < page.threshold()) {
        // No document through range_end can beat the page.
        result.exact = false;
        if (range_end == kEnd) break;
        target = range_end + 1;
        continue;
      }
    }
    target = doc + 1;
    if (filter != nullptr && !filter->Accepts(doc)) continue;
    ++result.counted;
    float score = 0;
    for (const WordCursor& cursor : cursors) {
      if (cursor.doc() == doc) score += cursor.Score();
    }
    const ScoredDoc candidate{doc, score};
    if (!eligible(candidate)) continue;
    page.Offer(candidate);
  }
  page.Finish(result);
  return result;
}

}  // namespace docsearch::query
