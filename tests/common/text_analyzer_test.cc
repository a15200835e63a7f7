#include "common/text_analyzer.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace docsearch {
namespace {

using ::testing::ElementsAre;

std::vector<std::string> Terms(const std::vector<Token>& tokens) {
  std::vector<std::string> terms;
  for (const Token& token : tokens) terms.push_back(token.term);
  return terms;
}

TEST(TextAnalyzer, StemsEnglishAndFoldsCase) {
  TextAnalyzer analyzer;
  EXPECT_THAT(Terms(analyzer.Analyze("Theatre Missile Defence", "en")),
              ElementsAre("theatr", "missil", "defenc"));
}

TEST(TextAnalyzer, SplitsHyphenatedNamesIntoWordsWithConsecutivePositions) {
  TextAnalyzer analyzer;
  std::vector<Token> tokens = analyzer.Analyze("NATO-Russia Council", "en", Stemming::kNone);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[0].term, "nato");
  EXPECT_EQ(tokens[1].term, "russia");
  EXPECT_EQ(tokens[2].position, 2u);
}

TEST(TextAnalyzer, ReportsByteOffsetsIntoTheOriginalText) {
  TextAnalyzer analyzer;
  const std::string text = "A “new spirit” of cooperation";
  std::vector<Token> tokens = analyzer.Analyze(text, "en", Stemming::kNone);
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_EQ(text.substr(tokens[1].start, tokens[1].end - tokens[1].start), "new");
  EXPECT_EQ(text.substr(tokens[4].start, tokens[4].end - tokens[4].start), "cooperation");
}

TEST(TextAnalyzer, FoldsAccentsAfterFrenchStemming) {
  TextAnalyzer analyzer;
  EXPECT_EQ(Terms(analyzer.Analyze("Défense", "fr")), Terms(analyzer.Analyze("défense", "fr")));
  EXPECT_EQ(analyzer.FoldWord("Élysée"), "elysee");
}

TEST(TextAnalyzer, LeavesUnknownLanguagesUnstemmed) {
  TextAnalyzer analyzer;
  EXPECT_THAT(Terms(analyzer.Analyze("running", "de")), ElementsAre("running"));
  EXPECT_THAT(Terms(analyzer.Analyze("running", "en")), ElementsAre("run"));
}

TEST(TextAnalyzer, CachedTermsMatchFreshAnalysisPerLanguage) {
  // One analyzer keeps a term cache per stemmer: a word seen in English must
  // not come back with its English stem when analyzed as French, and a
  // second pass must give what a fresh analyzer gives.
  const std::string text = "Les nations NATIONS nationales défendent; the nations' DEFENCES";
  TextAnalyzer warm;
  for (int pass = 0; pass < 2; ++pass) {
    for (const char* language : {"en", "fr", "de"}) {
      TextAnalyzer fresh;
      EXPECT_EQ(Terms(warm.Analyze(text, language)), Terms(fresh.Analyze(text, language)))
          << language << " pass " << pass;
    }
  }
  EXPECT_THAT(Terms(warm.Analyze("NATIONS", "en")), ElementsAre("nation"));
}

TEST(TextAnalyzer, AnalyzeWithUnstemmedGivesBothFormsInOnePass) {
  TextAnalyzer analyzer;
  const std::string text = "Les Défenses nationales; the NATIONS' defences";
  for (const char* language : {"en", "fr", "de"}) {
    std::vector<std::string> unstemmed;
    const std::vector<Token> tokens = analyzer.AnalyzeWithUnstemmed(text, language, unstemmed);
    EXPECT_EQ(Terms(tokens), Terms(analyzer.Analyze(text, language))) << language;
    EXPECT_EQ(unstemmed, Terms(analyzer.Analyze(text, language, Stemming::kNone))) << language;
  }
}

TEST(TextAnalyzer, SkipsInvalidUtf8WithoutFailing) {
  TextAnalyzer analyzer;
  std::vector<Token> tokens = analyzer.Analyze("good \xff\xfe bytes", "en", Stemming::kNone);
  EXPECT_THAT(Terms(tokens), ::testing::Contains("good"));
  EXPECT_THAT(Terms(tokens), ::testing::Contains("bytes"));
}

}  // namespace
}  // namespace docsearch
