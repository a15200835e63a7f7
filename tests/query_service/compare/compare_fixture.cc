#include "tests/query_service/compare/compare_fixture.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "gtest/gtest.h"
#include "ingest_service/parser/document_parser.h"
#include "query_service/compare/document_vectors.h"

namespace docsearch::query::compare::testing {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "";
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

docsearch::v1::Document Parse(const std::string& content, const std::string& id,
                              const std::string& source_uri) {
  docsearch::v1::RawDocument raw;
  raw.set_content(content);
  raw.set_id(id);
  raw.set_source_uri(source_uri);
  absl::StatusOr<docsearch::v1::ParseDocumentResponse> parsed =
      docsearch::ingest::ParseRawDocument(raw, {});
  EXPECT_TRUE(parsed.ok()) << id << ": " << parsed.status();
  return parsed.ok() ? parsed->document() : docsearch::v1::Document();
}

docsearch::v1::Document JointStatement2001() {
  return Parse(
      ReadFile(std::string(DOCSEARCH_SAMPLES) + "/2001-12-07-nato-russia-joint-statement.txt"),
      kJointStatementId);
}

docsearch::v1::Document Update2003() {
  return Parse(ReadFile(std::string(DOCSEARCH_SAMPLES) +
                        "/2003-12-04-nato-update-new-spirit-of-cooperation.txt"),
               kUpdateId);
}

std::vector<docsearch::v1::Document> DevDocuments() {
  std::vector<docsearch::v1::Document> documents;
  const std::filesystem::path folder =
      std::filesystem::path(DOCSEARCH_SHARED_CORPUS) / "nato-dev" / "docs";
  std::error_code error;
  if (!std::filesystem::is_directory(folder, error)) {
    // Tests that ask for it assert on what it holds; say why they will fail
    // (a build configured from a copy of the tree that has no ../shared
    // beside it: set DOCSEARCH_SHARED_CORPUS).
    ADD_FAILURE() << "development corpus not found: " << folder.string();
    return documents;
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    documents.push_back(
        Parse(ReadFile(file.string()), file.filename().string(), file.filename().string()));
  }
  return documents;
}

std::unique_ptr<SearchIndex> SeedIndex(bool with_dev_corpus, bool with_vectors) {
  auto index = std::make_unique<SearchIndex>(SearchOptions{});
  // As the query service does: attached before any document is loaded.
  if (with_vectors) index->AttachAnnex(DocumentVectors::Factory());
  std::vector<docsearch::v1::Document> documents = {JointStatement2001(), Update2003()};
  if (with_dev_corpus) {
    for (auto& document : DevDocuments()) documents.push_back(std::move(document));
  }
  for (auto& document : documents) {
    auto added = index->Upsert(std::make_unique<docsearch::v1::Document>(std::move(document)));
    EXPECT_TRUE(added.ok()) << added.status();
  }
  return index;
}

const SearchIndex& SharedSeedIndex() {
  static const SearchIndex* index = SeedIndex(/*with_dev_corpus=*/true).release();
  return *index;
}

docsearch::v1::Document MakeDocument(const std::string& id,
                                     const std::vector<std::string>& paragraphs, int year,
                                     int month, int day) {
  docsearch::v1::Document document;
  document.set_id(id);
  document.set_language("en");
  for (const std::string& text : paragraphs) document.add_paragraphs()->set_text(text);
  if (year > 0) {
    document.mutable_published()->set_year(year);
    document.mutable_published()->set_month(month);
    document.mutable_published()->set_day(day);
  }
  return document;
}

}  // namespace docsearch::query::compare::testing
