// AnalyzeDocument's grouping of a document's tokens by term, against the
// analyzer's own token stream: each term once, with every position it has
// in the field (passages apart by kParagraphPositionGap), ascending.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "common/text_analyzer.h"
#include "docsearch/v1/document.pb.h"
#include "gtest/gtest.h"
#include "query_service/index/body_passages.h"
#include "query_service/index/index_data.h"

namespace docsearch::query {
namespace {

using docsearch::v1::Document;

// Term → positions, read from the field as a map (the order the terms are
// held in is not part of the contract).
std::map<std::string, std::vector<uint32_t>> ByTerm(const FieldTerms& field) {
  std::map<std::string, std::vector<uint32_t>> out;
  for (size_t t = 0; t < field.term_count(); ++t) {
    const auto positions = field.positions_of(t);
    out[field.terms[t]].assign(positions.begin(), positions.end());
  }
  return out;
}

// The same, built from TextAnalyzer::Analyze passage by passage.
std::map<std::string, std::vector<uint32_t>> ExpectedByTerm(
    const std::vector<std::string>& passages, const std::string& language, TextAnalyzer& analyzer,
    uint32_t* length) {
  std::map<std::string, std::vector<uint32_t>> out;
  uint32_t base = 0;
  *length = 0;
  for (const std::string& passage : passages) {
    const std::vector<Token> tokens = analyzer.Analyze(passage, language);
    for (const Token& token : tokens) out[token.term].push_back(base + token.position);
    *length += static_cast<uint32_t>(tokens.size());
    if (!tokens.empty()) base += tokens.back().position + 1 + kParagraphPositionGap;
  }
  return out;
}

TEST(AnalyzeDocument, HoldsEachTermOnceWithAllItsPositionsAcrossPassages) {
  Document document;
  document.set_id("d");
  document.set_language("en");
  document.set_title("Defence ministers meet; the ministers agree");
  document.add_paragraphs()->set_text(
      "The ministers met in Brussels. Brussels hosted the meeting.");
  document.add_paragraphs()->set_text("NATO-Russia co-operation: the ministers' defence plans.");
  document.add_paragraphs()->set_text("");  // An empty passage adds no position.
  document.add_paragraphs()->set_text("Ministers, ministers, ministers.");

  TextAnalyzer analyzer;
  const DocumentTerms terms = AnalyzeDocument(document, analyzer);

  uint32_t title_length = 0;
  EXPECT_EQ(ByTerm(terms.title), ExpectedByTerm({document.title()}, "en", analyzer, &title_length));
  EXPECT_EQ(terms.title.length, title_length);

  uint32_t body_length = 0;
  const auto expected_body =
      ExpectedByTerm(IndexedBodyPassages(document), "en", analyzer, &body_length);
  EXPECT_EQ(ByTerm(terms.body), expected_body);
  EXPECT_EQ(terms.body.length, body_length);
  // Each distinct term once, and every token's position accounted for.
  EXPECT_EQ(terms.body.term_count(), expected_body.size());
  EXPECT_EQ(terms.body.positions.size(), body_length);
  ASSERT_EQ(terms.body.position_begin.size(), terms.body.term_count() + 1);
  EXPECT_EQ(terms.body.position_begin.back(), terms.body.positions.size());
  // Each term carries the hash the index's dictionaries look it up by.
  ASSERT_EQ(terms.body.hashes.size(), terms.body.term_count());
  for (size_t t = 0; t < terms.body.term_count(); ++t) {
    EXPECT_EQ(terms.body.hashes[t], HashTerm(terms.body.terms[t])) << terms.body.terms[t];
  }

  // The word repeated in three passages: positions ascending, the later
  // passages' beyond the paragraph gap.
  const std::string minister = analyzer.Analyze("ministers", "en").front().term;
  const std::map<std::string, std::vector<uint32_t>> body = ByTerm(terms.body);
  ASSERT_TRUE(body.contains(minister));
  const std::vector<uint32_t>& positions = body.at(minister);
  ASSERT_GE(positions.size(), 5u);
  for (size_t i = 1; i < positions.size(); ++i) EXPECT_LT(positions[i - 1], positions[i]);
  EXPECT_GT(positions.back(), 2 * kParagraphPositionGap);
}

TEST(AnalyzeDocument, IndexesThePrintedLabelAndReferenceAfterTheBodyAndShowsNeither) {
  Document document;
  document.set_id("d");
  document.set_language("fr");
  document.set_title("Réunion des ministres de la défense");
  document.set_doc_type_raw("Communiqué final");
  document.set_reference("M-NAC-D-1(98)71");
  document.add_paragraphs()->set_text("Le Conseil s'est réuni à Bruxelles.");

  // What snippets are cut from is the shown text alone.
  ASSERT_EQ(BodyPassages(document), std::vector<std::string>{document.paragraphs(0).text()});
  const std::vector<std::string> indexed = IndexedBodyPassages(document);
  ASSERT_EQ(indexed.size(), 2u);
  EXPECT_EQ(indexed[0], document.paragraphs(0).text());

  TextAnalyzer analyzer;
  const DocumentTerms terms = AnalyzeDocument(document, analyzer);
  const std::map<std::string, std::vector<uint32_t>> body = ByTerm(terms.body);
  for (const char* word : {"communiqué", "final"}) {
    const std::string term = analyzer.Analyze(word, "fr").front().term;
    ASSERT_TRUE(body.contains(term)) << word;
    // After the paragraph: the passage numbers of the shown text do not move.
    EXPECT_GT(body.at(term).front(), kParagraphPositionGap) << word;
  }
  uint32_t body_length = 0;
  EXPECT_EQ(body, ExpectedByTerm(indexed, "fr", analyzer, &body_length));
  EXPECT_EQ(terms.body.length, body_length);
}

TEST(AnalyzeDocument, AddsNoHeadPassageToAPageThatPrintedNoLabel) {
  Document document;
  document.set_id("d");
  document.add_paragraphs()->set_text("One paragraph.");
  EXPECT_EQ(IndexedBodyPassages(document), BodyPassages(document));
  document.set_reference("Press Release (97)87");
  EXPECT_EQ(IndexedBodyPassages(document).back(), "Press Release (97)87");
}

TEST(AnalyzeDocument, GivesAnEmptyFieldForATextWithoutWords) {
  Document document;
  document.set_id("d");
  document.set_language("en");
  document.set_title("—");

  TextAnalyzer analyzer;
  const DocumentTerms terms = AnalyzeDocument(document, analyzer);
  EXPECT_EQ(terms.title.term_count(), 0u);
  EXPECT_EQ(terms.title.length, 0u);
  EXPECT_TRUE(terms.title.positions.empty());
  ASSERT_EQ(terms.title.position_begin.size(), 1u);
  EXPECT_EQ(terms.title.position_begin[0], 0u);
}

}  // namespace
}  // namespace docsearch::query
