// Acronyms expanded at query time from what the indexed documents define
// (search/acronym_expansion.h), seen through Search.
#include <memory>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "query_service/search/search_index.h"
#include "query_service/server/search_request_mapping.h"
#include "tests/query_service/server/hit_ids.h"
#include "tests/query_service/server/one_paragraph_document.h"

namespace docsearch::query {
namespace {

using ::docsearch::v1::Document;
using ::docsearch::v1::SearchRequest;
using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

std::unique_ptr<Document> MakeDocument(const std::string& id, const std::string& body,
                                       const std::string& language = "en") {
  return OneParagraphDocument(id, "Statement", body, language);
}

class AcronymSearchTest : public ::testing::Test {
 protected:
  AcronymSearchTest() : index_(SearchOptions{}) {
    // Defines the acronym once and then uses it.
    Add(MakeDocument("defines",
                     "Experts met on Theatre Missile Defence (TMD). TMD studies go on."));
    // Only the long form, never the acronym.
    Add(MakeDocument("long", "A study of theatre missile defence for deployed forces."));
    // Only the acronym.
    Add(MakeDocument("short", "The TMD exercise ended."));
    Add(MakeDocument("other", "Ministers discussed the budget."));
  }

  void Add(std::unique_ptr<Document> document) {
    ASSERT_TRUE(index_.Upsert(std::move(document)).ok());
  }

  std::vector<std::string> Ids(const std::string& query_string, const std::string& language = "") {
    return HitIds(index_, query_string, language);
  }

  SearchIndex index_;
};

TEST_F(AcronymSearchTest, AnAcronymAlsoFindsItsLongFormRankedBelowTheAcronymItself) {
  // "long" never says TMD: before, it was not found.
  const std::vector<std::string> ids = Ids("TMD");
  EXPECT_THAT(ids, UnorderedElementsAre("defines", "short", "long"));
  EXPECT_EQ(ids.back(), "long");
}

TEST_F(AcronymSearchTest, ALongFormAlsoFindsItsAcronym) {
  const std::vector<std::string> ids = Ids("theatre missile defense");
  EXPECT_THAT(ids, UnorderedElementsAre("defines", "long", "short"));
  EXPECT_EQ(ids.back(), "short");  // Holds only the acronym.
}

TEST_F(AcronymSearchTest, LowerCaseWordsAndOtherLanguagesAreNotExpanded) {
  EXPECT_THAT(Ids("tmd"), UnorderedElementsAre("defines", "short"));
  // An English definition does not expand a French query.
  EXPECT_THAT(Ids("TMD", "fr"), UnorderedElementsAre("defines", "short"));
}

TEST_F(AcronymSearchTest, AnExpansionGoesWithTheLastDocumentDefiningIt) {
  ASSERT_TRUE(index_.Delete("defines").ok());
  EXPECT_THAT(Ids("TMD"), ElementsAre("short"));
  Add(MakeDocument("defines-again", "On Theatre Missile Defence (TMD)."));
  EXPECT_THAT(Ids("TMD"), UnorderedElementsAre("defines-again", "short", "long"));
}

TEST_F(AcronymSearchTest, QuotedAcronymsAndExclusionsAreTakenAsTyped) {
  EXPECT_THAT(Ids("\"TMD\""), UnorderedElementsAre("defines", "short"));
  EXPECT_THAT(Ids("ministers -TMD"), ElementsAre("other"));
}

}  // namespace
}  // namespace docsearch::query
