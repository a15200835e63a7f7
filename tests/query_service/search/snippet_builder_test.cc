// Snippet choice (snippet_builder.h) against a brute-force choice over
// random documents: the index's postings name the paragraph with most
// matches and its first match, and a snippet built from that hint is the
// one a full scan of every paragraph builds.
#include "query_service/search/snippet_builder.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gtest/gtest.h"
#include "tests/query_service/search/random_index.h"

namespace docsearch::query::testing {
namespace {

TEST(SnippetChoiceTest, TheIndexNamesTheParagraphAFullScanPicks) {
  RandomIndex random(300, 23);
  int in_body = 0;
  for (int q = 0; q < 200; ++q) {
    const ModelDoc& model = random.SomeLiveDoc();
    const DocId doc = static_cast<DocId>(&model - random.docs().data());
    absl::flat_hash_set<std::string> terms;
    for (int n = random.Uniform(1, 3); n > 0; --n) terms.insert(random.Word());
    const std::string what = absl::StrCat("doc ", doc, " terms ", absl::StrJoin(terms, " "));

    // The model: the first paragraph with most matches, and where in it
    // the first match is.
    std::optional<size_t> best;
    size_t best_count = 0;
    uint32_t first_match = 0;
    for (size_t p = 0; p < model.paragraphs.size(); ++p) {
      const auto& tokens = model.paragraphs[p];
      size_t count = 0;
      for (const std::string& token : tokens) count += terms.contains(token);
      if (count > best_count) {
        best = p;
        best_count = count;
        first_match = static_cast<uint32_t>(
            std::find_if(tokens.begin(), tokens.end(),
                         [&](const std::string& token) { return terms.contains(token); }) -
            tokens.begin());
      }
    }

    const PassageHint hint = HintFromIndex(random.index().body, doc, terms);
    ASSERT_TRUE(hint.known) << what;
    EXPECT_EQ(hint.body_passage, best) << what;
    if (best.has_value()) {
      EXPECT_EQ(hint.first_match_token, first_match) << what;
    }

    const std::vector<v1::Snippet> hinted =
        BuildSnippets(model.document, terms, random.analyzer(), 240, hint);
    const std::vector<v1::Snippet> scanned =
        BuildSnippets(model.document, terms, random.analyzer(), 240);
    ASSERT_EQ(hinted.size(), scanned.size()) << what;
    if (hinted.empty()) {
      // No paragraph and no title word matches.
      EXPECT_FALSE(best.has_value()) << what;
      for (const std::string& word : model.title) EXPECT_FALSE(terms.contains(word)) << what;
      continue;
    }
    EXPECT_EQ(hinted[0].DebugString(), scanned[0].DebugString()) << what;
    if (best.has_value()) {
      ++in_body;
      EXPECT_EQ(hinted[0].field(), "body") << what;
      EXPECT_NE(model.document.paragraphs(*best).text().find(hinted[0].text()), std::string::npos)
          << what;
      EXPECT_GT(hinted[0].highlights_size(), 0) << what;
    } else {
      EXPECT_EQ(hinted[0].field(), "title") << what;
    }
  }
  EXPECT_GT(in_body, 100);
}

}  // namespace
}  // namespace docsearch::query::testing
