// PhraseScan counts the phrases of its list that occur in a text as one
// substring search per phrase would: each phrase once, wherever it occurs
// (inside words, overlapping another, at the text's very end), stopping at
// `enough`.
#include "ingest_service/parser/phrase_scan.h"

#include <iterator>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "gtest/gtest.h"

namespace docsearch::ingest {
namespace {

constexpr absl::string_view kPhrases[] = {
    "views and opinions", "opinions expressed", "kb)", " mb)", "ab", "ba", "aa"};
constexpr PhraseScan<std::size(kPhrases)> kScan(kPhrases);

int CountBySearch(absl::string_view text) {
  int count = 0;
  for (absl::string_view phrase : kPhrases) count += absl::StrContains(text, phrase) ? 1 : 0;
  return count;
}

TEST(PhraseScan, CountsEachPhraseOnceWhereverItOccursAsSearchesDo) {
  for (const std::string text :
       {"", "a", "ab", "aba", "aaa", "the views and opinions expressed here",
        "myviews and opinionsexpressed", "file (17kb)", "file (17 mb)", "x mb)",
        "opinions expressed opinions expressed", "kb", "\xC3\xA9kb)\xE2\x80\xA6", "AB BA Kb) ab"}) {
    EXPECT_EQ(kScan.Count(text, 100), CountBySearch(text)) << text;
  }
}

TEST(PhraseScan, StopsCountingAtEnough) {
  EXPECT_EQ(kScan.Count("the views and opinions expressed (3kb)", 2), 2);
  EXPECT_EQ(kScan.Count("the views and opinions expressed (3kb)", 1), 1);
  EXPECT_EQ(kScan.Count("nothing here", 1), 0);
}

TEST(PhraseScan, IgnoringAsciiCaseCountsWhatTheLowerCaseCopyHolds) {
  for (const std::string text :
       {"", "AB", "Ba", "aA", "The Views And Opinions EXPRESSED", "File (17KB)", "file (17 MB)",
        "\xC3\x89KB)", "\xC3\xA9Kb)", "AB BA Kb) ab", "VIEWS AND OPINIONS expressed"}) {
    const std::string lower = absl::AsciiStrToLower(text);
    EXPECT_EQ(kScan.CountIgnoringAsciiCase(text, 100), kScan.Count(lower, 100)) << text;
    EXPECT_EQ(kScan.CountIgnoringAsciiCase(text, 100), CountBySearch(lower)) << text;
  }
  EXPECT_EQ(kScan.CountIgnoringAsciiCase("VIEWS AND OPINIONS EXPRESSED (3KB)", 1), 1);
}

}  // namespace
}  // namespace docsearch::ingest
