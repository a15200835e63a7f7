// Counting which of a fixed list of phrases occur in a text, in one pass.
//
// The detectors test each head line for lists of phrases (a portal's
// prompts, a republishing site's disclaimer, a file's size or format).
// One search of the whole line per phrase reads the line as many times as
// there are phrases; PhraseScan reads it once, and at each byte tries only
// the phrases whose first two bytes fall in the same one of 1,024 buckets
// as the text's two bytes there (most bytes of a line start none).
//
// Usage, the table built at compile time:
//   constexpr absl::string_view kPhrases[] = {"password", "newsletter"};
//   constexpr PhraseScan<std::size(kPhrases)> kScan(kPhrases);
//   kScan.Count(text, /*enough=*/1);  // how many of kPhrases occur in text
//
// Thread safety: a PhraseScan is immutable.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_PHRASE_SCAN_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_PHRASE_SCAN_H_

#include <array>
#include <cstddef>
#include <cstdint>

#include "absl/numeric/bits.h"
#include "absl/strings/match.h"
#include "absl/strings/string_view.h"

namespace docsearch::ingest {

// N phrases of two bytes or more, N <= 64 (one bit each).
template <size_t N>
class PhraseScan {
 public:
  static_assert(N <= 64, "one bit per phrase");

  // `phrases` must outlive the scan (a constexpr array of literals does).
  constexpr explicit PhraseScan(const absl::string_view (&phrases)[N]) : phrases_(phrases) {
    for (size_t p = 0; p < N; ++p) {
      if (phrases[p].size() < 2) PhraseShorterThanTwoBytes();  // Fails a constexpr build.
      buckets_[Bucket(phrases[p][0], phrases[p][1])] |= uint64_t{1} << p;
    }
  }

  // How many distinct phrases occur in `text` (each counted once, wherever
  // and however often it occurs), counting stopped once `enough` are found:
  // the same count as one substring search of `text` per phrase.
  int Count(absl::string_view text, int enough) const {
    return CountAs(text, enough, [](absl::string_view a, absl::string_view b) { return a == b; });
  }

  // Count over absl::AsciiStrToLower(text), without the copy: the phrases
  // must be lower case. The buckets already put 'A' with 'a' (0x41 and 0x61
  // share their low five bits).
  int CountIgnoringAsciiCase(absl::string_view text, int enough) const {
    return CountAs(text, enough, [](absl::string_view a, absl::string_view b) {
      return absl::EqualsIgnoreCase(a, b);
    });
  }

 private:
  template <typename Equal>
  int CountAs(absl::string_view text, int enough, Equal equal) const {
    uint64_t found = 0;
    int count = 0;
    for (size_t i = 0; i + 1 < text.size(); ++i) {
      uint64_t candidates = buckets_[Bucket(text[i], text[i + 1])] & ~found;
      while (candidates != 0) {
        const int p = absl::countr_zero(candidates);
        candidates &= candidates - 1;
        const absl::string_view phrase = phrases_[p];
        if (text.size() - i >= phrase.size() && equal(text.substr(i, phrase.size()), phrase)) {
          found |= uint64_t{1} << p;
          if (++count >= enough) return count;
        }
      }
    }
    return count;
  }

  // The low five bits of each byte: letters, digits and most punctuation
  // fall in distinct buckets; bytes sharing a bucket only cost a compare.
  static constexpr size_t Bucket(char first, char second) {
    return (static_cast<size_t>(static_cast<unsigned char>(first) & 31) << 5) |
           (static_cast<unsigned char>(second) & 31);
  }

  // Not constexpr: reached while building a table at compile time, it
  // stops the build.
  static void PhraseShorterThanTwoBytes() {}

  const absl::string_view* phrases_;
  std::array<uint64_t, 1024> buckets_{};
};

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_PHRASE_SCAN_H_
