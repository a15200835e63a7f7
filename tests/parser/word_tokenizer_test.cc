// The parser's one word tokenizer, in its two readings: dates (digits
// apart, hyphens as punctuation) and entities (alphanumeric words with
// inner hyphens).
#include "ingest_service/parser/word_tokenizer.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace docsearch::ingest {
namespace {

using ::testing::ElementsAre;

// "w:" word, "n:" number, "p:" punctuation, then the token's text.
std::vector<std::string> Tokens(absl::string_view text, const WordTokenizerOptions& options) {
  std::vector<std::string> out;
  for (const WordToken& token : TokenizeWords(text, options)) {
    const char* kind = token.kind == WordToken::Kind::kWord     ? "w:"
                       : token.kind == WordToken::Kind::kNumber ? "n:"
                                                                : "p:";
    out.push_back(kind + std::string(token.text));
  }
  return out;
}

TEST(WordTokenizer, DatesSplitDigitsFromLettersAndHyphens) {
  EXPECT_THAT(Tokens("07-Dec-2001", kDateTokens),
              ElementsAre("n:07", "p:-", "w:Dec", "p:-", "n:2001"));
  EXPECT_THAT(Tokens("24th April, 1999", kDateTokens),
              ElementsAre("n:24", "w:th", "w:April", "p:,", "n:1999"));
  EXPECT_THAT(Tokens("7 d\xC3\xA9"
                     "cembre",
                     kDateTokens),
              ElementsAre("n:7",
                          "w:d\xC3\xA9"
                          "cembre"));
}

TEST(WordTokenizer, EntitiesKeepAlphanumericWordsWithInnerHyphens) {
  EXPECT_THAT(Tokens("the NATO-Russia Council and the G8-", kEntityTokens),
              ElementsAre("w:the", "w:NATO-Russia", "w:Council", "w:and", "w:the", "w:G8", "p:-"));
  EXPECT_THAT(Tokens("1373 (2001)", kEntityTokens), ElementsAre("n:1373", "p:(", "n:2001", "p:)"));
}

TEST(WordTokenizer, TypographicPunctuationIsNeverPartOfAWord) {
  // U+201C, U+2014 and U+201D touching the words.
  const std::string text = "\xE2\x80\x9CSolana\xE2\x80\x94Powell\xE2\x80\x9D";
  EXPECT_THAT(Tokens(text, kDateTokens), ElementsAre("p:\xE2\x80\x9C", "w:Solana", "p:\xE2\x80\x94",
                                                     "w:Powell", "p:\xE2\x80\x9D"));
  EXPECT_THAT(
      Tokens(text, kEntityTokens),
      ElementsAre("p:\xE2\x80\x9C", "w:Solana", "p:\xE2\x80\x94", "w:Powell", "p:\xE2\x80\x9D"));
}

TEST(WordTokenizer, OnlyEntitiesCutSuperscriptFootnoteMarks) {
  // "Robertson" followed by U+2074 (superscript four).
  const std::string text = "Robertson\xE2\x81\xB4";
  EXPECT_THAT(Tokens(text, kEntityTokens), ElementsAre("w:Robertson", "p:\xE2\x81\xB4"));
  EXPECT_THAT(Tokens(text, kDateTokens), ElementsAre("w:Robertson\xE2\x81\xB4"));
}

TEST(WordTokenizer, OffsetsAreBytesOfTheText) {
  const std::vector<WordToken> tokens = TokenizeWords("  Le 1er mai", kDateTokens);
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[0].begin, 2u);
  EXPECT_EQ(tokens[0].end, 4u);
  EXPECT_EQ(tokens[2].text, "er");
  EXPECT_EQ(tokens[2].begin, 6u);
  EXPECT_FALSE(TokenizeWords(" \t\n", kEntityTokens).size() > 0);
}

}  // namespace
}  // namespace docsearch::ingest
