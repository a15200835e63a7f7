#include "ingest_service/parser/language_menus.h"

#include "gtest/gtest.h"

namespace docsearch::ingest {
namespace {

// Menus on one line, with separators or spaces; not a line of words that
// happen to be short.
TEST(LanguageMenus, MenusOnOneLine) {
  EXPECT_TRUE(IsLanguageMenu("en / fr / ru"));
  EXPECT_TRUE(IsLanguageMenu("english | francais"));
  EXPECT_TRUE(IsLanguageMenu("fr en es de ar zh"));
  EXPECT_FALSE(IsLanguageMenu("eu nato un osce"));
  EXPECT_FALSE(IsLanguageMenu("peace / war"));
}

// A language named in its own language is a menu's item; the English
// name of another language is as often a text's list.
TEST(LanguageMenus, NamesAMenuPrintsOneToALine) {
  EXPECT_TRUE(IsMenuLanguageName("francais"));
  EXPECT_TRUE(IsMenuLanguageName("english"));
  EXPECT_TRUE(IsMenuLanguageName("\xD0\xA0\xD1\x83\xD1\x81\xD1\x81\xD0\xBA\xD0\xB8\xD0\xB9"));
  EXPECT_FALSE(IsMenuLanguageName("arabic"));
  EXPECT_FALSE(IsMenuLanguageName("french"));
}

}  // namespace
}  // namespace docsearch::ingest
