// `docsearch versions` and `docsearch diff`: flag checks and what is printed.
#include "cli/version_commands.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace docsearch::cli {
namespace {

using ::testing::HasSubstr;

TEST(BuildDiffRequest, ReadsVersionNumbersAndNamesABadFlag) {
  auto defaults = BuildDiffRequest("doc", "", "");
  ASSERT_TRUE(defaults.ok());
  EXPECT_EQ(defaults->from(), 0);
  EXPECT_EQ(defaults->to(), 0);
  auto numbered = BuildDiffRequest("doc", "1", "3");
  ASSERT_TRUE(numbered.ok());
  EXPECT_EQ(numbered->from(), 1);
  EXPECT_EQ(numbered->to(), 3);
  auto date = BuildDiffRequest("doc", "2001-01-01", "");
  EXPECT_EQ(date.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(date.status().message(), HasSubstr("--from"));
  EXPECT_THAT(BuildDiffRequest("doc", "", "0").status().message(), HasSubstr("--to"));
}

TEST(MarkEdits, MarksDeletionsAndInsertionsInTheNewText) {
  google::protobuf::RepeatedPtrField<docsearch::v1::WordEdit> edits;
  auto* replaced = edits.Add();
  replaced->set_from_text("12");
  replaced->set_to_text("14");
  replaced->set_to_start(4);
  replaced->set_to_end(6);
  auto* inserted = edits.Add();
  inserted->set_to_text("in Madrid");
  inserted->set_to_start(11);
  inserted->set_to_end(20);
  EXPECT_EQ(MarkEdits("Met 14 May in Madrid.", edits), "Met [-12-]{+14+} May {+in Madrid+}.");
}

TEST(RenderVersionDiff, PrintsEachKindOfChange) {
  docsearch::v1::CompareVersionsResponse response;
  response.set_id("doc");
  response.mutable_from()->set_number(1);
  response.mutable_to()->set_number(2);
  response.set_unchanged_paragraphs(3);
  auto* added = response.add_changes();
  added->set_kind(docsearch::v1::PARAGRAPH_CHANGE_KIND_ADDED);
  added->set_to_index(4);
  added->set_to_number("5");
  added->set_text("A new paragraph.");
  auto* moved = response.add_changes();
  moved->set_kind(docsearch::v1::PARAGRAPH_CHANGE_KIND_MOVED);
  moved->set_from_index(0);
  moved->set_to_index(2);
  const std::string printed = RenderVersionDiff(response);
  EXPECT_THAT(printed, HasSubstr("doc: version 1 (undated, ingested ?) -> version 2"));
  EXPECT_THAT(printed, HasSubstr("+ paragraph 5 (5) added: A new paragraph."));
  EXPECT_THAT(printed, HasSubstr("~ paragraph 3 moved from paragraph 1"));
  EXPECT_THAT(printed, HasSubstr("3 paragraphs unchanged."));
}

}  // namespace
}  // namespace docsearch::cli
