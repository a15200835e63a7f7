// Double-encoded text is repaired, and HTML pages are read in the charset
// they declare.
#include "ingest_service/parser/mojibake.h"

#include <string>

#include "gtest/gtest.h"
#include "ingest_service/parser/document_parser.h"
#include "ingest_service/parser/encoding.h"

namespace docsearch::ingest {
namespace {

TEST(Mojibake, RepairsUtf8ReadAsWindows1252) {
  // "today’s café" encoded to UTF-8, read as windows-1252, encoded again.
  const RepairedText repaired =
      RepairMojibake("today\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s caf\xC3\x83\xC2\xA9");
  EXPECT_EQ(repaired.text, "today\xE2\x80\x99s caf\xC3\xA9");
  EXPECT_EQ(repaired.repaired, 2);
}

TEST(Mojibake, RepairsAWindows1252QuoteKeptAsAControlCharacter) {
  // "todayÂ’s": the quote's byte 0x92 became U+0092, then was re-read.
  const RepairedText repaired = RepairMojibake("today\xC3\x82\xE2\x80\x99s statement");
  EXPECT_EQ(repaired.text, "today\xE2\x80\x99s statement");
  EXPECT_EQ(repaired.repaired, 1);
}

TEST(Mojibake, LeavesRealAccentedTextAlone) {
  // Accented capitals followed by letters, and a French guillemet after "Â".
  for (const std::string text : {"D\xC3\xA9"
                                 "claration du Pr\xC3\xA9sident",
                                 "\xC3\x82ge et \xC3\x83tat",
                                 "\xC3\x82 \xC2\xAB"
                                 "citation"
                                 "\xC2\xBB",
                                 "na\xC3\xAFve r\xC3\xA9sum\xC3\xA9"}) {
    const RepairedText repaired = RepairMojibake(text);
    EXPECT_EQ(repaired.text, text);
    EXPECT_EQ(repaired.repaired, 0) << text;
  }
}

TEST(Mojibake, ParseWarnsWithTheCount) {
  v1::RawDocument raw;
  raw.set_content(
      "Statement on Kosovo\n\n"
      "1. The Council welcomes today\xC3\x82\xE2\x80\x99s agreement and the r\xC3\x83\xC2\xB4le of "
      "the Alliance in the region, and calls on all parties to respect it.\n");
  absl::StatusOr<v1::ParseDocumentResponse> parsed = ParseRawDocument(raw, {});
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  bool warned = false;
  for (const v1::ParseWarning& warning : parsed->document().warnings()) {
    if (warning.code() == "mojibake_repaired") {
      warned = true;
      EXPECT_EQ(warning.message().substr(0, 2), "2 ");
    }
  }
  EXPECT_TRUE(warned);
  ASSERT_GE(parsed->document().paragraphs_size(), 1);
  EXPECT_NE(parsed->document().paragraphs(0).text().find("today\xE2\x80\x99s"), std::string::npos);
  EXPECT_NE(parsed->document().paragraphs(0).text().find("r\xC3\xB4le"), std::string::npos);
}

TEST(DeclaredCharset, HtmlMetaCharsetIsHonoured) {
  // "Заявление" (statement) in windows-1251, which no Western guess reads.
  const std::string page =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
      "charset=windows-1251\"></head><body><p>\xC7\xE0\xFF\xE2\xEB\xE5\xED\xE8\xE5</p></body></"
      "html>";
  EXPECT_EQ(DeclaredCharset(page), "windows-1251");
  const DecodedText decoded = DecodeToUtf8(page);
  EXPECT_EQ(decoded.encoding, "windows-1251");
  EXPECT_NE(
      decoded.utf8.find("\xD0\x97\xD0\xB0\xD1\x8F\xD0\xB2\xD0\xBB\xD0\xB5\xD0\xBD\xD0\xB8\xD0\xB5"),
      std::string::npos);
}

TEST(DeclaredCharset, Html5ShortFormAndValidUtf8StaysUtf8) {
  // ISO-8859-15 has the euro sign at 0xA4 (ISO-8859-1 has a currency sign).
  const std::string page = "<meta charset='ISO-8859-15'><p>Budget: 5 \xA4 million</p>";
  EXPECT_EQ(DeclaredCharset(page), "iso-8859-15");
  EXPECT_NE(DecodeToUtf8(page).utf8.find("5 \xE2\x82\xAC million"), std::string::npos);
  // Bytes that are valid UTF-8 are UTF-8, whatever the page says.
  const std::string utf8 = "<meta charset='ISO-8859-1'><p>caf\xC3\xA9</p>";
  EXPECT_EQ(DecodeToUtf8(utf8).encoding, "UTF-8");
}

}  // namespace
}  // namespace docsearch::ingest
