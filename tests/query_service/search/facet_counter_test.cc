// Facet counts and the published-date histogram (facet_counter.h) against
// brute-force counts over random sets of matches.
#include "query_service/search/facet_counter.h"

#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_format.h"
#include "gtest/gtest.h"
#include "tests/query_service/search/random_index.h"

namespace docsearch::query::testing {
namespace {

TEST(FacetCounterTest, CountsEqualBruteForceCountsOverRandomMatches) {
  RandomIndex random(400, 29);
  for (int q = 0; q < 60; ++q) {
    // Matches: a random share of the live documents, in DocId order.
    DocList matches;
    const int share = random.Uniform(1, 4);
    for (DocId doc = 0; doc < random.docs().size(); ++doc) {
      if (random.docs()[doc].live && random.Uniform(1, 4) <= share) matches.push_back({doc, 1});
    }
    const int size = random.Uniform(1, 7);
    absl::StatusOr<std::vector<v1::Facet>> facets =
        CountFacets(random.index(), matches, {"entity.place"}, size);
    ASSERT_TRUE(facets.ok()) << facets.status();
    ASSERT_EQ(facets->size(), 1u);

    std::map<std::string, int64_t> counts;
    std::map<std::string, int64_t> per_year;
    for (const ScoredDoc& match : matches) {
      const ModelDoc& model = random.docs()[match.doc];
      for (const std::string& place : model.places) ++counts[place];
      ++per_year[absl::StrFormat("%04d", model.year)];
    }
    // Most frequent first, then by value.
    std::vector<std::pair<int64_t, std::string>> expected;
    for (const auto& [place, count] : counts) expected.push_back({-count, place});
    std::sort(expected.begin(), expected.end());
    expected.resize(std::min(expected.size(), static_cast<size_t>(size)));

    const v1::Facet& facet = facets->front();
    EXPECT_EQ(facet.field(), "entity.place");
    ASSERT_EQ(static_cast<size_t>(facet.values_size()), expected.size()) << "query " << q;
    for (size_t i = 0; i < expected.size(); ++i) {
      EXPECT_EQ(facet.values(i).value(), expected[i].second) << "query " << q << " rank " << i;
      EXPECT_EQ(facet.values(i).count(), -expected[i].first) << "query " << q << " rank " << i;
    }

    const std::vector<v1::HistogramBucket> buckets =
        PublishedHistogram(random.index(), matches, v1::INTERVAL_YEAR);
    ASSERT_EQ(buckets.size(), per_year.size()) << "query " << q;
    size_t i = 0;
    for (const auto& [year, count] : per_year) {
      EXPECT_EQ(buckets[i].key(), year);
      EXPECT_EQ(buckets[i].count(), count) << year;
      ++i;
    }
  }
}

TEST(FacetCounterTest, RefusesAFieldThatIsNotAKeywordFieldNamingIt) {
  RandomIndex random(20, 7);
  absl::StatusOr<std::vector<v1::Facet>> facets =
      CountFacets(random.index(), {}, {"entity.place", "published"}, 5);
  ASSERT_EQ(facets.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(facets.status().message(),
            "facets[1]: 'published' is a date field; facets need a keyword field");
}

}  // namespace
}  // namespace docsearch::query::testing
