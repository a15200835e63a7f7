#include "common/word_breaker.h"

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace docsearch {
namespace {

std::vector<std::string> Words(std::string_view text, const std::vector<WordSpan>& spans) {
  std::vector<std::string> words;
  for (const WordSpan& span : spans) {
    words.emplace_back(text.substr(span.start, span.end - span.start));
  }
  return words;
}

std::vector<std::string> ScannerWords(WordBreaker& breaker, std::string_view text) {
  std::vector<WordSpan> spans;
  breaker.Segment(text, spans);
  return Words(text, spans);
}

// Every difference between the two paths, shown as the words each found.
void ExpectSameAsIcu(WordBreaker& breaker, std::string_view text, const std::string& what) {
  std::vector<WordSpan> fast, reference;
  breaker.Segment(text, fast);
  breaker.SegmentWithIcu(text, reference);
  if (fast != reference) {
    ADD_FAILURE() << what << ": scanner " << ::testing::PrintToString(Words(text, fast)) << " ICU "
                  << ::testing::PrintToString(Words(text, reference));
  }
}

TEST(WordBreaker, KeepsAbbreviationsContractionsAndNumbersWhole) {
  WordBreaker breaker;
  EXPECT_THAT(ScannerWords(breaker, "The U.S. didn't pay 1,000.50 dollars; e.g. in 1999."),
              ::testing::ElementsAre("The", "U.S", "didn't", "pay", "1,000.50", "dollars", "e.g",
                                     "in", "1999"));
}

TEST(WordBreaker, SplitsAtHyphensColonsAndLoneUnderscores) {
  WordBreaker breaker;
  EXPECT_THAT(ScannerWords(breaker, "NATO-Russia 3:4 a:b _ snake_case __x"),
              ::testing::ElementsAre("NATO", "Russia", "3", "4", "a", "b", "snake_case", "__x"));
}

TEST(WordBreaker, GivesIcusWordsOnRandomAsciiText) {
  // The characters whose rules differ, each often enough to meet the others
  // in every order; plus controls and the CR LF pair.
  const std::string alphabet = "aZ@09.',;_:- \n\r\t!#/()\"";
  std::mt19937 random(20261203);
  WordBreaker breaker;
  for (int round = 0; round < 50000; ++round) {
    std::string text;
    const int length = static_cast<int>(random() % 24);
    for (int i = 0; i < length; ++i) text.push_back(alphabet[random() % alphabet.size()]);
    ExpectSameAsIcu(breaker, text, "random ASCII \"" + text + "\"");
    if (HasFailure()) return;
  }
}

TEST(WordBreaker, GivesIcusWordsOnRandomMixedText) {
  // ASCII beside accented letters, typographic quotes, a combining accent
  // (which attaches to the character before it, a space included), a
  // no-break space, Japanese and Thai (dictionary segmentation), an emoji
  // sequence joined by ZWJ, a regional-indicator flag and Arabic digits.
  const std::vector<std::string> alphabet = {"a",
                                             "Z",
                                             "7",
                                             ".",
                                             "'",
                                             ",",
                                             "_",
                                             "-",
                                             " ",
                                             "\n",
                                             "\r",
                                             "\t",
                                             "é",
                                             "\u2019",
                                             "\u0301",
                                             "\u00a0",
                                             "日本語",
                                             "ภาษาไทย",
                                             "\U0001F469\u200D\U0001F4BB",
                                             "\U0001F1EB\U0001F1F7",
                                             "\u0663",
                                             "ß"};
  std::mt19937 random(42);
  WordBreaker breaker;
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const int length = static_cast<int>(random() % 16);
    for (int i = 0; i < length; ++i) text += alphabet[random() % alphabet.size()];
    ExpectSameAsIcu(breaker, text, "random mixed \"" + text + "\"");
    if (HasFailure()) return;
  }
}

TEST(WordBreaker, GivesIcusWordsOnTheCorpora) {
  const std::filesystem::path corpus = DOCSEARCH_SHARED_CORPUS;
  if (!std::filesystem::is_directory(corpus)) {
    GTEST_SKIP() << corpus << " is absent (set -DDOCSEARCH_SHARED_CORPUS=...)";
  }
  WordBreaker breaker;
  int files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(corpus)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream content;
    content << in.rdbuf();
    ExpectSameAsIcu(breaker, content.str(), entry.path().string());
    ++files;
  }
  EXPECT_GT(files, 100) << "the development corpus should hold hundreds of documents";
}

}  // namespace
}  // namespace docsearch
