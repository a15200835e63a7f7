// tf-idf term vectors and their cosine.
//
// Weights: (1 + ln tf) × idf, with idf = ln(1 + (N + 1) / (df + 1)) from the
// index's statistics (N documents, df documents holding the term in the
// body). Sublinear tf keeps one repeated word from dominating; the +1s keep
// idf positive and finite for words the index has never seen (raw text).
// Only content words count (no function words, no bare numbers).
//
// Vectors are sorted by term, so dot products are merge joins and every sum
// runs in the same order: the same inputs give bit-identical scores.
#ifndef DOCSEARCH_QUERY_SERVICE_COMPARE_TERM_VECTORS_H_
#define DOCSEARCH_QUERY_SERVICE_COMPARE_TERM_VECTORS_H_

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "query_service/compare/analyzed_text.h"
#include "query_service/index/index_data.h"

namespace docsearch::query::compare {

// Collection statistics for idf.
class TermStatistics {
 public:
  virtual ~TermStatistics() = default;
  virtual uint64_t DocumentCount() const = 0;
  virtual uint64_t DocumentFrequency(const std::string& term) const = 0;
  double Idf(const std::string& term) const;
};

// Statistics read from an IndexData, which must outlive it and not change
// meanwhile (read it inside SearchIndex::Read). Counts are of live
// documents, kept by the index as it changes: O(1) per term.
class IndexTermStatistics final : public TermStatistics {
 public:
  explicit IndexTermStatistics(const IndexData& index) : index_(index) {}
  uint64_t DocumentCount() const override { return index_.live_count; }
  uint64_t DocumentFrequency(const std::string& term) const override;

 private:
  const IndexData& index_;
};

// Counts of one term in a text.
struct TermCount {
  int count = 0;
  // The most frequent lower-cased surface form (ties: the smallest).
  std::string surface;
};

using TermCounts = absl::flat_hash_map<std::string, TermCount>;

// Counts the vector words of the passages for which `keep` is true (all
// when empty).
TermCounts CountTerms(const AnalyzedText& text,
                      const std::function<bool(const Passage&)>& keep = nullptr);

struct TermVector {
  std::vector<std::pair<std::string, double>> weights;  // Sorted by term.
  double squared_norm = 0;
};

TermVector Weigh(const TermCounts& counts, const TermStatistics& statistics);

// Calls fn(term, weight_in_a, weight_in_b) for every term both vectors hold,
// in term order (a merge of the two sorted weight lists).
template <typename Function>
void ForEachSharedTerm(const TermVector& a, const TermVector& b, Function&& fn) {
  auto i = a.weights.begin();
  auto j = b.weights.begin();
  while (i != a.weights.end() && j != b.weights.end()) {
    if (i->first < j->first) {
      ++i;
    } else if (j->first < i->first) {
      ++j;
    } else {
      fn(i->first, i->second, j->second);
      ++i, ++j;
    }
  }
}

// Cosine in [0, 1]; 0 when either vector is empty. Exactly 1 for equal
// vectors.
double Cosine(const TermVector& a, const TermVector& b);

}  // namespace docsearch::query::compare

#endif  // DOCSEARCH_QUERY_SERVICE_COMPARE_TERM_VECTORS_H_
