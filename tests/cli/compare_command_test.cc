#include "cli/compare_command.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace docsearch::cli {
namespace {

using ::testing::HasSubstr;

TEST(BuildCompareRequest, TwoIdsAreTwoStoredSides) {
  absl::StatusOr<docsearch::v1::CompareDocumentsRequest> request =
      BuildCompareRequest({.id_a = "a", .id_b = "b", .top = 5});

  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->a().id(), "a");
  EXPECT_EQ(request->b().id(), "b");
  EXPECT_EQ(request->max_terms(), 5);
  EXPECT_EQ(request->max_phrases(), 5);
}

TEST(BuildCompareRequest, TextFileIsTheSecondSideAsRawText) {
  absl::StatusOr<docsearch::v1::CompareDocumentsRequest> request =
      BuildCompareRequest({.id_a = "a", .text_path = "notes.txt", .text = "First.\n\nSecond."});

  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->b().source_case(), docsearch::v1::ComparisonSide::kText);
  EXPECT_EQ(request->b().text(), "First.\n\nSecond.");
}

TEST(BuildCompareRequest, NeedsExactlyOneSecondSide) {
  EXPECT_THAT(std::string(BuildCompareRequest({.id_a = "a"}).status().message()),
              HasSubstr("needs a second ID or --text=FILE"));
  EXPECT_THAT(
      std::string(
          BuildCompareRequest({.id_a = "a", .id_b = "b", .text_path = "x"}).status().message()),
      HasSubstr("not both"));
  EXPECT_EQ(BuildCompareRequest({.id_a = "a", .id_b = "b", .top = 0}).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(ReadTextFile, MissingFileIsNotFoundNamingThePath) {
  const absl::Status status = ReadTextFile("/nonexistent/notes.txt").status();

  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(status.message(), "/nonexistent/notes.txt: no such file");
}

}  // namespace
}  // namespace docsearch::cli
