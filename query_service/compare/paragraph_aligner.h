// One-to-one alignment of the paragraphs of two texts.
//
// Every pair (A[i], B[j]) is scored with the cosine of the paragraphs' tf-idf
// vectors; pairs at or above a threshold are taken greedily, best first (ties
// by i, then j), each paragraph at most once. Greedy is not the optimal
// assignment, but on statements (tens of paragraphs, few strong matches) it
// picks the same pairs at a fraction of the cost, and its choices are easy
// to explain.
#ifndef DOCSEARCH_QUERY_SERVICE_COMPARE_PARAGRAPH_ALIGNER_H_
#define DOCSEARCH_QUERY_SERVICE_COMPARE_PARAGRAPH_ALIGNER_H_

#include <string>
#include <vector>

#include "docsearch/v1/document.pb.h"
#include "query_service/compare/analyzed_text.h"
#include "query_service/compare/term_vectors.h"

namespace docsearch::query::compare {

struct AlignedPair {
  int a_index = 0;
  int b_index = 0;
  double similarity = 0;
  // The surface forms of the shared terms weighing most in the match.
  std::vector<std::string> shared_terms;
};

struct Alignment {
  std::vector<AlignedPair> pairs;  // In A's order.
  std::vector<int> unaligned_a;
  std::vector<int> unaligned_b;
};

Alignment AlignParagraphs(const AnalyzedText& a, const AnalyzedText& b,
                          const TermStatistics& statistics, double min_similarity);

// The paragraph numbers as printed, by paragraph index, normalized ("12.",
// "12)" and " 12" are "12"; empty when unnumbered).
std::vector<std::string> ParagraphNumbers(const docsearch::v1::Document& document);

// True when two documents are to be aligned by paragraph number: they are
// in different languages (a statement and its translation, whose words
// differ so cosine means little) and each numbers at least two paragraphs.
bool AlignsByNumber(const docsearch::v1::Document& a, const docsearch::v1::Document& b);

// Pairs of paragraphs with the same number (in A's order; each number's
// first paragraph on each side), whatever their similarity, which is still
// reported (the cosine, low across languages); paragraphs whose number the
// other side lacks, and unnumbered ones, are unaligned.
Alignment AlignParagraphsByNumber(const AnalyzedText& a, const std::vector<std::string>& numbers_a,
                                  const AnalyzedText& b, const std::vector<std::string>& numbers_b,
                                  const TermStatistics& statistics);

}  // namespace docsearch::query::compare

#endif  // DOCSEARCH_QUERY_SERVICE_COMPARE_PARAGRAPH_ALIGNER_H_
