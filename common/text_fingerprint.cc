#include "common/text_fingerprint.h"

#include <xxhash.h>

#include <algorithm>
#include <array>
#include <bit>
#include <limits>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/minhash_minimums.h"
#include "common/text_folding.h"

namespace docsearch {
namespace {

// SimHash votes: bit b of each shingle hash, counted in byte lanes. Entry v
// has byte i equal to bit i of v, so adding kBitSpread[byte j of a hash] to
// counter j counts bits 8j..8j+7 of every hash at once; a lane holds up to
// 255, so the counters are emptied into wide ones every 255 hashes.
constexpr std::array<uint64_t, 256> MakeBitSpread() {
  std::array<uint64_t, 256> spread{};
  for (int value = 0; value < 256; ++value) {
    for (int bit = 0; bit < 8; ++bit) {
      if ((value >> bit) & 1) spread[value] |= uint64_t{1} << (8 * bit);
    }
  }
  return spread;
}
constexpr std::array<uint64_t, 256> kBitSpread = MakeBitSpread();

// SimHash: bit b is set when more shingle hashes have it set than not
// (every shingle counts, repeats included).
uint64_t SimHash(const std::vector<uint64_t>& hashes) {
  std::array<uint64_t, 64> ones{};
  size_t i = 0;
  while (i < hashes.size()) {
    const size_t end = std::min(hashes.size(), i + 255);
    std::array<uint64_t, 8> lanes{};
    for (; i < end; ++i) {
      const uint64_t hash = hashes[i];
      for (int byte = 0; byte < 8; ++byte) lanes[byte] += kBitSpread[(hash >> (8 * byte)) & 0xFF];
    }
    for (int byte = 0; byte < 8; ++byte) {
      for (int bit = 0; bit < 8; ++bit) ones[8 * byte + bit] += (lanes[byte] >> (8 * bit)) & 0xFF;
    }
  }
  uint64_t simhash = 0;
  for (int bit = 0; bit < 64; ++bit) {
    if (2 * ones[bit] > hashes.size()) simhash |= uint64_t{1} << bit;
  }
  return simhash;
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
    // Words one space apart are their shingle already, in the folded text:
    // hashed in place, without a copy (the same bytes, the same hash).
    bool contiguous = true;
    for (size_t k = 1; k < width && contiguous; ++k) {
      const absl::string_view before = words[i + k - 1];
      contiguous = words[i + k].data() == before.data() + before.size() + 1 &&
                   before.data()[before.size()] == ' ';
    }
    if (contiguous) {
      const char* begin = words[i].data();
      const char* end = words[i + width - 1].data() + words[i + width - 1].size();
      hashes.push_back(XXH3_64bits(begin, static_cast<size_t>(end - begin)));
      continue;
    }
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
  fingerprint.set_simhash(SimHash(shingle_hashes));
  // Repeats are not skipped: a minimum over a set is the minimum over any
  // list of its members, and on long texts only ~7 % of the shingles repeat,
  // less than a sort or a hash set would cost.
  MinHashMinimums minimums;
  minimums.fill(std::numeric_limits<uint64_t>::max());
  UpdateMinHashMinimums(FastestMinHashKernel(), shingle_hashes, &minimums);
  fingerprint.mutable_minhash()->Reserve(kMinHashSize);
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
