// Fingerprints of passages (paragraphs, and sentence windows of long
// paragraphs) for passage reuse: which passages of the index repeat a given
// one verbatim or nearly.
//
// A passage's words are the word tokens of word_diff.h (numbers kept,
// punctuation dropped) folded for case and accents (TextAnalyzer::FoldWord,
// so a mirror that lost its accents still matches); its shingles are the
// hashes of its runs of kShingleWords words. The MinHash signature holds,
// for each of kPassageHashes hash functions, the least hash of a shingle;
// two passages agree on each entry with probability equal to the Jaccard
// resemblance of their shingle sets. LSH: the signature is cut into
// kPassageBands bands of kPassageRows entries and each band hashed to one
// key; passages sharing a key are candidates. A pair at resemblance s
// shares a key with probability 1 - (1 - s^2)^8: 0.90 at 0.5, 0.996 at 0.7,
// 0.75 at 0.4, 0.28 at 0.2 (candidates are then checked exactly).
//
// Passages: a paragraph of kMinPassageWords words or more is one; one of
// more than kLongParagraphWords is also cut into windows of whole sentences
// of at least kWindowWords words each, so a sentence or two reused inside a
// long paragraph is found too. Shorter paragraphs (headings, "Go to
// Homepage") are not fingerprinted.
//
// Thread safety: pure functions; the analyzer belongs to the caller.
#ifndef DOCSEARCH_QUERY_SERVICE_COMPARE_PASSAGE_FINGERPRINTS_H_
#define DOCSEARCH_QUERY_SERVICE_COMPARE_PASSAGE_FINGERPRINTS_H_

#include <array>
#include <cstdint>
#include <vector>

#include "absl/strings/string_view.h"
#include "common/text_analyzer.h"

namespace docsearch::query::compare {

inline constexpr int kShingleWords = 3;
inline constexpr int kPassageHashes = 16;
inline constexpr int kPassageRows = 2;
inline constexpr int kPassageBands = kPassageHashes / kPassageRows;
inline constexpr int kMinPassageWords = 8;
inline constexpr int kLongParagraphWords = 60;
inline constexpr int kWindowWords = 25;

using BandKeys = std::array<uint64_t, kPassageBands>;

// One passage of a paragraph: its byte range in the paragraph's text, its
// shingle set (sorted, unique) and its LSH keys.
struct PassageFingerprint {
  uint32_t start = 0;
  uint32_t end = 0;
  // 0 for the whole paragraph, k for its k-th sentence window.
  uint16_t window = 0;
  std::vector<uint64_t> shingles;
  BandKeys bands{};
};

// The passages of one paragraph: none when it has fewer than
// kMinPassageWords words; else the whole paragraph first, then its
// windows when it is long.
std::vector<PassageFingerprint> FingerprintParagraph(absl::string_view text,
                                                     TextAnalyzer& analyzer);

// |a ∩ b| / |a ∪ b| of two sorted unique sets (1 when both are empty).
double ShingleJaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);
// |a ∩ b| / |a|: the share of `a` found in `b` (0 when `a` is empty).
double ShingleContainment(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);

}  // namespace docsearch::query::compare

#endif  // DOCSEARCH_QUERY_SERVICE_COMPARE_PASSAGE_FINGERPRINTS_H_
