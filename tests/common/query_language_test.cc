#include "common/query_language.h"

#include "gtest/gtest.h"

namespace docsearch {
namespace {

TEST(DetectQueryLanguage, ReadsFunctionWordsAndLetters) {
  EXPECT_EQ(DetectQueryLanguage("lutte contre le terrorisme"), "fr");
  EXPECT_EQ(DetectQueryLanguage("l'élargissement de l'OTAN"), "fr");
  EXPECT_EQ(DetectQueryLanguage("défense collective"), "fr");
  EXPECT_EQ(DetectQueryLanguage("Erklärung der NATO-Außenminister"), "de");
  EXPECT_EQ(DetectQueryLanguage("air strikes against Yugoslavia"), "en");
  EXPECT_EQ(DetectQueryLanguage("response to September 11 terrorist attacks"), "en");
  EXPECT_EQ(DetectQueryLanguage("declaración del consejo"), "es");
}

TEST(DetectQueryLanguage, SaysNothingWithoutASign) {
  EXPECT_EQ(DetectQueryLanguage("KFOR"), "");
  EXPECT_EQ(DetectQueryLanguage("missile defense"), "");
  EXPECT_EQ(DetectQueryLanguage(""), "");
}

}  // namespace
}  // namespace docsearch
