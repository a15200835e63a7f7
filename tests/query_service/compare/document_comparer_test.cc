// CompareDocuments, specified on the seed statements (with the development
// corpus for idf) and on small hand-made texts.
#include "query_service/compare/document_comparer.h"

#include <string>
#include <vector>

#include "common/text_fingerprint.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "tests/query_service/compare/compare_fixture.h"

namespace docsearch::query::compare {
namespace {

using docsearch::v1::CompareDocumentsRequest;
using docsearch::v1::CompareDocumentsResponse;
using docsearch::v1::ComparedPhrase;
using ::testing::AnyOf;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

absl::StatusOr<CompareDocumentsResponse> Compare(const SearchIndex& index,
                                                 const CompareDocumentsRequest& request) {
  return index.Read([&](IndexSnapshot data) {
    TextAnalyzer analyzer;
    return CompareDocuments(request, data, analyzer);
  });
}

CompareDocumentsRequest ByIds(const std::string& a, const std::string& b) {
  CompareDocumentsRequest request;
  request.mutable_a()->set_id(a);
  request.mutable_b()->set_id(b);
  return request;
}

// Every readable form of a phrase list: the phrase and the side phrases it
// comes from.
std::vector<std::string> Forms(const google::protobuf::RepeatedPtrField<ComparedPhrase>& phrases) {
  std::vector<std::string> forms;
  for (const ComparedPhrase& phrase : phrases) {
    forms.push_back(phrase.text());
    forms.insert(forms.end(), phrase.forms_a().begin(), phrase.forms_a().end());
    forms.insert(forms.end(), phrase.forms_b().begin(), phrase.forms_b().end());
  }
  return forms;
}

class SeedComparison : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { index_ = testing::SeedIndex(/*with_dev_corpus=*/true).release(); }
  static void TearDownTestSuite() {
    delete index_;
    index_ = nullptr;
  }
  static const SearchIndex& index() { return *index_; }

