#include "common/text_folding.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cctype>
#include <random>
#include <string>

#include "absl/strings/ascii.h"
#include "gtest/gtest.h"

namespace docsearch {
namespace {

std::string Utf8(UChar32 c) {
  std::string out;
  icu::UnicodeString(c).toUTF8String(out);
  return out;
}

TEST(TextFolding, LowerCasesAndCollapsesWhiteSpace) {
  EXPECT_EQ(FoldForMatching("  Press\tRelease \r\n (99) 101  "), "press release (99) 101");
  EXPECT_EQ(FoldForMatching(""), "");
  EXPECT_EQ(FoldForMatching(" \t\n"), "");
}

TEST(TextFolding, TypographyBecomesAscii) {
  EXPECT_EQ(FoldForMatching("NATO\u2019s \u201cOpen Door\u201d \u2013 `now`\u2026"),
            "nato's \"open door\" - 'now'...");
  EXPECT_EQ(FoldForMatching("1\u00a0000\u202fkm"), "1 000 km");
}

TEST(TextFolding, KeepsOrRemovesAccents) {
  EXPECT_EQ(FoldForMatching("Déclaration DU Conseil"), "déclaration du conseil");
  EXPECT_EQ(FoldAccents("Déclaration DU Conseil"), "declaration du conseil");
  EXPECT_EQ(FoldAccents("ÉLARGISSEMENT de l\u2019OTAN à Bruxelles"),
            "elargissement de l'otan a bruxelles");
  // Letters outside Latin keep their own shape, lower-cased.
  EXPECT_EQ(FoldAccents("Русский Ελληνικά"), "русский ελληνικά");
}

// ASCII after a first non-ASCII character folds as it does before one: the
// white space between them is collapsed and owed across the boundary.
TEST(TextFolding, AsciiRunsBetweenOtherCharactersFoldAlike) {
  EXPECT_EQ(FoldAccents("é  A\tB \u00a0 C  é   D"), "e a b c e d");
  EXPECT_EQ(FoldAccents("  \u00a0é"), "e");
  EXPECT_EQ(FoldForMatching("x\u2014  Y  \u2014z "), "x- y -z");
}

// What the fold of ASCII text is, written plainly: white space collapsed to
// one space and trimmed, letters lower-cased, '`' made a quote.
std::string ReferenceAsciiFold(const std::string& text) {
  std::string out;
  bool pending_space = false;
  for (const char c : text) {
    if (c == ' ' || (c >= '\t' && c <= '\r')) {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    out.push_back(c == '`' ? '\'' : static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

// The reference fold of `text` written after `letter`: white space opening
// the text is now between two words.
std::string ReferenceFoldAfterALetter(const std::string& letter, const std::string& text) {
  const std::string folded = ReferenceAsciiFold(text);
  const bool opens_with_space =
      !text.empty() && (text[0] == ' ' || (text[0] >= '\t' && text[0] <= '\r'));
  return letter + (opens_with_space && !folded.empty() ? " " : "") + folded;
}

// ASCII texts up to 120 bytes, long enough for the fold to work 16 bytes at
// a time, with white space runs of every kind at random offsets; each also
// behind an accented letter, so that the ASCII run starts after another
// character.
TEST(TextFolding, LongAsciiTextFoldsAsTheByteByByteRule) {
  const std::string alphabet = "aZ  \t\n\r\v\f`'.-09Qq~\x01";
  std::mt19937 random(20261206);
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int length = static_cast<int>(random() % 120);
    for (int i = 0; i < length; ++i) {
      // Mostly letters and single spaces, as prose is.
      const unsigned pick = random() % 10;
      if (pick < 6) {
        text.push_back(static_cast<char>((pick % 2 == 0 ? 'a' : 'A') + random() % 26));
      } else if (pick < 8) {
        text.push_back(' ');
      } else {
        text.push_back(alphabet[random() % alphabet.size()]);
      }
    }
    ASSERT_EQ(FoldForMatching(text), ReferenceAsciiFold(text)) << "text: " << text;
    // The same text behind an accented letter: the ASCII after it is folded
    // by the same code, starting with a letter already written.
    ASSERT_EQ(FoldAccents("\u00c9" + text), ReferenceFoldAfterALetter("e", text))
        << "text: " << text;
  }
}

// A non-ASCII letter at every offset of a long ASCII text, so that the
// ASCII run before it ends in every place of a 16-byte chunk: the letter is
// folded and the letters around it are kept, in order.
TEST(TextFolding, ALetterBeyondAsciiIsFoundAtEveryOffset) {
  std::mt19937 random(7);
  for (int before = 0; before < 50; ++before) {
    for (int after : {0, 1, 15, 16, 17, 40}) {
      std::string left;
      std::string right;
      for (int i = 0; i < before; ++i) left.push_back(static_cast<char>('A' + random() % 26));
      for (int i = 0; i < after; ++i) right.push_back(static_cast<char>('a' + random() % 26));
      const std::string lower_left = absl::AsciiStrToLower(left);
      ASSERT_EQ(FoldAccents(left + "\u00c9" + right), lower_left + "e" + right) << before;
      ASSERT_EQ(FoldForMatching(left + "\u00e9" + right), lower_left + "\u00e9" + right) << before;
    }
  }
}

TEST(TextFolding, FoldsQuotesDashesAndSpacesForMatchingOnly) {
  EXPECT_EQ(
      FoldForMatching("A \xE2\x80\x9Cnew spirit\xE2\x80\x9D \xE2\x80\x93 NATO\xC2\xA0 Russia"),
      "a \"new spirit\" - nato russia");
  EXPECT_EQ(FoldAccents("D\xC3\xA9"
                        "cembre"),
            "decembre");
}

TEST(TextFolding, InvalidUtf8BecomesTheReplacementCharacter) {
  EXPECT_EQ(FoldForMatching("a\xff"
                            "B"),
            "a\uFFFDb");
}

// Every accented Latin letter the fold strips is stripped to the first code
// point of its canonical decomposition, lower-cased first.
TEST(TextFolding, StripsEveryLatinLetterToItsBaseLetter) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  ASSERT_TRUE(U_SUCCESS(status));
  for (UChar32 c = 0xC0; c < 0x250; ++c) {
    const UChar32 lower = u_tolower(c);
    UChar32 expected = lower;
    if (lower >= 0xC0 && lower < 0x250) {
      icu::UnicodeString decomposed;
      nfd->normalize(icu::UnicodeString(lower), decomposed, status);
      ASSERT_TRUE(U_SUCCESS(status));
      if (!decomposed.isEmpty()) expected = decomposed.char32At(0);
    }
    EXPECT_EQ(FoldAccents("x" + Utf8(c) + "y"), "x" + Utf8(expected) + "y")
        << "U+" << std::hex << c;
  }
  EXPECT_EQ(FoldAccents("ÀÉÎÕÜÇÑ àéîõüçñ ŁŚŻ"), "aeioucn aeioucn łsz");
}

}  // namespace
}  // namespace docsearch
