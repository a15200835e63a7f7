#include "query_service/compare/paragraph_aligner.h"

#include <algorithm>
#include <tuple>

namespace docsearch::query::compare {
namespace {

constexpr size_t kSharedTermsPerPair = 5;

struct ParagraphVectors {
  std::vector<TermVector> vectors;  // By paragraph index.
  std::vector<TermCounts> counts;
};

ParagraphVectors VectorsOf(const AnalyzedText& text, const TermStatistics& statistics) {
  ParagraphVectors out;
  out.vectors.resize(text.paragraph_count);
  out.counts.resize(text.paragraph_count);
  for (const Passage& passage : text.passages) {
    if (passage.kind != PassageKind::kParagraph || passage.paragraph_index < 0 ||
        passage.paragraph_index >= text.paragraph_count) {
      continue;
    }
    const Passage* self = &passage;
    out.counts[passage.paragraph_index] =
        CountTerms(text, [self](const Passage& p) { return &p == self; });
    out.vectors[passage.paragraph_index] = Weigh(out.counts[passage.paragraph_index], statistics);
  }
  return out;
}

std::vector<std::string> TopSharedTerms(const TermVector& a, const TermVector& b,
                                        const TermCounts& counts_a) {
  std::vector<std::pair<double, const std::string*>> products;
  ForEachSharedTerm(a, b, [&products](const std::string& term, double x, double y) {
    products.push_back({x * y, &term});
  });
  std::sort(products.begin(), products.end(), [](const auto& x, const auto& y) {
    return x.first != y.first ? x.first > y.first : *x.second < *y.second;
  });
  std::vector<std::string> terms;
  for (size_t k = 0; k < products.size() && k < kSharedTermsPerPair; ++k) {
    terms.push_back(counts_a.at(*products[k].second).surface);
  }
  return terms;
}

}  // namespace

Alignment AlignParagraphs(const AnalyzedText& a, const AnalyzedText& b,
                          const TermStatistics& statistics, double min_similarity) {
  const ParagraphVectors va = VectorsOf(a, statistics);
  const ParagraphVectors vb = VectorsOf(b, statistics);
  std::vector<std::tuple<double, int, int>> candidates;
  for (int i = 0; i < a.paragraph_count; ++i) {
    for (int j = 0; j < b.paragraph_count; ++j) {
      const double similarity = Cosine(va.vectors[i], vb.vectors[j]);
      if (similarity > 0 && similarity >= min_similarity) candidates.push_back({similarity, i, j});
    }
  }
  std::sort(candidates.begin(), candidates.end(), [](const auto& x, const auto& y) {
    if (std::get<0>(x) != std::get<0>(y)) return std::get<0>(x) > std::get<0>(y);
    return std::tie(std::get<1>(x), std::get<2>(x)) < std::tie(std::get<1>(y), std::get<2>(y));
  });
  std::vector<bool> used_a(a.paragraph_count, false), used_b(b.paragraph_count, false);
  Alignment alignment;
  for (const auto& [similarity, i, j] : candidates) {
    if (used_a[i] || used_b[j]) continue;
    used_a[i] = used_b[j] = true;
    alignment.pairs.push_back(
        {i, j, similarity, TopSharedTerms(va.vectors[i], vb.vectors[j], va.counts[i])});
  }
  std::sort(alignment.pairs.begin(), alignment.pairs.end(),
            [](const AlignedPair& x, const AlignedPair& y) { return x.a_index < y.a_index; });
  for (int i = 0; i < a.paragraph_count; ++i) {
    if (!used_a[i]) alignment.unaligned_a.push_back(i);
  }
  for (int j = 0; j < b.paragraph_count; ++j) {
    if (!used_b[j]) alignment.unaligned_b.push_back(j);
  }
  return alignment;
}

}  // namespace docsearch::query::compare
