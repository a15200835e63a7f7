// ListTwins over an index: the development set's English and French
// renderings of one statement find each other with their evidence; a
// same-language copy and an unrelated statement of the same day are not
// twins; bad requests get precise statuses. Across shards: MergeTwins'
// order, cut and sums, and the development set split over two indexes
// (ListTwinsShard on each, as a coordinator asks them) answering as one.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "query_service/compare/language_twins.h"
#include "query_service/compare/twin_evidence.h"
#include "tests/query_service/compare/compare_fixture.h"

namespace docsearch::query::compare {
namespace {

using ::testing::HasSubstr;

std::vector<std::string> TwinIds(const docsearch::v1::ListTwinsResponse& response) {
  std::vector<std::string> ids;
  for (const auto& twin : response.twins()) ids.push_back(twin.id());
  return ids;
}

absl::StatusOr<docsearch::v1::ListTwinsResponse> Twins(const SearchIndex& index,
                                                       const std::string& id) {
  docsearch::v1::ListTwinsRequest request;
  request.set_id(id);
  return index.Read([&](IndexSnapshot data) { return ListTwins(request, data); });
}

class ListTwinsOnTheDevelopmentSet : public ::testing::Test {
 protected:
  void SetUp() override {
    if (testing::DevDocuments().empty()) {
      GTEST_SKIP() << "development corpus absent (../shared/corpus/nato-dev)";
    }
  }
};

TEST_F(ListTwinsOnTheDevelopmentSet, TheEnglishAndFrenchCommuniquesFindEachOther) {
  auto from_english = Twins(testing::SharedSeedIndex(), "pr-2007-p07-130e_v2.txt");
  ASSERT_TRUE(from_english.ok()) << from_english.status();
  EXPECT_EQ(from_english->language(), "en");
  ASSERT_EQ(TwinIds(*from_english), std::vector<std::string>{"pr-2007-p07-130f.txt"});
  const docsearch::v1::LanguageTwin& twin = from_english->twins(0);
  EXPECT_EQ(twin.language(), "fr");
  EXPECT_EQ(twin.evidence().date_difference_days(), 0);
  EXPECT_EQ(twin.evidence().numbered_paragraphs(), 4);
  EXPECT_EQ(twin.evidence().paragraphs_matched(), 4);
  EXPECT_GE(twin.score(), kDefaultTwinScore);
  EXPECT_GT(from_english->candidates_checked(), 0);

  auto from_french = Twins(testing::SharedSeedIndex(), "pr-2007-p07-130f.txt");
  ASSERT_TRUE(from_french.ok()) << from_french.status();
  EXPECT_THAT(TwinIds(*from_french), ::testing::Contains("pr-2007-p07-130e_v2.txt"));
  // The English copy with the same text in the same language is a mirror
  // (FindNearDuplicates), never a twin of its own kind.
  auto mirror = Twins(testing::SharedSeedIndex(), "pr-2007-p07-130e_v2.txt");
  ASSERT_TRUE(mirror.ok());
  for (const auto& found : mirror->twins()) EXPECT_NE(found.language(), "en");
}

TEST_F(ListTwinsOnTheDevelopmentSet, ASharedReferenceIsReportedNormalized) {
  auto response = Twins(testing::SharedSeedIndex(), "pr-2000-p00-111f.txt");
  ASSERT_TRUE(response.ok()) << response.status();
  ASSERT_EQ(TwinIds(*response), std::vector<std::string>{"pr-2000-p00-111e.txt"});
  EXPECT_EQ(response->twins(0).evidence().shared_reference(), "2000/111");
  EXPECT_THAT(response->twins(0).evidence().shared_anchors(), ::testing::Contains("kostunica"));
}

docsearch::v1::Document Dated(docsearch::v1::Document document, const std::string& language) {
  document.set_language(language);
  document.mutable_published()->set_year(2007);
  document.mutable_published()->set_month(12);
  document.mutable_published()->set_day(7);
  return document;
}

TEST(ListTwins, AnUnrelatedStatementOfTheSameDayIsNotLinked) {
  SearchIndex index{SearchOptions{}};
  const std::vector<docsearch::v1::Document> documents = {
      Dated(testing::MakeDocument(
                "statement-en",
                {"As NATO approaches its 60th anniversary in 2009, the Alliance is resolved.",
                 "We reviewed the decisions taken at the Summit in Riga in November 2006.",
                 "We paid tribute to the forces serving in Afghanistan and Kosovo with KFOR."}),
            "en"),
      Dated(testing::MakeDocument(
                "statement-fr",
                {"À l'approche de son 60e anniversaire, en 2009, l'Alliance est déterminée.",
                 "Nous avons examiné les décisions prises au Sommet de Riga en novembre 2006.",
                 "Nous avons rendu hommage aux forces en Afghanistan et au Kosovo avec la KFOR."}),
            "fr"),
      Dated(testing::MakeDocument(
                "unrelated-fr",
                {"Les ministres de la défense se sont réunis à Varsovie le 24 septembre.",
                 "Ils ont discuté de la Force de réaction de l'OTAN et des capacités de Prague.",
                 "Le Secrétaire général a remercié le ministre Szmajdzinski."}),
            "fr"),
  };
  for (const auto& document : documents) {
    ASSERT_TRUE(index.Upsert(std::make_unique<docsearch::v1::Document>(document)).ok());
  }
  auto response = Twins(index, "statement-en");
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(TwinIds(*response), std::vector<std::string>{"statement-fr"});
  EXPECT_EQ(response->candidates_checked(), 2);
  auto unrelated = Twins(index, "unrelated-fr");
  ASSERT_TRUE(unrelated.ok());
  EXPECT_TRUE(unrelated->twins().empty());
}

TEST(ListTwins, UndatedDocumentsAreFoundByTheirReference) {
  SearchIndex index{SearchOptions{}};
  auto with_reference = [](docsearch::v1::Document document, const std::string& language,
                           const std::string& reference) {
    document.set_language(language);
    document.set_reference(reference);
    return document;
  };
  const std::vector<docsearch::v1::Document> documents = {
      with_reference(testing::MakeDocument("statement-en",
                                           {"Lord Robertson wrote to President Kostunica about "
                                            "Kosovo, where KFOR responded."}),
                     "en", "Press Release (2000) 111"),
      with_reference(testing::MakeDocument(
                         "statement-fr", {"Lord Robertson a écrit au Président Kostunica au sujet "
                                          "du Kosovo, où la KFOR a réagi."}),
                     "fr", "Communiqu de Presse (2000)0111"),
      // The same words under another reference number: a conflict.
      with_reference(testing::MakeDocument(
                         "other-fr", {"Lord Robertson a écrit au Président Kostunica au sujet "
                                      "du Kosovo, où la KFOR a réagi."}),
                     "fr", "Communiqué de presse (2000)112"),
  };
  for (const auto& document : documents) {
    ASSERT_TRUE(index.Upsert(std::make_unique<docsearch::v1::Document>(document)).ok());
  }
  auto response = Twins(index, "statement-en");
  ASSERT_TRUE(response.ok()) << response.status();
  ASSERT_EQ(TwinIds(*response), std::vector<std::string>{"statement-fr"});
  EXPECT_EQ(response->twins(0).evidence().shared_reference(), "2000/111");
  EXPECT_EQ(response->twins(0).evidence().date_difference_days(), -1);
  EXPECT_EQ(response->candidates_checked(), 1);
}

TEST(ListTwins, BadRequestsNameTheField) {
  SearchIndex index{SearchOptions{}};
  docsearch::v1::Document only = testing::MakeDocument("only", {"One paragraph here."});
  only.clear_language();
  ASSERT_TRUE(index.Upsert(std::make_unique<docsearch::v1::Document>(only)).ok());
  auto missing = Twins(index, "absent");
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(missing.status().message(), HasSubstr("absent"));
  auto empty = Twins(index, "");
  EXPECT_EQ(empty.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(empty.status().message(), HasSubstr("id"));

  docsearch::v1::ListTwinsRequest request;
  request.set_id("only");
  request.set_min_score(1.5);
  EXPECT_THAT(ValidateListTwins(request).message(), HasSubstr("min_score"));
  request.set_min_score(0);
  request.set_max_results(kMaxTwinResults + 1);
  EXPECT_THAT(ValidateListTwins(request).message(), HasSubstr("max_results"));
  request.set_max_results(-1);
  EXPECT_EQ(ValidateListTwins(request).code(), absl::StatusCode::kInvalidArgument);
  // A document without a language has no "other" language: no twins.
  request.set_max_results(0);
  auto no_language = index.Read([&](IndexSnapshot data) { return ListTwins(request, data); });
  ASSERT_TRUE(no_language.ok());
  EXPECT_TRUE(no_language->twins().empty());
}

docsearch::v1::LanguageTwin TwinOf(const std::string& id, double score) {
  docsearch::v1::LanguageTwin twin;
  twin.set_id(id);
  twin.set_score(score);
  return twin;
}

TEST(MergeTwins, OrdersBestFirstWithTiesByIdCutsAndSums) {
  std::vector<docsearch::v1::ListTwinsResponse> answers(3);
  answers[0].set_id("source");
  answers[0].set_language("en");
  answers[0].set_candidates_checked(4);
  *answers[0].add_twins() = TwinOf("b", 0.5);
  *answers[0].add_twins() = TwinOf("d", 0.2);
  // Other shards know neither the id's language nor the document.
  answers[1].set_id("source");
  answers[1].set_candidates_checked(7);
  *answers[1].add_twins() = TwinOf("c", 0.5);
  *answers[1].add_twins() = TwinOf("a", 0.3);
  answers[2].set_candidates_checked(0);

  docsearch::v1::ListTwinsResponse merged = MergeTwins(answers, 10);
  EXPECT_EQ(merged.id(), "source");
  EXPECT_EQ(merged.language(), "en");
  EXPECT_EQ(merged.candidates_checked(), 11);
  EXPECT_EQ(TwinIds(merged), (std::vector<std::string>{"b", "c", "a", "d"}));

  // The cut keeps the best; a tie at the cut goes to the smaller id.
  EXPECT_EQ(TwinIds(MergeTwins(answers, 1)), std::vector<std::string>{"b"});
  EXPECT_EQ(TwinIds(MergeTwins(answers, 3)), (std::vector<std::string>{"b", "c", "a"}));
  EXPECT_EQ(MergeTwins(answers, 1).candidates_checked(), 11);
  // Nothing to merge: an empty answer.
  EXPECT_EQ(MergeTwins({}, 10).twins_size(), 0);
}

TEST(TwinSignalsMessage, RoundTrips) {
  docsearch::v1::Document document = testing::MakeDocument(
      "statement-en", {"As NATO approaches its 60th anniversary in 2009, Riga decided.",
                       "We paid tribute to the forces in Kosovo."});
  document.set_title("Final communiqué of the Ministerial Meeting, Заявление");
  document.set_reference("Press Release (2007)130");
  document.mutable_paragraphs(0)->set_number("1");
  document.mutable_published()->set_year(2007);
  document.mutable_published()->set_month(12);
  document.mutable_published()->set_day(7);
  const TwinSignals signals = SignalsOf(document);
  // Through the wire: title trigrams are of bytes and may cut a character.
  docsearch::v1::TwinSignalsMessage parsed;
  ASSERT_TRUE(parsed.ParseFromString(SignalsToMessage(signals).SerializeAsString()));
  const TwinSignals back = SignalsFromMessage(parsed);
  EXPECT_EQ(back.language, signals.language);
  EXPECT_EQ(back.reference, "2007/130");
  EXPECT_EQ(back.dates, signals.dates);
  EXPECT_EQ(back.paragraph_numbers, signals.paragraph_numbers);
  EXPECT_EQ(back.anchors, signals.anchors);
  EXPECT_EQ(back.title_trigrams, signals.title_trigrams);
}

// What a coordinator does (coordinator/cluster_twins.cc) over in-process
// shards: the owner asked by id, the others with the signals it returned,
// the answers merged.
absl::StatusOr<docsearch::v1::ListTwinsResponse> TwinsAcrossShards(
    const std::vector<std::unique_ptr<SearchIndex>>& shards, size_t owner,
    const docsearch::v1::ListTwinsRequest& request) {
  docsearch::v1::ListTwinsShardRequest asked;
  *asked.mutable_twins() = request;
  auto own = shards[owner]->Read([&](IndexSnapshot data) { return ListTwinsShard(asked, data); });
  if (!own.ok()) return own.status();
  std::vector<docsearch::v1::ListTwinsResponse> answers = {own->twins()};
  *asked.mutable_signals() = own->signals();
  for (size_t shard = 0; shard < shards.size(); ++shard) {
    if (shard == owner) continue;
    auto other =
        shards[shard]->Read([&](IndexSnapshot data) { return ListTwinsShard(asked, data); });
    if (!other.ok()) return other.status();
    EXPECT_FALSE(other->has_signals());
    answers.push_back(other->twins());
  }
  return MergeTwins(std::move(answers), TwinResultsOf(request));
}

TEST_F(ListTwinsOnTheDevelopmentSet, TwoShardsAnswerAsOneNode) {
  std::vector<docsearch::v1::Document> documents = testing::DevDocuments();
  std::vector<std::unique_ptr<SearchIndex>> shards;
  for (int i = 0; i < 2; ++i) shards.push_back(std::make_unique<SearchIndex>(SearchOptions{}));
  SearchIndex whole{SearchOptions{}};
  std::vector<size_t> owner_of;
  for (size_t i = 0; i < documents.size(); ++i) {
    // Every third document to shard 1, the others to shard 0: an arbitrary
    // split, as ids make one.
    owner_of.push_back(i % 3 == 0 ? 1 : 0);
    ASSERT_TRUE(whole.Upsert(std::make_unique<docsearch::v1::Document>(documents[i])).ok());
    ASSERT_TRUE(shards[owner_of.back()]
                    ->Upsert(std::make_unique<docsearch::v1::Document>(documents[i]))
                    .ok());
  }
  int linked = 0;
  int across = 0;
  for (size_t i = 0; i < documents.size(); ++i) {
    for (double min_score : {0.0, 0.05}) {
      docsearch::v1::ListTwinsRequest request;
      request.set_id(documents[i].id());
      request.set_min_score(min_score);
      request.set_max_results(min_score > 0 ? 2 : 0);
      SCOPED_TRACE(request.ShortDebugString());
      auto one = whole.Read([&](IndexSnapshot data) { return ListTwins(request, data); });
      auto many = TwinsAcrossShards(shards, owner_of[i], request);
      ASSERT_TRUE(one.ok()) << one.status();
      ASSERT_TRUE(many.ok()) << many.status();
      EXPECT_EQ(one->DebugString(), many->DebugString());
      if (min_score > 0) continue;
      for (const auto& twin : one->twins()) {
        ++linked;
        const size_t j =
            static_cast<size_t>(std::find_if(documents.begin(), documents.end(),
                                             [&](const auto& d) { return d.id() == twin.id(); }) -
                                documents.begin());
        if (j < documents.size() && owner_of[j] != owner_of[i]) ++across;
      }
    }
  }
  EXPECT_GT(linked, 0);
  EXPECT_GT(across, 0) << "no twin pair was split over the two shards";
  // An id no shard holds: one node's NOT_FOUND from its owner.
  docsearch::v1::ListTwinsRequest absent;
  absent.set_id("absent");
  EXPECT_EQ(TwinsAcrossShards(shards, 0, absent).status(),
            whole.Read([&](IndexSnapshot data) { return ListTwins(absent, data).status(); }));
}

// The calibration of docs/ENGINE.md: every pair of development-set
// documents in different languages, scored; the best 25 printed with
// their evidence. Run with --gtest_also_run_disabled_tests.
TEST(ListTwinsCalibration, DISABLED_PrintsTheBestScoringPairsOfLanguages) {
  std::vector<docsearch::v1::Document> documents;
  for (const char* folder : {"nato-dev", "statements-dev"}) {
    const std::filesystem::path docs =
        std::filesystem::path(DOCSEARCH_SHARED_CORPUS) / folder / "docs";
    if (!std::filesystem::is_directory(docs)) GTEST_SKIP() << docs << " absent";
    for (const auto& entry : std::filesystem::directory_iterator(docs)) {
      const std::string name = entry.path().filename().string();
      documents.push_back(testing::Parse(testing::ReadFile(entry.path().string()), name, name));
    }
  }
  std::vector<TwinSignals> signals;
  for (const auto& document : documents) signals.push_back(SignalsOf(document));
  std::vector<std::tuple<double, size_t, size_t, TwinScore>> scored;
  size_t pairs = 0;
  for (size_t i = 0; i < documents.size(); ++i) {
    for (size_t j = i + 1; j < documents.size(); ++j) {
      if (signals[i].language == signals[j].language) continue;
      ++pairs;
      TwinScore score = ScoreTwin(signals[i], signals[j]);
      scored.emplace_back(score.conflict ? 0 : score.score, i, j, std::move(score));
    }
  }
  std::sort(scored.begin(), scored.end(),
            [](const auto& a, const auto& b) { return std::get<0>(a) > std::get<0>(b); });
  std::printf("%zu pairs in different languages\n", pairs);
  for (size_t k = 0; k < scored.size() && k < 25; ++k) {
    const auto& [value, i, j, score] = scored[k];
    std::printf("%.3f %s %s ~ %s  days %d  paragraphs %d  anchors %.2f  title %.2f  ref '%s'\n",
                value, score.IsTwin(kDefaultTwinScore) ? "TWIN " : "     ",
                documents[i].id().c_str(), documents[j].id().c_str(),
                score.evidence.date_difference_days(), score.evidence.paragraphs_matched(),
                score.evidence.anchor_overlap(), score.evidence.title_similarity(),
                score.evidence.shared_reference().c_str());
  }
}

}  // namespace
}  // namespace docsearch::query::compare
