// Normalization for matching, on the two seed statements ("co-operation"
// and "cooperation" used to be different words): a search for the
// closed form finds the hyphenated paragraph and highlights it as written,
// and comparing the seeds no longer lists the fragment "co" as a term.
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "query_service/compare/document_comparer.h"
#include "tests/query_service/compare/compare_fixture.h"

namespace docsearch::query::compare {
namespace {

using docsearch::v1::CompareDocumentsRequest;
using docsearch::v1::ComparedTerm;
using docsearch::v1::SearchRequest;
using ::testing::Contains;
using ::testing::Not;

TEST(SeedNormalization, CooperationFindsTheCoOperationParagraphAndHighlightsItAsWritten) {
  std::unique_ptr<SearchIndex> index = testing::SeedIndex(/*with_dev_corpus=*/false);
  for (const char* query : {"cooperation", "co-operation"}) {
    SearchRequest request;
    request.set_query_string(query);
    absl::StatusOr<docsearch::v1::SearchResponse> response = index->Search(request);
    ASSERT_TRUE(response.ok()) << response.status();
    std::vector<std::string> highlighted;
    for (const auto& hit : response->hits()) {
      if (hit.id() != testing::kJointStatementId) continue;
      for (const auto& snippet : hit.snippets()) {
        for (const auto& mark : snippet.highlights()) {
          highlighted.push_back(snippet.text().substr(mark.start(), mark.end() - mark.start()));
        }
      }
    }
    // The 2001 statement writes "co-operation" only in its fourth paragraph.
    EXPECT_THAT(highlighted, Contains("co-operation")) << query;
  }
}

TEST(SeedNormalization, ComparingTheSeedsListsNoHyphenFragment) {
  std::unique_ptr<SearchIndex> index = testing::SeedIndex(/*with_dev_corpus=*/false);
  CompareDocumentsRequest request;
  request.mutable_a()->set_id(testing::kJointStatementId);
  request.mutable_b()->set_id(testing::kUpdateId);
  request.set_max_terms(1000);
  absl::StatusOr<docsearch::v1::CompareDocumentsResponse> response =
      index->Read([&](IndexSnapshot data) {
        TextAnalyzer analyzer;
        return CompareDocuments(request, data, analyzer);
      });
  ASSERT_TRUE(response.ok()) << response.status();
  std::vector<std::string> terms;
  for (const auto* list :
       {&response->shared_terms(), &response->only_a_terms(), &response->only_b_terms()}) {
    for (const ComparedTerm& term : *list) {
      terms.push_back(term.term());
      terms.push_back(term.text());
    }
  }
  ASSERT_FALSE(terms.empty());
  EXPECT_THAT(terms, Not(Contains("co")));
  // Both seeds speak of cooperation, one hyphenated: a shared term.
  std::vector<std::string> shared;
  for (const ComparedTerm& term : response->shared_terms()) shared.push_back(term.term());
  EXPECT_THAT(shared, Contains("cooper"));
}

}  // namespace
}  // namespace docsearch::query::compare
