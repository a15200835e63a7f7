// Which algorithm the planner (query_planner.h) picks for each query shape
// and response need.
#include "query_service/search/query_planner.h"

#include "gtest/gtest.h"

namespace docsearch::query {
namespace {

using docsearch::v1::Query;

Query Match(const std::string& text) {
  Query query;
  query.mutable_match()->set_text(text);
  return query;
}

TEST(QueryPlannerTest, AnOrMatchRunsMaxScoreAndAnAndMatchTheConjunction) {
  const Query any = Match("summit declaration");
  QueryPlan plan = PlanQuery(any, "query", false, QueryLimits{});
  EXPECT_EQ(plan.algorithm, TopKAlgorithm::kMaxScore);
  EXPECT_EQ(plan.scored, &any);
  EXPECT_EQ(plan.scored_path, "query");
  EXPECT_EQ(plan.filters, nullptr);

  Query all = Match("summit declaration");
  all.mutable_match()->set_operator_(v1::MATCH_OPERATOR_AND);
  EXPECT_EQ(PlanQuery(all, "query", false, QueryLimits{}).algorithm, TopKAlgorithm::kConjunction);

  Query some = Match("summit declaration riga");
  some.mutable_match()->set_minimum_should_match(2);
  EXPECT_EQ(PlanQuery(some, "query", false, QueryLimits{}).algorithm, TopKAlgorithm::kExhaustive);
}

TEST(QueryPlannerTest, AFilteredMatchRunsTopKWithTheBoolsFilters) {
  Query query;
  *query.mutable_boolean()->add_must() = Match("summit");
  query.mutable_boolean()->add_filter()->mutable_term()->set_field("doc_type");
  query.mutable_boolean()->add_must_not()->mutable_term()->set_field("language");
  const QueryPlan plan = PlanQuery(query, "query_string", false, QueryLimits{});
  EXPECT_EQ(plan.algorithm, TopKAlgorithm::kMaxScore);
  EXPECT_EQ(plan.scored, &query.boolean().must(0));
  EXPECT_EQ(plan.scored_path, "query_string.boolean.must[0]");
  EXPECT_EQ(plan.filters, &query.boolean());
  EXPECT_EQ(plan.filters_path, "query_string");

  // A second scoring clause, or too many clauses, is evaluated in full.
  Query two = query;
  *two.mutable_boolean()->add_should() = Match("riga");
  EXPECT_EQ(PlanQuery(two, "query", false, QueryLimits{}).algorithm, TopKAlgorithm::kExhaustive);
  QueryLimits few;
  few.max_clauses = 2;
  EXPECT_EQ(PlanQuery(query, "query", false, few).algorithm, TopKAlgorithm::kExhaustive);
}

TEST(QueryPlannerTest, APhraseInOneFieldRunsPhraseTopKAndInAllFieldsIsEvaluatedInFull) {
  Query body;
  body.mutable_phrase()->set_text("final communique");
  body.mutable_phrase()->set_field("body");
  EXPECT_EQ(PlanQuery(body, "query", false, QueryLimits{}).algorithm, TopKAlgorithm::kPhrase);
  Query everywhere;
  everywhere.mutable_phrase()->set_text("final communique");
  EXPECT_EQ(PlanQuery(everywhere, "query", false, QueryLimits{}).algorithm,
            TopKAlgorithm::kExhaustive);
}

TEST(QueryPlannerTest, NothingIsPrunedWhenTheResponseNeedsEveryMatch) {
  const Query any = Match("summit");
  const QueryPlan plan = PlanQuery(any, "query", /*needs_every_match=*/true, QueryLimits{});
  EXPECT_EQ(plan.algorithm, TopKAlgorithm::kExhaustive);
  EXPECT_EQ(plan.scored, nullptr);
  Query term;
  term.mutable_term()->set_field("doc_type");
  EXPECT_EQ(PlanQuery(term, "query", false, QueryLimits{}).algorithm, TopKAlgorithm::kExhaustive);
}

}  // namespace
}  // namespace docsearch::query