  static SearchIndex* index_;
};

SearchIndex* SeedComparison::index_ = nullptr;

TEST_F(SeedComparison, ListsTheAreasOfCooperationBothStatementsName) {
  auto response = Compare(index(), ByIds(testing::kJointStatementId, testing::kUpdateId));
  ASSERT_TRUE(response.ok()) << response.status();
  const std::vector<std::string> shared = Forms(response->shared_phrases());
  EXPECT_THAT(shared, Contains("terrorism"));
  EXPECT_THAT(shared, Contains("non-proliferation"));
  EXPECT_THAT(shared, Contains("theatre missile defence"));
  EXPECT_THAT(shared, Contains("military-to-military cooperation"));
  EXPECT_THAT(shared, Contains(AnyOf("civil emergencies", "civil emergency planning")));
}

TEST_F(SeedComparison, ListsWhatOnlyThe2001StatementNames) {
  auto response = Compare(index(), ByIds(testing::kJointStatementId, testing::kUpdateId));
  ASSERT_TRUE(response.ok()) << response.status();
  const std::vector<std::string> only_2001 = Forms(response->only_a_phrases());
  EXPECT_THAT(only_2001, Contains("crisis management"));
  EXPECT_THAT(only_2001, Contains("arms control"));
  EXPECT_THAT(only_2001, Contains("search and rescue at sea"));
  EXPECT_THAT(only_2001, Not(Contains("theatre missile defence")));
  EXPECT_THAT(only_2001, Not(Contains("civil emergencies")));
}

TEST_F(SeedComparison, ListsWhatOnlyThe2003UpdateNames) {
  auto response = Compare(index(), ByIds(testing::kJointStatementId, testing::kUpdateId));
  ASSERT_TRUE(response.ok()) << response.status();
  const std::vector<std::string> only_2003 = Forms(response->only_b_phrases());
  EXPECT_THAT(only_2003, Contains("defence reform"));
  EXPECT_THAT(only_2003, Contains("airspace management"));
  EXPECT_THAT(only_2003, Contains("interoperability"));
  EXPECT_THAT(only_2003, Not(Contains("civil emergency planning")));
  EXPECT_THAT(only_2003, Not(Contains("terrorism")));
}

TEST_F(SeedComparison, ReportsTheDateDifferenceAndTheSides) {
  auto response = Compare(index(), ByIds(testing::kJointStatementId, testing::kUpdateId));
  ASSERT_TRUE(response.ok()) << response.status();
  ASSERT_TRUE(response->has_days_between());
  EXPECT_EQ(response->days_between(), 727);  // 7 Dec. 2001 → 4 Dec. 2003.
  EXPECT_EQ(response->a().id(), testing::kJointStatementId);
  EXPECT_EQ(response->b().title(),
            "A \xE2\x80\x9Cnew spirit\xE2\x80\x9D of cooperation "
            "between NATO and Russia");
}

TEST_F(SeedComparison, AlignsNoParagraphsThatOnlyShareTopicsUnlessAskedTo) {
  // 2001 ¶4 ("...including crisis management, ...") and 2003 ¶3 ("...in
  // particular in the fight against terrorism, defence reform, ...") name
  // the same areas of cooperation at cosine ~0.23: not the same paragraph,
  // so not aligned at the calibrated default.
  auto response = Compare(index(), ByIds(testing::kJointStatementId, testing::kUpdateId));
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_THAT(response->paragraph_pairs(), IsEmpty());
  EXPECT_EQ(response->unaligned_a_size(), response->a().paragraph_count());
  EXPECT_EQ(response->unaligned_b_size(), response->b().paragraph_count());
  // A looser threshold asked for finds the link.
  CompareDocumentsRequest loose = ByIds(testing::kJointStatementId, testing::kUpdateId);
  loose.set_min_paragraph_similarity(0.2);
  response = Compare(index(), loose);
  ASSERT_TRUE(response.ok()) << response.status();
  bool found = false;
  for (const auto& pair : response->paragraph_pairs()) {
    EXPECT_GE(pair.similarity(), 0.2);
    found |= pair.a_index() == 3 && pair.b_index() == 2;
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(response->paragraph_pairs_size() + response->unaligned_a_size(),
            response->a().paragraph_count());
  EXPECT_EQ(response->paragraph_pairs_size() + response->unaligned_b_size(),
            response->b().paragraph_count());
}

TEST_F(SeedComparison, RelatedStatementsScoreBetweenZeroAndOne) {
  auto response = Compare(index(), ByIds(testing::kJointStatementId, testing::kUpdateId));
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_GT(response->similarity().cosine(), 0.1);
  EXPECT_LT(response->similarity().cosine(), 0.6);
  // Different wording: almost no 3-word shingle in common.
  EXPECT_LT(response->similarity().shingle_jaccard(), 0.1);
}

TEST_F(SeedComparison, ADocumentComparedWithItselfScoresOneAndHasNothingDistinctive) {
  auto response = Compare(index(), ByIds(testing::kUpdateId, testing::kUpdateId));
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->similarity().cosine(), 1.0);
  EXPECT_EQ(response->similarity().shingle_jaccard(), 1.0);
  EXPECT_EQ(response->similarity().minhash_resemblance(), 1.0);
  EXPECT_EQ(response->similarity().simhash_distance(), 0);
  EXPECT_EQ(response->only_a_terms_size(), 0);
  EXPECT_EQ(response->only_b_terms_size(), 0);
  EXPECT_EQ(response->only_a_phrases_size(), 0);
  EXPECT_EQ(response->only_b_phrases_size(), 0);
  EXPECT_THAT(response->unaligned_a(), IsEmpty());
  for (const auto& pair : response->paragraph_pairs()) {
    EXPECT_EQ(pair.a_index(), pair.b_index());
    EXPECT_DOUBLE_EQ(pair.similarity(), 1.0);
  }
  EXPECT_EQ(response->days_between(), 0);
}

TEST_F(SeedComparison, GivesTheSameNumbersInTheSameOrderEveryTime) {
  auto first = Compare(index(), ByIds(testing::kJointStatementId, testing::kUpdateId));
  auto second = Compare(index(), ByIds(testing::kJointStatementId, testing::kUpdateId));
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(*first, *second));
}

