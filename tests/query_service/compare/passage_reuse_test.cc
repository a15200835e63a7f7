// FindPassageReuse: fingerprints find verbatim and near copies of a
// paragraph and nothing unrelated (unit tests), and on the development set
// the mirrors and re-renderings of one statement find each other, dated,
// with the earliest marked (its ground truth: the groups of files that the
// labels give the same title and date, from different sites or renderings).
#include "query_service/compare/passage_reuse.h"

#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "query_service/compare/passage_fingerprints.h"
#include "query_service/compare/passage_index.h"
#include "query_service/index/annex_set.h"
#include "query_service/search/search_index.h"
#include "tests/query_service/compare/compare_fixture.h"

namespace docsearch::query::compare {
namespace {

using docsearch::v1::Document;
using docsearch::v1::FindPassageReuseRequest;
using docsearch::v1::FindPassageReuseResponse;
using ::testing::HasSubstr;

constexpr char kParagraph[] =
    "We condemn terrorism in all its manifestations. We reiterate our deepest sympathies to the "
    "victims, and their families, of the September 11 and other terrorist attacks.";

TEST(FingerprintParagraph, MatchesCopiesAndNotUnrelatedText) {
  TextAnalyzer analyzer;
  const auto original = FingerprintParagraph(kParagraph, analyzer);
  ASSERT_EQ(original.size(), 1u);
  // Case, accents, spacing and punctuation do not matter.
  const auto copy = FingerprintParagraph(
      "WE CONDEMN terrorism in all its manifestations; we reiterate our deepest sympathies to "
      "the victims -- and their families -- of the September 11 and other terrorist attacks",
      analyzer);
  EXPECT_DOUBLE_EQ(ShingleJaccard(original[0].shingles, copy[0].shingles), 1.0);
  EXPECT_EQ(original[0].bands, copy[0].bands);
  const auto accents = FingerprintParagraph(
      "Les Alliés réaffirment leur engagement envers la sécurité de la région.", analyzer);
  const auto lost = FingerprintParagraph(
      "Les Allies reaffirment leur engagement envers la securite de la region.", analyzer);
  EXPECT_DOUBLE_EQ(ShingleJaccard(accents[0].shingles, lost[0].shingles), 1.0);
  // One word changed: still most shingles.
  const auto edited = FingerprintParagraph(
      "We condemn terrorism in all its forms. We reiterate our deepest sympathies to the "
      "victims, and their families, of the September 11 and other terrorist attacks.",
      analyzer);
  EXPECT_GT(ShingleJaccard(original[0].shingles, edited[0].shingles), 0.7);
  const auto unrelated = FingerprintParagraph(
      "Heavy rainfall flooded several vineyards, and growers expect a poor grape harvest.",
      analyzer);
  EXPECT_LT(ShingleJaccard(original[0].shingles, unrelated[0].shingles), 0.05);
  EXPECT_TRUE(FingerprintParagraph("Go to Homepage Go to Index", analyzer).empty());
}

TEST(FingerprintParagraph, CutsLongParagraphsIntoSentenceWindows) {
  TextAnalyzer analyzer;
  std::string text;
  for (int i = 0; i < 6; ++i) {
    absl::StrAppend(&text, "Sentence number ", i,
                    " talks about cooperation between the allies and their partners in the "
                    "region. ");
  }
  const auto passages = FingerprintParagraph(text, analyzer);
  ASSERT_GT(passages.size(), 2u);
  EXPECT_EQ(passages[0].window, 0);
  EXPECT_EQ(passages[0].start, 0u);
  uint32_t previous_end = 0;
  for (size_t k = 1; k < passages.size(); ++k) {
    EXPECT_EQ(passages[k].window, k);
    EXPECT_GE(passages[k].start, previous_end);
    EXPECT_EQ(text[passages[k].end], '.');  // Whole sentences (spans end at a word).
    previous_end = passages[k].end;
  }
}

std::unique_ptr<SearchIndex> ReuseIndex(const std::vector<Document>& documents) {
  auto index = std::make_unique<SearchIndex>(SearchOptions{});
  index->AttachAnnex(AnnexSet::Of({PassageIndex::Factory()}));
  for (const Document& document : documents) {
    EXPECT_TRUE(index->Upsert(std::make_unique<Document>(document)).ok());
  }
  return index;
}

absl::StatusOr<FindPassageReuseResponse> Reuse(const SearchIndex& index,
                                               const FindPassageReuseRequest& request) {
  TextAnalyzer analyzer;
  return index.Read(
      [&](IndexSnapshot data) { return FindPassageReuse(request, data, analyzer, QueryLimits{}); });
}

Document Dated(const std::string& id, const std::vector<std::string>& paragraphs, int year,
               const std::string& doc_type = "") {
  Document document = testing::MakeDocument(id, paragraphs, year, 1, 1);
  if (doc_type == "speech") document.set_doc_type(docsearch::v1::DOC_TYPE_SPEECH);
  return document;
}

TEST(FindPassageReuse, ListsCopiesOldestFirstWithTheFirstSourceAndAlignedSpans) {
  const std::string quoted =
      absl::StrCat("The spokesman recalled the statement: ", kParagraph, " He added nothing more.");
  auto index = ReuseIndex({
      Dated("reprint-2003", {"Intro paragraph of the reprint, short.", kParagraph}, 2003),
      Dated("original-2001", {kParagraph, "Another paragraph about something else entirely."},
            2001),
      Dated("quote-2002", {quoted}, 2002, "speech"),
      Dated("unrelated",
            {"Heavy rainfall flooded several vineyards, and growers expect a poor "
             "grape harvest this autumn."},
            2000),
  });
  FindPassageReuseRequest request;
  request.mutable_passage()->set_id("reprint-2003");
  request.mutable_passage()->set_paragraph_index(1);
  auto response = Reuse(*index, request);
  ASSERT_TRUE(response.ok()) << response.status();
  ASSERT_EQ(response->passages_size(), 3);
  EXPECT_EQ(response->passages(0).id(), "original-2001");
  EXPECT_TRUE(response->passages(0).first_known_source());
  EXPECT_DOUBLE_EQ(response->passages(0).similarity(), 1.0);
  EXPECT_EQ(response->passages(1).id(), "quote-2002");
  EXPECT_FALSE(response->passages(1).first_known_source());
  EXPECT_GT(response->passages(1).containment(), 0.95);
  // The aligned span is the quoted statement inside the longer paragraph,
  // from its first word to its last.
  const auto& quote = response->passages(1);
  const std::string words = std::string(kParagraph).substr(0, std::string(kParagraph).size() - 1);
  EXPECT_EQ(quoted.substr(quote.start(), quote.end() - quote.start()), words);
  EXPECT_EQ(quote.text(), words);
  EXPECT_EQ(quote.source_start(), 0);
  EXPECT_EQ(quote.source_end(), static_cast<int>(words.size()));
  EXPECT_EQ(response->passages(2).id(), "reprint-2003");
  EXPECT_TRUE(response->passages(2).is_query());
  EXPECT_EQ(response->passages(2).paragraph_index(), 1);

  // A typed filter applies: speeches only.
  request.mutable_filter()->mutable_term()->set_field("doc_type");
  request.mutable_filter()->mutable_term()->set_value("speech");
  auto speeches = Reuse(*index, request);
  ASSERT_TRUE(speeches.ok()) << speeches.status();
  ASSERT_EQ(speeches->passages_size(), 1);
  EXPECT_EQ(speeches->passages(0).id(), "quote-2002");
  EXPECT_TRUE(speeches->passages(0).first_known_source());

  // Any text, near-verbatim.
  FindPassageReuseRequest by_text;
  by_text.set_text(
      "We condemn terrorism in all of its manifestations. We reiterate our deepest sympathies to "
      "the victims and their families of the September 11 and other terrorist attacks.");
  auto found = Reuse(*index, by_text);
  ASSERT_TRUE(found.ok()) << found.status();
  ASSERT_EQ(found->passages_size(), 3);
  for (const auto& passage : found->passages()) {
    EXPECT_FALSE(passage.is_query());
    EXPECT_GT(passage.similarity(), 0.5);
    EXPECT_LT(passage.similarity(), 1.0);
  }
  by_text.set_min_similarity(0.7);  // The quote, diluted by its own words, drops out.
  found = Reuse(*index, by_text);
  ASSERT_TRUE(found.ok()) << found.status();
  EXPECT_EQ(found->passages_size(), 2);
}

TEST(FindPassageReuse, BadRequestsNameTheirField) {
  auto index = ReuseIndex({Dated("doc", {kParagraph, "Too short."}, 2001)});
  FindPassageReuseRequest request;
  EXPECT_EQ(Reuse(*index, request).status().code(), absl::StatusCode::kInvalidArgument);
  request.mutable_passage()->set_id("missing");
  EXPECT_EQ(Reuse(*index, request).status().code(), absl::StatusCode::kNotFound);
  request.mutable_passage()->set_id("doc");
  request.mutable_passage()->set_paragraph_index(5);
  auto past = Reuse(*index, request);
  EXPECT_EQ(past.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(past.status().message(), HasSubstr("passage.paragraph_index"));
  request.mutable_passage()->set_paragraph_index(1);
  auto short_one = Reuse(*index, request);
  EXPECT_EQ(short_one.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(short_one.status().message(), HasSubstr("fewer than 8 words"));
  request.mutable_passage()->set_paragraph_index(0);
  request.set_min_similarity(1.5);
  EXPECT_THAT(Reuse(*index, request).status().message(), HasSubstr("min_similarity"));
  request.set_min_similarity(0);
  request.set_max_results(5000);
  EXPECT_THAT(Reuse(*index, request).status().message(), HasSubstr("max_results"));
  // An index without passage fingerprints says so.
  SearchIndex bare{SearchOptions{}};
  ASSERT_TRUE(bare.Upsert(std::make_unique<Document>(Dated("doc", {kParagraph}, 2001))).ok());
  FindPassageReuseRequest text;
  text.set_text(kParagraph);
  EXPECT_EQ(Reuse(bare, text).status().code(), absl::StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace docsearch::query::compare

namespace docsearch::query::compare {
namespace {

// The development set's groups of files that are one statement (the labels
// give them the same title and date): mirrors on other sites and
// re-renderings (_v2) of nato.int pages.
const std::vector<std::vector<std::string>>& MirrorGroups() {
  static const auto* groups = new std::vector<std::vector<std::string>>{
      {"pr-2001-p01-171e.txt", "pr-2001-p01-171e_v2.txt"},
      {"pr-2003-p03-147e.txt", "pr-2003-p03-147e_v2.txt"},
      {"clintonwh-1999-04-24-washington-summit-communique.txt", "gpo-PPP-1999-book1-doc-pg613.txt"},
      {"speech-2004-s040402c.txt", "speech-2004-s040402c_v2.txt"},
      {"rigasummit-278.txt", "scribd-Riga-Summit-Declaration.txt", "cps-official_texts_37920.txt",
       "auscity-20061129110504.txt", "pr-2006-p06-150e.txt", "pr-2006-p06-150e_v2.txt"},
  };
  return *groups;
}

TEST(FindPassageReuseOnTheDevelopmentSet, MirrorsOfOneStatementFindEachOther) {
  std::vector<Document> documents = testing::DevDocuments();
  if (documents.empty()) GTEST_SKIP() << "development corpus absent (../shared/corpus/nato-dev)";
  documents.push_back(testing::JointStatement2001());
  documents.push_back(testing::Update2003());
  std::map<std::string, Document> by_id;
  for (const Document& document : documents) by_id[document.id()] = document;
  auto index = ReuseIndex(documents);

  int pairs = 0, found_pairs = 0;
  for (const auto& group : MirrorGroups()) {
    for (const std::string& member : group) {
      ASSERT_TRUE(by_id.count(member)) << member;
      std::set<std::string> found;
      const Document& document = by_id[member];
      for (int p = 0; p < document.paragraphs_size(); ++p) {
        FindPassageReuseRequest request;
        request.mutable_passage()->set_id(member);
        request.mutable_passage()->set_paragraph_index(p);
        auto response = Reuse(*index, request);
        if (!response.ok()) continue;  // A paragraph too short to fingerprint.
        for (const auto& passage : response->passages()) found.insert(passage.id());
      }
      for (const std::string& other : group) {
        if (other == member) continue;
        ++pairs;
        if (found.count(other)) {
          ++found_pairs;
        } else {
          ADD_FAILURE() << member << " finds no paragraph of " << other;
        }
      }
    }
  }
  // Memory, as docs/ENGINE.md states it: the shared table per document.
  const auto [bytes, passages] = index->Read([](IndexSnapshot data) {
    const PassageTable& table = PassageIndex::Of(*data)->table();
    return std::make_pair(table.MemoryBytes(), table.passage_count());
  });
  std::cout << "passage fingerprints: " << documents.size() << " documents, " << passages
            << " passages, " << bytes << " bytes (" << bytes / documents.size()
            << " per document)\n";
  EXPECT_LT(bytes / documents.size(), 4096u);
  RecordProperty("mirror_pairs", pairs);
  RecordProperty("mirror_pairs_found", found_pairs);
  EXPECT_EQ(found_pairs, pairs);
}

}  // namespace
}  // namespace docsearch::query::compare
