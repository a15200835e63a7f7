#include "ingest_service/parser/substring_search.h"

#include <chrono>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "gtest/gtest.h"

namespace docsearch::ingest {
namespace {

TEST(SubstringSearch, FindsTheFirstOccurrence) {
  std::vector<size_t> failure;
  EXPECT_EQ(FindLinear("abcabcabd", "abcabd", &failure), 3u);
  EXPECT_EQ(FindLinear("aaaa", "", &failure), 0u);
  EXPECT_EQ(FindLinear("aaab", "ab", &failure), 2u);
  EXPECT_EQ(FindLinear("abc", "abd", &failure), absl::string_view::npos);
}

// Short and long texts and pieces over a small alphabet (so that partial
// matches are everywhere), against string_view::find.
TEST(SubstringSearch, AgreesWithFindOnShortAndLongTexts) {
  std::mt19937 random(7);
  std::vector<size_t> failure;
  for (int round = 0; round < 400; ++round) {
    const size_t text_size = round % 4 == 0 ? 6000 + random() % 3000 : random() % 200;
    std::string text;
    for (size_t i = 0; i < text_size; ++i) text.push_back("ab "[random() % 3]);
    const size_t begin = text.empty() ? 0 : random() % text.size();
    const size_t length = random() % 2 == 0 ? random() % 8 : 60 + random() % 200;
    std::string piece = text.substr(begin, length);
    if (random() % 2 == 0 && !piece.empty()) piece.back() = 'c';  // Often absent then.
    ASSERT_EQ(FindLinear(text, piece, &failure), absl::string_view(text).find(piece));
    ASSERT_EQ(ContainsLinear(text, piece), absl::StrContains(text, piece));
  }
}

// A periodic text and a long piece that matches up to its last byte at
// every period: string_view::find compares about 4 MB at each of a million
// places (minutes); the linear search reads the text once. A head line and
// a title made of one phrase repeated are such a pair (1.6 MB each took 6 s
// a parse, growing with the square).
TEST(SubstringSearch, APeriodicTextIsSearchedInLinearTime) {
  std::string text;
  while (text.size() < (8u << 20)) text += "abcd";
  std::string piece = text.substr(0, 4u << 20);
  piece.back() = 'x';
  const auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(ContainsLinear(text, piece));
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start);
  EXPECT_LT(seconds.count(), 60.0) << "a linear search of 8 MB should not take minutes";
}

}  // namespace
}  // namespace docsearch::ingest
