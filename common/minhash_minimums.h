// The MinHash minimums of a text's shingle hashes (common/text_fingerprint.h):
// for each function k < kMinHashSize, the least SplitMix64(hash ^ seed_k)
// over the hashes. This is most of a fingerprint's cost (64 mixes of two
// 64-bit multiplies per shingle), so it has kernels for the vector units a
// CPU may have; every kernel computes exactly the same integers (the mix is
// integer arithmetic modulo 2^64), so stored fingerprints do not depend on
// the machine that computed them.
//
// Contract: thread-safe, no state; `minimums` is updated in place (start it
// at the maximum uint64_t to get the minimums of `hashes` alone).
#ifndef DOCSEARCH_COMMON_MINHASH_MINIMUMS_H_
#define DOCSEARCH_COMMON_MINHASH_MINIMUMS_H_

#include <array>
#include <cstdint>

#include "absl/types/span.h"
#include "common/text_fingerprint.h"

namespace docsearch {

using MinHashMinimums = std::array<uint64_t, kMinHashSize>;

enum class MinHashKernel {
  kScalar,  // any CPU
  kAvx2,    // 4 lanes; 64-bit multiplies made of 32-bit ones
  kAvx512,  // 8 lanes, AVX-512F and DQ (64-bit multiply and unsigned min)
};

// Whether this CPU runs `kernel`.
bool CpuRuns(MinHashKernel kernel);

// The fastest kernel this CPU runs.
MinHashKernel FastestMinHashKernel();

// Lowers each minimums[k] to SplitMix64(hash ^ seed_k) for every hash that
// gives less, with `kernel`, which the CPU must run (CpuRuns).
void UpdateMinHashMinimums(MinHashKernel kernel, absl::Span<const uint64_t> hashes,
                           MinHashMinimums* minimums);

}  // namespace docsearch

#endif  // DOCSEARCH_COMMON_MINHASH_MINIMUMS_H_
