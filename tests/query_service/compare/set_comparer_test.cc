// CompareSets: the significant terms and phrases of one query's documents
// against another's.
#include "query_service/compare/set_comparer.h"

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "query_service/compare/comparisons.h"
#include "query_service/compare/document_vectors.h"
#include "tests/query_service/compare/compare_fixture.h"

namespace docsearch::query::compare {
namespace {

using docsearch::v1::CompareSetsRequest;
using docsearch::v1::SignificantTerm;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

void PublishedIn(const std::string& year, docsearch::v1::Query* query) {
  auto* range = query->mutable_range();
  range->set_field("published");
  range->set_gte(year);
  range->set_lte(year);
}

CompareSetsRequest Years(const std::string& a, const std::string& b) {
  CompareSetsRequest request;
  PublishedIn(a, request.mutable_a());
  PublishedIn(b, request.mutable_b());
  request.set_max_terms(200);
  return request;
}

std::vector<std::string> Texts(const google::protobuf::RepeatedPtrField<SignificantTerm>& list) {
  std::vector<std::string> texts;
  for (const SignificantTerm& term : list) texts.push_back(term.text());
  return texts;
}

TEST(LogLikelihoodRatio, IsZeroForEqualSharesAndGrowsWithTheDifference) {
  EXPECT_NEAR(LogLikelihoodRatio(10, 100, 20, 200), 0.0, 1e-9);
  EXPECT_GT(LogLikelihoodRatio(30, 100, 10, 100), 10.83);
  EXPECT_GT(LogLikelihoodRatio(30, 100, 10, 100), LogLikelihoodRatio(20, 100, 10, 100));
  EXPECT_EQ(LogLikelihoodRatio(1, 0, 1, 1), 0.0);
}

class CompareSetsOnSeeds : public ::testing::Test {
 protected:
  CompareSetsOnSeeds()
      : index_(testing::SeedIndex(/*with_dev_corpus=*/false)), comparisons_(*index_) {}
  std::unique_ptr<SearchIndex> index_;
  Comparisons comparisons_;
};

TEST_F(CompareSetsOnSeeds, SeparatesWhatOnlyEachYearSays) {
  auto response = comparisons_.CompareSets(Years("2001", "2003"));
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->documents_a(), 1);
  EXPECT_EQ(response->documents_b(), 1);
  EXPECT_THAT(Texts(response->phrases_a()), Contains("arms control"));
  EXPECT_THAT(Texts(response->phrases_a()), Contains("crisis management"));
  EXPECT_THAT(Texts(response->phrases_b()), Contains("airspace management"));
  EXPECT_THAT(Texts(response->phrases_b()), Contains("defence reform"));
  // Said in both years: significant for neither.
  EXPECT_THAT(Texts(response->phrases_a()), Not(Contains("theatre missile defence")));
  EXPECT_THAT(Texts(response->phrases_b()), Not(Contains("theatre missile defence")));
  EXPECT_THAT(Texts(response->terms_b()), Contains("interoperability"));
  EXPECT_THAT(Texts(response->terms_a()), Not(Contains("terrorism")));
  for (const SignificantTerm& term : response->terms_a()) {
    EXPECT_EQ(term.documents_a(), 1) << term.key();
    EXPECT_EQ(term.documents_b(), 0) << term.key();
  }
}

TEST_F(CompareSetsOnSeeds, TakesTheSetsAsQueryStrings) {
  CompareSetsRequest request;
  request.set_query_string_a("published:[* TO 2001-12-31]");
  request.set_query_string_b("published:[2003-01-01 TO *]");
  request.set_max_terms(200);
  auto by_string = comparisons_.CompareSets(request);
  ASSERT_TRUE(by_string.ok()) << by_string.status();
  EXPECT_THAT(Texts(by_string->phrases_a()), Contains("arms control"));
  EXPECT_THAT(Texts(by_string->phrases_b()), Contains("defence reform"));
  // The same two documents as the typed ranges, so the same answer.
  auto typed = comparisons_.CompareSets(Years("2001", "2003"));
  ASSERT_TRUE(typed.ok()) << typed.status();
  EXPECT_EQ(by_string->DebugString(), typed->DebugString());
}

TEST_F(CompareSetsOnSeeds, NamesTheQueryStringAndThePositionAtFault) {
  CompareSetsRequest request;
  request.set_query_string_a("published:[2001-01-01 TO");
  request.set_query_string_b("terrorism");
  auto bad = comparisons_.CompareSets(request);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(bad.status().message()), StartsWith("query_string_a: position "));

  request.set_query_string_a("terrorism");
  request.set_query_string_b("terrorism colour:red");
  bad = comparisons_.CompareSets(request);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(bad.status().message()),
              StartsWith("query_string_b: position 11: unknown field"));

  request.mutable_b()->mutable_match_all();
  EXPECT_THAT(comparisons_.CompareSets(request).status().message(),
              HasSubstr("set either b or query_string_b, not both"));
}

