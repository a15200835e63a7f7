#include "cli/search_command.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace docsearch::cli {
namespace {

using docsearch::v1::Query;
using docsearch::v1::SearchRequest;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;

SearchRequest Build(const SearchOptions& options) {
  absl::StatusOr<SearchRequest> request = BuildSearchRequest(options);
  EXPECT_TRUE(request.ok()) << request.status();
  return request.ok() ? *request : SearchRequest();
}

absl::Status BuildError(const SearchOptions& options) {
  absl::StatusOr<SearchRequest> request = BuildSearchRequest(options);
  EXPECT_FALSE(request.ok());
  return request.status();
}

std::vector<std::string> FieldNames(const docsearch::v1::MatchQuery& match) {
  std::vector<std::string> names;
  for (const auto& field : match.fields()) names.push_back(field.field());
  return names;
}

TEST(BuildSearchRequest, TextAloneIsAMatchOnTitleAndBody) {
  const SearchRequest request = Build({.text = "terrorism"});

  ASSERT_TRUE(request.query().has_match());
  EXPECT_EQ(request.query().match().text(), "terrorism");
  EXPECT_THAT(FieldNames(request.query().match()), ElementsAre("title", "body"));
  EXPECT_EQ(request.query().match().operator_(), docsearch::v1::MATCH_OPERATOR_UNSPECIFIED);
  EXPECT_EQ(request.sort(), docsearch::v1::SORT_ORDER_SCORE);
  EXPECT_EQ(request.page_size(), 0);
}

TEST(BuildSearchRequest, SendsTheLanguageOfTheWords) {
  SearchOptions options;
  options.query_string = "défense collective";
  options.language = "fr";
  EXPECT_EQ(Build(options).language(), "fr");
  options.language.clear();
  EXPECT_EQ(Build(options).language(), "");
}

TEST(BuildSearchRequest, AllRequiresEveryWord) {
  const SearchRequest request = Build({.text = "missile defence", .all_words = true});

  EXPECT_EQ(request.query().match().operator_(), docsearch::v1::MATCH_OPERATOR_AND);
}

TEST(BuildSearchRequest, PhraseSearchesTheWordsInOrder) {
  const SearchRequest request = Build({.text = "theatre missile defence", .phrase = true});

  ASSERT_TRUE(request.query().has_phrase());
  EXPECT_EQ(request.query().phrase().text(), "theatre missile defence");
  EXPECT_EQ(request.query().phrase().field(), "");
}

TEST(BuildSearchRequest, PhraseAndAllTogetherAreRejected) {
  EXPECT_THAT(std::string(BuildError({.text = "a b", .all_words = true, .phrase = true}).message()),
              StartsWith("--all"));
}

TEST(BuildSearchRequest, EmptyTextMatchesEveryDocument) {
  const SearchRequest request = Build({.text = "  ", .doc_types = {"speech"}});

  const auto& boolean = request.query().boolean();
  ASSERT_EQ(boolean.must_size(), 1);
  EXPECT_TRUE(boolean.must(0).has_match_all());
}

TEST(BuildSearchRequest, OneDocTypeIsATermFilterBesideTheText) {
  const SearchRequest request = Build({.text = "terrorism", .doc_types = {"press_statement"}});

  ASSERT_TRUE(request.query().has_boolean());
  const auto& boolean = request.query().boolean();
  ASSERT_EQ(boolean.must_size(), 1);
  EXPECT_EQ(boolean.must(0).match().text(), "terrorism");
  ASSERT_EQ(boolean.filter_size(), 1);
  ASSERT_TRUE(boolean.filter(0).has_term());
  EXPECT_EQ(boolean.filter(0).term().field(), "doc_type");
  EXPECT_EQ(boolean.filter(0).term().value(), "press_statement");
  EXPECT_EQ(boolean.should_size(), 0);
  EXPECT_EQ(boolean.must_not_size(), 0);
}

TEST(BuildSearchRequest, SeveralDocTypesRepeatedOrCommaSeparatedAreATermsFilter) {
  const SearchRequest request = Build(
      {.text = "russia", .doc_types = {"press_statement, COMMUNIQUE", "update", "communique"}});

  const auto& filter = request.query().boolean().filter(0);
  ASSERT_TRUE(filter.has_terms());
  EXPECT_EQ(filter.terms().field(), "doc_type");
  EXPECT_THAT(filter.terms().values(), ElementsAre("press_statement", "communique", "update"));
}

TEST(BuildSearchRequest, DocTypeAcceptsDashesAndTheEnumName) {
  const SearchRequest request =
      Build({.text = "x", .doc_types = {"press-release", "DOC_TYPE_CHAIRMANS_SUMMARY"}});

  EXPECT_THAT(request.query().boolean().filter(0).terms().values(),
              ElementsAre("press_release", "chairmans_summary"));
}

TEST(BuildSearchRequest, UnknownDocTypeIsRejectedNamingTheFlagAndTheKnownTypes) {
  const absl::Status status = BuildError({.text = "x", .doc_types = {"memo"}});

  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(status.message()),
              StartsWith("--doc_type: unknown document type \"memo\""));
  EXPECT_THAT(std::string(status.message()), HasSubstr("press_statement"));
}

