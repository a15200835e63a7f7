#include "ingest_service/parser/fingerprint.h"

#include <xxhash.h>

#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "ingest_service/parser/text_normalizer.h"

namespace docsearch::ingest {
namespace {

uint64_t SplitMix64(uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

std::vector<absl::string_view> Words(absl::string_view folded) {
  std::vector<absl::string_view> words;
  size_t i = 0;
  while (i < folded.size()) {
    while (i < folded.size() && !absl::ascii_isalnum(static_cast<unsigned char>(folded[i])) &&
           static_cast<unsigned char>(folded[i]) < 0x80) {
      ++i;
    }
    size_t j = i;
    while (j < folded.size() && (absl::ascii_isalnum(static_cast<unsigned char>(folded[j])) ||
                                 static_cast<unsigned char>(folded[j]) >= 0x80)) {
      ++j;
    }
    if (j > i) words.push_back(folded.substr(i, j - i));
    i = j;
  }
  return words;
}

}  // namespace

v1::Fingerprint ComputeFingerprint(absl::string_view body) {
  v1::Fingerprint fingerprint;
  const std::string folded = FoldAccents(body);
  const std::vector<absl::string_view> words = Words(folded);
  if (words.empty()) return fingerprint;

  std::vector<uint64_t> shingle_hashes;
  const size_t width = words.size() < 3 ? words.size() : 3;
  std::string shingle;
  for (size_t i = 0; i + width <= words.size(); ++i) {
    shingle.clear();
    for (size_t k = 0; k < width; ++k) {
      if (k > 0) shingle.push_back(' ');
      shingle.append(words[i + k].data(), words[i + k].size());
    }
    shingle_hashes.push_back(XXH3_64bits(shingle.data(), shingle.size()));
  }

  std::array<uint64_t, kMinHashSize> seeds;
  for (int k = 0; k < kMinHashSize; ++k) seeds[k] = SplitMix64(static_cast<uint64_t>(k) + 1);
  std::array<int64_t, 64> weights{};
  std::array<uint64_t, kMinHashSize> minimums;
  minimums.fill(std::numeric_limits<uint64_t>::max());
  for (uint64_t hash : shingle_hashes) {
    for (int bit = 0; bit < 64; ++bit) weights[bit] += ((hash >> bit) & 1) != 0 ? 1 : -1;
    for (int k = 0; k < kMinHashSize; ++k) {
      const uint64_t value = SplitMix64(hash ^ seeds[k]);
      if (value < minimums[k]) minimums[k] = value;
    }
  }
  uint64_t simhash = 0;
  for (int bit = 0; bit < 64; ++bit) {
    if (weights[bit] > 0) simhash |= uint64_t{1} << bit;
  }
  fingerprint.set_simhash(simhash);
  for (uint64_t minimum : minimums) fingerprint.add_minhash(minimum);
  return fingerprint;
}

}  // namespace docsearch::ingest
