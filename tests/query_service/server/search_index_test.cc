// Search semantics of the in-memory index, on hand-made documents.
#include "query_service/search/search_index.h"

#include <cstdio>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "query_service/server/search_request_mapping.h"
#include "tests/query_service/server/hit_ids.h"

namespace docsearch::query {
namespace {

using ::docsearch::v1::Document;
using ::docsearch::v1::Query;
using ::docsearch::v1::SearchRequest;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::unique_ptr<Document> MakeDocument(const std::string& id, const std::string& title,
                                       const std::string& body, int year,
                                       v1::DocType type = v1::DOC_TYPE_PRESS_STATEMENT,
                                       const std::string& language = "en") {
  auto document = std::make_unique<Document>();
  document->set_id(id);
  document->set_title(title);
  document->add_paragraphs()->set_text(body);
  document->set_language(language);
  document->set_doc_type(type);
  document->mutable_published()->set_year(year);
  document->mutable_published()->set_month(6);
  document->mutable_published()->set_day(1);
  document->set_content_hash(id + "-" + body);
  return document;
}

class SearchIndexTest : public ::testing::Test {
 protected:
  SearchIndexTest() : index_(SearchOptions{}) {
    Add(MakeDocument("a", "Joint statement", "We condemn terrorism and support arms control.",
                     2001));
    Add(MakeDocument("b", "Update", "Progress on theatre missile defence and airspace management.",
                     2003, v1::DOC_TYPE_UPDATE));
    Add(MakeDocument("c", "Speech", "Missile defence, terrorism and the theatre of war.", 2002,
                     v1::DOC_TYPE_SPEECH));
    Add(MakeDocument("f", "Communiqué", "La lutte contre le terrorisme et la défense antimissile.",
                     2001, v1::DOC_TYPE_COMMUNIQUE, "fr"));
  }

  void Add(std::unique_ptr<Document> document) {
    ASSERT_TRUE(index_.Upsert(std::move(document)).ok());
  }

  std::vector<std::string> Ids(const SearchRequest& request) { return HitIds(index_, request); }

  static SearchRequest Request(const Query& query) {
    SearchRequest request;
    *request.mutable_query() = query;
    return request;
  }

  static Query Match(const std::string& text, v1::MatchOperator op = v1::MATCH_OPERATOR_OR) {
    Query query;
    query.mutable_match()->set_text(text);
    query.mutable_match()->set_operator_(op);
    return query;
  }

  SearchIndex index_;
};

TEST_F(SearchIndexTest, MatchFindsStemmedWordsInBothLanguages) {
  // "terrorism" (en stem "terror") and "terrorisme" (fr stem) meet.
  EXPECT_THAT(Ids(Request(Match("terrorism"))), ::testing::UnorderedElementsAre("a", "c", "f"));
}

TEST_F(SearchIndexTest, AnalysesQueryWordsInTheQueryLanguage) {
  // Before, "defense" was also French-stemmed and found the French "défense".
  SearchRequest english;
  english.set_query_string("defense");
  auto response = SearchByRequest(index_, english);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->query_language(), "en");  // The collection's main language.
  // "defence" first; the French "défense" only through the cross-language
  // equivalent, at a low weight, so last.
  std::vector<std::string> ids = Ids(english);
  EXPECT_THAT(ids, ::testing::UnorderedElementsAre("b", "c", "f"));
  EXPECT_EQ(ids.back(), "f");

  SearchRequest french = english;
  french.set_language("fr");
  EXPECT_THAT(Ids(french), ElementsAre("f", ::testing::_, ::testing::_));

  SearchRequest detected;
  detected.set_query_string("la défense");
  response = SearchByRequest(index_, detected);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->query_language(), "fr");
  EXPECT_THAT(Ids(detected), ElementsAre("f", ::testing::_, ::testing::_));

  SearchRequest filtered;
  filtered.set_query_string("defense language:fr");
  response = SearchByRequest(index_, filtered);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->query_language(), "fr");
  EXPECT_THAT(Ids(filtered), ElementsAre("f"));
}

// Greek has no stemmer here: a query in it is analysed as Greek documents
// were indexed (folded, unstemmed), not refused.
TEST_F(SearchIndexTest, AcceptsALanguageWithoutAStemmer) {
  SearchRequest greek;
  greek.set_query_string("defense");
  greek.set_language("el");
  auto response = SearchByRequest(index_, greek);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->query_language(), "el");
}