TEST_F(SeedComparison, ComparesAStoredDocumentWithRawText) {
  const docsearch::v1::Document statement = testing::JointStatement2001();
  CompareDocumentsRequest request;
  request.mutable_a()->set_id(testing::kJointStatementId);
  request.mutable_b()->set_text(statement.paragraphs(3).text());
  auto response = Compare(index(), request);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->b().id(), "");
  EXPECT_EQ(response->b().paragraph_count(), 1);
  ASSERT_EQ(response->paragraph_pairs_size(), 1);
  EXPECT_EQ(response->paragraph_pairs(0).a_index(), 3);
  EXPECT_DOUBLE_EQ(response->paragraph_pairs(0).similarity(), 1.0);
  EXPECT_EQ(response->only_b_phrases_size(), 0);
  EXPECT_FALSE(response->has_days_between());
}

TEST_F(SeedComparison, RejectsARawTextInALanguageTheAnalyzerDoesNotKnow) {
  // Before, the text was analysed unstemmed, silently.
  CompareDocumentsRequest request;
  request.mutable_a()->set_id(testing::kJointStatementId);
  request.mutable_b()->set_text("Missile defence and crisis management.");
  request.mutable_b()->set_language("xx");
  auto response = Compare(index(), request);
  EXPECT_EQ(response.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(response.status().message(),
              HasSubstr("b.language: unknown language 'xx'; expected one of en, fr"));
  request.mutable_b()->set_language("EN-gb");
  EXPECT_TRUE(Compare(index(), request).ok());
}

// A stored document's fingerprint was made at ingest, a raw text's is made
// here: one scheme over the same body (the paragraphs, not the footnotes or
// title), so the same body gives the same numbers.
TEST(CompareDocuments, AStoredFingerprintMatchesOneComputedFromTheSameBody) {
  const std::vector<std::string> paragraphs = {
      "We condemn terrorism in all its manifestations and reiterate our deepest sympathies to "
      "the victims and their families.",
      "We fully support the resolutions of the Security Council and will spare no efforts in "
      "bringing the perpetrators to justice."};
  docsearch::v1::Document stored = testing::MakeDocument("stored", paragraphs);
  stored.set_title("Statement by the Council");
  stored.add_footnotes()->set_text("1. Issued at the meeting of the Council in Brussels.");
  // As the ingest parser stores it (ingest_service/parser/document_parser.cc).
  *stored.mutable_fingerprint() = ComputeTextFingerprint(FingerprintedText(stored));
  SearchIndex index{SearchOptions{}};
  ASSERT_TRUE(index.Upsert(std::make_unique<docsearch::v1::Document>(stored)).ok());

  CompareDocumentsRequest request;
  request.mutable_a()->set_id("stored");
  request.mutable_b()->set_text(paragraphs[0] + "\n\n" + paragraphs[1]);
  auto response = Compare(index, request);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->similarity().shingle_jaccard(), 1.0);
  EXPECT_EQ(response->similarity().minhash_resemblance(), 1.0);
  EXPECT_EQ(response->similarity().simhash_distance(), 0);
}

TEST_F(SeedComparison, SharesAPhraseOnlyWhereBothSidesWriteIt) {
  // The 2001 title "NATO-Russia Joint Statement" and the 2003 "NATO and
  // Russia" share the stems nato, russia, but no phrase.
  auto response = Compare(index(), ByIds(testing::kJointStatementId, testing::kUpdateId));
  ASSERT_TRUE(response.ok()) << response.status();
  for (const ComparedPhrase& phrase : response->shared_phrases()) {
    for (const std::string& form : phrase.forms_b()) {
      EXPECT_THAT(form, Not(HasSubstr("NATO and Russia")))
          << "shared phrase \"" << phrase.text() << "\" pairs " << phrase.forms_a(0) << " with "
          << form;
    }
  }
}

