#include "query_service/compare/paragraph_aligner.h"

#include <algorithm>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"

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

std::vector<std::string> ParagraphNumbers(const docsearch::v1::Document& document) {
  std::vector<std::string> numbers;
  for (const auto& paragraph : document.paragraphs()) {
    std::string number;
    for (char c : paragraph.number()) {
      if (absl::ascii_isalnum(static_cast<unsigned char>(c))) {
        number.push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
      }
    }
    numbers.push_back(std::move(number));
  }
  return numbers;
}

bool AlignsByNumber(const docsearch::v1::Document& a, const docsearch::v1::Document& b) {
  if (a.language().empty() || b.language().empty() || a.language() == b.language()) return false;
  auto numbered = [](const docsearch::v1::Document& document) {
    int count = 0;
    for (const std::string& number : ParagraphNumbers(document)) count += !number.empty();
    return count;
  };
  return numbered(a) >= 2 && numbered(b) >= 2;
}

Alignment AlignParagraphsByNumber(const AnalyzedText& a, const std::vector<std::string>& numbers_a,
                                  const AnalyzedText& b, const std::vector<std::string>& numbers_b,
                                  const TermStatistics& statistics) {
  const ParagraphVectors va = VectorsOf(a, statistics);
  const ParagraphVectors vb = VectorsOf(b, statistics);
  std::vector<bool> used_b(b.paragraph_count, false);
  Alignment alignment;
  for (int i = 0; i < a.paragraph_count; ++i) {
    int match = -1;
    if (i < static_cast<int>(numbers_a.size()) && !numbers_a[i].empty()) {
      for (int j = 0; j < b.paragraph_count && j < static_cast<int>(numbers_b.size()); ++j) {
        if (!used_b[j] && numbers_b[j] == numbers_a[i]) {
          match = j;
          break;
        }
      }
    }
    if (match < 0) {
      alignment.unaligned_a.push_back(i);
      continue;
    }
    used_b[match] = true;
    alignment.pairs.push_back({i, match, Cosine(va.vectors[i], vb.vectors[match]),
                               TopSharedTerms(va.vectors[i], vb.vectors[match], va.counts[i])});
  }
  for (int j = 0; j < b.paragraph_count; ++j) {
    if (!used_b[j]) alignment.unaligned_b.push_back(j);
  }
  return alignment;
}

}  // namespace docsearch::query::compare
