// Parsing a text with the parser's defaults, for the tests that write
// layouts and read what the parser made of them.
#ifndef DOCSEARCH_TESTS_PARSER_PARSE_TEXT_H_
#define DOCSEARCH_TESTS_PARSER_PARSE_TEXT_H_

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest_service/parser/document_parser.h"

namespace docsearch::ingest {

// The document parsed from `text` (plain text, no source address); an empty
// document, and a test failure, when the parse fails.
inline v1::Document ParseText(const std::string& text) {
  v1::RawDocument raw;
  raw.set_content(text);
  absl::StatusOr<v1::ParseDocumentResponse> parsed = ParseRawDocument(raw, {});
  EXPECT_TRUE(parsed.ok()) << parsed.status();
  return parsed.ok() ? parsed->document() : v1::Document();
}

// The texts of the document's paragraphs, in order.
inline std::vector<std::string> ParagraphTexts(const v1::Document& document) {
  std::vector<std::string> texts;
  for (const v1::Paragraph& paragraph : document.paragraphs()) texts.push_back(paragraph.text());
  return texts;
}

// Whether any of the document's paragraphs holds `text`.
inline bool BodyHolds(const v1::Document& document, const std::string& text) {
  for (const v1::Paragraph& paragraph : document.paragraphs()) {
    if (paragraph.text().find(text) != std::string::npos) return true;
  }
  return false;
}

// A v1::Date of that day.
MATCHER_P3(IsDate, year, month, day, "") {
  return arg.year() == year && arg.month() == month && arg.day() == day;
}

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_TESTS_PARSER_PARSE_TEXT_H_