TEST_F(SeedComparison, AlignedParagraphsCarryTheirWordEdits) {
  // Paragraph 3 of the 2001 statement with one resolution number changed
  // and a clause added: the pair lists exactly those edits.
  const docsearch::v1::Document statement = testing::JointStatement2001();
  const std::string original = statement.paragraphs(2).text();
  std::string edited = original;
  const size_t number = edited.find("1373");
  ASSERT_NE(number, std::string::npos);
  edited.replace(number, 4, "1377");
  edited += " We welcome the agreement.";
  CompareDocumentsRequest request;
  request.mutable_a()->set_id(testing::kJointStatementId);
  request.mutable_b()->set_text(edited);
  auto response = Compare(index(), request);
  ASSERT_TRUE(response.ok()) << response.status();
  ASSERT_EQ(response->paragraph_pairs_size(), 1);
  const auto& pair = response->paragraph_pairs(0);
  EXPECT_EQ(pair.a_index(), 2);
  ASSERT_EQ(pair.edits_size(), 2);
  EXPECT_EQ(pair.edits(0).kind(), docsearch::v1::WORD_EDIT_KIND_REPLACE);
  EXPECT_EQ(pair.edits(0).from_text(), "1373");
  EXPECT_EQ(pair.edits(0).to_text(), "1377");
  EXPECT_TRUE(pair.edits(0).numeric());
  EXPECT_EQ(original.substr(pair.edits(0).from_start(), 4), "1373");
  EXPECT_EQ(pair.edits(1).kind(), docsearch::v1::WORD_EDIT_KIND_INSERT);
  // Either placement of the period around the insertion is a shortest diff.
  EXPECT_THAT(pair.edits(1).to_text(), HasSubstr("We welcome the agreement"));
  // Identical paragraphs have none.
  auto same = Compare(index(), ByIds(testing::kUpdateId, testing::kUpdateId));
  ASSERT_TRUE(same.ok());
  for (const auto& aligned : same->paragraph_pairs()) EXPECT_EQ(aligned.edits_size(), 0);
}

TEST(CompareDocuments, UnrelatedPassagesScoreNearZero) {
  SearchIndex index{SearchOptions{}};
  CompareDocumentsRequest request;
  request.mutable_a()->set_text(
      "The council approved the budget for road maintenance and bridge repairs in the "
      "northern districts.");
  request.mutable_b()->set_text(
      "Heavy rainfall flooded several vineyards, and growers expect a poor grape harvest "
      "this autumn.");
  auto response = Compare(index, request);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_LT(response->similarity().cosine(), 0.05);
  EXPECT_LT(response->similarity().shingle_jaccard(), 0.05);
  EXPECT_EQ(response->shared_phrases_size(), 0);
  EXPECT_EQ(response->paragraph_pairs_size(), 0);
}

TEST(CompareDocuments, AlignsMovedParagraphsAndListsTheNewOnes) {
  SearchIndex index{SearchOptions{}};
  CompareDocumentsRequest request;
  request.mutable_a()->set_text(
      "Ministers reviewed cooperation on theatre missile defence and airspace management.\n\n"
      "The Council condemned the terrorist attacks and the sponsors of terrorism.\n\n"
      "Search and rescue at sea exercises will take place in the Baltic.");
  request.mutable_b()->set_text(
      "The Council again condemned terrorist attacks and all sponsors of terrorism.\n\n"
      "Ministers reviewed progress on theatre missile defence and airspace management.\n\n"
      "A new working group on defence reform was set up.");
  auto response = Compare(index, request);
  ASSERT_TRUE(response.ok()) << response.status();
  ASSERT_EQ(response->paragraph_pairs_size(), 2);
  EXPECT_EQ(response->paragraph_pairs(0).a_index(), 0);
  EXPECT_EQ(response->paragraph_pairs(0).b_index(), 1);
  EXPECT_EQ(response->paragraph_pairs(1).a_index(), 1);
  EXPECT_EQ(response->paragraph_pairs(1).b_index(), 0);
  EXPECT_THAT(response->paragraph_pairs(0).shared_terms(), Contains("airspace"));
  EXPECT_THAT(response->unaligned_a(), ::testing::ElementsAre(2));
  EXPECT_THAT(response->unaligned_b(), ::testing::ElementsAre(2));
}

