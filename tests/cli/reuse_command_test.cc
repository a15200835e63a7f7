// `docsearch reuse`: ID#N and --text become requests; the timeline printed.
#include "cli/reuse_command.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace docsearch::cli {
namespace {

using ::testing::HasSubstr;

TEST(BuildReuseRequest, ReadsIdHashParagraphFromOne) {
  ReuseOptions options;
  options.passage = "2001-12-07-nato-russia-joint-statement#3";
  options.filter.doc_types = {"press_statement"};
  auto request = BuildReuseRequest(options);
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->passage().id(), "2001-12-07-nato-russia-joint-statement");
  EXPECT_EQ(request->passage().paragraph_index(), 2);
  EXPECT_TRUE(request->has_filter());
  for (const char* bad : {"doc", "doc#0", "doc#x", "#2"}) {
    options.passage = bad;
    EXPECT_EQ(BuildReuseRequest(options).status().code(), absl::StatusCode::kInvalidArgument)
        << bad;
  }
  options.passage = "doc#1";
  options.text_path = "file.txt";
  EXPECT_THAT(BuildReuseRequest(options).status().message(), HasSubstr("not both"));
}

TEST(RenderReuse, PrintsADatedTimelineWithTheFirstSource) {
  docsearch::v1::FindPassageReuseResponse response;
  response.set_candidates_checked(4);
  auto* first = response.add_passages();
  first->set_id("original");
  first->mutable_published()->set_year(2001);
  first->mutable_published()->set_month(12);
  first->mutable_published()->set_day(7);
  first->set_paragraph_index(2);
  first->set_similarity(1);
  first->set_containment(1);
  first->set_first_known_source(true);
  first->set_text("We condemn terrorism");
  auto* copy = response.add_passages();
  copy->set_id("mirror");
  copy->set_paragraph_index(0);
  copy->set_similarity(0.8);
  copy->set_is_query(true);
  const std::string printed = RenderReuse(response);
  EXPECT_THAT(printed, HasSubstr("2 passages, oldest first (4 candidates checked)"));
  EXPECT_THAT(printed, HasSubstr("2001-12-07  original#3  similarity 1.00  contained 100%  << "
                                 "first known source"));
  EXPECT_THAT(printed, HasSubstr("undated     mirror#1  similarity 0.80"));
  EXPECT_THAT(printed, HasSubstr("(the paragraph looked for)"));
  EXPECT_THAT(RenderReuse({}), HasSubstr("No passage repeats it"));
}

}  // namespace
}  // namespace docsearch::cli