TEST(BuildSearchRequest, DateRangeIsAnInclusiveRangeOnPublished) {
  const SearchRequest request = Build({.text = "russia", .from = "2001", .to = "2003-12-04"});

  const auto& filter = request.query().boolean().filter(0);
  ASSERT_TRUE(filter.has_range());
  EXPECT_EQ(filter.range().field(), "published");
  EXPECT_EQ(filter.range().gte(), "2001");
  EXPECT_EQ(filter.range().lte(), "2003-12-04");
  EXPECT_EQ(filter.range().gt(), "");
  EXPECT_EQ(filter.range().lt(), "");
}

TEST(BuildSearchRequest, OpenEndedRangeHasOneBound) {
  const SearchRequest request = Build({.text = "russia", .from = "2002-06"});

  const auto& range = request.query().boolean().filter(0).range();
  EXPECT_EQ(range.gte(), "2002-06");
  EXPECT_EQ(range.lte(), "");
}

TEST(BuildSearchRequest, AllFiltersTogether) {
  const SearchRequest request =
      Build({.text = "russia", .doc_types = {"update"}, .from = "2001", .to = "2003"});

  const auto& boolean = request.query().boolean();
  ASSERT_EQ(boolean.filter_size(), 2);
  EXPECT_TRUE(boolean.filter(0).has_term());
  EXPECT_TRUE(boolean.filter(1).has_range());
}

TEST(BuildSearchRequest, MalformedDateIsRejectedNamingTheFlag) {
  EXPECT_THAT(std::string(BuildError({.text = "x", .from = "2001/12"}).message()),
              StartsWith("--from: \"2001/12\" is not a date"));
  EXPECT_THAT(std::string(BuildError({.text = "x", .to = "7 Dec 2001"}).message()),
              StartsWith("--to: \"7 Dec 2001\" is not a date"));
  EXPECT_THAT(std::string(BuildError({.text = "x", .to = "01"}).message()), StartsWith("--to:"));
  EXPECT_THAT(std::string(BuildError({.text = "x", .from = "2001-1-5"}).message()),
              StartsWith("--from:"));
}

TEST(BuildSearchRequest, ImpossibleDateIsRejectedNamingTheFlag) {
  EXPECT_THAT(std::string(BuildError({.text = "x", .from = "2001-13"}).message()),
              StartsWith("--from: \"2001-13\" has no month 13"));
  EXPECT_THAT(std::string(BuildError({.text = "x", .to = "2001-02-29"}).message()),
              StartsWith("--to: \"2001-02-29\" has no day 29"));
  // 2004 is a leap year.
  Build({.text = "x", .to = "2004-02-29"});
}

TEST(BuildSearchRequest, FromAfterToIsRejected) {
  EXPECT_THAT(std::string(BuildError({.text = "x", .from = "2004", .to = "2003-12-31"}).message()),
              StartsWith("--from: 2004 is after --to=2003-12-31"));
  // The same year as both bounds covers that whole year.
  Build({.text = "x", .from = "2003", .to = "2003"});
  Build({.text = "x", .from = "2003-12-04", .to = "2003-12"});
}

