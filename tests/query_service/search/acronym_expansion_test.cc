// The acronym table learnt from documents and the query alternatives it
// gives (index/acronym_table.h, search/acronym_expansion.h).
#include "query_service/search/acronym_expansion.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "query_service/index/acronym_table.h"

namespace docsearch::query {
namespace {

using ::docsearch::v1::Document;
using ::docsearch::v1::Query;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

std::vector<std::string> Acronyms(const std::vector<AcronymPair>& pairs) {
  std::vector<std::string> out;
  for (const AcronymPair& pair : pairs) out.push_back(pair.acronym + "=" + pair.long_form);
  return out;
}

TEST(AcronymDefinitionsTest, ReadsLongFormsWhoseInitialsSpellTheAcronym) {
  TextAnalyzer analyzer;
  EXPECT_THAT(
      Acronyms(FindAcronymDefinitions(
          "exercises on Theatre Missile Defense (TMD) and a genuine European Security "
          "and Defence Identity (ESDI) within the Alliance",
          "en", analyzer)),
      ElementsAre("TMD=Theatre Missile Defense", "ESDI=European Security and Defence Identity"));
  // Function words may give a letter ("for" in PfP) or none ("of").
  EXPECT_THAT(Acronyms(FindAcronymDefinitions(
                  "joined the Partnership for Peace (PfP). Ministers of the North Atlantic "
                  "Cooperation Council (NACC) met",
                  "en", analyzer)),
              ElementsAre("PfP=Partnership for Peace", "NACC=North Atlantic Cooperation Council"));
  // Hyphenated words give one initial per part; French function words and
  // elided articles are skipped.
  EXPECT_THAT(Acronyms(FindAcronymDefinitions("the NATO-Russia Council (NRC) met", "en", analyzer)),
              ElementsAre("NRC=NATO-Russia Council"));
  EXPECT_THAT(
      Acronyms(FindAcronymDefinitions(
          "l'identité européenne de sécurité et de défense (IESD) au sein de l’Organisation du "
          "Traité de l’Atlantique Nord (OTAN)",
          "fr", analyzer)),
      ElementsAre("IESD=identité européenne de sécurité et de défense",
                  "OTAN=Organisation du Traité de l’Atlantique Nord"));
}

TEST(AcronymDefinitionsTest, IgnoresParenthesesThatAreNoDefinition) {
  TextAnalyzer analyzer;
  // Not spelled by the words before; lower case; one letter; a year; a
  // phrase broken by punctuation.
  EXPECT_THAT(FindAcronymDefinitions("talks with Russia (NRC) today, the meeting (ab) ended "
                                     "(see Annex A) in 1999 (1999); missile, defence (MD)",
                                     "en", analyzer),
              IsEmpty());
}

Document WithEntity(const std::string& language, const std::string& name,
                    const std::string& acronym, const std::vector<std::string>& mentions) {
  Document document;
  document.set_language(language);
  auto* entity = document.add_entities();
  entity->set_name(name);
  entity->set_acronym(acronym);
  for (const std::string& mention : mentions) entity->add_mentions(mention);
  return document;
}

TEST(AcronymPairsTest, TakesParserEntitiesOnlyWhenTheDocumentNamesThemInFull) {
  TextAnalyzer analyzer;
  EXPECT_THAT(Acronyms(AcronymPairsOf(
                  WithEntity("en", "NATO-Russia Council", "NRC", {"NATO-Russia Council", "NRC"}),
                  analyzer)),
              ElementsAre("NRC=NATO-Russia Council"));
  // A French document citing "ONU": the entity's English name is not in it.
  EXPECT_THAT(AcronymPairsOf(WithEntity("fr", "United Nations", "UN", {"ONU"}), analyzer),
              IsEmpty());
}

TEST(AcronymTableTest, CountsDocumentsAndForgetsPairsWhenTheirDocumentsGo) {
  TextAnalyzer analyzer;
  AcronymTable table;
  const std::vector<AcronymPair> first =
      FindAcronymDefinitions("Theatre Missile Defence (TMD)", "en", analyzer);
  const std::vector<AcronymPair> second = FindAcronymDefinitions(
      "Theatre Missile Defense (TMD) and Tactical Missile Data (TMD)", "en-GB", analyzer);
  table.Add("en", first);
  table.Add("en-GB", second);
  // British and American spellings analyse alike: one long form, two
  // documents, ranked before the one-document form.
  std::vector<AcronymTable::LongForm> forms = table.LongFormsOf("en", "TMD", 5);
  ASSERT_EQ(forms.size(), 2u);
  EXPECT_EQ(forms[0].text, "Theatre Missile Defence");
  EXPECT_EQ(forms[0].documents, 2u);
  EXPECT_EQ(forms[1].text, "Tactical Missile Data");
  EXPECT_THAT(table.AcronymsOf("en", AcronymKey("theatre missile defense", "en", analyzer), 5),
              ElementsAre("TMD"));
  // Other languages have their own table.
  EXPECT_THAT(table.LongFormsOf("fr", "TMD", 5), IsEmpty());
  table.Remove("en-GB", second);
  forms = table.LongFormsOf("en", "TMD", 5);
  ASSERT_EQ(forms.size(), 1u);
  EXPECT_EQ(forms[0].documents, 1u);
  table.Remove("en", first);
  EXPECT_THAT(table.LongFormsOf("en", "TMD", 5), IsEmpty());
  EXPECT_TRUE(table.empty());
}

class AcronymExpansionTest : public ::testing::Test {
 protected:
  AcronymExpansionTest() {
    table_.Add("en", FindAcronymDefinitions(
                         "the NATO-Russia Council (NRC) and Theatre Missile Defence (TMD)", "en",
                         analyzer_));
    table_.Add("en", FindAcronymDefinitions("the United Nations (UN)", "en", analyzer_));
  }

