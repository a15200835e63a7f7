#include "cli/explore_commands.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace docsearch::cli {
namespace {

namespace v1 = docsearch::v1;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;

TEST(BuildSimilarRequest, FromAStoredDocumentWithTheSearchFilters) {
  absl::StatusOr<v1::FindSimilarRequest> request = BuildSimilarRequest(
      {.id = "known", .filter = {.doc_types = {"speech"}, .from = "2001"}, .top = 3});

  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->like().id(), "known");
  ASSERT_EQ(request->filter().boolean().filter_size(), 2);
  EXPECT_EQ(request->filter().boolean().filter(0).term().value(), "speech");
  EXPECT_EQ(request->filter().boolean().filter(1).range().gte(), "2001");
  EXPECT_EQ(request->max_results(), 3);
}

TEST(BuildSimilarRequest, FromFreeTextWithoutFilter) {
  absl::StatusOr<v1::FindSimilarRequest> request =
      BuildSimilarRequest({.text_path = "notes.txt", .text = "missile defence"});

  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->like().text(), "missile defence");
  EXPECT_FALSE(request->has_filter());
}

TEST(BuildSimilarRequest, RefusesNeitherOrBothSourcesAndBadFilters) {
  EXPECT_THAT(std::string(BuildSimilarRequest({}).status().message()),
              HasSubstr("needs an ID or --text=FILE"));
  EXPECT_THAT(std::string(BuildSimilarRequest({.id = "a", .text_path = "b"}).status().message()),
              HasSubstr("not both"));
  EXPECT_THAT(
      std::string(BuildSimilarRequest({.id = "a", .filter = {.to = "2003/01"}}).status().message()),
      StartsWith("--to:"));
}

TEST(BuildTrendRequest, TermsIntervalAndFilter) {
  absl::StatusOr<v1::TermTrendRequest> request =
      BuildTrendRequest({.terms = {"terrorism", " missile defence ", ""},
                         .interval = "month",
                         .filter = {.doc_types = {"communique"}}});

  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_THAT(request->terms(), ElementsAre("terrorism", "missile defence"));
  EXPECT_EQ(request->interval(), v1::INTERVAL_MONTH);
  EXPECT_EQ(request->filter().term().value(), "communique");
}

TEST(BuildTrendRequest, YearByDefaultAndOtherIntervalsRefused) {
  EXPECT_EQ(BuildTrendRequest({.terms = {"x"}})->interval(), v1::INTERVAL_YEAR);
  EXPECT_THAT(
      std::string(BuildTrendRequest({.terms = {"x"}, .interval = "week"}).status().message()),
      StartsWith("--interval: \"week\""));
  EXPECT_FALSE(BuildTrendRequest({.terms = {" "}}).ok());
}

TEST(BuildDuplicatesRequest, OneDocumentOrEveryPairWithPairs) {
  absl::StatusOr<v1::FindNearDuplicatesRequest> one =
      BuildDuplicatesRequest({.id = "known", .threshold = 0.5});
  ASSERT_TRUE(one.ok()) << one.status();
  EXPECT_EQ(one->id(), "known");
  EXPECT_DOUBLE_EQ(one->min_resemblance(), 0.5);

  absl::StatusOr<v1::FindNearDuplicatesRequest> all =
      BuildDuplicatesRequest({.filter = {.from = "2001"}, .top = 20, .pairs = true});
  ASSERT_TRUE(all.ok()) << all.status();
  EXPECT_EQ(all->id(), "");
  EXPECT_EQ(all->min_resemblance(), 0);
  EXPECT_EQ(all->filter().range().gte(), "2001");
  EXPECT_TRUE(all->pairs());
  EXPECT_EQ(all->max_results(), 20);
}

TEST(BuildDuplicatesRequest, ClustersByDefaultWithTopAsThePageSize) {
  absl::StatusOr<v1::FindNearDuplicatesRequest> clusters =
      BuildDuplicatesRequest({.top = 5, .page_token = "NEXT"});
  ASSERT_TRUE(clusters.ok()) << clusters.status();
  EXPECT_FALSE(clusters->pairs());
  EXPECT_EQ(clusters->page_size(), 5);
  EXPECT_EQ(clusters->page_token(), "NEXT");
  EXPECT_EQ(clusters->max_results(), 0);
}

TEST(BuildDuplicatesRequest, ThresholdMustBeAResemblance) {
  EXPECT_THAT(std::string(BuildDuplicatesRequest({.threshold = 1.5}).status().message()),
              StartsWith("--threshold:"));
  EXPECT_FALSE(BuildDuplicatesRequest({.threshold = -0.1}).ok());
}

TEST(BuildSetsRequest, SendsBothQueryStringsAsTyped) {
  absl::StatusOr<v1::CompareSetsRequest> request = BuildSetsRequest(
      {.query_a = "published:[* TO 2001-12-31]", .query_b = "doc_type:speech", .top = 7});

  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->query_string_a(), "published:[* TO 2001-12-31]");
  EXPECT_EQ(request->query_string_b(), "doc_type:speech");
  EXPECT_FALSE(request->has_a());
  EXPECT_EQ(request->max_terms(), 7);
}

TEST(BuildSetsRequest, RefusesAnEmptyQueryAndANegativeTop) {
  EXPECT_THAT(std::string(BuildSetsRequest({.query_a = "x", .query_b = " "}).status().message()),
              HasSubstr("QUERY_B is empty"));
  EXPECT_THAT(std::string(BuildSetsRequest({.query_b = "x"}).status().message()),
              HasSubstr("QUERY_A is empty"));
  EXPECT_THAT(
      std::string(BuildSetsRequest({.query_a = "x", .query_b = "y", .top = -1}).status().message()),
      StartsWith("--top:"));
}

}  // namespace
}  // namespace docsearch::cli
