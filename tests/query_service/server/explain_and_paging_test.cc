// SearchRequest.explain, search-after page tokens under concurrent writes,
// and the running index statistics.
#include <algorithm>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "query_service/search/search_index.h"
#include "query_service/server/search_request_mapping.h"

namespace docsearch::query {
namespace {

using ::docsearch::v1::Explanation;
using ::docsearch::v1::Query;
using ::docsearch::v1::SearchRequest;
using ::testing::HasSubstr;

std::unique_ptr<v1::Document> MakeDocument(const std::string& id, const std::string& title,
                                           const std::string& body, int year, int month = 6,
                                           v1::DocType type = v1::DOC_TYPE_SPEECH) {
  auto document = std::make_unique<v1::Document>();
  document->set_id(id);
  document->set_title(title);
  document->add_paragraphs()->set_text(body);
  document->set_language("en");
  document->set_doc_type(type);
  document->mutable_published()->set_year(year);
  document->mutable_published()->set_month(month);
  document->mutable_published()->set_day(1);
  return document;
}

// `word` `count` times, padded with filler to `length` words.
std::string Body(const std::string& word, int count, int length) {
  std::string body;
  for (int i = 0; i < length; ++i) absl::StrAppend(&body, i < count ? word : "filler", " ");
  return body;
}

const Explanation* FindDetail(const Explanation& node, const std::string& prefix) {
  for (const auto& detail : node.details()) {
    if (detail.description().rfind(prefix, 0) == 0) return &detail;
  }
  return nullptr;
}

class ExplainTest : public ::testing::Test {
 protected:
  explicit ExplainTest(const SearchOptions& options = SearchOptions{}) : index_(options) {
    Add(MakeDocument("a", "Missile defence", "Missile defence and arms control; missile talks.",
                     2001));
    Add(MakeDocument("b", "Update", "Theatre missile defence and airspace.", 2003, 6,
                     v1::DOC_TYPE_UPDATE));
    Add(MakeDocument("c", "Speech on terrorism", "Terrorism, missile defence and the theatre.",
                     2002));
    Add(MakeDocument("d", "Other", "Nothing relevant at all here.", 2000));
  }
  void Add(std::unique_ptr<v1::Document> document) {
    ASSERT_TRUE(index_.Upsert(std::move(document)).ok());
  }
  SearchIndex index_;
};

TEST_F(ExplainTest, EveryKindOfQueryExplainsExactlyItsScore) {
  std::vector<SearchRequest> requests(6);
  requests[0].mutable_query()->mutable_match()->set_text("missile terrorism");
  requests[1].mutable_query()->mutable_match()->set_text("missile defence");
  requests[1].mutable_query()->mutable_match()->set_operator_(v1::MATCH_OPERATOR_AND);
  requests[2].mutable_query()->mutable_phrase()->set_text("missile defence");
  auto* boolean = requests[3].mutable_query()->mutable_boolean();
  boolean->add_must()->mutable_match()->set_text("defence");
  boolean->add_should()->mutable_phrase()->set_text("theatre missile");
  boolean->add_should()->mutable_match()->set_text("terrorism airspace");
  boolean->add_filter()->mutable_range()->set_field("published");
  boolean->mutable_filter(0)->mutable_range()->set_gte("2001");
  requests[4].set_query_string("title:missile OR terrorism -doc_type:update");
  requests[5].mutable_query()->mutable_match()->set_text("missile");
  auto* field = requests[5].mutable_query()->mutable_match()->add_fields();
  field->set_field("body");
  field->set_boost(3.5f);
  for (SearchRequest& request : requests) {
    request.set_explain(true);
    auto response = SearchByRequest(index_, request);
    ASSERT_TRUE(response.ok()) << response.status();
    ASSERT_GT(response->hits_size(), 0) << request.ShortDebugString();
    for (const auto& hit : response->hits()) {
      EXPECT_EQ(hit.explanation().value(), hit.score())
          << request.ShortDebugString() << "\n"
          << hit.id() << ": " << hit.explanation().DebugString();
      EXPECT_FALSE(hit.explanation().description().empty());
    }
  }
}

// Scored as each field's BM25 summed (--bm25f=false) with the title weighing
// what the body does: one explanation node per field and term.
class PerFieldSumExplainTest : public ExplainTest {
 protected:
  static SearchOptions PerFieldSum() {
    SearchOptions options;
    options.scoring.bm25f = false;
    options.scoring.title_boost = 1;
    return options;
  }
  PerFieldSumExplainTest() : ExplainTest(PerFieldSum()) {}
};

TEST_F(ExplainTest, BreaksAMatchDownAsBm25fOverTheFields) {
  SearchRequest request;
  request.mutable_query()->mutable_match()->set_text("missile");
  request.set_explain(true);
  auto response = SearchByRequest(index_, request);
  ASSERT_TRUE(response.ok());
  ASSERT_EQ(response->hits(0).id(), "a");  // In the title, and twice in the body.
  const Explanation& root = response->hits(0).explanation();
  ASSERT_EQ(root.details_size(), 1);  // One word, saturated once over both fields.
  const Explanation& word = root.details(0);
  EXPECT_THAT(word.description(), HasSubstr("BM25F"));
  const Explanation* idf = FindDetail(word, "idf");
  const Explanation* k1 = FindDetail(word, "k1");
  const Explanation* combined = FindDetail(word, "tf~");
  ASSERT_TRUE(idf && k1 && combined) << word.DebugString();
  EXPECT_EQ(FindDetail(*idf, "n,")->value(), 3);  // The most in one field: the body.
  ASSERT_EQ(combined->details_size(), 2);
  double sum = 0;
  for (const Explanation& share : combined->details()) {
    const bool title = share.description().rfind("title:", 0) == 0;
    const double boost = FindDetail(share, "boost")->value();
    const double freq = FindDetail(share, "freq")->value();
    const double b = FindDetail(share, "b,")->value();
    const double dl = FindDetail(share, "dl")->value();
    const double avgdl = FindDetail(share, "avgdl")->value();
    EXPECT_EQ(boost, title ? 2.0 : 1.0);  // The default title boost.
    EXPECT_EQ(freq, title ? 1 : 2);
    EXPECT_NEAR(share.value(), boost * freq / (1 - b + b * dl / avgdl), 1e-5);
    sum += share.value();
  }
  EXPECT_NEAR(combined->value(), sum, 1e-5);
  const double tf = combined->value();
  EXPECT_NEAR(word.value(), idf->value() * tf * (k1->value() + 1) / (tf + k1->value()), 1e-5);
  EXPECT_LT(word.value(), idf->value() * (k1->value() + 1));
  EXPECT_NEAR(root.value(), word.value(), 1e-6);
}

TEST_F(PerFieldSumExplainTest, BreaksAMatchDownIntoBm25InputsPerFieldAndTerm) {
  SearchRequest request;
  request.mutable_query()->mutable_match()->set_text("missile");
  request.set_explain(true);
  auto response = SearchByRequest(index_, request);
  ASSERT_TRUE(response.ok());
  ASSERT_EQ(response->hits(0).id(), "a");  // In the title, and twice in the body.
  const Explanation& root = response->hits(0).explanation();
  ASSERT_EQ(root.details_size(), 2);
  double sum = 0;
  for (const Explanation& term : root.details()) {
    sum += term.value();
    EXPECT_THAT(term.description(), HasSubstr(":missil"));  // The stem.
    const Explanation* boost = FindDetail(term, "boost");
    const Explanation* idf = FindDetail(term, "idf");
    const Explanation* tf = FindDetail(term, "tf");
    ASSERT_TRUE(boost && idf && tf) << term.DebugString();
    const double n = FindDetail(*idf, "n,")->value();
    const double live = FindDetail(*idf, "N,")->value();
    const bool title = term.description().find("title") != std::string::npos;
    EXPECT_EQ(n, title ? 1 : 3);  // Per field.
    EXPECT_EQ(live, 4);
    EXPECT_NEAR(idf->value(), std::log(1 + (live - n + 0.5) / (n + 0.5)), 1e-6);
    const double freq = FindDetail(*tf, "freq")->value();
    const double k1 = FindDetail(*tf, "k1")->value();
    const double b = FindDetail(*tf, "b,")->value();
    const double dl = FindDetail(*tf, "dl")->value();
    const double avgdl = FindDetail(*tf, "avgdl")->value();
    EXPECT_EQ(k1, 1.2f);
    EXPECT_EQ(b, 0.5f);  // The default (bm25.h).
    EXPECT_NEAR(tf->value(), freq * (k1 + 1) / (freq + k1 * (1 - b + b * dl / avgdl)), 1e-9);
    EXPECT_NEAR(term.value(), boost->value() * idf->value() * tf->value(), 1e-5);
    if (title) {
      EXPECT_EQ(boost->value(), 1.0);  // The title boost this fixture sets.
      EXPECT_EQ(freq, 1);
      EXPECT_EQ(dl, 2);
    } else {
      EXPECT_EQ(freq, 2);
    }
  }
  EXPECT_NEAR(sum, root.value(), 1e-5);
}

TEST_F(ExplainTest, LeavesExplanationsOutUnlessAsked) {
  SearchRequest request;
  request.mutable_query()->mutable_match()->set_text("missile");
  auto response = SearchByRequest(index_, request);
  ASSERT_TRUE(response.ok());
  for (const auto& hit : response->hits()) EXPECT_FALSE(hit.has_explanation());
}

// Pages fetched with writes in between: every document present throughout
// appears exactly once, and no document appears twice.
class PagingTest : public ::testing::Test {
 protected:
  PagingTest() : index_(SearchOptions{}) {}
  void Add(std::unique_ptr<v1::Document> document) {
    ASSERT_TRUE(index_.Upsert(std::move(document)).ok());
  }