  TextAnalyzer analyzer_;
  AcronymTable table_;
};

TEST_F(AcronymExpansionTest, ExpandsTypedAcronymsAndLongFormsBothWays) {
  EXPECT_THAT(AcronymAlternatives("TMD cooperation", table_, "en", analyzer_, 2),
              ElementsAre("Theatre Missile Defence"));
  // A long form typed in other words that analyse alike.
  EXPECT_THAT(AcronymAlternatives("nato-russia council meetings", table_, "en", analyzer_, 2),
              ElementsAre("NRC"));
  EXPECT_THAT(AcronymAlternatives("theatre missile defense", table_, "en", analyzer_, 2),
              ElementsAre("TMD"));
}

TEST_F(AcronymExpansionTest, LeavesLowerCaseWordsOtherLanguagesAndCompoundsAlone) {
  EXPECT_THAT(AcronymAlternatives("un tmd", table_, "en", analyzer_, 2), IsEmpty());
  EXPECT_THAT(AcronymAlternatives("TMD", table_, "fr", analyzer_, 2), IsEmpty());
  EXPECT_THAT(AcronymAlternatives("UN-mandated force", table_, "en", analyzer_, 2), IsEmpty());
  // Not the acronym again when it is typed beside its long form.
  EXPECT_THAT(AcronymAlternatives("NRC NATO-Russia Council", table_, "en", analyzer_, 2),
              ElementsAre("NATO-Russia Council"));
}

TEST_F(AcronymExpansionTest, AlternativesMatchBesideTheWordsWithALowerWeight) {
  Query match;
  match.mutable_match()->set_text("TMD");
  const Query expanded = ExpandAcronyms(match, table_, "en", analyzer_, {.boost = 0.6f});
  ASSERT_TRUE(expanded.has_boolean());
  EXPECT_EQ(expanded.boolean().minimum_should_match(), 1);
  ASSERT_EQ(expanded.boolean().should_size(), 2);
  EXPECT_EQ(expanded.boolean().should(0).match().text(), "TMD");
  EXPECT_EQ(expanded.boolean().should(1).phrase().text(), "Theatre Missile Defence");
  // The weight is per word: three words share it.
  EXPECT_FLOAT_EQ(expanded.boolean().should(1).phrase().boost(), 0.2f);

  // Every word required: the alternative only adds to the score.
  match.mutable_match()->set_text("TMD cooperation");
  match.mutable_match()->set_operator_(docsearch::v1::MATCH_OPERATOR_AND);
  const Query scored = ExpandAcronyms(match, table_, "en", analyzer_, {.boost = 0.6f});
  ASSERT_EQ(scored.boolean().must_size(), 1);
  EXPECT_EQ(scored.boolean().should_size(), 1);
  EXPECT_EQ(scored.boolean().minimum_should_match(), 0);

  // Filters and exclusions are left as typed; so is everything at boost 0.
  Query filtered;
  *filtered.mutable_boolean()->add_must_not() = match;
  EXPECT_EQ(ExpandAcronyms(filtered, table_, "en", analyzer_, {.boost = 0.6f}).DebugString(),
            filtered.DebugString());
  EXPECT_EQ(ExpandAcronyms(match, table_, "en", analyzer_, {.boost = 0}).DebugString(),
            match.DebugString());
}

}  // namespace
}  // namespace docsearch::query
