#include "query_service/compare/fingerprints.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"

namespace docsearch::query::compare {
namespace {

constexpr uint64_t kFnvOffset = 0xcbf29ce484222325ULL;
constexpr uint64_t kFnvPrime = 0x100000001b3ULL;

uint64_t Fnv1a(absl::string_view s, uint64_t hash = kFnvOffset) {
  for (unsigned char c : s) {
    hash ^= c;
    hash *= kFnvPrime;
  }
  return hash;
}

uint64_t SplitMix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

bool IsBody(const Passage& passage) {
  return passage.kind == PassageKind::kParagraph || passage.kind == PassageKind::kFootnote;
}

}  // namespace

std::vector<uint64_t> ShingleSet(const AnalyzedText& text) {
  // Words of the whole body in order: a shingle may cross a paragraph
  // break, as the same sentence may be re-wrapped into other paragraphs.
  std::vector<uint64_t> words;
  for (const Passage& passage : text.passages) {
    if (!IsBody(passage)) continue;
    for (const Word& word : passage.words) words.push_back(Fnv1a(word.term));
  }
  std::vector<uint64_t> shingles;
  if (words.empty()) return shingles;
  if (words.size() < kShingleWords) {
    uint64_t hash = kFnvOffset;
    for (uint64_t w : words) hash = SplitMix64(hash ^ w);
    shingles.push_back(hash);
    return shingles;
  }
  shingles.reserve(words.size());
  for (size_t i = 0; i + kShingleWords <= words.size(); ++i) {
    uint64_t hash = kFnvOffset;
    for (size_t k = 0; k < kShingleWords; ++k) hash = SplitMix64(hash ^ words[i + k]);
    shingles.push_back(hash);
  }
  std::sort(shingles.begin(), shingles.end());
  shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
  return shingles;
}

double Jaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
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

docsearch::v1::Fingerprint ComputeFingerprint(const AnalyzedText& text,
                                              const std::vector<uint64_t>* given) {
  docsearch::v1::Fingerprint fingerprint;
  std::vector<uint64_t> computed;
  if (given == nullptr) computed = ShingleSet(text);
  const std::vector<uint64_t>& shingles = given != nullptr ? *given : computed;
  if (!shingles.empty()) {
    // Function f is a cheap finalizer over the shingle's mixed hash XOR a
    // per-function seed: one full mix per shingle instead of one per
    // (shingle, function), with orders that differ enough between seeds.
    uint64_t seeds[kMinHashSize];
    uint64_t minima[kMinHashSize];
    for (int f = 0; f < kMinHashSize; ++f) {
      seeds[f] = SplitMix64(static_cast<uint64_t>(f) + 1);
      minima[f] = std::numeric_limits<uint64_t>::max();
    }
    for (uint64_t shingle : shingles) {
      const uint64_t base = SplitMix64(shingle);
      for (int f = 0; f < kMinHashSize; ++f) {
        uint64_t x = base ^ seeds[f];
        x = (x ^ (x >> 33)) * 0xff51afd7ed558ccdULL;
        x ^= x >> 33;
        minima[f] = std::min(minima[f], x);
      }
    }
    for (uint64_t minimum : minima) fingerprint.add_minhash(minimum);
  }
  absl::flat_hash_map<absl::string_view, int> counts;
  for (const Passage& passage : text.passages) {
    if (!IsBody(passage)) continue;
    for (const Word& word : passage.words) {
      if (AnalyzedText::IsVectorWord(word)) counts[word.term]++;
    }
  }
  // Sorted so the floating-point sums run in the same order every time.
  std::vector<std::pair<absl::string_view, int>> sorted(counts.begin(), counts.end());
  std::sort(sorted.begin(), sorted.end());
  double bits[64] = {};
  for (const auto& [term, count] : sorted) {
    const uint64_t hash = SplitMix64(Fnv1a(term));
    const double weight = 1.0 + std::log(count);
    for (int bit = 0; bit < 64; ++bit) bits[bit] += (hash >> bit) & 1 ? weight : -weight;
  }
  uint64_t simhash = 0;
  for (int bit = 0; bit < 64; ++bit) {
    if (bits[bit] > 0) simhash |= uint64_t{1} << bit;
  }
  fingerprint.set_simhash(simhash);
  return fingerprint;
}

double MinHashResemblance(const docsearch::v1::Fingerprint& a,
                          const docsearch::v1::Fingerprint& b) {
  if (a.minhash_size() == 0 || a.minhash_size() != b.minhash_size()) return 0;
  int equal = 0;
  for (int i = 0; i < a.minhash_size(); ++i) equal += a.minhash(i) == b.minhash(i);
  return static_cast<double>(equal) / a.minhash_size();
}

int SimHashDistance(uint64_t a, uint64_t b) { return std::popcount(a ^ b); }

}  // namespace docsearch::query::compare
