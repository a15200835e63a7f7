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

MATCHER_P(EqualsProto, expected, "") { return arg.SerializeAsString() == expected.SerializeAsString(); }

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
      Parse(R"(title:russia AND "missile defence" published:[2001-01-01 TO 2003-12-31] -doc_type:speech)"),
      EqualsProto(FromText(R"pb(
        boolean {
          must { match { text: "russia" fields { field: "title" } } }
          must { phrase { text: "missile defence" } }
          filter { range { field: "published" gte: "2001-01-01" lte: "2003-12-31" } }
          must_not { term { field: "doc_type" value: "speech" } }
        })pb")));
}

TEST(QueryStringParser, BindsAndTighterThanOr) {
  EXPECT_THAT(Parse("a b OR c"), EqualsProto(FromText(R"pb(
                boolean {
                  should { boolean { must { match { text: "a" } } must { match { text: "b" } } } }
                  should { match { text: "c" } }
                  minimum_should_match: 1
                })pb")));
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
  EXPECT_THAT(Parse("military-to-military"),
              EqualsProto(FromText(R"pb(match { text: "military-to-military" })pb")));
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
