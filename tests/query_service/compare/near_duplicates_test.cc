// FindNearDuplicates: republished copies are found, statements on the same
// topic are not.
#include "query_service/compare/near_duplicates.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_replace.h"
#include "common/text_fingerprint.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "query_service/compare/comparisons.h"
#include "tests/query_service/compare/compare_fixture.h"

namespace docsearch::query::compare {
namespace {

using docsearch::v1::FindNearDuplicatesRequest;
using docsearch::v1::FindNearDuplicatesResponse;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::Pair;

constexpr char kRepublishedId[] = "joint-statement-2001-republished";

// The seeds, the development corpus, and the 2001 statement republished
// under a new "Updated:" header, as the parser reads them.
std::unique_ptr<SearchIndex> IndexWithRepublishedCopy() {
  std::unique_ptr<SearchIndex> index = testing::SeedIndex(/*with_dev_corpus=*/true);
  std::string raw = testing::ReadFile(std::string(DOCSEARCH_SAMPLES) +
                                      "/2001-12-07-nato-russia-joint-statement.txt");
  raw = absl::StrReplaceAll(raw, {{"Updated: 07-Dec-2001", "Updated: 15-Jan-2002"}});
  EXPECT_TRUE(
      index->Upsert(std::make_unique<docsearch::v1::Document>(testing::Parse(raw, kRepublishedId)))
          .ok());
  return index;
}

std::vector<std::pair<std::string, std::string>> IdPairs(
    const FindNearDuplicatesResponse& response) {
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const auto& pair : response.pairs()) pairs.push_back({pair.id_a(), pair.id_b()});
  return pairs;
}

// The pairs form (FindNearDuplicatesRequest.pairs), as before clusters.
FindNearDuplicatesRequest PairsRequest() {
  FindNearDuplicatesRequest request;
  request.set_pairs(true);
  return request;
}

class NearDuplicates : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { index_ = IndexWithRepublishedCopy().release(); }
  static void TearDownTestSuite() {
    delete index_;
    index_ = nullptr;
  }
  static SearchIndex* index_;
};

SearchIndex* NearDuplicates::index_ = nullptr;

TEST_F(NearDuplicates, FindsTheStatementRepublishedUnderANewHeader) {
  Comparisons comparisons(*index_);
  FindNearDuplicatesRequest request = PairsRequest();
  request.set_id(testing::kJointStatementId);
  auto response = comparisons.FindNearDuplicates(request);
  ASSERT_TRUE(response.ok()) << response.status();
  ASSERT_THAT(IdPairs(*response), Contains(Pair(testing::kJointStatementId, kRepublishedId)));
  EXPECT_EQ(response->pairs(0).id_b(), kRepublishedId);
  EXPECT_DOUBLE_EQ(response->pairs(0).resemblance(), 1.0);
  EXPECT_LE(response->pairs(0).simhash_distance(), 3);
}

TEST_F(NearDuplicates, DoesNotConfuseTwoStatementsOnTheSameTopic) {
  Comparisons comparisons(*index_);
  FindNearDuplicatesRequest request = PairsRequest();
  request.set_id(testing::kJointStatementId);
  request.set_min_resemblance(0.3);
  auto response = comparisons.FindNearDuplicates(request);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_THAT(IdPairs(*response),
              Not(Contains(Pair(testing::kJointStatementId, testing::kUpdateId))));
}

TEST_F(NearDuplicates, ListsEveryNearDuplicatePairWithoutAnId) {
  Comparisons comparisons(*index_);
  auto response = comparisons.FindNearDuplicates(PairsRequest());
  ASSERT_TRUE(response.ok()) << response.status();
  // Pairs name the smaller id first.
  EXPECT_THAT(IdPairs(*response), Contains(Pair(testing::kJointStatementId, kRepublishedId)));
  for (const auto& pair : response->pairs()) {
    EXPECT_LT(pair.id_a(), pair.id_b());
    EXPECT_GE(pair.resemblance(), 0.8);
    EXPECT_NE(pair.id_b(), testing::kUpdateId);
  }
}

