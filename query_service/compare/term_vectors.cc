#include "query_service/compare/term_vectors.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

namespace docsearch::query::compare {

double TermStatistics::Idf(const std::string& term) const {
  const double n = static_cast<double>(DocumentCount());
  const double df = static_cast<double>(DocumentFrequency(term));
  return std::log(1.0 + (n + 1.0) / (df + 1.0));
}

uint64_t IndexTermStatistics::DocumentFrequency(const std::string& term) const {
  return index_->body().DocumentFrequency(term);
}

TermCounts CountTerms(const AnalyzedText& text, const std::function<bool(const Passage&)>& keep) {
  // Surface variants are kept as views of the text and lower-cased only for
  // the winner: most terms have one or two variants, and this runs for
  // every word of both texts and every paragraph.
  struct Variant {
    absl::string_view bytes;
    int count;
  };
  absl::flat_hash_map<std::string, std::vector<Variant>> variants;
  TermCounts counts;
  for (const Passage& passage : text.passages) {
    if (keep && !keep(passage)) continue;
    const absl::string_view all(passage.text);
    for (const Word& word : passage.words) {
      if (!AnalyzedText::IsVectorWord(word)) continue;
      counts[word.term].count++;
      const absl::string_view bytes = all.substr(word.start, word.end - word.start);
      std::vector<Variant>& list = variants[word.term];
      bool found = false;
      for (Variant& variant : list) {
        if (absl::EqualsIgnoreCase(variant.bytes, bytes)) {
          variant.count++;
          found = true;
          break;
        }
      }
      if (!found) list.push_back({bytes, 1});
    }
  }
  for (auto& [term, count] : counts) {
    int best = 0;
    for (const Variant& variant : variants[term]) {
      std::string surface = absl::AsciiStrToLower(variant.bytes);
      if (variant.count > best || (variant.count == best && surface < count.surface)) {
        best = variant.count;
        count.surface = std::move(surface);
      }
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
  ForEachSharedTerm(a, b, [&dot](const std::string&, double x, double y) { dot += x * y; });
  // sqrt(x * x) == x in IEEE arithmetic, so a vector against itself gives
  // exactly dot / dot = 1.
  return std::clamp(dot / std::sqrt(a.squared_norm * b.squared_norm), 0.0, 1.0);
}

}  // namespace docsearch::query::compare
