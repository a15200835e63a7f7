#include "cli/compare_printer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "absl/strings/str_split.h"
#include "cli/terminal_text.h"

namespace docsearch::cli {
namespace {

namespace v1 = docsearch::v1;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

v1::CompareDocumentsResponse SeedPair() {
  v1::CompareDocumentsResponse response;
  v1::ComparedDocument* a = response.mutable_a();
  a->set_id("2001-12-07-nato-russia-joint-statement");
  a->set_title("NATO-Russia Joint Statement");
  a->mutable_published()->set_year(2001);
  a->mutable_published()->set_month(12);
  a->mutable_published()->set_day(7);
  a->set_paragraph_count(3);
  v1::ComparedDocument* b = response.mutable_b();
  b->set_id("2003-12-04-nato-update");
  b->set_title("A new spirit of cooperation");
  b->mutable_published()->set_year(2003);
  b->set_paragraph_count(12);
  response.set_days_between(727);
  v1::Similarity* similarity = response.mutable_similarity();
  similarity->set_cosine(0.4213);
  similarity->set_shingle_jaccard(0.05);
  similarity->set_minhash_resemblance(0.0625);
  similarity->set_simhash_distance(21);

  v1::ComparedPhrase* shared = response.add_shared_phrases();
  shared->set_text("missile defence");
  shared->add_forms_a("missile defence");
  shared->add_forms_b("Missile Defence");
  shared->set_count_a(2);
  shared->set_count_b(3);
  v1::ComparedPhrase* different = response.add_shared_phrases();
  different->set_text("civil emergency");
  different->add_forms_a("civil emergencies");
  different->add_forms_b("civil emergency planning");
  different->set_count_a(1);
  different->set_count_b(2);
  v1::ComparedPhrase* only_a = response.add_only_a_phrases();
  only_a->set_text("Permanent Joint Council");
  only_a->set_count_a(4);

  v1::ComparedTerm* term = response.add_shared_terms();
  term->set_term("russia");
  term->set_text("russia");
  term->set_count_a(5);
  term->set_count_b(3);
  for (const char* stem : {"terror", "ministr", "council"}) {
    v1::ComparedTerm* only = response.add_only_a_terms();
    only->set_term(stem);
    only->set_count_a(1);
  }
  response.mutable_only_a_terms(0)->set_text("terrorism");
  v1::ComparedEntity* entity = response.add_shared_entities();
  entity->set_type(v1::ENTITY_TYPE_PLACE);
  entity->set_name("Russia");
  entity->set_count_a(4);
  entity->set_count_b(2);

  v1::ParagraphPair* pair = response.add_paragraph_pairs();
  pair->set_a_index(0);
  pair->set_b_index(10);
  pair->set_similarity(0.614);
  response.add_unaligned_a(1);
  response.add_unaligned_a(2);
  return response;
}

CompareSides SeedSides() {
  CompareSides sides;
  sides.paragraphs_a = {
      "We, the Foreign Ministers of the NATO-Russia Permanent Joint Council, "
      "met today in Brussels.",
      "Second.", "Third."};
  sides.paragraphs_b.assign(12, "other");
  sides.paragraphs_b[10] = "The NATO-Russia Council met\nin Brussels.";
  return sides;
}

TEST(RenderComparison, NamesBothSidesAndTheDateDifference) {
  const std::string out = RenderComparison(SeedPair(), SeedSides(), {});

  EXPECT_THAT(out, HasSubstr("A  2001-12-07-nato-russia-joint-statement\n"
                             "   2001-12-07 · 3 paragraphs · NATO-Russia Joint Statement\n"
                             "B  2003-12-04-nato-update\n"
                             "   2003 · 12 paragraphs · A new spirit of cooperation\n"
                             "Dates: B is 727 days after A (2.0 years)\n"));
}

TEST(RenderComparison, PrintsEverySimilarityMeasure) {
  EXPECT_THAT(RenderComparison(SeedPair(), SeedSides(), {}),
              HasSubstr("Similarity  cosine 0.42 · shingles 0.05 · MinHash 0.06 · "
                        "SimHash distance 21/64\n"));
}

TEST(RenderComparison, SharedPhrasesShowBothSurfaceFormsWhenTheyDiffer) {
  const std::string out = RenderComparison(SeedPair(), SeedSides(), {});

  EXPECT_THAT(out, HasSubstr("Phrases (occurrences A/B)\n"
                             "  shared  missile defence 2/3; "
                             "civil emergencies ~ civil emergency planning 1/2\n"
                             "  only A  Permanent Joint Council 4\n"
                             "  only B  -\n"));
}

TEST(RenderComparison, TermsUseTheSurfaceFormAndAreCutToTop) {
  const std::string out = RenderComparison(SeedPair(), SeedSides(), {.top = 2});

  EXPECT_THAT(out, HasSubstr("Terms (occurrences A/B)\n"
                             "  shared  russia 5/3\n"
                             "  only A  terrorism 1, ministr 1, (+1 more)\n"));
  EXPECT_THAT(out, HasSubstr("Entities (mentions A/B)\n  shared  Russia 4/2\n"));
}

TEST(RenderComparison, AlignmentShowsTheStartOfEachParagraph) {
  const std::string out = RenderComparison(SeedPair(), SeedSides(), {.excerpt_chars = 30});

  EXPECT_THAT(out, HasSubstr("Paragraphs aligned: 1 (A has 3, B has 12)\n"
                             "  0.61  A[0]   We, the Foreign Ministers of…\n"
                             "        B[10]  The NATO-Russia Council met i…\n"
                             "Unmatched A: 1, 2\n"
                             "Unmatched B: -\n"));
}

TEST(RenderComparison, WithoutParagraphTextsShowsIndicesOnly) {
  const std::string out = RenderComparison(SeedPair(), CompareSides(), {});

  EXPECT_THAT(out, HasSubstr("  0.61  A[0]\n        B[10]\n"));
}

TEST(RenderComparison, RawTextSideIsNamedByItsLabelAndDatesMayBeUnknown) {
  v1::CompareDocumentsResponse response = SeedPair();
  response.mutable_b()->Clear();
  response.mutable_b()->set_paragraph_count(1);
  response.clear_days_between();
  CompareSides sides;
  sides.label_b = "text notes.txt";

  const std::string out = RenderComparison(response, sides, {});

  EXPECT_THAT(out,
              HasSubstr("B  text notes.txt\n   undated · 1 paragraph\nDates: not both known\n"));
}

TEST(RenderComparison, WrapsListsAndCutsExcerptsToTheTerminalWidth) {
  v1::CompareDocumentsResponse response = SeedPair();
  for (int i = 0; i < 30; ++i) {
    v1::ComparedTerm* term = response.add_only_b_terms();
    term->set_text("somewhatlongword");
    term->set_count_b(i);
  }
  response.mutable_only_a_phrases(0)->set_text(
      "range of important Euro-Atlantic security issues and a very long tail of words");
  CompareSides sides = SeedSides();
  sides.paragraphs_a[0] = std::string(200, 'x');

  const std::string out = RenderComparison(response, sides, {.width = 60, .top = 30});

  for (absl::string_view line : absl::StrSplit(out, '\n')) {
    EXPECT_LE(DisplayWidth(line), 60) << line;
  }
  EXPECT_THAT(out, HasSubstr("\n          somewhatlongword"));  // Continuation indent.
}

TEST(SplitRawParagraphs, BlankLinesSeparateParagraphsAsOnTheServer) {
  EXPECT_THAT(SplitRawParagraphs("First line\r\nstill first\r\n\r\nSecond\n\n\n\n  Third  \n"),
              ElementsAre("First line\nstill first", "Second", "Third"));
  EXPECT_THAT(SplitRawParagraphs("  \n\n "), ElementsAre());
}

}  // namespace
}  // namespace docsearch::cli
