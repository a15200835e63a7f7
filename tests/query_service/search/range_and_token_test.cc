#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "query_service/search/page_token.h"
#include "query_service/search/range_bound.h"

namespace docsearch::query {
namespace {

using ::testing::HasSubstr;

TEST(ParseIsoDatePeriod, CoversAWholeYearOrMonth) {
  auto year = ParseIsoDatePeriod("2001");
  ASSERT_TRUE(year.ok());
  EXPECT_EQ(year->last - year->first, 364);
  auto february = ParseIsoDatePeriod("2004-02");
  ASSERT_TRUE(february.ok());
  EXPECT_EQ(february->last - february->first, 28);  // Leap year.
}

TEST(ParseIsoDatePeriod, RejectsImpossibleDates) {
  for (const char* text : {"2001-02-30", "2001-13", "01-12-07", "7 Dec 2001", ""}) {
    EXPECT_FALSE(ParseIsoDatePeriod(text).ok()) << text;
  }
}

TEST(DateRange, NamesTheBoundAtFault) {
  auto range = DateRange("", "", "2001-99", "", "query.range");
  EXPECT_THAT(range.status().message(), HasSubstr("query.range.lte"));
}

TEST(DateRange, ExclusiveBoundsSkipTheWholePeriod) {
  auto range = DateRange("", "2001", "", "2003", "q");
  ASSERT_TRUE(range.ok());
  auto y2002 = ParseIsoDatePeriod("2002");
  EXPECT_EQ(range->first, y2002->first);
  EXPECT_EQ(range->last, y2002->last);
}

TEST(PageToken, RoundTripsTheCursorForTheSameQuery) {
  v1::SearchRequest request;
  request.mutable_query()->mutable_match()->set_text("nato");
  request.set_page_token(EncodePageToken({12000, 3.25f, "doc-7"}, RequestFingerprint(request)));
  auto cursor = DecodePageToken(request);
  ASSERT_TRUE(cursor.ok()) << cursor.status();
  ASSERT_TRUE(cursor->has_value());
  EXPECT_EQ((*cursor)->day, 12000);
  EXPECT_EQ((*cursor)->score, 3.25f);
  EXPECT_EQ((*cursor)->id, "doc-7");
  request.clear_page_token();
  EXPECT_FALSE(DecodePageToken(request)->has_value());
}

TEST(PageToken, IgnoresPageSizeButNotTheSortOrder) {
  v1::SearchRequest request;
  request.mutable_query()->mutable_match()->set_text("nato");
  const std::string token = EncodePageToken({0, 1.0f, "x"}, RequestFingerprint(request));
  request.set_page_size(50);
  request.set_page_token(token);
  EXPECT_TRUE(DecodePageToken(request).ok());
  request.set_sort(v1::SORT_ORDER_PUBLISHED_ASC);
  EXPECT_THAT(DecodePageToken(request).status().message(), HasSubstr("different query"));
}

TEST(PageToken, RejectsGarbage) {
  v1::SearchRequest request;
  request.set_page_token("AAAA");
  EXPECT_EQ(DecodePageToken(request).status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace docsearch::query
