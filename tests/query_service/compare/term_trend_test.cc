// TermTrend: documents and occurrences of terms per year or month.
#include "query_service/compare/term_trend.h"

#include <memory>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "query_service/compare/comparisons.h"
#include "tests/query_service/compare/compare_fixture.h"

namespace docsearch::query::compare {
namespace {

using docsearch::v1::TermTrendRequest;
using ::testing::HasSubstr;

TermTrendRequest Yearly(std::initializer_list<std::string> terms) {
  TermTrendRequest request;
  for (const std::string& term : terms) request.add_terms(term);
  request.set_interval(docsearch::v1::INTERVAL_YEAR);
  return request;
}

class TermTrendOnSeeds : public ::testing::Test {
 protected:
  TermTrendOnSeeds()
      : index_(testing::SeedIndex(/*with_dev_corpus=*/false)), comparisons_(*index_) {}
  std::unique_ptr<SearchIndex> index_;
  Comparisons comparisons_;
};

TEST_F(TermTrendOnSeeds, CountsDocumentsAndOccurrencesPerYearWithEmptyYearsInBetween) {
  auto response = comparisons_.TermTrend(Yearly({"terrorism"}));
  ASSERT_TRUE(response.ok()) << response.status();
  ASSERT_EQ(response->series_size(), 1);
  const auto& series = response->series(0);
  EXPECT_EQ(series.term(), "terrorism");
  EXPECT_EQ(series.key(), "terror");
  ASSERT_EQ(series.points_size(), 3);
  EXPECT_EQ(series.points(0).period(), "2001");
  EXPECT_EQ(series.points(0).documents(), 1);
  EXPECT_EQ(series.points(0).occurrences(), 3);  // condemn, scourge of, struggle against.
  EXPECT_EQ(series.points(0).period_documents(), 1);
  EXPECT_EQ(series.points(1).period(), "2002");
  EXPECT_EQ(series.points(1).documents(), 0);
  EXPECT_EQ(series.points(1).period_documents(), 0);
  EXPECT_EQ(series.points(2).period(), "2003");
  EXPECT_EQ(series.points(2).occurrences(), 1);
}

TEST_F(TermTrendOnSeeds, CountsPhrasesOnlyWhereTheirWordsAreConsecutive) {
  auto response = comparisons_.TermTrend(Yearly({"theatre missile defence", "missile theatre"}));
  ASSERT_TRUE(response.ok()) << response.status();
  ASSERT_EQ(response->series_size(), 2);
  EXPECT_EQ(response->series(0).points(0).occurrences(), 1);
  EXPECT_EQ(response->series(0).points(2).occurrences(), 1);
  for (const auto& point : response->series(1).points()) EXPECT_EQ(point.documents(), 0);
}

TEST_F(TermTrendOnSeeds, BucketsByMonth) {
  TermTrendRequest request = Yearly({"Russia"});
  request.set_interval(docsearch::v1::INTERVAL_MONTH);
  auto response = comparisons_.TermTrend(request);
  ASSERT_TRUE(response.ok()) << response.status();
  const auto& points = response->series(0).points();
  ASSERT_EQ(points.size(), 25);  // 2001-12 .. 2003-12.
  EXPECT_EQ(points[0].period(), "2001-12");
  EXPECT_EQ(points[0].documents(), 1);
  EXPECT_EQ(points[24].period(), "2003-12");
  EXPECT_EQ(points[24].documents(), 1);
}

TEST_F(TermTrendOnSeeds, CountsOnlyDocumentsPassingTheFilter) {
  TermTrendRequest request = Yearly({"Russia"});
  auto* range = request.mutable_filter()->mutable_range();
  range->set_field("published");
  range->set_gte("2003");
  auto response = comparisons_.TermTrend(request);
  ASSERT_TRUE(response.ok()) << response.status();
  ASSERT_EQ(response->series(0).points_size(), 1);
  EXPECT_EQ(response->series(0).points(0).period(), "2003");
}

TEST_F(TermTrendOnSeeds, NamesTheFieldAtFault) {
  TermTrendRequest request;
  request.set_interval(docsearch::v1::INTERVAL_YEAR);
  EXPECT_THAT(comparisons_.TermTrend(request).status().message(), HasSubstr("terms"));
  request.add_terms("nato");
  request.add_terms(" , ");
  EXPECT_THAT(comparisons_.TermTrend(request).status().message(),
              HasSubstr("terms[1] has no words"));
  request = Yearly({"nato"});
  request.set_interval(docsearch::v1::INTERVAL_UNSPECIFIED);
  auto no_interval = comparisons_.TermTrend(request);
  EXPECT_EQ(no_interval.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(no_interval.status().message(),
              HasSubstr("interval must be INTERVAL_YEAR or INTERVAL_MONTH"));
  request = Yearly({"nato"});
  request.mutable_filter()->mutable_term()->set_field("colour");
  EXPECT_THAT(comparisons_.TermTrend(request).status().message(), HasSubstr("filter"));
  request = Yearly({"nato"});
  request.set_language("xx");
  auto unknown_language = comparisons_.TermTrend(request);
  EXPECT_EQ(unknown_language.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(unknown_language.status().message(),
              HasSubstr("language: unknown language 'xx'; expected one of en, fr"));
}

}  // namespace
}  // namespace docsearch::query::compare

namespace docsearch::query::compare {
namespace {

// On a bilingual set (the development corpus holds English and French
// statements), a word's trend counts the documents a search for it finds:
// both analyse it into its English, French and unstemmed forms.
TEST(TermTrendAndSearch, AgreeAboutAWordOnABilingualSet) {
  const SearchIndex& index = testing::SharedSeedIndex();
  const Comparisons comparisons(index);
  int french_hits = 0;
  for (const std::string term : {"terrorism", "sécurité", "coopération", "Russia",
                                 "missile defence", "Conseil de l'Atlantique Nord"}) {
    TermTrendRequest trend;
    trend.add_terms(term);
    trend.set_interval(docsearch::v1::INTERVAL_YEAR);
    auto series = comparisons.TermTrend(trend);
    ASSERT_TRUE(series.ok()) << series.status();
    int64_t trend_documents = series->series(0).undated_documents();
    for (const auto& point : series->series(0).points()) trend_documents += point.documents();

    SearchSpec search;
    docsearch::v1::Query query;
    if (term.find(' ') == std::string::npos) {
      query.mutable_match()->set_text(term);
    } else {
      query.mutable_phrase()->set_text(term);
    }
    search.query = query;
    search.exact_total = true;
    auto hits = index.Search(search);
    ASSERT_TRUE(hits.ok()) << hits.status();
    EXPECT_EQ(trend_documents, static_cast<int64_t>(hits->total)) << term;
    EXPECT_GT(trend_documents, 0) << term;
    SearchSpec french;
    docsearch::v1::Query french_query;
    *french_query.mutable_boolean()->add_must() = query;
    auto* language = french_query.mutable_boolean()->add_filter()->mutable_term();
    language->set_field("language");
    language->set_value("fr");
    french.query = french_query;
    french.exact_total = true;
    auto french_found = index.Search(french);
    ASSERT_TRUE(french_found.ok()) << french_found.status();
    french_hits += static_cast<int>(french_found->total);
  }
  EXPECT_GT(french_hits, 0) << "the set must hold French documents for this test to mean much";
}

}  // namespace
}  // namespace docsearch::query::compare
