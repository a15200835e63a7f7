#include "ingest_service/parser/encoding.h"

#include "gtest/gtest.h"
#include "ingest_service/parser/text_normalizer.h"

namespace docsearch::ingest {
namespace {

TEST(Encoding, KeepsValidUtf8Unchanged) {
  const DecodedText decoded = DecodeToUtf8(
      "7 d\xC3\xA9"
      "cembre 2001");
  EXPECT_EQ(decoded.encoding, "UTF-8");
  EXPECT_EQ(decoded.utf8,
            "7 d\xC3\xA9"
            "cembre 2001");
  EXPECT_EQ(decoded.replaced_sequences, 0);
}

TEST(Encoding, ReadsWindows1252QuotesAndAccents) {
  // "Chairman’s résumé" with a 0x92 apostrophe: windows-1252, not Latin-1.
  const DecodedText decoded = DecodeToUtf8("Chairman\x92s r\xE9sum\xE9 of the meeting");
  EXPECT_EQ(decoded.encoding, "windows-1252");
  EXPECT_EQ(decoded.utf8, "Chairman\xE2\x80\x99s r\xC3\xA9sum\xC3\xA9 of the meeting");
}

TEST(Encoding, ReplacesAFewBrokenBytesInUtf8) {
  const DecodedText decoded =
      DecodeToUtf8("caf\xC3\xA9 cr\xC3\xA8me d\xC3\xA9j\xC3\xA0 vu \xFF fin");
  EXPECT_EQ(decoded.encoding, "UTF-8");
  EXPECT_EQ(decoded.replaced_sequences, 1);
  EXPECT_NE(decoded.utf8.find("\xEF\xBF\xBD"), std::string::npos);
}

TEST(TextNormalizer, ComposesToNfcAndStripsControls) {
  const NormalizedText normalized = NormalizeText("e\xCC\x81t\xC3\xA9\r\nline\x07two");
  EXPECT_EQ(normalized.text, "\xC3\xA9t\xC3\xA9\nlinetwo");
  EXPECT_EQ(normalized.removed_control_characters, 1);
}

TEST(TextNormalizer, FoldsQuotesDashesAndSpacesForMatchingOnly) {
  EXPECT_EQ(
      FoldForMatching("A \xE2\x80\x9Cnew spirit\xE2\x80\x9D \xE2\x80\x93 NATO\xC2\xA0 Russia"),
      "a \"new spirit\" - nato russia");
  EXPECT_EQ(FoldAccents("D\xC3\xA9"
                        "cembre"),
            "decembre");
}

}  // namespace
}  // namespace docsearch::ingest
