#include "common/text_fingerprint.h"

#include <xxhash.h>

#include <algorithm>
#include <array>
#include <bit>
#include <limits>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/text_folding.h"

namespace docsearch {
namespace {

uint64_t SplitMix64(uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

bool IsWordByte(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) ||
         static_cast<unsigned char>(c) >= 0x80;
}

std::vector<absl::string_view> Words(absl::string_view folded) {
  std::vector<absl::string_view> words;
  size_t i = 0;
  while (i < folded.size()) {
    while (i < folded.size() && !IsWordByte(folded[i])) ++i;
    size_t j = i;
    while (j < folded.size() && IsWordByte(folded[j])) ++j;
    if (j > i) words.push_back(folded.substr(i, j - i));
    i = j;
  }
  return words;
}

}  // namespace

std::string FingerprintedText(const docsearch::v1::Document& document) {
  std::string text;
  for (const docsearch::v1::Paragraph& paragraph : document.paragraphs()) {
    absl::StrAppend(&text, paragraph.text(), "\n");
  }
  return text;
}

std::vector<uint64_t> ShingleHashes(absl::string_view text) {
  const std::string folded = FoldAccents(text);
  const std::vector<absl::string_view> words = Words(folded);
  std::vector<uint64_t> hashes;
  if (words.empty()) return hashes;
  const size_t width = std::min<size_t>(words.size(), kShingleWords);
  hashes.reserve(words.size() - width + 1);
  std::string shingle;
  for (size_t i = 0; i + width <= words.size(); ++i) {
    shingle.clear();
    for (size_t k = 0; k < width; ++k) {
      if (k > 0) shingle.push_back(' ');
      shingle.append(words[i + k].data(), words[i + k].size());
    }
    hashes.push_back(XXH3_64bits(shingle.data(), shingle.size()));
  }
  return hashes;
}

std::vector<uint64_t> ShingleSet(absl::string_view text) {
  std::vector<uint64_t> set = ShingleHashes(text);
  std::sort(set.begin(), set.end());
  set.erase(std::unique(set.begin(), set.end()), set.end());
  return set;
}

docsearch::v1::Fingerprint FingerprintOfShingles(const std::vector<uint64_t>& shingle_hashes) {
  docsearch::v1::Fingerprint fingerprint;
  if (shingle_hashes.empty()) return fingerprint;
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

docsearch::v1::Fingerprint ComputeTextFingerprint(absl::string_view text) {
  return FingerprintOfShingles(ShingleHashes(text));
}

bool HasMinHash(const docsearch::v1::Fingerprint& fingerprint) {
  return fingerprint.minhash_size() == kMinHashSize;
}

double ShingleJaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  if (a.empty() && b.empty()) return 1;
  size_t common = 0;
  auto i = a.begin();
  auto j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++common, ++i, ++j;
    }
  }
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

docsearch::v1::Fingerprint WithKeptMinHashBits(docsearch::v1::Fingerprint fingerprint) {
  for (uint64_t& value : *fingerprint.mutable_minhash()) value = KeptMinHashBits(value);
  return fingerprint;
}

double MinHashResemblance(const docsearch::v1::Fingerprint& a,
                          const docsearch::v1::Fingerprint& b) {
  if (a.minhash_size() == 0 || a.minhash_size() != b.minhash_size()) return 0;
  int equal = 0;
  for (int i = 0; i < a.minhash_size(); ++i) {
    equal += KeptMinHashBits(a.minhash(i)) == KeptMinHashBits(b.minhash(i));
  }
  return static_cast<double>(equal) / a.minhash_size();
}

int SimHashDistance(uint64_t a, uint64_t b) { return std::popcount(a ^ b); }

}  // namespace docsearch
