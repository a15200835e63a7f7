// The cache of stored documents' analyses behind CompareDocuments.
#include "query_service/compare/analysis_cache.h"

#include <memory>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "query_service/compare/comparisons.h"
#include "tests/query_service/compare/compare_fixture.h"

namespace docsearch::query::compare {
namespace {

using docsearch::v1::CompareDocumentsRequest;
using docsearch::v1::Document;

TEST(AnalysisCache, AnalyzesADocumentOnceAndNeverAnswersForAnother) {
  AnalysisCache cache(/*capacity=*/1);
  TextAnalyzer analyzer;
  const Document first = testing::MakeDocument("x", {"Crisis management at sea."});
  const Document other = testing::MakeDocument("x", {"Airspace management."});

  auto a = cache.Get(0, first, analyzer);
  EXPECT_EQ(cache.Get(0, first, analyzer), a);  // The same analysis, not a new one.
  // Another document under the same slot (a rebuilt index): analyzed anew.
  auto b = cache.Get(0, other, analyzer);
  EXPECT_NE(b, a);
  EXPECT_EQ(b->passages.at(0).text, "Airspace management.");
  // Capacity 1: slot 1 pushes slot 0 out, which is then analyzed again.
  cache.Get(1, first, analyzer);
  EXPECT_NE(cache.Get(0, other, analyzer), b);
}

TEST(AnalysisCache, CompareDocumentsSeesAReplacedDocumentsNewText) {
  SearchIndex index{SearchOptions{}};
  for (const Document& document :
       {testing::MakeDocument("x", {"Crisis management and arms control."}),
        testing::MakeDocument("y", {"Arms control and airspace management."})}) {
    ASSERT_TRUE(index.Upsert(std::make_unique<Document>(document)).ok());
  }
  const Comparisons comparisons(index);
  CompareDocumentsRequest request;
  request.mutable_a()->set_id("x");
  request.mutable_b()->set_id("y");
  auto before = comparisons.CompareDocuments(request);
  ASSERT_TRUE(before.ok()) << before.status();
  ASSERT_TRUE(index
                  .Upsert(std::make_unique<Document>(
                      testing::MakeDocument("x", {"Search and rescue at sea."})))
                  .ok());

  auto after = comparisons.CompareDocuments(request);
  ASSERT_TRUE(after.ok()) << after.status();
  EXPECT_GT(before->similarity().cosine(), 0.0);
  EXPECT_EQ(after->similarity().cosine(), 0.0);
  EXPECT_EQ(after->shared_terms_size(), 0);
}

TEST(AnalysisCache, CachedAndFreshAnalysesGiveTheSameComparison) {
  const Comparisons comparisons(testing::SharedSeedIndex());
  CompareDocumentsRequest request;
  request.mutable_a()->set_id(testing::kJointStatementId);
  request.mutable_b()->set_id(testing::kUpdateId);
  auto first = comparisons.CompareDocuments(request);   // Analyzes both.
  auto second = comparisons.CompareDocuments(request);  // Both from the cache.
  ASSERT_TRUE(first.ok()) << first.status();
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(second->DebugString(), first->DebugString());
}

}  // namespace
}  // namespace docsearch::query::compare
