#include "query_service/search/query_string_parser.h"

#include <google/protobuf/text_format.h>

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace docsearch::query {
namespace {

using ::docsearch::v1::Query;
using ::testing::HasSubstr;

absl::StatusOr<FieldKind> KindOf(absl::string_view field) {
  if (field == "title" || field == "body") return FieldKind::kText;
  if (field == "doc_type" || field == "language") return FieldKind::kKeyword;
  if (field == "published") return FieldKind::kDate;
  if (field == "attributes.pages") return FieldKind::kNumber;
  return absl::InvalidArgumentError(absl::StrCat("unknown field '", field, "'"));
}

Query Parse(absl::string_view text) {
  absl::StatusOr<Query> query = ParseQueryString(text, KindOf);
  EXPECT_TRUE(query.ok()) << query.status();
  return query.ok() ? *query : Query();
}

Query FromText(const std::string& text_format) {
  Query query;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text_format, &query)) << text_format;
  return query;
}

MATCHER_P(EqualsProto, expected, "") {
  return arg.SerializeAsString() == expected.SerializeAsString();
}

std::string Error(absl::string_view text) {
  absl::StatusOr<Query> query = ParseQueryString(text, KindOf);
  EXPECT_EQ(query.status().code(), absl::StatusCode::kInvalidArgument) << text;
  return std::string(query.status().message());
}

TEST(QueryStringParser, ReadsABareWordAsAMatchOnTitleAndBody) {
  EXPECT_THAT(Parse("terrorism"), EqualsProto(FromText(R"pb(match { text: "terrorism" })pb")));
}

