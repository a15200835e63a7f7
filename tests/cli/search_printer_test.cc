#include "cli/search_printer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "cli/terminal_text.h"

namespace docsearch::cli {
namespace {

using docsearch::v1::SearchHit;
using docsearch::v1::SearchResponse;
using docsearch::v1::Snippet;
using ::testing::HasSubstr;
using ::testing::Not;

Snippet MakeSnippet(const std::string& text, std::vector<std::pair<int, int>> highlights) {
  Snippet snippet;
  snippet.set_field("body");
  snippet.set_text(text);
  for (auto [start, end] : highlights) {
    auto* highlight = snippet.add_highlights();
    highlight->set_start(start);
    highlight->set_end(end);
  }
  return snippet;
}

SearchResponse TwoHits() {
  SearchResponse response;
  SearchHit* first = response.add_hits();
  first->set_id("2001-12-07-nato-russia-joint-statement.txt");
  first->set_score(3.14159);
  first->set_title("NATO-Russia Joint Statement");
  first->set_doc_type(docsearch::v1::DOC_TYPE_PRESS_STATEMENT);
  first->mutable_published()->set_year(2001);
  first->mutable_published()->set_month(12);
  first->mutable_published()->set_day(7);
  *first->add_snippets() =
      MakeSnippet("We condemn terrorism in all its manifestations.", {{11, 20}});
  SearchHit* second = response.add_hits();
  second->set_id("undated");
  second->set_score(0.5);
  second->set_title("");
  response.set_total_size(12);
  response.set_next_page_token("page2");
  response.mutable_took()->set_nanos(1'500'000);
  return response;
}

TEST(MarkHighlights, WrapsEachHighlightedRange) {
  EXPECT_EQ(MarkHighlights(MakeSnippet("we condemn terrorism", {{3, 10}, {11, 20}}), "[", "]"),
            "we [condemn] [terrorism]");
}

TEST(MarkHighlights, MergesOverlappingAndSortsUnorderedRanges) {
  EXPECT_EQ(MarkHighlights(MakeSnippet("abcdefghij", {{6, 8}, {0, 3}, {2, 5}}), "[", "]"),
            "[abcde]f[gh]ij");
}

TEST(MarkHighlights, ClampsRangesOutsideTheTextAndDropsEmptyOnes) {
  EXPECT_EQ(MarkHighlights(MakeSnippet("short", {{-4, 2}, {3, 99}, {4, 4}}), "[", "]"),
            "[sh]o[rt]");
}

TEST(MarkHighlights, NeverSplitsAMultiByteCharacter) {
  // "défense": the é is two bytes (1 and 2); a range ending inside it grows.
  EXPECT_EQ(MarkHighlights(MakeSnippet("défense", {{0, 2}}), "[", "]"), "[dé]fense");
}

TEST(RenderSearchResponse, ShowsOneRowPerHitWithRankScoreDateTypeIdAndTitle) {
  const std::string out = RenderSearchResponse(TwoHits(), {});

  EXPECT_THAT(out, HasSubstr("#  SCORE  DATE        TYPE             ID"));
  EXPECT_THAT(out, HasSubstr("1   3.14  2001-12-07  press_statement  "
                             "2001-12-07-nato-russia-joint-statement.txt  "
                             "NATO-Russia Joint Statement\n"));
  EXPECT_THAT(out, HasSubstr("2   0.50  -           -                undated"));
  EXPECT_THAT(out, HasSubstr("(untitled)"));
}

TEST(RenderSearchResponse, MarksHighlightsWithBracketsWhenNotATerminal) {
  const std::string out = RenderSearchResponse(TwoHits(), {});

  EXPECT_THAT(out, HasSubstr("     We condemn [terrorism] in all its manifestations.\n"));
}

TEST(RenderSearchResponse, MarksHighlightsInBoldOnATerminal) {
  const std::string out = RenderSearchResponse(TwoHits(), {.width = 120, .ansi = true});

  EXPECT_THAT(out, HasSubstr("We condemn \033[1mterrorism\033[0m in all"));
  EXPECT_THAT(out, Not(HasSubstr("[terrorism]")));
}

TEST(RenderSearchResponse, ShowsTotalTookAndTheNextPageToken) {
  const std::string out = RenderSearchResponse(TwoHits(), {});

  EXPECT_THAT(out, HasSubstr("2 shown of 12 matches (took 1.50ms)\n"));
  EXPECT_THAT(out, HasSubstr("next page: --page_token=page2\n"));
}

TEST(RenderSearchResponse, LastPageHasNoNextPageLine) {
  SearchResponse response = TwoHits();
  response.clear_next_page_token();

  EXPECT_THAT(RenderSearchResponse(response, {}), Not(HasSubstr("next page")));
}

TEST(RenderSearchResponse, CutsTitlesAndSnippetsToTheTerminalWidth) {
  SearchResponse response = TwoHits();
  response.mutable_hits(0)->set_title(std::string(200, 't'));
  *response.mutable_hits(0)->mutable_snippets(0) =
      MakeSnippet(absl::StrJoin(std::vector<std::string>(100, "word"), " "), {});

  const std::string out = RenderSearchResponse(response, {.width = 100});

  for (absl::string_view line : absl::StrSplit(out, '\n')) {
    EXPECT_LE(DisplayWidth(line), 100) << line;
  }
  EXPECT_THAT(out, HasSubstr("tttt…\n"));
  EXPECT_THAT(out, HasSubstr("word…\n"));
}

TEST(RenderSearchResponse, MovesTheTitleBelowTheRowWhenLongIdsLeaveNoRoom) {
  const std::string out = RenderSearchResponse(TwoHits(), {.width = 80});

  EXPECT_THAT(out, HasSubstr("2001-12-07-nato-russia-joint-statement.txt\n"
                             "     NATO-Russia Joint Statement\n"
                             "     We condemn [terrorism]"));
}

TEST(RenderSearchResponse, SaysSoWhenNothingMatches) {
  SearchResponse response;
  response.mutable_took()->set_nanos(200'000);

  EXPECT_EQ(RenderSearchResponse(response, {}), "No documents match. (took 0.20ms)\n");
}

TEST(RenderSearchResponse, PrintsEachFacetAsATableAfterTheHits) {
  SearchResponse response = TwoHits();
  docsearch::v1::Facet* facet = response.add_facets();
  facet->set_field("doc_type");
  auto* first = facet->add_values();
  first->set_value("press_statement");
  first->set_count(1234);
  auto* second = facet->add_values();
  second->set_value("speech");
  second->set_count(3);
  response.add_facets()->set_field("entity.place");

  const std::string out = RenderSearchResponse(response, {});

  EXPECT_THAT(out, HasSubstr("next page: --page_token=page2\n"
                             "\n"
                             "doc_type\n"
                             "  press_statement  1,234\n"
                             "  speech               3\n"
                             "\n"
                             "entity.place\n"
                             "  (no values)\n"));
}

TEST(RenderSearchResponse, PrintsTheDateHistogramWithBarsScaledToTheLargestBucket) {
  SearchResponse response = TwoHits();
  for (const auto& [key, count] :
       std::vector<std::pair<std::string, int>>{{"2001", 40}, {"2002", 1}, {"2003", 20}}) {
    auto* bucket = response.add_date_histogram();
    bucket->set_key(key);
    bucket->set_count(count);
  }

  const std::string out = RenderSearchResponse(response, {});

  EXPECT_THAT(out, HasSubstr("\nPublished\n"
                             "  2001  40  " +
                             std::string(40, '#') +
                             "\n"
                             "  2002   1  #\n"
                             "  2003  20  " +
                             std::string(20, '#') + "\n"));
}

TEST(RenderSearchResponse, PrintsFacetsEvenWhenThisPageHasNoHits) {
  SearchResponse response;
  response.set_total_size(5);
  auto* bucket = response.add_date_histogram();
  bucket->set_key("2001-12");
  bucket->set_count(5);

  EXPECT_THAT(RenderSearchResponse(response, {}),
              HasSubstr("  2001-12  5  " + std::string(40, '#') + "\n"));
}

TEST(RenderSearchResponse, PrintsTheExplanationTreeUnderItsHit) {
  SearchResponse response = TwoHits();
  auto* root = response.mutable_hits(0)->mutable_explanation();
  root->set_value(3.14159);
  root->set_description("sum of:");
  auto* term = root->add_details();
  term->set_value(3.14159);
  term->set_description("weight(body:terror) = boost * idf * tf, result of:");
  auto* k1 = term->add_details();
  k1->set_value(1.2);
  k1->set_description("k1, term saturation");
  const std::string out = RenderSearchResponse(response, {});
  EXPECT_THAT(out, HasSubstr("3.142  sum of:\n"));
  EXPECT_THAT(out, HasSubstr("  3.142  weight(body:terror)"));
  EXPECT_THAT(out, HasSubstr("    1.2  k1, term saturation\n"));
  // Under the first hit, before the second.
  EXPECT_LT(out.find("k1, term"), out.find("undated"));
}

TEST(RenderSearchResponse, SaysAtLeastWhenTheTotalIsALowerBound) {
  SearchResponse response = TwoHits();
  EXPECT_THAT(RenderSearchResponse(response, {}), HasSubstr("2 shown of 12 matches"));
  response.set_total_relation(docsearch::v1::TOTAL_RELATION_GREATER_THAN_OR_EQUAL_TO);
  EXPECT_THAT(RenderSearchResponse(response, {}), HasSubstr("2 shown of at least 12 matches"));
}

}  // namespace
}  // namespace docsearch::cli
