#include "ingest_service/parser/text_normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace docsearch::ingest {
namespace {

TEST(TextNormalizer, ComposesToNfcAndStripsControls) {
  const NormalizedText normalized = NormalizeText("e\xCC\x81t\xC3\xA9\r\nline\x07two");
  EXPECT_EQ(normalized.text, "\xC3\xA9t\xC3\xA9\nlinetwo");
  EXPECT_EQ(normalized.removed_control_characters, 1);
}

// NormalizeText asks ICU nothing about a text without a byte of 0xCC or
// above (code points below U+0300). That is right only if each of those
// characters is NFC alone and never composes with the one before it.
TEST(TextNormalizer, CharactersBeforeTheCombiningMarksAreNfcInAnyOrder) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  ASSERT_TRUE(U_SUCCESS(status));
  for (UChar32 c = 0; c < 0x300; ++c) {
    EXPECT_TRUE(nfc->isNormalized(icu::UnicodeString(c), status)) << "U+" << std::hex << c;
    EXPECT_TRUE(nfc->hasBoundaryBefore(c)) << "U+" << std::hex << c;
  }
  // The first character past them is not: a text holding it is composed.
  EXPECT_FALSE(nfc->hasBoundaryBefore(0x300));
  EXPECT_EQ(NormalizeText("a\xCC\x80").text, "\xC3\xA0");
}

// What NormalizeText does, the way it was written before: ICU asked
// whether every text is NFC (and composing it when not), then one code
// point at a time.
NormalizedText NormalizeByCodePoint(const std::string& text) {
  std::string nfc_text = text;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_SUCCESS(status) && !nfc->isNormalized(icu::UnicodeString::fromUTF8(text), status)) {
    status = U_ZERO_ERROR;
    icu::UnicodeString composed;
    nfc->normalize(icu::UnicodeString::fromUTF8(text), composed, status);
    nfc_text.clear();
    if (U_SUCCESS(status)) composed.toUTF8String(nfc_text);
  }
  NormalizedText result;
  bool previous_was_cr = false;
  const auto* s = reinterpret_cast<const uint8_t*>(nfc_text.data());
  const int32_t length = static_cast<int32_t>(nfc_text.size());
  int32_t i = 0;
  while (i < length) {
    const int32_t begin = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) {  // A broken sequence reads as U+FFFD.
      previous_was_cr = false;
      result.text += "\xEF\xBF\xBD";
      continue;
    }
    const bool was_cr = previous_was_cr;
    previous_was_cr = c == '\r';
    if (c == '\r') {
      result.text.push_back('\n');
    } else if (c == '\n' && was_cr) {
      continue;
    } else if (c == '\n' || c == '\t') {
      result.text.push_back(static_cast<char>(c));
    } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0xFEFF) {
      ++result.removed_control_characters;
    } else {
      result.text.append(nfc_text, begin, i - begin);
    }
  }
  return result;
}

TEST(TextNormalizer, CopyingRunsOfAsciiGivesWhatEachCodePointGives) {
  // Line ends of every kind, controls (C0, DEL, C1), a mid-text byte-order
  // mark, tabs, accented letters and broken UTF-8, between runs of
  // printable ASCII.
  const std::vector<std::string> pieces = {
      "a", "Council ", " ", "\r", "\n", "\r\n", "\t", "\x07", "\x7F", "\xC2\x85", "\xEF\xBB\xBF",
      "\xC3\xA9", "\xE2\x80\x99", "x\ry", "\x01\n",
      // Broken sequences, which NormalizeText is not to be given but must
      // survive: a lone lead byte, a stray continuation byte, a cut one.
      "\xC3", "\x80", "\xFF", "\xE2\x80"};
  std::mt19937 random(1206);
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int count = static_cast<int>(random() % 12);
    for (int k = 0; k < count; ++k) text += pieces[random() % pieces.size()];
    const NormalizedText expected = NormalizeByCodePoint(text);
    const NormalizedText normalized = NormalizeText(text);
    ASSERT_EQ(normalized.text, expected.text) << "text: " << text;
    ASSERT_EQ(normalized.removed_control_characters, expected.removed_control_characters)
        << "text: " << text;
  }
}

}  // namespace
}  // namespace docsearch::ingest
