// Candidate phrases: what a reader would call the topics of a sentence.
#include "query_service/compare/phrase_extractor.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace docsearch::query::compare {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::Not;

std::vector<std::string> PhrasesOf(const std::string& text) {
  TextAnalyzer analyzer;
  AnalyzedText analyzed = AnalyzeRawText(text, "en", analyzer);
  std::vector<std::string> forms;
  for (const Phrase& phrase : ExtractPhrases(analyzed)) forms.push_back(phrase.forms.front());
  return forms;
}

TEST(PhraseExtractor, SplitsAListIntoItsItems) {
  EXPECT_THAT(PhrasesOf("in other areas, including crisis management, non-proliferation, arms "
                        "control and confidence building measures, theatre missile defence, "
                        "search and rescue at sea, military-to-military cooperation and civil "
                        "emergencies, which"),
              ElementsAre("areas", "crisis management", "non-proliferation", "arms control",
                          "confidence building measures", "theatre missile defence",
                          "search and rescue at sea", "military-to-military cooperation",
                          "civil emergencies"));
}

TEST(PhraseExtractor, KeepsOfPhrasesWhole) {
  EXPECT_THAT(PhrasesOf("the Ministry of Foreign Affairs of the Russian Federation"),
              ElementsAre("Ministry of Foreign Affairs", "Russian Federation"));
}

TEST(PhraseExtractor, DropsAVerbalGerundBeforeItsObject) {
  EXPECT_THAT(PhrasesOf("They stressed that improving interoperability was a key priority."),
              ElementsAre("interoperability", "key priority"));
}

TEST(PhraseExtractor, KeepsAGerundThatIsPartOfTheName) {
  EXPECT_THAT(PhrasesOf("defence reform, civil emergency planning, non-proliferation"),
              ElementsAre("defence reform", "civil emergency planning", "non-proliferation"));
}

TEST(PhraseExtractor, CountsRepeatsAndKeepsEachSurfaceForm) {
  TextAnalyzer analyzer;
  AnalyzedText analyzed =
      AnalyzeRawText("Civil emergency.\n\nCivil emergencies, civil emergency.", "en", analyzer);
  std::vector<Phrase> phrases = ExtractPhrases(analyzed);
  ASSERT_EQ(phrases.size(), 1u);
  EXPECT_EQ(phrases[0].key, "civil emerg");
  EXPECT_EQ(phrases[0].count, 3);
  EXPECT_THAT(phrases[0].forms, ElementsAre("civil emergency", "civil emergencies"));
}

TEST(PhraseExtractor, NumbersEndPhrases) {
  EXPECT_THAT(PhrasesOf("NRC Work Programme for 2004"), Not(Contains("NRC Work Programme for")));
}

}  // namespace
}  // namespace docsearch::query::compare
