#include "ingest_service/parser/prose_in_any_script.h"

#include "gtest/gtest.h"

namespace docsearch::ingest {
namespace {

TEST(ProseInAnyScript, CountsWordsNotOpeningWithACapitalInEveryScript) {
  EXPECT_EQ(CountUncapitalizedWords("Οι υποψήφιοι μπορούν να βρουν"), 4);
  EXPECT_EQ(CountUncapitalizedWords("Министерство Иностранных Дел"), 0);
  // A script without capitals: every word.
  EXPECT_EQ(CountUncapitalizedWords("وقد اتخذت حكومتنا"), 3);
  // A word opening with a digit or a sign counts by its first letter; one
  // without a letter not at all.
  EXPECT_EQ(CountUncapitalizedWords("«мы 2024 — 5-й"), 2);
}

TEST(ProseInAnyScript, ReadsSentencesOfOtherScriptsAsProse) {
  EXPECT_TRUE(ReadsAsProseInAnyScript(
      "Οι υποψήφιοι μπορούν να βρουν το αναλυτικό πρόγραμμα στην ιστοσελίδα του Υπουργείου."));
  EXPECT_TRUE(ReadsAsProseInAnyScript(
      "ستوفر المحطة الكهرباء لأكثر من مائتي ألف منزل وستخلق مئات من فرص العمل."));
  EXPECT_TRUE(ReadsAsProseInAnyScript(
      "The Council met today in Brussels and agreed on the next steps of the plan."));
  // Too short, no sentence end, or title case throughout.
  EXPECT_FALSE(ReadsAsProseInAnyScript("Η κλήση είναι δωρεάν."));
  EXPECT_FALSE(ReadsAsProseInAnyScript(
      "Οι υποψήφιοι μπορούν να βρουν το αναλυτικό πρόγραμμα στην ιστοσελίδα"));
  EXPECT_FALSE(ReadsAsProseInAnyScript(
      "Министерство Иностранных Дел Российской Федерации Официальный Сайт Новости Документы."));
}

}  // namespace
}  // namespace docsearch::ingest
