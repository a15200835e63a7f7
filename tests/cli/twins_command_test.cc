// `docsearch twins`: the request built from the arguments, and the twins
// printed with their evidence.
#include "cli/twins_command.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace docsearch::cli {
namespace {

using ::testing::HasSubstr;

TEST(BuildTwinsRequest, PassesTheIdThresholdAndTop) {
  TwinsOptions options;
  options.id = "pr-2007-p07-130e";
  options.threshold = 0.3;
  options.top = 5;
  auto request = BuildTwinsRequest(options);
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->id(), "pr-2007-p07-130e");
  EXPECT_DOUBLE_EQ(request->min_score(), 0.3);
  EXPECT_EQ(request->max_results(), 5);
  options.threshold = 1.5;
  EXPECT_THAT(BuildTwinsRequest(options).status().message(), HasSubstr("--threshold"));
  options.threshold = 0;
  options.top = -1;
  EXPECT_THAT(BuildTwinsRequest(options).status().message(), HasSubstr("--top"));
  options.id.clear();
  options.top = 0;
  EXPECT_EQ(BuildTwinsRequest(options).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(RenderTwins, PrintsEachTwinWithItsEvidence) {
  docsearch::v1::ListTwinsResponse response;
  response.set_id("pr-2007-p07-130e");
  response.set_language("en");
  response.set_candidates_checked(3);
  auto* twin = response.add_twins();
  twin->set_id("pr-2007-p07-130f");
  twin->set_language("fr");
  twin->set_title("Réunion ministérielle");
  twin->mutable_published()->set_year(2007);
  twin->mutable_published()->set_month(12);
  twin->mutable_published()->set_day(7);
  twin->set_score(0.71);
  auto* evidence = twin->mutable_evidence();
  evidence->set_shared_reference("2007/130");
  evidence->set_date_difference_days(0);
  evidence->set_numbered_paragraphs(4);
  evidence->set_twin_numbered_paragraphs(4);
  evidence->set_paragraphs_matched(4);
  evidence->set_anchor_overlap(0.42);
  evidence->add_shared_anchors("2009");
  evidence->add_shared_anchors("riga");
  const std::string out = RenderTwins(response);
  EXPECT_THAT(out, HasSubstr("1 twins of pr-2007-p07-130e (en)"));
  EXPECT_THAT(out, HasSubstr("fr   pr-2007-p07-130f  score 0.71  2007-12-07"));
  EXPECT_THAT(out, HasSubstr("reference 2007/130, same date, paragraphs 4 of 4 matched by number"));
  EXPECT_THAT(out, HasSubstr("anchors 42%"));
  EXPECT_THAT(out, HasSubstr("shared: 2009 riga"));

  response.clear_twins();
  EXPECT_THAT(RenderTwins(response), HasSubstr("No twin of pr-2007-p07-130e (en)"));
}

}  // namespace
}  // namespace docsearch::cli
