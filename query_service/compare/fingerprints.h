// Word-shingle fingerprints: exact shingle sets, MinHash and SimHash.
//
// Shingles are runs of 3 consecutive analyzed words (function words
// included: they carry the wording) of the paragraphs and footnotes, so
// headers, titles and "Updated:" lines do not make a republished statement
// look new. Hashes are fixed (FNV-1a and splitmix64, then a seeded
// finalizer per MinHash function),
// never seeded per process: fingerprints are comparable across runs and
// machines, as they must be when stored.
//
// MinHash: kMinHashSize minima; the share of equal minima estimates the
// Jaccard resemblance of the shingle sets (standard error ≈ 0.06).
// SimHash: 64-bit, over the content words weighted by 1 + ln tf; a Hamming
// distance of a few bits means near-identical wording.
#ifndef DOCSEARCH_QUERY_SERVICE_COMPARE_FINGERPRINTS_H_
#define DOCSEARCH_QUERY_SERVICE_COMPARE_FINGERPRINTS_H_

#include <cstdint>
#include <vector>

#include "docsearch/v1/document.pb.h"
#include "query_service/compare/analyzed_text.h"

namespace docsearch::query::compare {

inline constexpr int kShingleWords = 3;
inline constexpr int kMinHashSize = 64;

// The distinct shingle hashes of the body (paragraphs and footnotes; the
// whole text for raw text), sorted.
std::vector<uint64_t> ShingleSet(const AnalyzedText& text);

// |A ∩ B| / |A ∪ B| of two sorted sets; 1 when both are empty.
double Jaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);

// The fingerprint of `text`; `shingles` is ShingleSet(text) when the caller
// has it already.
docsearch::v1::Fingerprint ComputeFingerprint(const AnalyzedText& text,
                                              const std::vector<uint64_t>* shingles = nullptr);

// Share of equal MinHash minima; 0 when the sizes differ or are 0.
double MinHashResemblance(const docsearch::v1::Fingerprint& a, const docsearch::v1::Fingerprint& b);

int SimHashDistance(uint64_t a, uint64_t b);

}  // namespace docsearch::query::compare

#endif  // DOCSEARCH_QUERY_SERVICE_COMPARE_FINGERPRINTS_H_
