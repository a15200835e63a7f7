#include "query_service/search/phrase_top_k.h"

#include <algorithm>
#include <limits>

#include "query_service/search/top_k_collector.h"

namespace docsearch::query {
namespace {

// Bounds are computed in double from float inputs; this slack keeps every
// bound above the float score it bounds.
constexpr double kBoundSlack = 1.0001;

}  // namespace

TopK PhraseTopK(
    const IndexData& index, const ScoringOptions& scoring, std::vector<WordCursor> words, float idf,
    int slop,
    const std::function<int(const std::vector<const std::vector<uint32_t>*>&)>& phrase_frequency,
    size_t k, const std::function<bool(const ScoredDoc&, const ScoredDoc&)>& before,
    const std::function<bool(const ScoredDoc&)>& eligible) {
  TopK result;
  if (words.empty()) return result;
  const TextFieldIndex& field = words[0].field();
  const float boost = words[0].boost();
  const double average = Bm25AverageLength(index, field);
  std::vector<std::vector<uint32_t>> positions(words.size());
  std::vector<const std::vector<uint32_t>*> lists;
  for (const auto& list : positions) lists.push_back(&list);

  TopKCollector page(k, before);
  DocId target = 0;
  while (true) {
    // Leapfrog to a document holding every word.
    bool aligned = true;
    for (WordCursor& word : words) {
      word.Advance(target);
      if (word.doc() != target) {
        aligned = false;
        target = std::max(target, word.doc());
      }
    }
    if (target == WordCursor::kEnd) break;
    if (!aligned) continue;
    const DocId doc = target++;
    if (page.full()) {
      // With slop, several first-word positions may share a later word's
      // position, so only the first word bounds the count.
      uint32_t most = words[0].FrequencySum();
      if (slop == 0) {
        for (const WordCursor& word : words) most = std::min(most, word.FrequencySum());
      }
      const double bound =
          boost * Bm25Score(scoring, average, field.lengths[doc], static_cast<float>(most), idf) *
          kBoundSlack;
      if (bound < page.threshold()) {
        result.exact = false;
        continue;
      }
    }
    for (size_t i = 0; i < words.size(); ++i) words[i].Positions(positions[i]);
    const int frequency = phrase_frequency(lists);
    if (frequency == 0) continue;
    ++result.counted;
    // As EvalPhrase: boost × BM25 of the phrase frequency, added to 0.
    float score = 0;
    score +=
        boost * Bm25Score(scoring, average, field.lengths[doc], static_cast<float>(frequency), idf);
    const ScoredDoc candidate{doc, score};
    if (!eligible(candidate)) continue;
    page.Offer(candidate);
  }
  page.Finish(result);
  return result;
}

}  // namespace docsearch::query
