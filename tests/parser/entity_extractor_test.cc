#include "ingest_service/parser/entity_extractor.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace docsearch::ingest {
namespace {

using ::testing::Contains;

const v1::Entity* Find(const std::vector<v1::Entity>& entities, v1::EntityType type,
                       const std::string& name) {
  for (const v1::Entity& entity : entities) {
    if (entity.type() == type && entity.name() == name) return &entity;
  }
  return nullptr;
}

constexpr char kUpdateText[] =
    "Speaking to the press on 4 December after the last ministerial meeting of the NATO-Russia "
    "Council (NRC) he was to chair, before being succeeded by Jaap de Hoop Scheffer as NATO "
    "Secretary General at the beginning of 2004, Lord Robertson said the NRC had proved itself. "
    "Ministers met in Brussels.";

TEST(EntityExtractor, ExpandsAcronymsWithTheirNames) {
  const std::vector<v1::Entity> entities = ExtractEntities(kUpdateText);
  const v1::Entity* nrc = Find(entities, v1::ENTITY_TYPE_ORGANIZATION, "NATO-Russia Council");
  ASSERT_NE(nrc, nullptr);
  EXPECT_EQ(nrc->acronym(), "NRC");
  EXPECT_EQ(nrc->mention_count(), 2);
  EXPECT_THAT(nrc->mentions(), Contains("NRC"));
}

TEST(EntityExtractor, LearnsAcronymsTheTextDefines) {
  const std::vector<v1::Entity> entities = ExtractEntities(
      "The Mediterranean Cooperation Group (MCG) met. Later the MCG agreed on a plan.");
  const v1::Entity* group =
      Find(entities, v1::ENTITY_TYPE_ORGANIZATION, "Mediterranean Cooperation Group");
  ASSERT_NE(group, nullptr);
  EXPECT_EQ(group->acronym(), "MCG");
  EXPECT_EQ(group->mention_count(), 2);
}

TEST(EntityExtractor, FindsPersonsWithAndWithoutTitles) {
  const std::vector<v1::Entity> entities = ExtractEntities(kUpdateText);
  EXPECT_NE(Find(entities, v1::ENTITY_TYPE_PERSON, "Lord Robertson"), nullptr);
  EXPECT_NE(Find(entities, v1::ENTITY_TYPE_PERSON, "Jaap de Hoop Scheffer"), nullptr);
  const std::vector<v1::Entity> solana = ExtractEntities(
      "Statement by the Secretary General of NATO, Dr. Javier Solana. President Kostunica "
      "agreed. Foreign Ministers met.");
  EXPECT_NE(Find(solana, v1::ENTITY_TYPE_PERSON, "Javier Solana"), nullptr);
  EXPECT_NE(Find(solana, v1::ENTITY_TYPE_PERSON, "Vojislav Kostunica"), nullptr);
  EXPECT_EQ(Find(solana, v1::ENTITY_TYPE_PERSON, "Ministers"), nullptr);
}

// Titles that name no one ("Foreign Ministers", a run of "Ms.") are skipped
// as a run, and a title after them still introduces its name.
TEST(EntityExtractor, FindsANameAfterRunsOfTitlesThatNameNoOne) {
  const std::vector<v1::Entity> entities = ExtractEntities(
      "Ms. Ms. Ms. met. Deputy Foreign Ministers met Prime Minister Tony Blair and Dr. "
      "Javier Solana.");
  EXPECT_NE(Find(entities, v1::ENTITY_TYPE_PERSON, "Javier Solana"), nullptr);
  EXPECT_NE(Find(entities, v1::ENTITY_TYPE_PERSON, "Tony Blair"), nullptr);
  EXPECT_EQ(Find(entities, v1::ENTITY_TYPE_PERSON, "Ministers"), nullptr);
}

// A title is read in any case and with its accents ("GENERAL", "Général");
// a word holding other characters is no title ("Dr2").
TEST(EntityExtractor, TitlesInAnyCaseAndWithAccents) {
  const std::vector<v1::Entity> entities = ExtractEntities(
      "AMBASSADOR Alexander Vershbow met Général Henri Bentégeat and Dr2 Peter Ross.");
  EXPECT_NE(Find(entities, v1::ENTITY_TYPE_PERSON, "Alexander Vershbow"), nullptr);
  EXPECT_NE(Find(entities, v1::ENTITY_TYPE_PERSON, "Henri Bentégeat"), nullptr);
  EXPECT_EQ(Find(entities, v1::ENTITY_TYPE_PERSON, "Peter Ross"), nullptr);
}

TEST(EntityExtractor, FindsPlacesIncludingFrenchForms) {
  const std::vector<v1::Entity> entities =
      ExtractEntities("Le Conseil s'est réuni à Bruxelles. Ministers met in Brussels.");
  const v1::Entity* brussels = Find(entities, v1::ENTITY_TYPE_PLACE, "Brussels");
  ASSERT_NE(brussels, nullptr);
  EXPECT_EQ(brussels->mention_count(), 2);
}

}  // namespace
}  // namespace docsearch::ingest
