#include "ingest_service/parser/embedded_posts.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/parser/parse_text.h"

namespace docsearch::ingest {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

TEST(EmbeddedPosts, ASignatureHasTheDashTheHandleAndTheDate) {
  EXPECT_TRUE(IsEmbeddedPostSignature(
      "\xE2\x80\x94 Ministry of Foreign Affairs - Ruritania (@MofaRuritania) June 14, 2024"));
  EXPECT_TRUE(IsEmbeddedPostSignature("-- Foreign Office (@FO_Zenda) 3 May 2023"));
  // A quotation's attribution, a handle without the date, an address.
  EXPECT_FALSE(IsEmbeddedPostSignature("\xE2\x80\x94 Ruritanian proverb"));
  EXPECT_FALSE(IsEmbeddedPostSignature("\xE2\x80\x94 Foreign Office (@FO_Zenda)"));
  EXPECT_FALSE(IsEmbeddedPostSignature("Contact the press office (@press_zenda) for details"));
}

// A ministry's statement with the post it embeds: the post is the page's
// quotation, not the statement's words.
constexpr char kStatementWithPost[] = R"(Ministry of Foreign Affairs of Ruritania
Home > Media Center > Statements

Ruritania Condemns Terrorist Attack in the North of Zenda

14 June 2024

The Ministry of Foreign Affairs of Ruritania strongly condemns the terrorist attack that targeted a military post in the north of Zenda, killing and injuring a number of soldiers.

The Ministry reiterates Ruritania's firm position rejecting violence and terrorism regardless of motives and reasons.

Ministry of Foreign Affairs - Ruritania
@MofaRuritania
Statement | Ruritania Condemns Terrorist Attack in the North of #Zenda https://t.co/Qf3xW8nL2a
— Ministry of Foreign Affairs - Ruritania (@MofaRuritania) June 14, 2024

The Ministry expresses its condolences to the families of the victims and wishes the injured a speedy recovery.
)";

TEST(EmbeddedPosts, APostEmbeddedInAStatementLeavesTheText) {
  const v1::Document document = ParseText(kStatementWithPost);
  EXPECT_EQ(document.title(), "Ruritania Condemns Terrorist Attack in the North of Zenda");
  const std::vector<std::string> paragraphs = ParagraphTexts(document);
  EXPECT_THAT(paragraphs, Not(Contains(HasSubstr("@MofaRuritania"))));
  EXPECT_THAT(paragraphs, Not(Contains(HasSubstr("https://t.co"))));
  EXPECT_TRUE(BodyHolds(document, "strongly condemns the terrorist attack"));
  EXPECT_TRUE(BodyHolds(document, "expresses its condolences to the families"));
}

}  // namespace
}  // namespace docsearch::ingest
