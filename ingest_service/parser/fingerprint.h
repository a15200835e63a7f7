// Fingerprints of a document body for near-duplicate detection.
//
// The body is folded (lower case, accents and typographic punctuation
// removed), split into words (runs of letters and digits), and cut into word
// 3-shingles. Each shingle is hashed with XXH3-64. From those hashes:
//   - SimHash (64 bits): similar bodies differ in few bits (Hamming distance);
//   - MinHash (kMinHashSize values): the share of equal positions between two
//     signatures estimates the Jaccard resemblance of the shingle sets.
// MinHash function k is XXH3 followed by a SplitMix64 mix with seed k, which
// is as good as k independent hashes here and 64 times cheaper.
//
// Contract: deterministic across runs and machines (fixed seeds); a body
// with fewer than 3 words yields one shingle of all its words; an empty body
// yields simhash 0 and no minhash values.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_FINGERPRINT_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_FINGERPRINT_H_

#include "absl/strings/string_view.h"
#include "docsearch/v1/document.pb.h"

namespace docsearch::ingest {

inline constexpr int kMinHashSize = 64;

docsearch::v1::Fingerprint ComputeFingerprint(absl::string_view body);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_FINGERPRINT_H_