TEST(CompareDocuments, SplitsSharedAndDistinctEntities) {
  SearchIndex index{SearchOptions{}};
  docsearch::v1::Document a = testing::MakeDocument("a", {"Lord Robertson met in Brussels."});
  docsearch::v1::Document b = testing::MakeDocument("b", {"Lord Robertson went to Moscow."});
  auto add_entity = [](docsearch::v1::Document& d, docsearch::v1::EntityType type,
                       const std::string& name) {
    auto* entity = d.add_entities();
    entity->set_type(type);
    entity->set_name(name);
    entity->set_mention_count(1);
  };
  add_entity(a, docsearch::v1::ENTITY_TYPE_PERSON, "Lord Robertson");
  add_entity(a, docsearch::v1::ENTITY_TYPE_PLACE, "Brussels");
  add_entity(b, docsearch::v1::ENTITY_TYPE_PERSON, "Lord Robertson");
  add_entity(b, docsearch::v1::ENTITY_TYPE_PLACE, "Moscow");
  ASSERT_TRUE(index.Upsert(std::make_unique<docsearch::v1::Document>(a)).ok());
  ASSERT_TRUE(index.Upsert(std::make_unique<docsearch::v1::Document>(b)).ok());
  auto response = Compare(index, ByIds("a", "b"));
  ASSERT_TRUE(response.ok()) << response.status();
  ASSERT_EQ(response->shared_entities_size(), 1);
  EXPECT_EQ(response->shared_entities(0).name(), "Lord Robertson");
  ASSERT_EQ(response->only_a_entities_size(), 1);
  EXPECT_EQ(response->only_a_entities(0).name(), "Brussels");
  ASSERT_EQ(response->only_b_entities_size(), 1);
  EXPECT_EQ(response->only_b_entities(0).name(), "Moscow");
}

TEST(CompareDocuments, RanksSharedTermsByTheirSmallerWeight) {
  SearchIndex index{SearchOptions{}};
  CompareDocumentsRequest request;
  request.mutable_a()->set_text("missile defence missile defence cooperation");
  request.mutable_b()->set_text("missile defence reform");
  auto response = Compare(index, request);
  ASSERT_TRUE(response.ok()) << response.status();
  ASSERT_EQ(response->shared_terms_size(), 2);
  EXPECT_EQ(response->shared_terms(0).text(), "defence");  // Ties: by term.
  EXPECT_EQ(response->shared_terms(1).text(), "missile");
  EXPECT_EQ(response->shared_terms(0).count_a(), 2);
  EXPECT_EQ(response->shared_terms(0).count_b(), 1);
  ASSERT_EQ(response->only_a_terms_size(), 1);
  EXPECT_EQ(response->only_a_terms(0).text(), "cooperation");
  ASSERT_EQ(response->only_b_terms_size(), 1);
  EXPECT_EQ(response->only_b_terms(0).text(), "reform");
}

TEST(CompareDocuments, NamesTheFieldAtFault) {
  SearchIndex index{SearchOptions{}};
  CompareDocumentsRequest request;
  request.mutable_b()->set_text("x");
  EXPECT_THAT(Compare(index, request).status().message(), HasSubstr("a is required"));

  request.mutable_a()->set_id("");
  auto empty_id = Compare(index, request);
  EXPECT_EQ(empty_id.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(empty_id.status().message(), HasSubstr("a.id is empty"));

  request.mutable_a()->set_id("nope");
  auto missing = Compare(index, request);
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(missing.status().message(), HasSubstr("a.id"));

  request.mutable_a()->set_text("x");
  request.mutable_b()->Clear();
  auto no_source = Compare(index, request);
  EXPECT_EQ(no_source.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(no_source.status().message(), HasSubstr("b needs an id or a text"));

  request.mutable_b()->set_text("   ");
  EXPECT_THAT(Compare(index, request).status().message(), HasSubstr("b.text is empty"));

  request.mutable_b()->set_text("y");
  request.set_min_paragraph_similarity(2);
  EXPECT_THAT(Compare(index, request).status().message(), HasSubstr("min_paragraph_similarity"));
}

}  // namespace
}  // namespace docsearch::query::compare