TEST_F(SearchIndexTest, RejectsALanguageTheAnalyzerDoesNotKnow) {
  // Before, an unknown language analysed the words unstemmed, silently.
  SearchRequest unknown;
  unknown.set_query_string("defense");
  unknown.set_language("xx");
  auto response = SearchByRequest(index_, unknown);
  EXPECT_EQ(response.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(response.status().message(),
              HasSubstr("language: unknown language 'xx'; expected one of en, fr, de"));

  SearchRequest malformed = unknown;
  malformed.set_language("en US");
  response = SearchByRequest(index_, malformed);
  EXPECT_EQ(response.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(response.status().message(), HasSubstr("language: malformed language tag 'en US'"));

  Query phrase;
  phrase.mutable_phrase()->set_text("défenses");
  phrase.mutable_phrase()->set_language("xx");
  response = SearchByRequest(index_, Request(phrase));
  EXPECT_EQ(response.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(response.status().message(),
              HasSubstr("query.phrase.language: unknown language 'xx'; expected one of en, fr"));

  Query nested;
  *nested.mutable_boolean()->add_should() = Match("terrorism");
  *nested.mutable_boolean()->add_should() = phrase;
  response = SearchByRequest(index_, Request(nested));
  EXPECT_THAT(response.status().message(),
              HasSubstr("query.boolean.should[1].phrase.language: unknown language 'xx'"));
}

TEST_F(SearchIndexTest, AcceptsALanguageInAnyCaseWithARegion) {
  // BCP-47 tags are case-insensitive: "FR" stems as French ("défenses" meets
  // "défense"), where it used to leave the phrase unstemmed and find nothing.
  Query phrase;
  phrase.mutable_phrase()->set_text("défenses");
  for (const char* tag : {"fr", "FR", "fr-BE", "fr_CA"}) {
    phrase.mutable_phrase()->set_language(tag);
    EXPECT_THAT(Ids(Request(phrase)), ElementsAre("f")) << tag;
  }
  SearchRequest request;
  request.set_query_string("défenses");
  request.set_language("FR");
  auto response = SearchByRequest(index_, request);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->query_language(), "fr");
  EXPECT_THAT(Ids(request), ElementsAre("f", ::testing::_, ::testing::_));
}

TEST_F(SearchIndexTest, QueryStringRanksDocumentsWithAnyOfTheWords) {
  SearchRequest request;
  request.set_query_string("airspace terrorism");
  // No document holds both words: with AND there was nothing.
  EXPECT_THAT(Ids(request), ::testing::UnorderedElementsAre("a", "b", "c", "f"));
  request.set_default_operator(v1::MATCH_OPERATOR_AND);
  EXPECT_THAT(Ids(request), ::testing::IsEmpty());
  request.set_default_operator(v1::MATCH_OPERATOR_OR);
  request.set_minimum_should_match(-1);
  EXPECT_EQ(SearchByRequest(index_, request).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST_F(SearchIndexTest, MatchAllRequiresEveryWord) {
  EXPECT_THAT(Ids(Request(Match("missile terrorism", v1::MATCH_OPERATOR_AND))), ElementsAre("c"));
}

TEST_F(SearchIndexTest, PhraseRespectsWordOrderAndSlop) {
  Query phrase;
  phrase.mutable_phrase()->set_text("theatre missile defence");
  EXPECT_THAT(Ids(Request(phrase)), ElementsAre("b"));
  phrase.mutable_phrase()->set_text("missile theatre");
  EXPECT_THAT(Ids(Request(phrase)), ElementsAre());
  phrase.mutable_phrase()->set_text("defence terrorism");
  phrase.mutable_phrase()->set_slop(0);
  EXPECT_THAT(Ids(Request(phrase)), ElementsAre("c"));  // Punctuation is not a word.
}

TEST_F(SearchIndexTest, TermFilterAcceptsAnySpellingOfADocType) {
  for (const char* spelling : {"update", "UPDATE", "DOC_TYPE_UPDATE"}) {
    Query query;
    query.mutable_term()->set_field("doc_type");
    query.mutable_term()->set_value(spelling);
    EXPECT_THAT(Ids(Request(query)), ElementsAre("b")) << spelling;
  }
}

TEST_F(SearchIndexTest, UnknownDocTypeIsAnErrorNotAnEmptyResult) {
  Query query;
  query.mutable_term()->set_field("doc_type");
  query.mutable_term()->set_value("memo");
  auto response = SearchByRequest(index_, Request(query));
  EXPECT_EQ(response.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(response.status().message(), HasSubstr("unknown doc_type 'memo'"));
}

TEST_F(SearchIndexTest, DateRangeCoversWholeYearsAndMonths) {
  Query query;
  query.mutable_range()->set_field("published");
  query.mutable_range()->set_gte("2001");
  query.mutable_range()->set_lte("2002");
  EXPECT_THAT(Ids(Request(query)), ::testing::UnorderedElementsAre("a", "c", "f"));
  query.mutable_range()->clear_lte();
  query.mutable_range()->clear_gte();  // gte and gt together are refused.
  query.mutable_range()->set_gt("2002-06");
  EXPECT_THAT(Ids(Request(query)), ElementsAre("b"));
}

TEST_F(SearchIndexTest, BoolCombinesMustFilterAndMustNot) {
  Query query;
  auto* boolean = query.mutable_boolean();
  *boolean->add_must() = Match("terrorism");
  auto* range = boolean->add_filter()->mutable_range();
  range->set_field("published");
  range->set_lte("2002");
  auto* not_fr = boolean->add_must_not()->mutable_term();
  not_fr->set_field("language");
  not_fr->set_value("fr");
  EXPECT_THAT(Ids(Request(query)), ::testing::UnorderedElementsAre("a", "c"));
}

TEST_F(SearchIndexTest, SortsByDateWhenAsked) {
  SearchRequest request = Request(Match("terrorism missile"));
  request.set_sort(v1::SORT_ORDER_PUBLISHED_DESC);
  EXPECT_THAT(Ids(request), ElementsAre("b", "c", "a", "f"));
}

TEST_F(SearchIndexTest, ReplacingADocumentRemovesItsOldWords) {
  Add(MakeDocument("a", "Joint statement", "Only search and rescue at sea now.", 2001));
  EXPECT_THAT(Ids(Request(Match("control"))), ElementsAre());
  EXPECT_THAT(Ids(Request(Match("rescue"))), ElementsAre("a"));
  EXPECT_EQ(index_.Stats().document_count(), 4);
}

TEST_F(SearchIndexTest, SameIdAndContentHashChangesNothing) {
  auto again =
      MakeDocument("b", "Update", "Progress on theatre missile defence and airspace management.",
                   2003, v1::DOC_TYPE_UPDATE);
  EXPECT_TRUE(index_.IsUnchanged(*again));
  auto changed = index_.Upsert(std::move(again));
  ASSERT_TRUE(changed.ok());
  EXPECT_FALSE(*changed);
}

TEST_F(SearchIndexTest, DeleteRemovesFromResultsAndStats) {
  ASSERT_TRUE(index_.Delete("c").ok());
  EXPECT_THAT(Ids(Request(Match("missile"))), ElementsAre("b"));
  EXPECT_EQ(index_.Stats().document_count(), 3);
  EXPECT_EQ(index_.Delete("c").code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(index_.Get("c").status().code(), absl::StatusCode::kNotFound);
}

// Stored documents are compressed in blocks of consecutive slots; deleting
// or replacing one leaves the others of its block readable, on either side
// of the block boundaries.
TEST(SearchIndexBlocksTest, GetsEveryLiveDocumentAfterDeletesAndReplacements) {
  SearchIndex index{SearchOptions{}};
  const int kCount = 70;  // Several whole blocks and a partial one.
  for (int n = 0; n < kCount; ++n) {
    ASSERT_TRUE(index
                    .Upsert(MakeDocument(absl::StrCat("d", n), absl::StrCat("Title ", n),
                                         absl::StrCat("Body of document ", n, " on arms control."),
                                         2000 + n % 20))
                    .ok());
  }
  for (int n = 0; n < kCount; n += 3) ASSERT_TRUE(index.Delete(absl::StrCat("d", n)).ok());
  for (int n = 1; n < kCount; n += 5) {
    ASSERT_TRUE(index
                    .Upsert(MakeDocument(absl::StrCat("d", n), absl::StrCat("Replaced ", n),
                                         "A new body.", 2021))
                    .ok());
  }
  for (int n = 0; n < kCount; ++n) {
    absl::StatusOr<Document> got = index.Get(absl::StrCat("d", n));
    if (n % 3 == 0 && n % 5 != 1) {  // Deleted and not written again.
      EXPECT_EQ(got.status().code(), absl::StatusCode::kNotFound) << n;
      continue;
    }
    ASSERT_TRUE(got.ok()) << n << ": " << got.status();
    EXPECT_EQ(got->title(), absl::StrCat(n % 5 == 1 ? "Replaced " : "Title ", n));
  }
}

TEST_F(SearchIndexTest, NamesTheFieldAtFault) {
  Query query;
  auto* boolean = query.mutable_boolean();
  boolean->add_must()->mutable_match()->set_text("x");
  boolean->add_should()->mutable_prefix()->set_field("published");
  boolean->mutable_should(0)->mutable_prefix()->set_prefix("20");
  auto response = SearchByRequest(index_, Request(query));
  EXPECT_EQ(response.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(response.status().message(), HasSubstr("query.boolean.should[0].prefix.field"));
}

TEST_F(SearchIndexTest, RefusesTooDeepQueries) {
  Query query = Match("terrorism");
  for (int i = 0; i < 40; ++i) {
    Query outer;
    *outer.mutable_boolean()->add_must() = query;
    query = outer;
  }
  auto response = SearchByRequest(index_, Request(query));
  EXPECT_EQ(response.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(response.status().message(), HasSubstr("deeper"));
}

TEST_F(SearchIndexTest, HighlightsTheMatchedWordsInTheSnippet) {
  auto response = SearchByRequest(index_, Request(Match("airspace")));
  ASSERT_TRUE(response.ok());
  ASSERT_EQ(response->hits_size(), 1);
  const auto& snippet = response->hits(0).snippets(0);
  ASSERT_EQ(snippet.highlights_size(), 1);
  EXPECT_EQ(snippet.text().substr(snippet.highlights(0).start(),
                                  snippet.highlights(0).end() - snippet.highlights(0).start()),
            "airspace");
}

TEST_F(SearchIndexTest, SnippetComesFromTheParagraphWithMostMatches) {
  // The index's positions pick the paragraph; a subtitle and an empty
  // paragraph before it must not shift the count onto the wrong one.
  auto document = MakeDocument("p", "Harbour report", "The harbour opened early.", 2004);
  document->set_subtitle("Notes on the harbour");
  document->add_paragraphs()->set_text("");
  document->add_paragraphs()->set_text("Nothing to see here.");
  document->add_paragraphs()->set_text(
      "Harbour fees rose; the harbour master blamed harbour dredging.");
  document->add_paragraphs()->set_text("A last word on the harbour.");
  Add(std::move(document));
  auto response = SearchByRequest(index_, Request(Match("harbour")));
  ASSERT_TRUE(response.ok());
  ASSERT_EQ(response->hits_size(), 1);
  const auto& snippet = response->hits(0).snippets(0);
  EXPECT_EQ(snippet.field(), "body");
  EXPECT_EQ(snippet.text(), "Harbour fees rose; the harbour master blamed harbour dredging.");
  EXPECT_EQ(snippet.highlights_size(), 3);
  // A word only in the title gives a title snippet.
  response = SearchByRequest(index_, Request(Match("report")));
  ASSERT_TRUE(response.ok());
  ASSERT_EQ(response->hits_size(), 1);
  EXPECT_EQ(response->hits(0).snippets(0).field(), "title");
}

TEST(SlopPhraseTest, TopKKeepsADocumentWhoseFirstWordRepeats) {
  // With slop, each position of the first word can start an occurrence, so
  // "missile missile defence" holds the phrase twice although "defence"
  // occurs once: a bound from the rarest word would prune the best hit.
  SearchIndex index{SearchOptions{}};
  for (const auto& [id, body] :
       std::vector<std::pair<std::string, std::string>>{{"d0", "missile defence"},
                                                        {"d1", "missile defence"},
                                                        {"d2", "missile missile defence policy"}}) {
    ASSERT_TRUE(index.Upsert(MakeDocument(id, "Note", body, 2002)).ok());
  }
  SearchRequest request;
  request.mutable_query()->mutable_phrase()->set_text("missile defence");
  request.mutable_query()->mutable_phrase()->set_field("body");
  request.mutable_query()->mutable_phrase()->set_slop(2);
  request.set_page_size(1);
  auto pruned = SearchByRequest(index, request);  // Top-k path.
  request.set_exact_total(true);
  auto exhaustive = SearchByRequest(index, request);  // Scores every match.
  ASSERT_TRUE(pruned.ok() && exhaustive.ok());
  ASSERT_EQ(pruned->hits_size(), 1);
  ASSERT_EQ(exhaustive->hits_size(), 1);
  EXPECT_EQ(exhaustive->hits(0).id(), "d2");
  EXPECT_EQ(pruned->hits(0).id(), "d2");
  EXPECT_EQ(pruned->hits(0).score(), exhaustive->hits(0).score());
}

TEST(ConjunctionTopKTest, SkipsLowScoringBlocksButNotTheHitAfterThem) {
  // Documents 0..127 hold both words often in short bodies; the rest once in
  // long ones, except the strongest, just after a block boundary. Once
  // the page is full, whole blocks of weak documents are skipped by their
  // score maxima (the total becomes a lower bound), but the strong document
  // must still be found.
  SearchIndex index{SearchOptions{}};
  std::string weak = "alpha beta";
  for (int i = 0; i < 60; ++i) weak += " filler" + std::to_string(i % 7);
  for (int doc = 0; doc < 1000; ++doc) {
    const std::string body = doc == 3 * 128 + 5 ? "alpha beta alpha beta alpha beta alpha beta"
                             : doc < 128        ? "alpha beta alpha beta alpha"
                                                : weak;
    char id[16];
    std::snprintf(id, sizeof(id), "d%04d", doc);
    ASSERT_TRUE(index.Upsert(MakeDocument(id, "Note", body, 2002)).ok());
  }
  SearchRequest request;
  request.mutable_query()->mutable_match()->set_text("alpha beta");
  request.mutable_query()->mutable_match()->set_operator_(v1::MATCH_OPERATOR_AND);
  request.mutable_query()->mutable_match()->add_fields()->set_field("body");
  request.set_page_size(100);
  auto pruned = SearchByRequest(index, request);
  request.set_exact_total(true);
  auto exhaustive = SearchByRequest(index, request);
  ASSERT_TRUE(pruned.ok() && exhaustive.ok());
  ASSERT_EQ(pruned->hits_size(), exhaustive->hits_size());
  for (int i = 0; i < pruned->hits_size(); ++i) {
    EXPECT_EQ(pruned->hits(i).id(), exhaustive->hits(i).id()) << i;
    EXPECT_EQ(pruned->hits(i).score(), exhaustive->hits(i).score()) << i;
  }
  EXPECT_EQ(exhaustive->total_size(), 1000);
  EXPECT_EQ(pruned->total_relation(), v1::TOTAL_RELATION_GREATER_THAN_OR_EQUAL_TO);
  EXPECT_LT(pruned->total_size(), 1000);
  std::vector<std::string> ids;
  for (const auto& hit : pruned->hits()) ids.push_back(hit.id());
  EXPECT_THAT(ids, ::testing::Contains("d0389"));
}

TEST_F(SearchIndexTest, AcceptsAQueryStringInsteadOfATypedQuery) {
  SearchRequest request;
  request.set_query_string(R"(terrorism -doc_type:speech published:[2001 TO 2001])");
  EXPECT_THAT(Ids(request), ::testing::UnorderedElementsAre("a", "f"));
  request.set_query_string("colour:red");
  EXPECT_THAT(SearchByRequest(index_, request).status().message(),
              HasSubstr("position 1: unknown field"));
  request.mutable_query()->mutable_match_all();
  EXPECT_THAT(SearchByRequest(index_, request).status().message(), HasSubstr("not both"));
}

TEST_F(SearchIndexTest, CountsFacetsAndPublishedYearsOverAllMatches) {
  SearchRequest request = Request(Match("terrorism missile"));
  request.set_page_size(1);
  request.add_facets("doc_type");
  request.set_date_histogram(v1::INTERVAL_YEAR);
  auto response = SearchByRequest(index_, request);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->hits_size(), 1);
  ASSERT_EQ(response->facets_size(), 1);
  std::vector<std::pair<std::string, int64_t>> types;
  for (const auto& value : response->facets(0).values())
    types.push_back({value.value(), value.count()});
  EXPECT_THAT(types, ElementsAre(std::pair<std::string, int64_t>{"communique", 1},
                                 std::pair<std::string, int64_t>{"press_statement", 1},
                                 std::pair<std::string, int64_t>{"speech", 1},
                                 std::pair<std::string, int64_t>{"update", 1}));
  std::vector<std::pair<std::string, int64_t>> years;
  for (const auto& bucket : response->date_histogram())
    years.push_back({bucket.key(), bucket.count()});
  EXPECT_THAT(years, ElementsAre(std::pair<std::string, int64_t>{"2001", 2},
                                 std::pair<std::string, int64_t>{"2002", 1},
                                 std::pair<std::string, int64_t>{"2003", 1}));
}

TEST_F(SearchIndexTest, RefusesFacetsOnNonKeywordFields) {
  SearchRequest request = Request(Match("terrorism"));
  request.add_facets("doc_type");
  request.add_facets("published");
  EXPECT_THAT(SearchByRequest(index_, request).status().message(),
              HasSubstr("facets[1]: 'published' is a date field"));
}

TEST_F(SearchIndexTest, RanksTitleMatchesAboveBodyMatches) {
  Add(MakeDocument("t", "Terrorism", "A statement on other things entirely, at some length.",
                   2004));
  auto ids = Ids(Request(Match("terrorism")));
  ASSERT_FALSE(ids.empty());
  EXPECT_EQ(ids.front(), "t");
}

}  // namespace
}  // namespace docsearch::query