TEST(NearDuplicatesWithoutStoredFingerprints, ComputesThemAndStillTellCopiesFromNeighbours) {
  SearchIndex index{SearchOptions{}};
  const std::string statement =
      "We condemn terrorism in all its manifestations. We reiterate our deepest sympathies to "
      "the victims, and their families, of the September 11 and other terrorist attacks. We "
      "fully support UN Security Council Resolutions 1368 and 1373, and will spare no efforts "
      "in bringing to justice the perpetrators, organisers and sponsors of such acts.";
  const std::string neighbour =
      "Ministers condemned the attacks and agreed to intensify cooperation against terrorism, "
      "including the exchange of information and civil emergency planning, and to review "
      "progress at their next meeting in the spring.";
  for (const auto& [id, text] : std::vector<std::pair<std::string, std::string>>{
           {"original", statement},
           {"copy", statement + " Issued in Brussels."},
           {"neighbour", neighbour}}) {
    ASSERT_TRUE(
        index.Upsert(std::make_unique<docsearch::v1::Document>(testing::MakeDocument(id, {text})))
            .ok());
  }
  Comparisons comparisons(index);
  FindNearDuplicatesRequest request = PairsRequest();
  request.set_id("original");
  request.set_min_resemblance(0.2);
  auto response = comparisons.FindNearDuplicates(request);
  ASSERT_TRUE(response.ok()) << response.status();
  ASSERT_EQ(response->pairs_size(), 1);
  EXPECT_EQ(response->pairs(0).id_b(), "copy");
  EXPECT_GT(response->pairs(0).resemblance(), 0.8);
}

// Fingerprints stored at ingest and fingerprints computed here are one
// scheme: a document stored with its fingerprint and a copy written without
// one (under another title and footnote) have the same fingerprint.
TEST(NearDuplicatesWithSomeStoredFingerprints, ComparesStoredAndComputedOnesAlike) {
  const std::vector<std::string> paragraphs = {
      "We condemn terrorism in all its manifestations and reiterate our deepest sympathies to "
      "the victims and their families.",
      "We fully support the resolutions of the Security Council and will spare no efforts in "
      "bringing the perpetrators to justice."};
  docsearch::v1::Document stored = testing::MakeDocument("stored", paragraphs);
  stored.add_footnotes()->set_text("1. Issued at the meeting of the Council in Brussels.");
  // As the ingest parser stores it (ingest_service/parser/document_parser.cc).
  *stored.mutable_fingerprint() = ComputeTextFingerprint(FingerprintedText(stored));
  docsearch::v1::Document copy = testing::MakeDocument("copy", paragraphs);
  copy.set_title("Statement (republished)");
  copy.add_footnotes()->set_text("1. Republished on the Alliance's web site.");
  const docsearch::v1::Document neighbour = testing::MakeDocument(
      "neighbour", {"Ministers agreed to intensify cooperation against terrorism, including the "
                    "exchange of information and civil emergency planning."});
  SearchIndex index{SearchOptions{}};
  for (const docsearch::v1::Document& document : {stored, copy, neighbour}) {
    ASSERT_TRUE(index.Upsert(std::make_unique<docsearch::v1::Document>(document)).ok());
  }
  Comparisons comparisons(index);
  auto response = comparisons.FindNearDuplicates(PairsRequest());
  ASSERT_TRUE(response.ok()) << response.status();
  ASSERT_THAT(IdPairs(*response), ::testing::ElementsAre(Pair("copy", "stored")));
  EXPECT_EQ(response->pairs(0).resemblance(), 1.0);
  EXPECT_EQ(response->pairs(0).simhash_distance(), 0);
}

TEST_F(NearDuplicates, NamesTheFieldAtFault) {
  Comparisons comparisons(*index_);
  FindNearDuplicatesRequest request = PairsRequest();
  request.set_id("no-such-document");
  EXPECT_EQ(comparisons.FindNearDuplicates(request).status().code(), absl::StatusCode::kNotFound);
  request.clear_id();
  request.set_min_resemblance(1.5);
  EXPECT_THAT(comparisons.FindNearDuplicates(request).status().message(),
              HasSubstr("min_resemblance"));
  request.set_min_resemblance(0);
  request.set_max_results(-3);
  EXPECT_THAT(comparisons.FindNearDuplicates(request).status().message(), HasSubstr("max_results"));
}

}  // namespace
}  // namespace docsearch::query::compare
