#include "common/text_analyzer.h"

#include <string>
#include <tuple>
#include <utility>
#include <vector>

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
  const std::string text = "NATO-Russia Council";
  std::vector<Token> tokens = analyzer.Analyze(text, "en", Stemming::kNone);
  ASSERT_EQ(tokens.size(), 4u);
  // The closed form first, at the first part's position, spanning the compound.
  EXPECT_EQ(tokens[0].term, "natorussia");
  EXPECT_EQ(tokens[0].position, 0u);
  EXPECT_EQ(text.substr(tokens[0].start, tokens[0].end - tokens[0].start), "NATO-Russia");
  EXPECT_EQ(tokens[1].term, "nato");
  EXPECT_EQ(tokens[1].position, 0u);
  EXPECT_EQ(tokens[2].term, "russia");
  EXPECT_EQ(tokens[2].position, 1u);
  EXPECT_EQ(tokens[3].position, 2u);
}

TEST(TextAnalyzer, ClosesCompoundsAfterABoundPrefix) {
  // Fails before compounds were closed: "co-operation" was "co" + "oper".
  TextAnalyzer analyzer;
  EXPECT_EQ(Terms(analyzer.Analyze("co-operation", "en")),
            Terms(analyzer.Analyze("cooperation", "en")));
  EXPECT_EQ(Terms(analyzer.Analyze("comprehensive, co-ordinated responses", "en")),
            Terms(analyzer.Analyze("comprehensive, coordinated responses", "en")));
  EXPECT_THAT(Terms(analyzer.Analyze("co-operation", "en")), ElementsAre("cooper"));
  std::vector<Token> tokens = analyzer.Analyze("non-proliferation treaty", "en");
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[1].position, 1u);
  // Numbers are not compounds.
  EXPECT_THAT(Terms(analyzer.Analyze("10-15", "en")), ElementsAre("10", "15"));
}

TEST(TextAnalyzer, RemovesFrenchAndItalianElision) {
  // Fails before elision: "l'identité" was one term.
  TextAnalyzer analyzer;
  EXPECT_EQ(Terms(analyzer.Analyze("l'identité", "fr")), Terms(analyzer.Analyze("identité", "fr")));
  EXPECT_EQ(Terms(analyzer.Analyze("d’adhésion", "fr")), Terms(analyzer.Analyze("adhésion", "fr")));
  EXPECT_EQ(Terms(analyzer.Analyze("jusqu'au", "fr")), Terms(analyzer.Analyze("au", "fr")));
  EXPECT_EQ(Terms(analyzer.Analyze("dell'Alleanza", "it")),
            Terms(analyzer.Analyze("Alleanza", "it")));
  // English keeps its apostrophes.
  EXPECT_THAT(Terms(analyzer.Analyze("d'Estaing", "en", Stemming::kNone)),
              ElementsAre("d'estaing"));
}

TEST(TextAnalyzer, StemsEachLanguageWithItsOwnSnowballStemmer) {
  TextAnalyzer analyzer;
  EXPECT_EQ(Terms(analyzer.Analyze("Erklärungen", "de")),
            Terms(analyzer.Analyze("Erklärung", "de")));
  EXPECT_EQ(Terms(analyzer.Analyze("declaraciones", "es")),
            Terms(analyzer.Analyze("declaración", "es")));
  EXPECT_EQ(Terms(analyzer.Analyze("dichiarazioni", "it")),
            Terms(analyzer.Analyze("dichiarazione", "it")));
}

TEST(TextAnalyzer, MeetsBritishAndAmericanSpellings) {
  TextAnalyzer analyzer;
  for (const auto& [american, british] :
       std::vector<std::pair<std::string, std::string>>{{"defense", "defence"},
                                                        {"Organization", "organisation"},
                                                        {"stabilization", "stabilisation"},
                                                        {"recognized", "recognised"},
                                                        {"labor", "labour"},
                                                        {"center", "centre"},
                                                        {"theater", "theatre"}}) {
    EXPECT_EQ(Terms(analyzer.Analyze(american, "en")), Terms(analyzer.Analyze(british, "en")))
        << american;
  }
  // Words the rules must leave alone.
  EXPECT_NE(Terms(analyzer.Analyze("size", "en")), Terms(analyzer.Analyze("sise", "en")));
  EXPECT_THAT(Terms(analyzer.Analyze("citizen", "en", Stemming::kNone)), ElementsAre("citizen"));
}

TEST(TextAnalyzer, MeetsCountriesAndTheirDemonyms) {
  TextAnalyzer analyzer;
  EXPECT_EQ(Terms(analyzer.Analyze("Russian", "en")), Terms(analyzer.Analyze("Russia", "en")));
  EXPECT_EQ(Terms(analyzer.Analyze("Ukrainian", "en")), Terms(analyzer.Analyze("Ukraine", "en")));
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

TEST(TextAnalyzer, MeetsRomanceWordsWrittenWithoutTheirAccents) {
  TextAnalyzer analyzer;
  for (const auto& [language, accented, unaccented] :
       std::vector<std::tuple<std::string, std::string, std::string>>{
           {"fr", "identité européenne de sécurité", "identite europeenne de securite"},
           {"fr", "Sécurités", "securites"},
           {"fr", "la défense adoptée", "la defense adoptee"},
           {"fr", "frontière", "frontiere"},
           {"fr", "l'élargissement", "l'elargissement"},
           {"es", "organización", "organizacion"},
           {"pt", "operação operações", "operacao operacoes"},
           {"it", "città tornerà", "citta tornera"},
           {"ro", "națională", "nationala"}}) {
    EXPECT_EQ(Terms(analyzer.Analyze(accented, language)),
              Terms(analyzer.Analyze(unaccented, language)))
        << language << " " << accented;
  }
  // Put back accents do not break what the stemmer joined with them.
  EXPECT_EQ(Terms(analyzer.Analyze("sécurité", "fr")), Terms(analyzer.Analyze("sécurités", "fr")));
  EXPECT_EQ(Terms(analyzer.Analyze("adoptée", "fr")), Terms(analyzer.Analyze("adopter", "fr")));
}

TEST(TextAnalyzer, StemsTheAccentedWordWhenAccentInsensitiveStemsAreOff) {
  TextAnalyzer analyzer(AnalysisOptions{.accent_insensitive_stems = false});
  // The French stemmer removes "-ité" only with its accent.
  EXPECT_NE(Terms(analyzer.Analyze("sécurité", "fr")), Terms(analyzer.Analyze("securite", "fr")));
  EXPECT_EQ(Terms(analyzer.Analyze("Défense", "fr")), Terms(analyzer.Analyze("defense", "fr")));
}

TEST(TextAnalyzer, AccentInsensitiveStemsLeaveOtherLanguagesAlone) {
  TextAnalyzer on;
  TextAnalyzer off(AnalysisOptions{.accent_insensitive_stems = false});
  for (const auto& [language, text] :
       std::vector<std::pair<std::string, std::string>>{{"en", "A naïve café résumé on defence"},
                                                        {"de", "Die Häuser der Bündnispartner"},
                                                        {"sv", "Försvarsministrarnas möte"}}) {
    EXPECT_EQ(Terms(on.Analyze(text, language)), Terms(off.Analyze(text, language))) << text;
  }
}

TEST(TextAnalyzer, LeavesUnknownLanguagesUnstemmed) {
  TextAnalyzer analyzer;
  EXPECT_THAT(Terms(analyzer.Analyze("running", "ja")), ElementsAre("running"));
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