TEST(BuildSearchRequest, SortNames) {
  EXPECT_EQ(Build({.text = "x", .sort = "score"}).sort(), docsearch::v1::SORT_ORDER_SCORE);
  EXPECT_EQ(Build({.text = "x", .sort = "newest"}).sort(),
            docsearch::v1::SORT_ORDER_PUBLISHED_DESC);
  EXPECT_EQ(Build({.text = "x", .sort = "oldest"}).sort(), docsearch::v1::SORT_ORDER_PUBLISHED_ASC);
  EXPECT_THAT(std::string(BuildError({.text = "x", .sort = "date"}).message()),
              StartsWith("--sort: \"date\" is not one of score, newest, oldest"));
}

TEST(BuildSearchRequest, PagingIsPassedThrough) {
  const SearchRequest request = Build({.text = "x", .page_size = 25, .page_token = "abc"});

  EXPECT_EQ(request.page_size(), 25);
  EXPECT_EQ(request.page_token(), "abc");
  EXPECT_THAT(std::string(BuildError({.text = "x", .page_size = -1}).message()),
              StartsWith("--page_size"));
}

TEST(BuildSearchRequest, ExplainAsksForScoreBreakdowns) {
  EXPECT_FALSE(Build({.text = "x"}).explain());
  EXPECT_TRUE(Build({.text = "x", .explain = true}).explain());
}

TEST(BuildSearchRequest, CollapsesNearDuplicatesUnlessTurnedOff) {
  EXPECT_TRUE(Build({.text = "x"}).collapse_duplicates());
  EXPECT_TRUE(Build({.query_string = "x"}).collapse_duplicates());
  EXPECT_FALSE(Build({.text = "x", .collapse = false}).collapse_duplicates());
}

SearchRequest Collapsing(bool collapse) {
  SearchRequest request;
  request.set_query_string("riga summit");
  request.set_collapse_duplicates(collapse);
  return request;
}

TEST(ShouldRetryWithoutCollapse,
     AnOlderCoordinatorsUnimplementedIsRetriedWhenCollapseWasTheDefault) {
  const absl::Status coordinator = absl::UnimplementedError(
      "collapse_duplicates is served by a single query service, not by a cluster coordinator");

  EXPECT_TRUE(ShouldRetryWithoutCollapse(coordinator, Collapsing(true),
                                         CollapseFallback::kRetryWithoutCollapse));
  // --collapse typed: the user asked for it, the refusal is the answer.
  EXPECT_FALSE(ShouldRetryWithoutCollapse(coordinator, Collapsing(true), CollapseFallback::kNone));
  // Nothing to drop when the request did not collapse.
  EXPECT_FALSE(ShouldRetryWithoutCollapse(coordinator, Collapsing(false),
                                          CollapseFallback::kRetryWithoutCollapse));
}

TEST(ShouldRetryWithoutCollapse, AServerWithoutClustersIsRetriedButOtherPreconditionsAreNot) {
  EXPECT_TRUE(ShouldRetryWithoutCollapse(
      absl::FailedPreconditionError("collapse_duplicates needs the near-duplicate clusters kept "
                                    "on ingest; this server runs with --duplicate_clusters=false"),
      Collapsing(true), CollapseFallback::kRetryWithoutCollapse));
  // A coordinator whose replicas keep none says so the same way.
  EXPECT_TRUE(ShouldRetryWithoutCollapse(
      absl::FailedPreconditionError(
          "collapse_duplicates needs the near-duplicate clusters kept on ingest by every replica: "
          "near-duplicate clusters across shards need them kept on ingest; this replica runs with "
          "--duplicate_clusters=false"),
      Collapsing(true), CollapseFallback::kRetryWithoutCollapse));
  EXPECT_FALSE(ShouldRetryWithoutCollapse(
      absl::FailedPreconditionError("consistency_tokens: shard 0 has not applied sequence 9"),
      Collapsing(true), CollapseFallback::kRetryWithoutCollapse));
}

TEST(ShouldRetryWithoutCollapse, ATokenOfAPageAnsweredWithoutCollapseIsRetriedWithoutIt) {
  // After a fallback, --page_token holds a plain search's token, which a
  // collapsing server refuses.
  const absl::Status plain_token = absl::InvalidArgumentError(
      "page_token is malformed or belongs to a search without collapse_duplicates; pass the "
      "next_page_token of a previous response unchanged");
  SearchRequest next_page = Collapsing(true);
  next_page.set_page_token("cGxhaW4");
  EXPECT_TRUE(
      ShouldRetryWithoutCollapse(plain_token, next_page, CollapseFallback::kRetryWithoutCollapse));
  EXPECT_FALSE(ShouldRetryWithoutCollapse(plain_token, next_page, CollapseFallback::kNone));
  EXPECT_FALSE(ShouldRetryWithoutCollapse(
      absl::InvalidArgumentError("page_token belongs to a different query or sort order"),
      next_page, CollapseFallback::kRetryWithoutCollapse));
}

