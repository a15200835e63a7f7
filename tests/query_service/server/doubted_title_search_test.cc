// Titles the parser doubted (warning title_uncertain or title_from_html_title)
// get no title boost: their words weigh as body words, so site furniture
// taken for a headline does not rank its page first. Seen through Search.
#include <memory>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "query_service/search/search_index.h"
#include "query_service/server/search_request_mapping.h"

namespace docsearch::query {
namespace {

using ::docsearch::v1::Document;
using ::docsearch::v1::SearchRequest;
using ::docsearch::v1::SearchResponse;

// Two documents alike but for their ids and, for one, the parser's doubt.
std::unique_ptr<Document> MakeDocument(const std::string& id, const std::string& warning) {
  auto document = std::make_unique<Document>();
  document->set_id(id);
  document->set_title("Department of State");
  document->add_paragraphs()->set_text(
      "Ministers met in Brussels to discuss the budget and the state of the alliance.");
  document->set_language("en");
  document->set_content_hash(id);
  if (!warning.empty()) document->add_warnings()->set_code(warning);
  return document;
}

class DoubtedTitleSearchTest : public ::testing::Test {
 protected:
  explicit DoubtedTitleSearchTest(bool boost_doubted_titles = false)
      : index_(Options(boost_doubted_titles)) {
    Add(MakeDocument("confident", ""));
    Add(MakeDocument("uncertain", "title_uncertain"));
    Add(MakeDocument("from-html-title", "title_from_html_title"));
    Add(MakeDocument("other-warning", "no_doc_type"));
  }

  static SearchOptions Options(bool boost_doubted_titles) {
    SearchOptions options;
    options.scoring.boost_doubted_titles = boost_doubted_titles;
    return options;
  }

  void Add(std::unique_ptr<Document> document) {
    ASSERT_TRUE(index_.Upsert(std::move(document)).ok());
  }

  SearchResponse Search(const std::string& query_string, bool explain = false) {
    SearchRequest request;
    request.set_query_string(query_string);
    request.set_explain(explain);
    absl::StatusOr<SearchResponse> response = SearchByRequest(index_, request);
    EXPECT_TRUE(response.ok()) << response.status();
    return response.ok() ? *response : SearchResponse();
  }

  static float ScoreOf(const SearchResponse& response, const std::string& id) {
    for (const auto& hit : response.hits()) {
      if (hit.id() == id) return hit.score();
    }
    ADD_FAILURE() << id << " not found";
    return 0;
  }

  SearchIndex index_;
};

TEST_F(DoubtedTitleSearchTest, ADoubtedTitleScoresItsWordsAsBodyWords) {
  const SearchResponse response = Search("department");
  ASSERT_EQ(response.hits_size(), 4);
  const float confident = ScoreOf(response, "confident");
  // Any other warning leaves the title its boost.
  EXPECT_FLOAT_EQ(ScoreOf(response, "other-warning"), confident);
  EXPECT_LT(ScoreOf(response, "uncertain"), confident);
  EXPECT_LT(ScoreOf(response, "from-html-title"), confident);
  EXPECT_FLOAT_EQ(ScoreOf(response, "uncertain"), ScoreOf(response, "from-html-title"));
  // Ranked below every confident title.
  EXPECT_THAT(response.hits(2).id(), ::testing::AnyOf("uncertain", "from-html-title"));
  EXPECT_THAT(response.hits(3).id(), ::testing::AnyOf("uncertain", "from-html-title"));
}

TEST_F(DoubtedTitleSearchTest, WordsOutsideTheTitleScoreAlike) {
  const SearchResponse response = Search("brussels");
  ASSERT_EQ(response.hits_size(), 4);
  EXPECT_FLOAT_EQ(ScoreOf(response, "uncertain"), ScoreOf(response, "confident"));
}

TEST_F(DoubtedTitleSearchTest, PhrasesInTheTitleLoseTheBoostToo) {
  const SearchResponse response = Search("\"department of state\"");
  ASSERT_EQ(response.hits_size(), 4);
  EXPECT_LT(ScoreOf(response, "uncertain"), ScoreOf(response, "confident"));
}

TEST_F(DoubtedTitleSearchTest, TheExplanationSaysTheBoostWasWithheld) {
  const SearchResponse response = Search("department", /*explain=*/true);
  bool said = false;
  for (const auto& hit : response.hits()) {
    if (hit.id() != "uncertain") continue;
    said = hit.explanation().DebugString().find("withheld") != std::string::npos;
  }
  EXPECT_TRUE(said);
}

class BoostDoubtedTitlesTest : public DoubtedTitleSearchTest {
 protected:
  BoostDoubtedTitlesTest() : DoubtedTitleSearchTest(/*boost_doubted_titles=*/true) {}
};

TEST_F(BoostDoubtedTitlesTest, TheOptionGivesEveryTitleTheBoost) {
  const SearchResponse response = Search("department");
  ASSERT_EQ(response.hits_size(), 4);
  EXPECT_FLOAT_EQ(ScoreOf(response, "uncertain"), ScoreOf(response, "confident"));
  EXPECT_FLOAT_EQ(ScoreOf(response, "from-html-title"), ScoreOf(response, "confident"));
}

}  // namespace
}  // namespace docsearch::query