  // Fetches pages of `request`, calling `between(page)` after each.
  std::vector<std::string> FetchAll(SearchRequest request,
                                    const std::function<void(int)>& between) {
    std::vector<std::string> ids;
    for (int page = 0; page < 50; ++page) {
      auto response = SearchByRequest(index_, request);
      EXPECT_TRUE(response.ok()) << response.status();
      if (!response.ok()) break;
      for (const auto& hit : response->hits()) ids.push_back(hit.id());
      if (response->next_page_token().empty()) break;
      between(page);
      request.set_page_token(response->next_page_token());
    }
    return ids;
  }

  static void ExpectEachOnceAndNoDuplicates(const std::vector<std::string>& seen,
                                            const std::set<std::string>& throughout) {
    std::set<std::string> unique(seen.begin(), seen.end());
    EXPECT_EQ(unique.size(), seen.size()) << "a document came twice";
    for (const std::string& id : throughout) EXPECT_TRUE(unique.contains(id)) << id << " skipped";
  }

  SearchIndex index_;
};

TEST_F(PagingTest, ScoreOrderSurvivesWritesBetweenPages) {
  // Equal lengths, so the order by term frequency holds whatever writes do
  // to idf and the average length.
  std::set<std::string> throughout;
  for (int i = 0; i < 24; ++i) {
    const std::string id = absl::StrCat("s", i);
    Add(MakeDocument(id, "note", Body("alpha", 1 + i % 8, 12), 2000));
    throughout.insert(id);
  }
  SearchRequest request;
  request.mutable_query()->mutable_match()->set_text("alpha");
  request.set_page_size(5);
  int added = 0;
  auto seen = FetchAll(request, [&](int page) {
    // New documents ranking everywhere (an offset would repeat or skip
    // documents), and deletions of one already shown and one not yet shown.
    for (int j = 0; j < 3; ++j, ++added) {
      Add(MakeDocument(absl::StrCat("new", added), "note", Body("alpha", 1 + added % 9, 12 + j),
                       2000));
    }
    const std::string shown = absl::StrCat("s", 7 - page);    // tf 8: first pages.
    const std::string unseen = absl::StrCat("s", 16 + page);  // tf 1: last pages.
    if (index_.Delete(shown).ok()) throughout.erase(shown);
    if (index_.Delete(unseen).ok()) throughout.erase(unseen);
  });
  ExpectEachOnceAndNoDuplicates(seen, throughout);
}

TEST_F(PagingTest, DateOrderSurvivesWritesBetweenPages) {
  std::set<std::string> throughout;
  for (int i = 0; i < 20; ++i) {
    const std::string id = absl::StrCat("d", i);
    Add(MakeDocument(id, "report", Body("beta", 1 + i % 3, 5 + i % 4), 1990 + i));
    throughout.insert(id);
  }
  SearchRequest request;
  request.mutable_query()->mutable_match()->set_text("beta");
  request.set_sort(v1::SORT_ORDER_PUBLISHED_DESC);
  request.set_page_size(4);
  int added = 0;
  auto seen = FetchAll(request, [&](int page) {
    // Newer documents land before the cursor; an offset would then show the
    // last document of this page again.
    for (int j = 0; j < 2; ++j, ++added) {
      Add(MakeDocument(absl::StrCat("new", added), "report", Body("beta", 2, 6), 2020 + added));
    }
    const std::string older = absl::StrCat("d", page);  // Oldest: not shown yet.
    if (index_.Delete(older).ok()) throughout.erase(older);
  });
  ExpectEachOnceAndNoDuplicates(seen, throughout);
  // Newest first among those seen.
  EXPECT_EQ(seen.front(), "d19");
}

TEST(IndexStats, MemoryAndPostingsFollowAddsAndRemovals) {
  SearchIndex index{SearchOptions{}};
  int64_t previous = index.Stats().memory_bytes();
  int64_t text = 0;
  for (int i = 0; i < 50; ++i) {
    auto document = MakeDocument(absl::StrCat("m", i), "Title words here",
                                 Body(absl::StrCat("w", i), 3, 40 + i), 2000 + i % 10);
    text += static_cast<int64_t>(document->title().size() + document->paragraphs(0).text().size());
    ASSERT_TRUE(index.Upsert(std::move(document)).ok());
    const auto stats = index.Stats();
    EXPECT_GT(stats.memory_bytes(), previous) << "after document " << i;
    previous = stats.memory_bytes();
  }
  auto stats = index.Stats();
  EXPECT_EQ(stats.text_bytes(), text);
  // An estimate, but a plausible one: more than the text, not wildly more.
  EXPECT_GT(stats.memory_bytes(), text);
  EXPECT_LT(stats.memory_bytes(), 40 * text);
  // title (3 terms) + body (w_i and filler) per document.
  EXPECT_EQ(stats.posting_count(), 50 * 5);

  // Replacing keeps the dead slot until a merge, so memory does not shrink;
  // postings count live documents only.
  ASSERT_TRUE(index.Upsert(MakeDocument("m0", "Short", "tiny", 2000)).ok());
  ASSERT_TRUE(index.Delete("m1").ok());
  auto after = index.Stats();
  EXPECT_GE(after.memory_bytes(), stats.memory_bytes() - 200);
  EXPECT_EQ(after.posting_count(), 50 * 5 - 5 - 5 + 2);
  EXPECT_EQ(after.document_count(), 49);
}

}  // namespace
}  // namespace docsearch::query
