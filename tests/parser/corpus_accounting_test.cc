// Nothing a parse drops goes unsaid: every word of every development-corpus
// document is in the parsed document (title, subtitle, paragraphs,
// footnotes, reference, printed type label) or in a line the response lists
// as dropped, with its reason; and no line is listed as dropped twice.
// Skips when the corpus is absent.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "ingest_service/parser/document_parser.h"

namespace docsearch::ingest {
namespace {

const std::string kCorpus = DOCSEARCH_SHARED_CORPUS;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// The ASCII words of three letters or more, lower-cased, cut where a
// lower-case letter runs into a capital (a scrape's glue, which the parser
// separates) and left out when they touch a non-ASCII byte (a repaired
// mojibake sequence or an accented word is not this test's to compare).
std::vector<std::string> AsciiWords(absl::string_view text) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < text.size()) {
    if (!absl::ascii_isalpha(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    const bool after_non_ascii = i > 0 && static_cast<unsigned char>(text[i - 1]) >= 0x80;
    size_t end = i + 1;
    while (end < text.size() && absl::ascii_isalpha(static_cast<unsigned char>(text[end])) &&
           !(absl::ascii_islower(static_cast<unsigned char>(text[end - 1])) &&
             absl::ascii_isupper(static_cast<unsigned char>(text[end])))) {
      ++end;
    }
    const bool before_non_ascii =
        end < text.size() && static_cast<unsigned char>(text[end]) >= 0x80;
    if (end - i >= 3 && !after_non_ascii && !before_non_ascii) {
      words.push_back(absl::AsciiStrToLower(text.substr(i, end - i)));
    }
    i = end;
  }
  return words;
}

TEST(CorpusAccounting, EveryWordIsKeptOrInADroppedLine) {
  int documents = 0;
  for (const char* folder : {"seeds", "nato-dev/docs", "statements-dev/docs"}) {
    const std::filesystem::path directory = std::filesystem::path(kCorpus) / folder;
    if (!std::filesystem::exists(directory)) {
      GTEST_SKIP() << "corpus not found at " << directory << "; line accounting not checked";
    }
    for (const auto& entry : std::filesystem::directory_iterator(directory)) {
      if (entry.path().extension() != ".txt") continue;
      const std::string content = ReadFile(entry.path().string());
      v1::RawDocument raw;
      raw.set_content(content);
      raw.set_source_uri(entry.path().filename().string());
      absl::StatusOr<v1::ParseDocumentResponse> parsed = ParseRawDocument(raw, {});
      ASSERT_TRUE(parsed.ok()) << entry.path() << ": " << parsed.status();
      ++documents;

      const v1::Document& document = parsed->document();
      std::string out = absl::StrCat(document.title(), " ", document.subtitle(), " ",
                                     document.reference(), " ", document.doc_type_raw());
      for (const v1::Paragraph& paragraph : document.paragraphs()) {
        absl::StrAppend(&out, " ", paragraph.text());
      }
      for (const v1::Footnote& note : document.footnotes()) absl::StrAppend(&out, " ", note.text());
      absl::flat_hash_set<int> dropped_numbers;
      for (const v1::DroppedLine& line : parsed->dropped_lines()) {
        EXPECT_TRUE(dropped_numbers.insert(line.line_number()).second)
            << entry.path().filename() << ": line " << line.line_number() << " dropped twice";
        absl::StrAppend(&out, " ", line.text());
      }
      const std::vector<std::string> kept_words = AsciiWords(out);
      const absl::flat_hash_set<std::string> kept(kept_words.begin(), kept_words.end());

      std::vector<std::string> lost;
      for (const std::string& word : AsciiWords(content)) {
        if (!kept.contains(word)) lost.push_back(word);
      }
      EXPECT_TRUE(lost.empty()) << entry.path().filename() << " lost: " << absl::StrJoin(lost, " ");
    }
  }
  EXPECT_GT(documents, 100);
}

}  // namespace
}  // namespace docsearch::ingest