TEST(ShouldRetryWithoutCollapse, MistakesInTheQueryAndUnreachableServersAreNotRetried) {
  for (const absl::Status& refusal :
       {absl::InvalidArgumentError("query_string: position 1: unknown field 'colour'"),
        absl::UnavailableError("connection refused"),
        absl::DeadlineExceededError("deadline exceeded"),
        absl::ResourceExhaustedError("too many searches")}) {
    EXPECT_FALSE(ShouldRetryWithoutCollapse(refusal, Collapsing(true),
                                            CollapseFallback::kRetryWithoutCollapse))
        << refusal;
  }
}

TEST(BuildSearchRequest, QueryStringIsSentInsteadOfATypedQuery) {
  const SearchRequest request =
      Build({.sort = "newest",
             .query_string = " title:russia AND \"missile defence\" -doc_type:speech "});

  EXPECT_EQ(request.query_string(), "title:russia AND \"missile defence\" -doc_type:speech");
  EXPECT_FALSE(request.has_query());
  EXPECT_EQ(request.sort(), docsearch::v1::SORT_ORDER_PUBLISHED_DESC);
}

TEST(BuildSearchRequest, QueryStringRefusesTheTypedQueryFlagsNamingThem) {
  const absl::Status status = BuildError({.text = "russia",
                                          .doc_types = {"speech"},
                                          .to = "2003",
                                          .phrase = true,
                                          .query_string = "title:russia"});

  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(status.message()),
              StartsWith("--query_string: cannot be combined with TEXT, --doc_type, --to, "
                         "--phrase;"));
}

TEST(BuildSearchRequest, QueryStringRefusesAll) {
  EXPECT_THAT(std::string(BuildError({.all_words = true, .query_string = "x"}).message()),
              HasSubstr("cannot be combined with --all;"));
}

TEST(BuildSearchRequest, FacetsRepeatedOrCommaSeparatedAreDeduplicatedInOrder) {
  const SearchRequest request =
      Build({.text = "x", .facets = {"doc_type, entity.place", "doc_type", "language"}});

  EXPECT_THAT(request.facets(), ElementsAre("doc_type", "entity.place", "language"));
}

TEST(BuildSearchRequest, HistogramIntervals) {
  EXPECT_EQ(Build({.text = "x"}).date_histogram(), docsearch::v1::INTERVAL_UNSPECIFIED);
  EXPECT_EQ(Build({.text = "x", .histogram = "year"}).date_histogram(),
            docsearch::v1::INTERVAL_YEAR);
  EXPECT_EQ(Build({.query_string = "x", .histogram = "month"}).date_histogram(),
            docsearch::v1::INTERVAL_MONTH);
  EXPECT_THAT(std::string(BuildError({.text = "x", .histogram = "week"}).message()),
              StartsWith("--histogram: \"week\""));
}

TEST(BuildFilterQuery, NoneOneOrABoolOfFilters) {
  absl::StatusOr<std::optional<Query>> none = BuildFilterQuery({}, "", "");
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());

  absl::StatusOr<std::optional<Query>> one = BuildFilterQuery({"speech"}, "", "");
  ASSERT_TRUE(one.ok() && one->has_value());
  EXPECT_EQ((*one)->term().value(), "speech");

  absl::StatusOr<std::optional<Query>> two = BuildFilterQuery({"speech"}, "2001", "");
  ASSERT_TRUE(two.ok() && two->has_value());
  ASSERT_EQ((*two)->boolean().filter_size(), 2);
  EXPECT_EQ((*two)->boolean().filter(1).range().gte(), "2001");
  EXPECT_EQ((*two)->boolean().must_size(), 0);

  EXPECT_FALSE(BuildFilterQuery({}, "2001/12", "").ok());
}

}  // namespace
}  // namespace docsearch::cli
