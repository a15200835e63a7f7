// Title candidates scored without their feature strings rank the runs
// exactly as the model's SpanScore over those strings does: the same runs,
// the same scores to the bit, the same run marked as the cascade's own.
// Documents written for the test.
#include "ingest_service/parser/title_span.h"

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "ingest_service/parser/line_features.h"
#include "ingest_service/parser/line_role_model.h"
#include "ingest_service/parser/line_shape.h"
#include "ingest_service/parser/plain_text_parser.h"

namespace docsearch::ingest {
namespace {

void ExpectScoresMatchFeatures(const std::string& text) {
  std::vector<SourceLine> lines;
  int number = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) lines.push_back({line, ++number});
  v1::ParseDocumentResponse parsed;
  ParsePlainText(text, "https://ministry.example/news/statement-on-shipping.html", &parsed);
  const std::vector<LineFeatures> features = ComputeLineFeatures(lines, parsed);
  const LineRoleModel& model = EmbeddedLineRoleModel();

  const std::vector<TitleCandidate> named = TitleCandidates(lines, features, parsed);
  const std::vector<TitleCandidate> scored = ScoredTitleCandidates(
      lines, features, parsed, model.span_weights(), model.span_line_weights());
  ASSERT_GT(named.size(), 1u);
  ASSERT_EQ(scored.size(), named.size());
  int rule_choices = 0;
  for (size_t c = 0; c < named.size(); ++c) {
    EXPECT_EQ(scored[c].begin, named[c].begin) << c;
    EXPECT_EQ(scored[c].end, named[c].end) << c;
    EXPECT_TRUE(scored[c].features.empty()) << c;
    // Bitwise: a float summed in another order may differ in its last bit.
    EXPECT_EQ(scored[c].score, model.SpanScore(named[c])) << c;
    bool rule_feature = false;
    for (const std::string& feature : named[c].features) {
      rule_feature |= feature == "rule:same" || feature == "none:rule_has_none";
    }
    EXPECT_EQ(scored[c].rule_choice, rule_feature) << c;
    EXPECT_EQ(named[c].rule_choice, rule_feature) << c;
    rule_choices += rule_feature ? 1 : 0;
  }
  EXPECT_GE(rule_choices, 1);
}

TEST(TitleSpan, ScoresWithoutFeatureStringsEqualTheModelsSpanScore) {
  ExpectScoresMatchFeatures(
      "Skip to main content\nOffice of the Spokesperson\nFor Immediate Release\n\n"
      "Opening Statement\nby the Secretary General at the\nMeeting of Defence Ministers\n\n"
      "Brussels, 12 March 2009\n\n"
      "Ladies and gentlemen, I welcome the agreement reached by the river commission on the "
      "rules for shipping, which will enter into force next year.\n\n"
      "The commission met in the city today to discuss the economy.\n");
  ExpectScoresMatchFeatures(
      "Home | News | Statements |\n\"NATO -- Managing the Challenges of Today,\nand "
      "Tomorrow\"\n\nSpeech by the Secretary Gen-\neral\n\nPress Release (97)87\n\n"
      "1. The Council met in permanent session.\n2. It reviewed the situation.\n");
  ExpectScoresMatchFeatures(
      "The commission met in the city today to discuss the economy and the rules.\n\n"
      "It will meet again next year, when the rules enter into force.\n");
}

// A line's case counted only as far as a run holding it could be title
// case: the full counts where it answers, and no answer only where the full
// counts fail IsTitleCase even with `other` more capitalized content words.
TEST(TitleSpan, CaseCountedInARunAgreesWithTheFullCount) {
  const std::vector<std::string> lines = {
      "Meeting of the NATO-Russia Council at Ambassadorial Level",
      "Opening Statement",
      "by the Secretary General at the",
      "Ladies and gentlemen, I welcome the agreement reached by the river commission on the "
      "rules for shipping, which will enter into force next year.",
      "The commission met in the city today to discuss the economy.",
      "Home | News | Statements | Press Releases | About",
      "  Fellow-Citizens of the Senate and House of Representatives: In meeting you again I "
      "feel much satisfaction in being able to repeat my congratulations",
      "",
      "of the",
      "2009",
  };
  int stopped = 0;
  for (const std::string& line : lines) {
    const TitleCaseCounts full = CountTitleCase(line);
    for (int other : {0, 1, 3, 8, 40, 1000}) {
      const std::optional<TitleCaseCounts> in_run = CountTitleCaseInRun(line, other);
      if (in_run.has_value()) {
        EXPECT_EQ(in_run->content_words, full.content_words) << line << " " << other;
        EXPECT_EQ(in_run->capitalized, full.capitalized) << line << " " << other;
      } else {
        ++stopped;
        EXPECT_FALSE(
            IsTitleCase(TitleCaseCounts{full.content_words + other, full.capitalized + other}))
            << line << " " << other;
      }
    }
  }
  EXPECT_GT(stopped, 0);
}

}  // namespace
}  // namespace docsearch::ingest
