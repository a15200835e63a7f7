#include "ingest_service/parser/encoding.h"

#include "gtest/gtest.h"

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

}  // namespace
}  // namespace docsearch::ingest
