// Every MinHash kernel this CPU runs gives the portable kernel's minimums to
// the bit: a fingerprint must not depend on the machine that computed it.
#include "common/minhash_minimums.h"

#include <cstdint>
#include <limits>
#include <vector>

#include "gtest/gtest.h"

namespace docsearch {
namespace {

MinHashMinimums Unset() {
  MinHashMinimums minimums;
  minimums.fill(std::numeric_limits<uint64_t>::max());
  return minimums;
}

// Hashes spread over the whole 64-bit range, top bit set or not (the
// vector kernels compare unsigned values).
std::vector<uint64_t> SomeHashes(size_t count) {
  std::vector<uint64_t> hashes;
  uint64_t state = 42;
  for (size_t i = 0; i < count; ++i) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    hashes.push_back(state ^ (state >> 29));
  }
  hashes.push_back(0);
  hashes.push_back(std::numeric_limits<uint64_t>::max());
  hashes.push_back(uint64_t{1} << 63);
  return hashes;
}

TEST(MinHashFingerprintKernels, GiveThePortableKernelsMinimums) {
  const std::vector<uint64_t> hashes = SomeHashes(5000);
  MinHashMinimums expected = Unset();
  UpdateMinHashMinimums(MinHashKernel::kScalar, hashes, &expected);
  MinHashMinimums expected_one = Unset();
  UpdateMinHashMinimums(MinHashKernel::kScalar, absl::MakeConstSpan(hashes).subspan(0, 1),
                        &expected_one);
  EXPECT_NE(expected, expected_one);

  for (MinHashKernel kernel : {MinHashKernel::kAvx2, MinHashKernel::kAvx512}) {
    if (!CpuRuns(kernel)) {
      GTEST_LOG_(INFO) << "kernel " << static_cast<int>(kernel) << " not run by this CPU";
      continue;
    }
    MinHashMinimums all = Unset();
    UpdateMinHashMinimums(kernel, hashes, &all);
    EXPECT_EQ(all, expected) << "kernel " << static_cast<int>(kernel);

    // In two parts: the second call starts from the first one's minimums.
    MinHashMinimums parts = Unset();
    UpdateMinHashMinimums(kernel, absl::MakeConstSpan(hashes).subspan(0, 1), &parts);
    EXPECT_EQ(parts, expected_one) << "kernel " << static_cast<int>(kernel);
    UpdateMinHashMinimums(kernel, absl::MakeConstSpan(hashes).subspan(1), &parts);
    EXPECT_EQ(parts, expected) << "kernel " << static_cast<int>(kernel);

    MinHashMinimums none = Unset();
    UpdateMinHashMinimums(kernel, {}, &none);
    EXPECT_EQ(none, Unset());
  }
}

TEST(MinHashFingerprintKernels, TheFastestIsOneTheCpuRuns) {
  EXPECT_TRUE(CpuRuns(FastestMinHashKernel()));
  EXPECT_TRUE(CpuRuns(MinHashKernel::kScalar));
}

}  // namespace
}  // namespace docsearch
