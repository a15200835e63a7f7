// FindSimilar (more-like-this), on the seed statements and the development
// corpus.
#include "query_service/compare/similar_finder.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "query_service/compare/comparisons.h"
#include "tests/query_service/compare/compare_fixture.h"

namespace docsearch::query::compare {
namespace {

using docsearch::v1::FindSimilarRequest;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

FindSimilarRequest LikeId(const std::string& id, int max_results = 10) {
  FindSimilarRequest request;
  request.mutable_like()->set_id(id);
  request.set_max_results(max_results);
  return request;
}

std::vector<std::string> HitIds(const docsearch::v1::FindSimilarResponse& response) {
  std::vector<std::string> ids;
  for (const auto& hit : response.hits()) ids.push_back(hit.id());
  return ids;
}

TEST(FindSimilar, FindsTheOtherNatoRussiaStatementAndNeverTheSourceItself) {
  Comparisons comparisons(testing::SharedSeedIndex());
  auto response = comparisons.FindSimilar(LikeId(testing::kUpdateId, 20));
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_THAT(HitIds(*response), Contains(testing::kJointStatementId));
  EXPECT_THAT(HitIds(*response), Not(Contains(testing::kUpdateId)));
  EXPECT_LE(response->hits_size(), 20);
  EXPECT_GE(response->total_size(), response->hits_size());
}

TEST(FindSimilar, OrdersHitsByScoreAndSaysWhichWordsMadeThemSimilar) {
  Comparisons comparisons(testing::SharedSeedIndex());
  auto response = comparisons.FindSimilar(LikeId(testing::kJointStatementId));
  ASSERT_TRUE(response.ok()) << response.status();
  ASSERT_GE(response->hits_size(), 2);
  for (int i = 1; i < response->hits_size(); ++i) {
    EXPECT_GE(response->hits(i - 1).score(), response->hits(i).score());
  }
  for (const auto& hit : response->hits()) EXPECT_FALSE(hit.matched_terms().empty()) << hit.id();
  EXPECT_EQ(response->query_terms_size(), 25);
}

TEST(FindSimilar, StartsFromFreeText) {
  Comparisons comparisons(testing::SharedSeedIndex());
  FindSimilarRequest request;
  request.mutable_like()->set_text(
      "Airspace management and theatre missile defence: NATO and Russia improve "
      "interoperability.");
  auto response = comparisons.FindSimilar(request);
  ASSERT_TRUE(response.ok()) << response.status();
  ASSERT_FALSE(response->hits().empty());
  EXPECT_EQ(response->hits(0).id(), testing::kUpdateId);
  EXPECT_THAT(response->hits(0).matched_terms(), Contains("airspace"));
}

TEST(FindSimilar, AppliesTheTypedFilter) {
  Comparisons comparisons(testing::SharedSeedIndex());
  FindSimilarRequest request = LikeId(testing::kUpdateId, 100);
  auto* range = request.mutable_filter()->mutable_range();
  range->set_field("published");
  range->set_gte("2001-01-01");
  range->set_lte("2001-12-31");
  auto response = comparisons.FindSimilar(request);
  ASSERT_TRUE(response.ok()) << response.status();
  ASSERT_FALSE(response->hits().empty());
  for (const auto& hit : response->hits()) EXPECT_EQ(hit.published().year(), 2001) << hit.id();
}

TEST(FindSimilar, NamesTheFieldAtFault) {
  Comparisons comparisons(testing::SharedSeedIndex());
  FindSimilarRequest request;
  EXPECT_THAT(comparisons.FindSimilar(request).status().message(), HasSubstr("like"));
  request = LikeId("no-such-document");
  EXPECT_EQ(comparisons.FindSimilar(request).status().code(), absl::StatusCode::kNotFound);
  request = LikeId(testing::kUpdateId, -1);
  EXPECT_THAT(comparisons.FindSimilar(request).status().message(), HasSubstr("max_results"));
  request = LikeId(testing::kUpdateId);
  request.mutable_filter()->mutable_range()->set_field("colour");
  auto bad_filter = comparisons.FindSimilar(request);
  EXPECT_EQ(bad_filter.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(bad_filter.status().message(), HasSubstr("filter"));
}

}  // namespace
}  // namespace docsearch::query::compare
