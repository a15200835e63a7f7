#include "query_service/compare/passage_fingerprints.h"

#include <algorithm>
#include <cctype>
#include <limits>
#include <string>

#include "query_service/compare/word_diff.h"

namespace docsearch::query::compare {
namespace {

// SplitMix64's finalizer: a fast, well-mixed 64-bit hash of a 64-bit value.
uint64_t Mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// FNV-1a: stable across runs and builds (std::hash is not promised to be).
uint64_t HashWord(absl::string_view word) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : word) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

struct FoldedWord {
  uint64_t hash = 0;
  uint32_t start = 0;  // Byte range in the paragraph.
  uint32_t end = 0;
  bool ends_sentence = false;  // A '.', '!' or '?' follows it.
};

std::vector<FoldedWord> FoldedWords(absl::string_view text, TextAnalyzer& analyzer) {
  std::vector<FoldedWord> words;
  for (const DiffToken& token : TokenizeForDiff(text)) {
    const absl::string_view surface = text.substr(token.start, token.end - token.start);
    const unsigned char first = static_cast<unsigned char>(surface[0]);
    const bool is_word = first >= 0x80 || std::isalnum(first);
    if (!is_word) {
      if (!words.empty() && (surface == "." || surface == "!" || surface == "?")) {
        words.back().ends_sentence = true;
      }
      continue;
    }
    words.push_back({HashWord(analyzer.FoldWord(std::string_view(surface.data(), surface.size()))),
                     token.start, token.end, false});
  }
  return words;
}

PassageFingerprint Fingerprint(const std::vector<FoldedWord>& words, size_t begin, size_t end,
                               uint16_t window) {
  PassageFingerprint passage;
  passage.start = words[begin].start;
  passage.end = words[end - 1].end;
  passage.window = window;
  const size_t count = end - begin;
  const size_t width = std::min<size_t>(kShingleWords, count);
  for (size_t i = begin; i + width <= end; ++i) {
    uint64_t h = 0;
    for (size_t k = 0; k < width; ++k) h = Mix(h ^ words[i + k].hash);
    passage.shingles.push_back(h);
  }
  std::sort(passage.shingles.begin(), passage.shingles.end());
  passage.shingles.erase(std::unique(passage.shingles.begin(), passage.shingles.end()),
                         passage.shingles.end());
  std::array<uint64_t, kPassageHashes> minimum;
  minimum.fill(std::numeric_limits<uint64_t>::max());
  for (uint64_t shingle : passage.shingles) {
    for (int k = 0; k < kPassageHashes; ++k) {
      minimum[k] = std::min(minimum[k], Mix(shingle ^ (0x5bd1e9955bd1e995ULL * (k + 1))));
    }
  }
  for (int band = 0; band < kPassageBands; ++band) {
    uint64_t key = Mix(static_cast<uint64_t>(band) + 1);
    for (int row = 0; row < kPassageRows; ++row)
      key = Mix(key ^ minimum[band * kPassageRows + row]);
    passage.bands[band] = key;
  }
  return passage;
}

}  // namespace

std::vector<PassageFingerprint> FingerprintParagraph(absl::string_view text,
                                                     TextAnalyzer& analyzer) {
  std::vector<PassageFingerprint> passages;
  const std::vector<FoldedWord> words = FoldedWords(text, analyzer);
  if (words.size() < static_cast<size_t>(kMinPassageWords)) return passages;
  passages.push_back(Fingerprint(words, 0, words.size(), 0));
  if (words.size() <= static_cast<size_t>(kLongParagraphWords)) return passages;
  // Windows of whole sentences, each of kWindowWords words or more; a short
  // tail joins the window before it.
  std::vector<std::pair<size_t, size_t>> windows;
  size_t begin = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    const bool last = i + 1 == words.size();
    if ((words[i].ends_sentence && i + 1 - begin >= static_cast<size_t>(kWindowWords)) || last) {
      if (last && !windows.empty() && i + 1 - begin < static_cast<size_t>(kWindowWords)) {
        windows.back().second = i + 1;
      } else {
        windows.emplace_back(begin, i + 1);
      }
      begin = i + 1;
    }
  }
  if (windows.size() < 2) return passages;  // One sentence: the paragraph itself.
  uint16_t number = 1;
  for (const auto& [first, end] : windows)
    passages.push_back(Fingerprint(words, first, end, number++));
  return passages;
}

double ShingleJaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  if (a.empty() && b.empty()) return 1;
  size_t i = 0, j = 0, common = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) {
      ++common, ++i, ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

double ShingleContainment(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  if (a.empty()) return 0;
  size_t i = 0, j = 0, common = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) {
      ++common, ++i, ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return static_cast<double>(common) / static_cast<double>(a.size());
}

}  // namespace docsearch::query::compare
