// CompareSets: the significant terms and phrases of one query's documents
// against another's.
#include "query_service/compare/set_comparer.h"

#include <memory>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "query_service/compare/comparisons.h"
#include "tests/compare/compare_fixture.h"

namespace docsearch::query::compare {
namespace {

using docsearch::v1::CompareSetsRequest;
using docsearch::v1::SignificantTerm;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

void PublishedIn(const std::string& year, docsearch::v1::Query* query) {
  auto* range = query->mutable_range();
  range->set_field("published");
  range->set_gte(year);
  range->set_lte(year);
}

CompareSetsRequest Years(const std::string& a, const std::string& b) {
  CompareSetsRequest request;
  PublishedIn(a, request.mutable_a());
  PublishedIn(b, request.mutable_b());
  request.set_max_terms(200);
  return request;
}

std::vector<std::string> Texts(const google::protobuf::RepeatedPtrField<SignificantTerm>& list) {
  std::vector<std::string> texts;
  for (const SignificantTerm& term : list) texts.push_back(term.text());
  return texts;
}

TEST(LogLikelihoodRatio, IsZeroForEqualSharesAndGrowsWithTheDifference) {
  EXPECT_NEAR(LogLikelihoodRatio(10, 100, 20, 200), 0.0, 1e-9);
  EXPECT_GT(LogLikelihoodRatio(30, 100, 10, 100), 10.83);
  EXPECT_GT(LogLikelihoodRatio(30, 100, 10, 100), LogLikelihoodRatio(20, 100, 10, 100));
  EXPECT_EQ(LogLikelihoodRatio(1, 0, 1, 1), 0.0);
}

class CompareSetsOnSeeds : public ::testing::Test {
 protected:
  CompareSetsOnSeeds()
      : index_(testing::SeedIndex(/*with_dev_corpus=*/false)), comparisons_(*index_) {}
  std::unique_ptr<SearchIndex> index_;
  Comparisons comparisons_;
};

TEST_F(CompareSetsOnSeeds, SeparatesWhatOnlyEachYearSays) {
  auto response = comparisons_.CompareSets(Years("2001", "2003"));
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->documents_a(), 1);
  EXPECT_EQ(response->documents_b(), 1);
  EXPECT_THAT(Texts(response->phrases_a()), Contains("arms control"));
  EXPECT_THAT(Texts(response->phrases_a()), Contains("crisis management"));
  EXPECT_THAT(Texts(response->phrases_b()), Contains("airspace management"));
  EXPECT_THAT(Texts(response->phrases_b()), Contains("defence reform"));
  // Said in both years: significant for neither.
  EXPECT_THAT(Texts(response->phrases_a()), Not(Contains("theatre missile defence")));
  EXPECT_THAT(Texts(response->phrases_b()), Not(Contains("theatre missile defence")));
  EXPECT_THAT(Texts(response->terms_b()), Contains("interoperability"));
  EXPECT_THAT(Texts(response->terms_a()), Not(Contains("terrorism")));
  for (const SignificantTerm& term : response->terms_a()) {
    EXPECT_EQ(term.documents_a(), 1) << term.key();
    EXPECT_EQ(term.documents_b(), 0) << term.key();
  }
}

TEST(CompareSets, RanksByLogLikelihoodOnTheDevelopmentCorpus) {
  Comparisons comparisons(testing::SharedSeedIndex());
  CompareSetsRequest request;
  request.mutable_a()->mutable_match()->set_text("Russia");
  request.mutable_b()->mutable_boolean()->add_must_not()->mutable_match()->set_text("Russia");
  request.mutable_b()->mutable_boolean()->add_filter()->mutable_match_all();
  auto response = comparisons.CompareSets(request);
  ASSERT_TRUE(response.ok()) << response.status();
  ASSERT_GT(response->documents_a(), 1);
  ASSERT_GT(response->documents_b(), 1);
  ASSERT_FALSE(response->terms_a().empty());
  for (int i = 1; i < response->terms_a_size(); ++i) {
    EXPECT_GE(response->terms_a(i - 1).score(), response->terms_a(i).score());
  }
  EXPECT_EQ(response->terms_a(0).text(), "russia");
}

TEST(CompareSets, NamesTheFieldAtFault) {
  Comparisons comparisons(testing::SharedSeedIndex());
  CompareSetsRequest request;
  EXPECT_THAT(comparisons.CompareSets(request).status().message(), HasSubstr("a is required"));
  request.mutable_a()->mutable_match_all();
  EXPECT_THAT(comparisons.CompareSets(request).status().message(), HasSubstr("b is required"));
  request.mutable_b()->mutable_term()->set_field("colour");
  auto bad = comparisons.CompareSets(request);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(bad.status().message(), HasSubstr("b."));
  request.mutable_b()->mutable_match_all();
  request.set_max_terms(-1);
  EXPECT_THAT(comparisons.CompareSets(request).status().message(), HasSubstr("max_terms"));
}

}  // namespace
}  // namespace docsearch::query::compare
