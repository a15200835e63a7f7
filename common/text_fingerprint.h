// The fingerprint of a text for near-duplicate detection: one scheme for
// the whole project. The ingest parser stores it on every document
// (Document.fingerprint), the query service computes it for documents and
// texts that have none, and any two fingerprints compare, stored or not.
//
// The text is folded (common/text_folding.h: lower case, accents and
// typographic punctuation removed), split into words (runs of ASCII letters
// and digits and of non-ASCII bytes) and cut into word 3-shingles, each
// hashed with XXH3-64. From those hashes:
//   - SimHash (64 bits, over every shingle, repeats included): similar texts
//     differ in few bits (SimHashDistance);
//   - MinHash (kMinHashSize minima): the share of equal positions between
//     two signatures estimates the Jaccard resemblance of the shingle sets
//     (standard error ~0.06). Function k is the shingle hash XOR a seed k,
//     then a SplitMix64 mix: as good as k independent hashes here and 64
//     times cheaper. Values are compared on their low kMinHashBits bits only
//     (b-bit MinHash, Li and König 2010), so that the query service can keep
//     2 bytes a value instead of 8: two different minima agree on 16 bits
//     with probability 2^-16, which biases the estimate up by at most
//     (1 - J) * 2^-16, far below the sampling error. A full value and its
//     truncation compare the same, so fingerprints written before (full) and
//     after (truncated) stay comparable without a format version.
//
// Contract: deterministic across runs and machines (fixed seeds, never
// seeded per process), since fingerprints are stored in the write-ahead log
// and in snapshots; a text of fewer than 3 words yields one shingle of all
// its words; a text without words yields simhash 0 and no MinHash values.
// The values are those the ingest parser has stored since fingerprints
// exist (tests/common/text_fingerprint_test.cc pins them), so fingerprints
// in existing logs and snapshots stay comparable with new ones.
#ifndef DOCSEARCH_COMMON_TEXT_FINGERPRINT_H_
#define DOCSEARCH_COMMON_TEXT_FINGERPRINT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "docsearch/v1/document.pb.h"

namespace docsearch {

inline constexpr int kMinHashSize = 64;
// The bits of a MinHash value that comparisons read (see above).
inline constexpr int kMinHashBits = 16;

// The part of a MinHash value that comparisons read.
inline constexpr uint16_t KeptMinHashBits(uint64_t value) { return static_cast<uint16_t>(value); }
inline constexpr int kShingleWords = 3;

// The text a document's fingerprint covers: its paragraphs, one per line.
// Title, subtitle, headers and footnotes are left out, so that a statement
// republished under another header still looks the same.
std::string FingerprintedText(const docsearch::v1::Document& document);

// The XXH3 hashes of `text`'s word shingles, in text order, repeats kept.
std::vector<uint64_t> ShingleHashes(absl::string_view text);

// ShingleHashes sorted, repeats removed: the shingle set.
std::vector<uint64_t> ShingleSet(absl::string_view text);

// The fingerprint of a text whose ShingleHashes are `shingle_hashes`.
docsearch::v1::Fingerprint FingerprintOfShingles(const std::vector<uint64_t>& shingle_hashes);

// The fingerprint of `text`.
docsearch::v1::Fingerprint ComputeTextFingerprint(absl::string_view text);

// True when `fingerprint` is one this scheme makes from a text with words
// (kMinHashSize MinHash values); a stored one may be absent (a document
// written without one) or, sent by a client, of another size.
bool HasMinHash(const docsearch::v1::Fingerprint& fingerprint);

// |A ∩ B| / |A ∪ B| of two shingle sets (ShingleSet); 1 when both are empty.
double ShingleJaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);

// `fingerprint` with each MinHash value cut to its kept bits: what the query
// service stores and returns for it.
docsearch::v1::Fingerprint WithKeptMinHashBits(docsearch::v1::Fingerprint fingerprint);

// The share of MinHash minima equal in their kept bits: the estimate of
// ShingleJaccard; 0 when either has none or their sizes differ.
double MinHashResemblance(const docsearch::v1::Fingerprint& a, const docsearch::v1::Fingerprint& b);

// Bits that differ between two SimHashes (0..64).
int SimHashDistance(uint64_t a, uint64_t b);

}  // namespace docsearch

#endif  // DOCSEARCH_COMMON_TEXT_FINGERPRINT_H_