// The index-time tallies (DocumentVectors) and the request-time analysis
// are two routes to one answer.
TEST(CompareSets, TalliesFromIndexingGiveTheAnswerOfAnalysisAtRequestTime) {
  std::unique_ptr<SearchIndex> without_vectors =
      testing::SeedIndex(/*with_dev_corpus=*/true, /*with_vectors=*/false);
  Comparisons tallied(testing::SharedSeedIndex());
  Comparisons analyzed(*without_vectors);
  CompareSetsRequest russia;
  russia.set_query_string_a("russia");
  russia.set_query_string_b("NOT russia");
  russia.set_max_terms(50);
  CompareSetsRequest sampled = russia;
  sampled.set_max_documents(3);
  for (const CompareSetsRequest& request : {Years("2001", "2003"), russia, sampled}) {
    auto x = tallied.CompareSets(request);
    auto y = analyzed.CompareSets(request);
    ASSERT_TRUE(x.ok()) << x.status();
    ASSERT_TRUE(y.ok()) << y.status();
    EXPECT_FALSE(x->terms_a().empty());
    EXPECT_FALSE(x->phrases_a().empty());
    EXPECT_EQ(x->DebugString(), y->DebugString()) << request.DebugString();
  }
}

// Replaced and deleted documents leave the tallies: the answer is that of
// an index that never saw them.
TEST(DocumentVectors, FollowReplacementsAndDeletes) {
  auto load = [](SearchIndex& index, bool final_only) {
    auto put = [&](const char* id, int year, const char* text) {
      auto added = index.Upsert(
          std::make_unique<docsearch::v1::Document>(testing::MakeDocument(id, {text}, year, 6, 1)));
      ASSERT_TRUE(added.ok()) << added.status();
    };
    put("a1", 2001, "Crisis management and arms control.");
    if (!final_only) {
      put("a2", 2001, "Arms control, search and rescue at sea.");
      put("b2", 2003, "Interoperability and defence reform.");
    }
    put("b1", 2003, "Defence reform and airspace management.");
    put("a2", 2001, "Civil emergency planning and crisis management.");
    if (!final_only) {
      ASSERT_TRUE(index.Delete("b2").ok());
    }
  };
  SearchIndex updated{SearchOptions{}};
  updated.AttachAnnex(DocumentVectors::Factory());
  load(updated, /*final_only=*/false);
  SearchIndex fresh{SearchOptions{}};
  fresh.AttachAnnex(DocumentVectors::Factory());
  load(fresh, /*final_only=*/true);
  // Attached after the writes: replays the live documents only.
  SearchIndex late{SearchOptions{}};
  load(late, /*final_only=*/false);
  late.AttachAnnex(DocumentVectors::Factory());

  const CompareSetsRequest request = Years("2001", "2003");
  auto expected = Comparisons(fresh).CompareSets(request);
  ASSERT_TRUE(expected.ok()) << expected.status();
  auto after_updates = Comparisons(updated).CompareSets(request);
  ASSERT_TRUE(after_updates.ok()) << after_updates.status();
  auto attached_late = Comparisons(late).CompareSets(request);
  ASSERT_TRUE(attached_late.ok()) << attached_late.status();
  EXPECT_EQ(after_updates->DebugString(), expected->DebugString());
  EXPECT_EQ(attached_late->DebugString(), expected->DebugString());

  EXPECT_EQ(after_updates->documents_a(), 2);
  EXPECT_EQ(after_updates->documents_b(), 1);
  EXPECT_THAT(Texts(after_updates->phrases_a()), Contains("crisis management"));
  EXPECT_THAT(Texts(after_updates->phrases_a()), Contains("civil emergency planning"));
  for (const auto* list : {&after_updates->phrases_a(), &after_updates->phrases_b()}) {
    EXPECT_THAT(Texts(*list), Not(Contains("search and rescue at sea")));  // Replaced.
  }
  EXPECT_THAT(Texts(after_updates->terms_b()), Not(Contains("interoperability")));  // Deleted.
  for (const SignificantTerm& phrase : after_updates->phrases_a()) {
    if (phrase.text() == "crisis management") {
      EXPECT_EQ(phrase.documents_a(), 2);
    }
  }
  // Dead slots hold no tallies.
  struct Slots {
    bool annexed = false;
    std::vector<bool> tallied, live;
    uint64_t memory = 0;
  };
  const Slots slots = updated.Read([](const IndexData& data) {
    Slots out;
    const DocumentVectors* vectors = DocumentVectors::Of(data);
    out.annexed = vectors != nullptr;
    for (DocId doc = 0; vectors != nullptr && doc < data.live.size(); ++doc) {
      out.tallied.push_back(vectors->Has(doc));
    }
    out.live = data.live;
    out.memory = vectors != nullptr ? vectors->MemoryBytes() : 0;
    return out;
  });
  EXPECT_TRUE(slots.annexed);
  EXPECT_EQ(slots.tallied, slots.live);
  EXPECT_GT(slots.memory, 0u);
}

