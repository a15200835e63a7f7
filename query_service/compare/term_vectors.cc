#include "query_service/compare/term_vectors.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace docsearch::query::compare {

double TermStatistics::Idf(const std::string& term) const {
  const double n = static_cast<double>(DocumentCount());
  const double df = static_cast<double>(DocumentFrequency(term));
  return std::log(1.0 + (n + 1.0) / (df + 1.0));
}

uint64_t IndexTermStatistics::DocumentFrequency(const std::string& term) const {
  auto it = index_.body.postings.find(term);
  return it == index_.body.postings.end() ? 0 : it->second.size();
}

TermCounts CountTerms(const AnalyzedText& text, const std::function<bool(const Passage&)>& keep) {
  // term → surface → count; std::map so the winning surface is stable.
  absl::flat_hash_map<std::string, std::map<std::string, int>> surfaces;
  TermCounts counts;
  for (const Passage& passage : text.passages) {
    if (keep && !keep(passage)) continue;
    for (const Word& word : passage.words) {
      if (!AnalyzedText::IsVectorWord(word)) continue;
      counts[word.term].count++;
      surfaces[word.term][text.Surface(passage, word.start, word.end)]++;
    }
  }
  for (auto& [term, count] : counts) {
    int best = 0;
    for (const auto& [surface, n] : surfaces[term]) {
      if (n > best) best = n, count.surface = surface;
    }
  }
  return counts;
}

TermVector Weigh(const TermCounts& counts, const TermStatistics& statistics) {
  TermVector vector;
  vector.weights.reserve(counts.size());
  for (const auto& [term, count] : counts) {
    vector.weights.push_back({term, (1.0 + std::log(count.count)) * statistics.Idf(term)});
  }
  std::sort(vector.weights.begin(), vector.weights.end());
  for (const auto& [term, weight] : vector.weights) vector.squared_norm += weight * weight;
  return vector;
}

double Cosine(const TermVector& a, const TermVector& b) {
  if (a.squared_norm <= 0 || b.squared_norm <= 0) return 0;
  double dot = 0;
  auto i = a.weights.begin();
  auto j = b.weights.begin();
  while (i != a.weights.end() && j != b.weights.end()) {
    if (i->first < j->first) {
      ++i;
    } else if (j->first < i->first) {
      ++j;
    } else {
      dot += i->second * j->second;
      ++i, ++j;
    }
  }
  // sqrt(x * x) == x in IEEE arithmetic, so a vector against itself gives
  // exactly dot / dot = 1.
  return std::clamp(dot / std::sqrt(a.squared_norm * b.squared_norm), 0.0, 1.0);
}

}  // namespace docsearch::query::compare
