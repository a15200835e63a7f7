#include "common/analysis_languages.h"

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace docsearch {
namespace {

using ::testing::HasSubstr;

TEST(AnalysisLanguages, AcceptsKnownLanguagesInAnyCaseWithSubtags) {
  EXPECT_EQ(AnalysisLanguageOf("en").value(), "en");
  EXPECT_EQ(AnalysisLanguageOf("FR").value(), "fr");
  EXPECT_EQ(AnalysisLanguageOf("fr-BE").value(), "fr-be");
  EXPECT_EQ(AnalysisLanguageOf("pt_BR").value(), "pt_br");
  EXPECT_EQ(AnalysisLanguageOf("de-Latn-CH").value(), "de-latn-ch");
  // Catalan has no stemmer, but the analyzer strips its elided articles.
  EXPECT_EQ(AnalysisLanguageOf("ca").value(), "ca");
}

// Documents in a language without a stemmer (Greek, Polish, Chinese) are
// indexed folded and unstemmed; a query naming that language is analysed
// the same way, not refused.
TEST(AnalysisLanguages, AcceptsOtherIsoLanguagesWithoutAStemmer) {
  EXPECT_EQ(AnalysisLanguageOf("el").value(), "el");
  EXPECT_EQ(AnalysisLanguageOf("PL").value(), "pl");
  EXPECT_EQ(AnalysisLanguageOf("zh-Hans").value(), "zh-hans");
  EXPECT_EQ(AnalysisLanguageOf("ast").value(), "ast");  // ISO 639-2/3 only.
  EXPECT_EQ(SnowballAlgorithmOf("el"), nullptr);
}

TEST(AnalysisLanguages, RejectsUnknownLanguagesListingTheKnownOnes) {
  // "eng" is ISO 639-2 for a language that has a 2-letter code: BCP-47
  // requires "en", and ICU lists only that.
  for (const char* tag : {"xx", "zz-ZZ", "eng", "qqq"}) {
    absl::StatusOr<std::string> language = AnalysisLanguageOf(tag);
    EXPECT_EQ(language.status().code(), absl::StatusCode::kInvalidArgument) << tag;
    EXPECT_THAT(language.status().message(), HasSubstr(absl::StrCat("unknown language '", tag)));
    EXPECT_THAT(language.status().message(), HasSubstr("expected one of en, fr, de, es, it"));
  }
}

TEST(AnalysisLanguages, RejectsMalformedTags) {
  for (const char* tag : {"e", "english", "en US", "en-", "-en", "fr--be", "fr-toolongsubtag",
                          "1en", "en\n", "\xc3\xa9n"}) {
    absl::StatusOr<std::string> language = AnalysisLanguageOf(tag);
    EXPECT_EQ(language.status().code(), absl::StatusCode::kInvalidArgument) << tag;
    EXPECT_THAT(language.status().message(), HasSubstr("malformed language tag")) << tag;
  }
}

TEST(AnalysisLanguages, NamesTheSnowballAlgorithm) {
  EXPECT_STREQ(SnowballAlgorithmOf("en"), "english");
  EXPECT_STREQ(SnowballAlgorithmOf("nb-NO"), "norwegian");
  EXPECT_EQ(SnowballAlgorithmOf("ca"), nullptr);
  EXPECT_EQ(SnowballAlgorithmOf("xx"), nullptr);
}

}  // namespace
}  // namespace docsearch
