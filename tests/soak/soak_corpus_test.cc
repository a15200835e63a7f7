#include "tests/soak/soak_corpus.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "ingest_service/parser/document_parser.h"

namespace docsearch::testing {
namespace {

class SoakCorpusTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "/soak_corpus_test_" + std::to_string(getpid());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ + "/" + name) << text;
  }
  std::string dir_;
};

TEST_F(SoakCorpusTest, LoadsTheTextFilesOfEveryExistingFolderInNameOrder) {
  Write("b.txt", "Second.");
  Write("a.txt", "First.");
  Write("notes.md", "Not a document.");
  Write("empty.txt", "");
  auto texts = LoadCorpusTexts({dir_ + "/missing", dir_});
  ASSERT_TRUE(texts.ok()) << texts.status();
  ASSERT_EQ(texts->size(), 2u);
  EXPECT_EQ((*texts)[0].name, "a.txt");
  EXPECT_EQ((*texts)[0].text, "First.");
  EXPECT_EQ((*texts)[1].name, "b.txt");
}

TEST_F(SoakCorpusTest, IsNotFoundWhenNoFolderHasAText) {
  EXPECT_EQ(LoadCorpusTexts({dir_, dir_ + "/missing"}).status().code(),
            absl::StatusCode::kNotFound);
}

TEST(WithMarker, AppendsAParagraphWithTheCopysOwnWord) {
  const std::string marked = WithMarker("Body text.", 42);
  EXPECT_EQ(marked.rfind("Body text.\n\n", 0), 0u);
  EXPECT_NE(marked.find(" " + MarkerWord(42) + " "), std::string::npos);
  EXPECT_NE(MarkerWord(42), MarkerWord(420));
  EXPECT_NE(WithMarker("Body text.", 1), WithMarker("Body text.", 2));
}

// The soak finds every copy by its marker word, so the parser must keep the
// marker paragraph as body text. (Not in every text: one whose tail is site
// chrome, e.g. after "Read it all http://...", loses it with the chrome; the
// soak asks the ingest service and skips such texts.)
TEST(WithMarker, SurvivesTheParserInTheBundledSamples) {
  auto texts = LoadCorpusTexts({std::string(DOCSEARCH_SAMPLES_DIR)});
  ASSERT_TRUE(texts.ok()) << texts.status();
  for (const CorpusText& text : *texts) {
    docsearch::v1::RawDocument raw;
    raw.set_content(WithMarker(text.text, 7));
    raw.set_source_uri(text.name);
    auto parsed = docsearch::ingest::ParseRawDocument(raw, {});
    ASSERT_TRUE(parsed.ok()) << text.name << ": " << parsed.status();
    bool found = false;
    for (const auto& paragraph : parsed->document().paragraphs()) {
      found = found || absl::StrContains(paragraph.text(), MarkerWord(7));
    }
    EXPECT_TRUE(found) << text.name << ": marker paragraph dropped";
  }
}

}  // namespace
}  // namespace docsearch::testing
