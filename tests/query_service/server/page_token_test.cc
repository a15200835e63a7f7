#include "query_service/server/page_token.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace docsearch::query {
namespace {

using ::testing::HasSubstr;

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