TEST(QueryStringParser, ReadsTheIssueExample) {
  EXPECT_THAT(
      Parse(
          R"(title:russia AND "missile defence" published:[2001-01-01 TO 2003-12-31] -doc_type:speech)"),
      EqualsProto(FromText(R"pb(
        boolean {
          must {
            match {
              text: "russia"
              fields { field: "title" }
            }
          }
          must { phrase { text: "missile defence" } }
          filter { range { field: "published" gte: "2001-01-01" lte: "2003-12-31" } }
          must_not { term { field: "doc_type" value: "speech" } }
        })pb")));
}

TEST(QueryStringParser, BindsAndTighterThanOr) {
  EXPECT_THAT(Parse("a AND b OR c"), EqualsProto(FromText(R"pb(
                boolean {
                  should {
                    boolean {
                      must { match { text: "a" } }
                      must { match { text: "b" } }
                    }
                  }
                  should { match { text: "c" } }
                  minimum_should_match: 1
                })pb")));
}

TEST(QueryStringParser, JoinsBareWordsWithOrIntoOneRankedMatch) {
  // Fails before default OR: every word was required, and no document of
  // the corpus holds all four.
  EXPECT_THAT(Parse("burden sharing defence spending"),
              EqualsProto(FromText(R"pb(match { text: "burden sharing defence spending" })pb")));
  EXPECT_THAT(Parse("a b OR c"), EqualsProto(FromText(R"pb(
                boolean {
                  should { match { text: "a b" } }
                  should { match { text: "c" } }
                  minimum_should_match: 1
                })pb")));
}

TEST(QueryStringParser, PlusAndAndStillRequire) {
  EXPECT_THAT(Parse("+russia missile defence"), EqualsProto(FromText(R"pb(
                boolean {
                  must { match { text: "russia" } }
                  should { match { text: "missile" } }
                  should { match { text: "defence" } }
                })pb")));
  EXPECT_THAT(Parse("russia AND missile defence"), EqualsProto(FromText(R"pb(
                boolean {
                  must { match { text: "russia" } }
                  must { match { text: "missile" } }
                  should { match { text: "defence" } }
                })pb")));
}

TEST(QueryStringParser, KeepsFiltersRequiredBesideOptionalWords) {
  EXPECT_THAT(Parse("missile defence doc_type:speech -terrorism"), EqualsProto(FromText(R"pb(
                boolean {
                  must { match { text: "missile defence" } }
                  filter { term { field: "doc_type" value: "speech" } }
                  must_not { match { text: "terrorism" } }
                })pb")));
}

TEST(QueryStringParser, AddsAdjacentWordPairsAsBoostedPhrases) {
  QueryStringOptions options;
  options.proximity_boost = 0.25f;
  absl::StatusOr<Query> query =
      ParseQueryString("north atlantic cooperation council -speech", KindOf, {}, options);
  ASSERT_TRUE(query.ok()) << query.status();
  // The words decide the matches; the pairs only add to the score.
  EXPECT_THAT(*query, EqualsProto(FromText(R"pb(
    boolean {
      must { match { text: "north atlantic cooperation council" } }
      should { phrase { text: "north atlantic" boost: 0.25 } }
      should { phrase { text: "atlantic cooperation" boost: 0.25 } }
      should { phrase { text: "cooperation council" boost: 0.25 } }
      must_not { match { text: "speech" } }
    })pb")));
  // One word: nothing to pair.
  absl::StatusOr<Query> single = ParseQueryString("KFOR", KindOf, {}, options);
  ASSERT_TRUE(single.ok());
  EXPECT_THAT(*single, EqualsProto(FromText(R"pb(match { text: "KFOR" })pb")));
}

TEST(QueryStringParser, PairsAHyphenatedCompoundWithItsNeighbour) {
  QueryStringOptions options;
  options.proximity_boost = 0.25f;
  absl::StatusOr<Query> query = ParseQueryString("NATO-Russia Council", KindOf, {}, options);
  ASSERT_TRUE(query.ok()) << query.status();
  // The compound and the word keep their own matching (either of them); the
  // pair only adds to the score, so it is not counted among them.
  EXPECT_THAT(*query, EqualsProto(FromText(R"pb(
    boolean {
      must {
        boolean {
          should {
            boolean {
              should { phrase { text: "NATO-Russia" } }
              should { match { text: "NATORussia" } }
              minimum_should_match: 1
            }
          }
          should { match { text: "Council" } }
          minimum_should_match: 1
        }
      }
      should { phrase { text: "NATO-Russia Council" boost: 0.25 } }
    })pb")));
  // minimum_should_match still counts the typed words, not the pairs.
  options.minimum_should_match = 3;
  absl::StatusOr<Query> all = ParseQueryString("NATO-EU summit Prague", KindOf, {}, options);
  ASSERT_TRUE(all.ok()) << all.status();
  ASSERT_EQ(all->boolean().must_size(), 1);
  EXPECT_EQ(all->boolean().must(0).boolean().should_size(), 3);
  EXPECT_EQ(all->boolean().must(0).boolean().minimum_should_match(), 3);
  ASSERT_EQ(all->boolean().should_size(), 2);
  EXPECT_EQ(all->boolean().should(0).phrase().text(), "NATO-EU summit");
  EXPECT_EQ(all->boolean().should(1).phrase().text(), "summit Prague");
  // A field, quotes or "+" make a structured query: no pairs are added.
  absl::StatusOr<Query> structured = ParseQueryString("NATO-Russia +Council", KindOf, {}, options);
  ASSERT_TRUE(structured.ok());
  for (const Query& should : structured->boolean().should()) {
    EXPECT_EQ(should.phrase().boost(), 0) << should.DebugString();
  }
}

TEST(QueryStringParser, FindsAPrefixedWordsRootAtALowerWeight) {
  EXPECT_THAT(Parse("non-proliferation"), EqualsProto(FromText(R"pb(
                boolean {
                  should { match { text: "nonproliferation" } }
                  should { phrase { text: "proliferation" boost: 0.5 } }
                  minimum_should_match: 1
                })pb")));
  // After "co" or a prefix that changes the topic, and for a short root,
  // the closed form alone.
  EXPECT_THAT(Parse("co-operation"), EqualsProto(FromText(R"pb(match { text: "cooperation" })pb")));
  EXPECT_THAT(Parse("multi-year"), EqualsProto(FromText(R"pb(match { text: "multiyear" })pb")));
  EXPECT_THAT(Parse("pre-war"), EqualsProto(FromText(R"pb(match { text: "prewar" })pb")));
  EXPECT_THAT(Parse("non-binding"), EqualsProto(FromText(R"pb(match { text: "nonbinding" })pb")));
}

TEST(QueryStringParser, PairsStayOptionalBesideExclusionsAndMinimumShouldMatch) {
  QueryStringOptions options;
  options.proximity_boost = 0.25f;
  // An excluded compound is no part of the scoring group.
  absl::StatusOr<Query> excluded =
      ParseQueryString("nuclear weapons -NATO-Russia", KindOf, {}, options);
  ASSERT_TRUE(excluded.ok()) << excluded.status();
  ASSERT_EQ(excluded->boolean().must_size(), 1);
  EXPECT_EQ(excluded->boolean().must(0).match().text(), "nuclear weapons");
  EXPECT_EQ(excluded->boolean().must_not_size(), 1);
  // minimum_should_match counts the words, never the pairs: a document
  // holding the words apart still matches.
  options.minimum_should_match = 1;
  for (const char* text : {"north atlantic council", "NATO-Russia Council"}) {
    absl::StatusOr<Query> query = ParseQueryString(text, KindOf, {}, options);
    ASSERT_TRUE(query.ok()) << query.status();
    EXPECT_EQ(query->boolean().minimum_should_match(), 0) << text;
    for (const Query& should : query->boolean().should()) {
      EXPECT_GT(should.phrase().boost(), 0) << text;
    }
  }
}

TEST(QueryStringParser, MakesNoPairWithAFunctionWord) {
  QueryStringOptions options;
  options.proximity_boost = 0.25f;
  options.is_function_word = [](absl::string_view word) {
    return word == "de" || word == "du" || word == "to" || word == "be";
  };
  absl::StatusOr<Query> query =
      ParseQueryString("prise de fonctions du secretaire general", KindOf, {}, options);
  ASSERT_TRUE(query.ok()) << query.status();
  // The function words still score; only "secretaire general" is a pair.
  EXPECT_THAT(*query, EqualsProto(FromText(R"pb(
    boolean {
      must { match { text: "prise de fonctions du secretaire general" } }
      should { phrase { text: "secretaire general" boost: 0.25 } }
    })pb")));
  // No pair left: the words alone.
  absl::StatusOr<Query> none = ParseQueryString("accords de Rambouillet", KindOf, {}, options);
  ASSERT_TRUE(none.ok());
  EXPECT_THAT(*none, EqualsProto(FromText(R"pb(match { text: "accords de Rambouillet" })pb")));
  // Only function words: their pairs are all the query has.
  absl::StatusOr<Query> only = ParseQueryString("to be", KindOf, {}, options);
  ASSERT_TRUE(only.ok());
  EXPECT_THAT(*only, EqualsProto(FromText(R"pb(
    boolean {
      must { match { text: "to be" } }
      should { phrase { text: "to be" boost: 0.25 } }
    })pb")));
}

TEST(QueryStringParser, DefaultOperatorAndRequiresEveryClause) {
  QueryStringOptions options;
  options.default_and = true;
  absl::StatusOr<Query> query = ParseQueryString("a b", KindOf, {}, options);
  ASSERT_TRUE(query.ok()) << query.status();
  EXPECT_THAT(*query, EqualsProto(FromText(R"pb(
    boolean {
      must { match { text: "a" } }
      must { match { text: "b" } }
    })pb")));
}

TEST(QueryStringParser, AppliesMinimumShouldMatchToTheWords) {
  QueryStringOptions options;
  options.minimum_should_match = 2;
  absl::StatusOr<Query> two = ParseQueryString("a b c", KindOf, {}, options);
  ASSERT_TRUE(two.ok()) << two.status();
  EXPECT_THAT(*two,
              EqualsProto(FromText(R"pb(match { text: "a b c" minimum_should_match: 2 })pb")));
  options.minimum_should_match = 5;  // More than there are: all of them.
  absl::StatusOr<Query> all = ParseQueryString("a b c", KindOf, {}, options);
  ASSERT_TRUE(all.ok()) << all.status();
  EXPECT_THAT(*all,
              EqualsProto(FromText(R"pb(match { text: "a b c" operator: MATCH_OPERATOR_AND })pb")));
  options.minimum_should_match = 2;
  absl::StatusOr<Query> mixed = ParseQueryString(R"(a b "c d")", KindOf, {}, options);
  ASSERT_TRUE(mixed.ok()) << mixed.status();
  EXPECT_THAT(*mixed, EqualsProto(FromText(R"pb(
    boolean {
      should { phrase { text: "c d" } }
      should { match { text: "a" } }
      should { match { text: "b" } }
      minimum_should_match: 2
    })pb")));
  options.minimum_should_match = -1;
  EXPECT_EQ(ParseQueryString("a", KindOf, {}, options).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(QueryStringParser, GroupsWithParenthesesAndNegatesWithNot) {
  EXPECT_THAT(Parse("NOT (a OR b)"), EqualsProto(FromText(R"pb(
                boolean {
                  must_not {
                    boolean {
                      should { match { text: "a" } }
                      should { match { text: "b" } }
                      minimum_should_match: 1
                    }
                  }
                })pb")));
}

TEST(QueryStringParser, ReadsPhraseSlopPrefixesAndOpenRanges) {
  EXPECT_THAT(Parse(R"("missile defence"~2)"),
              EqualsProto(FromText(R"pb(phrase { text: "missile defence" slop: 2 })pb")));
  EXPECT_THAT(Parse("title:defen*"),
              EqualsProto(FromText(R"pb(prefix { field: "title" prefix: "defen" })pb")));
  EXPECT_THAT(Parse("published:{2001 TO *]"),
              EqualsProto(FromText(R"pb(range { field: "published" gt: "2001" })pb")));
  EXPECT_THAT(Parse("published:2003"),
              EqualsProto(FromText(R"pb(range { field: "published" gte: "2003" lte: "2003" })pb")));
}

TEST(QueryStringParser, KeepsHyphenatedWordsWhole) {
  // The parts adjacent or the closed form: "NATO-Ukraine" never matches a
  // text with "NATO" or "Ukraine" alone.
  EXPECT_THAT(Parse("military-to-military"), EqualsProto(FromText(R"pb(
                boolean {
                  should { phrase { text: "military-to-military" } }
                  should { match { text: "militarytomilitary" } }
                  minimum_should_match: 1
                })pb")));
  EXPECT_THAT(Parse("NATO-Ukraine commission"), EqualsProto(FromText(R"pb(
                boolean {
                  should {
                    boolean {
                      should { phrase { text: "NATO-Ukraine" } }
                      should { match { text: "NATOUkraine" } }
                      minimum_should_match: 1
                    }
                  }
                  should { match { text: "commission" } }
                  minimum_should_match: 1
                })pb")));
  // After a bound prefix the closed form is the word, ranked with the others.
  EXPECT_THAT(Parse("co-operation with Russia"),
              EqualsProto(FromText(R"pb(match { text: "cooperation with Russia" })pb")));
}

TEST(QueryStringParser, GivesThePositionOfEachMistake) {
  EXPECT_THAT(Error("terrorism colour:red"), HasSubstr("position 11: unknown field 'colour'"));
  EXPECT_THAT(Error(R"(title:"unclosed)"), HasSubstr("position 7: unclosed"));
  EXPECT_THAT(Error("published:[2001 TO 2003-13]"), HasSubstr("position 20"));
  EXPECT_THAT(Error("title:[a TO b]"), HasSubstr("ranges need a date or number field"));
  EXPECT_THAT(Error("(a OR b"), HasSubstr("position 1: '(' is never closed"));
  EXPECT_THAT(Error("a OR"), HasSubstr("expected a clause after OR"));
  EXPECT_THAT(Error("a)"), HasSubstr("')' without a matching '('"));
  EXPECT_THAT(Error("   "), HasSubstr("empty"));
}

TEST(QueryStringParser, RefusesDeepNesting) {
  EXPECT_THAT(Error(std::string(40, '(') + "a" + std::string(40, ')')), HasSubstr("nested deeper"));
}

}  // namespace
}  // namespace docsearch::query
