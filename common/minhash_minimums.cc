#include "common/minhash_minimums.h"

#include <immintrin.h>

#include <cstddef>

namespace docsearch {
namespace {

constexpr uint64_t kGolden = 0x9E3779B97F4A7C15ULL;
constexpr uint64_t kMix1 = 0xBF58476D1CE4E5B9ULL;
constexpr uint64_t kMix2 = 0x94D049BB133111EBULL;

constexpr uint64_t SplitMix64(uint64_t x) {
  x += kGolden;
  x = (x ^ (x >> 30)) * kMix1;
  x = (x ^ (x >> 27)) * kMix2;
  return x ^ (x >> 31);
}

// Function k's seed: fixed, never per process (fingerprints are stored).
constexpr MinHashMinimums MakeSeeds() {
  MinHashMinimums seeds{};
  for (int k = 0; k < kMinHashSize; ++k) seeds[k] = SplitMix64(static_cast<uint64_t>(k) + 1);
  return seeds;
}
constexpr MinHashMinimums kSeeds = MakeSeeds();

void UpdateScalar(absl::Span<const uint64_t> hashes, MinHashMinimums* minimums) {
  for (uint64_t hash : hashes) {
    for (int k = 0; k < kMinHashSize; ++k) {
      const uint64_t value = SplitMix64(hash ^ kSeeds[k]);
      if (value < (*minimums)[k]) (*minimums)[k] = value;
    }
  }
}

// x * c modulo 2^64 from 32-bit multiplies (AVX2 has no 64-bit one):
// lo(x) lo(c) + ((hi(x) lo(c) + lo(x) hi(c)) << 32).
__attribute__((target("avx2"))) inline __m256i MultiplyAvx2(__m256i x, __m256i c_low,
                                                            __m256i c_high) {
  const __m256i low = _mm256_mul_epu32(x, c_low);
  const __m256i cross = _mm256_add_epi64(_mm256_mul_epu32(_mm256_srli_epi64(x, 32), c_low),
                                         _mm256_mul_epu32(x, c_high));
  return _mm256_add_epi64(low, _mm256_slli_epi64(cross, 32));
}

__attribute__((target("avx2"))) void UpdateAvx2(absl::Span<const uint64_t> hashes,
                                                MinHashMinimums* minimums) {
  constexpr int kVectors = kMinHashSize / 4;
  const __m256i golden = _mm256_set1_epi64x(static_cast<long long>(kGolden));
  const __m256i mix1_low = _mm256_set1_epi64x(static_cast<long long>(kMix1 & 0xFFFFFFFFU));
  const __m256i mix1_high = _mm256_set1_epi64x(static_cast<long long>(kMix1 >> 32));
  const __m256i mix2_low = _mm256_set1_epi64x(static_cast<long long>(kMix2 & 0xFFFFFFFFU));
  const __m256i mix2_high = _mm256_set1_epi64x(static_cast<long long>(kMix2 >> 32));
  // Unsigned order as signed order once the top bit is flipped.
  const __m256i sign = _mm256_set1_epi64x(static_cast<long long>(uint64_t{1} << 63));
  __m256i biased_minimums[kVectors];
  for (int v = 0; v < kVectors; ++v) {
    biased_minimums[v] = _mm256_xor_si256(
        _mm256_loadu_si256(reinterpret_cast<const __m256i*>(minimums->data() + 4 * v)), sign);
  }
  for (uint64_t hash : hashes) {
    const __m256i h = _mm256_set1_epi64x(static_cast<long long>(hash));
    for (int v = 0; v < kVectors; ++v) {
      const __m256i seed =
          _mm256_loadu_si256(reinterpret_cast<const __m256i*>(kSeeds.data() + 4 * v));
      __m256i x = _mm256_add_epi64(_mm256_xor_si256(h, seed), golden);
      x = MultiplyAvx2(_mm256_xor_si256(x, _mm256_srli_epi64(x, 30)), mix1_low, mix1_high);
      x = MultiplyAvx2(_mm256_xor_si256(x, _mm256_srli_epi64(x, 27)), mix2_low, mix2_high);
      x = _mm256_xor_si256(_mm256_xor_si256(x, _mm256_srli_epi64(x, 31)), sign);
      const __m256i smaller = _mm256_cmpgt_epi64(biased_minimums[v], x);
      biased_minimums[v] = _mm256_blendv_epi8(biased_minimums[v], x, smaller);
    }
  }
  for (int v = 0; v < kVectors; ++v) {
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(minimums->data() + 4 * v),
                        _mm256_xor_si256(biased_minimums[v], sign));
  }
}

// GCC 12 warns inside its own AVX-512 intrinsics (_mm512_undefined_epi32,
// GCC bug 105593); the warning is about the header, not this code. Clang
// (the fuzzing build) has no such warning and rejects the unknown name.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
__attribute__((target("avx512f,avx512dq"))) void UpdateAvx512(absl::Span<const uint64_t> hashes,
                                                              MinHashMinimums* minimums) {
  constexpr int kVectors = kMinHashSize / 8;
  const __m512i golden = _mm512_set1_epi64(static_cast<long long>(kGolden));
  const __m512i mix1 = _mm512_set1_epi64(static_cast<long long>(kMix1));
  const __m512i mix2 = _mm512_set1_epi64(static_cast<long long>(kMix2));
  __m512i seeds[kVectors];
  __m512i mins[kVectors];
  for (int v = 0; v < kVectors; ++v) {
    seeds[v] = _mm512_loadu_si512(kSeeds.data() + 8 * v);
    mins[v] = _mm512_loadu_si512(minimums->data() + 8 * v);
  }
  for (uint64_t hash : hashes) {
    const __m512i h = _mm512_set1_epi64(static_cast<long long>(hash));
    for (int v = 0; v < kVectors; ++v) {
      __m512i x = _mm512_add_epi64(_mm512_xor_si512(h, seeds[v]), golden);
      x = _mm512_mullo_epi64(_mm512_xor_si512(x, _mm512_srli_epi64(x, 30)), mix1);
      x = _mm512_mullo_epi64(_mm512_xor_si512(x, _mm512_srli_epi64(x, 27)), mix2);
      x = _mm512_xor_si512(x, _mm512_srli_epi64(x, 31));
      mins[v] = _mm512_min_epu64(mins[v], x);
    }
  }
  for (int v = 0; v < kVectors; ++v) _mm512_storeu_si512(minimums->data() + 8 * v, mins[v]);
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

}  // namespace

bool CpuRuns(MinHashKernel kernel) {
  switch (kernel) {
    case MinHashKernel::kScalar:
      return true;
    case MinHashKernel::kAvx2:
      return __builtin_cpu_supports("avx2");
    case MinHashKernel::kAvx512:
      return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq");
  }
  return false;
}

MinHashKernel FastestMinHashKernel() {
  if (CpuRuns(MinHashKernel::kAvx512)) return MinHashKernel::kAvx512;
  if (CpuRuns(MinHashKernel::kAvx2)) return MinHashKernel::kAvx2;
  return MinHashKernel::kScalar;
}

void UpdateMinHashMinimums(MinHashKernel kernel, absl::Span<const uint64_t> hashes,
                           MinHashMinimums* minimums) {
  switch (kernel) {
    case MinHashKernel::kAvx512:
      UpdateAvx512(hashes, minimums);
      return;
    case MinHashKernel::kAvx2:
      UpdateAvx2(hashes, minimums);
      return;
    case MinHashKernel::kScalar:
      UpdateScalar(hashes, minimums);
      return;
  }
}

}  // namespace docsearch
