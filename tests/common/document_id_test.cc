#include "common/document_id.h"

#include <string>

#include "common/utf8_text.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace docsearch {
namespace {

using ::testing::HasSubstr;

TEST(DocumentId, AcceptsPrintableUtf8UpToTheLimit) {
  EXPECT_TRUE(CheckDocumentId("2001-12-07-nato-russia", "id").ok());
  EXPECT_TRUE(CheckDocumentId("../../etc/passwd", "id").ok());  // An id is never a path.
  EXPECT_TRUE(CheckDocumentId("d\xC3\xA9\x63laration-\xE6\x97\xA5\xE6\x9C\xAC", "id").ok());
  EXPECT_TRUE(CheckDocumentId(std::string(kMaxDocumentIdBytes, 'x'), "id").ok());
}

TEST(DocumentId, RefusesWhatCannotBeStoredOrPrintedSafely) {
  EXPECT_THAT(CheckDocumentId("", "document.id").message(), HasSubstr("document.id is empty"));
  EXPECT_THAT(CheckDocumentId(std::string(kMaxDocumentIdBytes + 1, 'x'), "id").message(),
              HasSubstr("id is 513 bytes; ids are at most 512 bytes"));
  EXPECT_THAT(CheckDocumentId("a\xFF", "id").message(), HasSubstr("not valid UTF-8 (at byte 1)"));
  EXPECT_THAT(CheckDocumentId("\xC0\xAF", "id").message(), HasSubstr("not valid UTF-8"));
  EXPECT_THAT(CheckDocumentId(std::string("a\0b", 3), "id").message(), HasSubstr("U+0000"));
  EXPECT_THAT(CheckDocumentId("a\nb", "id").message(), HasSubstr("U+000A"));
  EXPECT_THAT(CheckDocumentId("a\xC2\x85", "id").message(), HasSubstr("U+0085"));
  EXPECT_THAT(CheckDocumentId("x\xE2\x80\xAEy", "id").message(), HasSubstr("U+202E"));
  EXPECT_THAT(CheckDocumentId("x\xE2\x81\xA6y", "id").message(), HasSubstr("U+2066"));
}

TEST(Utf8Text, TruncatesLongEchoesAtACharacterBoundary) {
  EXPECT_EQ(TruncatedForMessage("short"), "short");
  const std::string long_text(1 << 20, 'm');
  const std::string echo = TruncatedForMessage(long_text);
  EXPECT_LT(echo.size(), 100u);
  EXPECT_THAT(echo, HasSubstr("(1048576 bytes)"));
  // 'é' is two bytes: a cut at 5 bytes keeps two whole characters.
  EXPECT_EQ(TruncatedForMessage("\xC3\xA9\xC3\xA9\xC3\xA9", 5), "\xC3\xA9\xC3\xA9…(6 bytes)");
  EXPECT_TRUE(IsValidUtf8("plain"));
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // A UTF-16 surrogate.
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // Above U+10FFFF.
}

}  // namespace
}  // namespace docsearch