// The index's two copies each have an annex; annexes from one Factory()
// hand each other their analyses. What the second one interns must be
// exactly what analyzing the document would give, and a different document
// at the same slot must not be taken for it.
TEST(DocumentVectors, PairedAnnexesInternTheSameTalliesAsAnalysis) {
  auto document = [](const std::string& id, const std::string& text) {
    docsearch::v1::Document out;
    out.set_id(id);
    out.set_content_hash(id + ":" + text);
    out.set_language("en");
    out.set_title("Statement on " + text);
    out.add_paragraphs()->set_text("The Council discussed " + text + " and crisis management.");
    return out;
  };
  const std::vector<docsearch::v1::Document> documents = {
      document("a", "civil emergency planning"), document("b", "arms control in Europe"),
      document("c", "search and rescue at sea")};
  const auto factory = DocumentVectors::Factory();
  std::unique_ptr<IndexAnnex> first = factory();
  std::unique_ptr<IndexAnnex> second = factory();
  DocumentVectors alone;
  for (uint32_t doc = 0; doc < documents.size(); ++doc) first->Added(doc, documents[doc]);
  // Slot 2 differs in the second copy: it must analyze its own document.
  const docsearch::v1::Document other = document("c", "theatre missile defence");
  for (uint32_t doc = 0; doc < documents.size(); ++doc) {
    const docsearch::v1::Document& added = doc == 2 ? other : documents[doc];
    second->Added(doc, added);
    alone.Added(doc, added);
  }
  const auto& paired = static_cast<const DocumentVectors&>(*second);
  auto readable = [](const DocumentVectors& vectors, DocId doc) {
    std::vector<std::string> out;
    for (const VectorEntry& entry : vectors.Terms(doc)) {
      out.push_back(vectors.terms().key(entry.key) + "/" +
                    vectors.terms().surface(entry.key, entry.surface) + "=" +
                    std::to_string(entry.count));
    }
    for (const VectorEntry& entry : vectors.Phrases(doc)) {
      out.push_back(vectors.phrases().key(entry.key) + "/" +
                    vectors.phrases().surface(entry.key, entry.surface) + "=" +
                    std::to_string(entry.count));
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  for (DocId doc = 0; doc < documents.size(); ++doc) {
    EXPECT_FALSE(readable(alone, doc).empty());
    EXPECT_EQ(readable(paired, doc), readable(alone, doc)) << "slot " << doc;
  }
  EXPECT_THAT(readable(paired, 2), Contains(StartsWith("missil")));
  EXPECT_EQ(paired.terms().size(), alone.terms().size());
  EXPECT_EQ(paired.phrases().size(), alone.phrases().size());
}

TEST(CompareSets, RanksByLogLikelihoodOnTheDevelopmentCorpus) {
  Comparisons comparisons(testing::SharedSeedIndex());
  CompareSetsRequest request;
  request.mutable_a()->mutable_match()->set_text("Russia");
  request.mutable_b()->mutable_boolean()->add_must_not()->mutable_match()->set_text("Russia");
  request.mutable_b()->mutable_boolean()->add_filter()->mutable_match_all();
  auto response = comparisons.CompareSets(request);
  ASSERT_TRUE(response.ok()) << response.status();
  ASSERT_GT(response->documents_a(), 1);
  ASSERT_GT(response->documents_b(), 1);
  ASSERT_FALSE(response->terms_a().empty());
  for (int i = 1; i < response->terms_a_size(); ++i) {
    EXPECT_GE(response->terms_a(i - 1).score(), response->terms_a(i).score());
  }
  EXPECT_EQ(response->terms_a(0).text(), "russia");
}

TEST(CompareSets, NamesTheFieldAtFault) {
  Comparisons comparisons(testing::SharedSeedIndex());
  CompareSetsRequest request;
  EXPECT_THAT(comparisons.CompareSets(request).status().message(), HasSubstr("a is required"));
  request.mutable_a()->mutable_match_all();
  EXPECT_THAT(comparisons.CompareSets(request).status().message(), HasSubstr("b is required"));
  request.mutable_b()->mutable_term()->set_field("colour");
  auto bad = comparisons.CompareSets(request);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(bad.status().message(), HasSubstr("b."));
  request.mutable_b()->mutable_match_all();
  request.set_max_terms(-1);
  EXPECT_THAT(comparisons.CompareSets(request).status().message(), HasSubstr("max_terms"));
}

}  // namespace
}  // namespace docsearch::query::compare
