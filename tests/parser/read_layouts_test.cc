// The pages of bench/unseen_layouts that were read while the parser was
// fixed for them (read_while_fixing/, held_out_2/) keep what the parser
// gets right on them: the counts of right titles, types, dates and cleaned
// pages may rise, never fall. These pages measure nothing once read (the
// unread held_out/ and held_out_3/ sets do, and are not read here); they
// guard the rules written for them against later changes. The line-role
// model is also trained on them (layout_labels.h), so the floors are
// in-sample figures. Scoring is that of bench/unseen_layouts/score.py.
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "ingest_service/parser/document_parser.h"

namespace docsearch::ingest {
namespace {

namespace fs = std::filesystem;

const fs::path kLayouts = fs::path(DOCSEARCH_SOURCE_DIR) / "bench" / "unseen_layouts";

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<std::vector<std::string>> ReadTsv(const fs::path& path) {
  std::vector<std::vector<std::string>> rows;
  for (absl::string_view line : absl::StrSplit(ReadFile(path), '\n', absl::SkipEmpty())) {
    rows.push_back(absl::StrSplit(line, '\t'));
  }
  return rows;
}

struct Counts {
  int title = 0;
  int type = 0;
  int published = 0;
  int clean = 0;
};

Counts Score(const std::string& folder) {
  std::map<std::string, v1::Document> parsed;
  for (const fs::directory_entry& entry : fs::directory_iterator(kLayouts / folder)) {
    v1::RawDocument raw;
    raw.set_content(ReadFile(entry.path()));
    raw.set_source_uri(entry.path().filename().string());
    absl::StatusOr<v1::ParseDocumentResponse> response = ParseRawDocument(raw, {});
    EXPECT_TRUE(response.ok()) << entry.path() << ": " << response.status();
    if (response.ok()) parsed[entry.path().filename().string()] = response->document();
  }
  Counts counts;
  for (const std::vector<std::string>& row : ReadTsv(kLayouts / "expected.tsv")) {
    if (row.size() != 4 || !parsed.contains(row[0])) continue;
    const v1::Document& document = parsed[row[0]];
    for (absl::string_view title : absl::StrSplit(row[1], '|')) {
      if (document.title() == title) ++counts.title;
    }
    bool type = row[2] == "*";
    for (absl::string_view name : absl::StrSplit(row[2], '|')) {
      type |= v1::DocType_Name(document.doc_type()) == name;
    }
    counts.type += type ? 1 : 0;
    const std::string date =
        document.has_published()
            ? absl::StrFormat("%04d-%02d-%02d", document.published().year(),
                              document.published().month(), document.published().day())
            : "";
    counts.published += date == row[3] ? 1 : 0;
  }
  std::map<std::string, bool> clean;
  for (const std::vector<std::string>& row : ReadTsv(kLayouts / "furniture.tsv")) {
    if (row.size() != 2 || !parsed.contains(row[0])) continue;
    bool left = false;
    for (const v1::Paragraph& paragraph : parsed[row[0]].paragraphs()) {
      left |= paragraph.text() == row[1] ||
              (row[1].size() >= 20 && absl::StartsWith(paragraph.text(), row[1]));
    }
    clean.try_emplace(row[0], true);
    if (left) clean[row[0]] = false;
  }
  for (const auto& [name, is_clean] : clean) counts.clean += is_clean ? 1 : 0;
  return counts;
}

TEST(ReadLayouts, PagesReadWhileFixingKeepTheirFigures) {
  const Counts counts = Score("read_while_fixing");
  EXPECT_GE(counts.title, 69);
  EXPECT_GE(counts.type, 65);
  EXPECT_GE(counts.published, 72);
  EXPECT_GE(counts.clean, 48);
}

TEST(ReadLayouts, TheSecondSetKeepsItsFigures) {
  const Counts counts = Score("held_out_2");
  EXPECT_GE(counts.title, 20);
  EXPECT_GE(counts.type, 16);
  EXPECT_GE(counts.published, 20);
  EXPECT_GE(counts.clean, 16);
}

}  // namespace
}  // namespace docsearch::ingest
