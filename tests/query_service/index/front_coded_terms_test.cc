// FrontCodedTerms: every term found at its rank, absent terms not found
// wherever they would sort (before the first, between blocks, inside a
// block, after the last, prefixes and extensions of present terms), and
// terms read back in order.
#include "query_service/index/front_coded_terms.h"

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "gtest/gtest.h"

namespace docsearch::query {
namespace {

// Sorted, unique copies of `terms`, and a FrontCodedTerms of them.
struct Terms {
  explicit Terms(std::vector<std::string> terms) : owned(std::move(terms)) {
    std::sort(owned.begin(), owned.end());
    owned.erase(std::unique(owned.begin(), owned.end()), owned.end());
    std::vector<absl::string_view> views(owned.begin(), owned.end());
    coded = FrontCodedTerms(views);
  }
  std::vector<std::string> owned;
  FrontCodedTerms coded;
};

void ExpectEveryTermAtItsRank(const Terms& terms) {
  ASSERT_EQ(terms.coded.size(), terms.owned.size());
  for (uint32_t i = 0; i < terms.owned.size(); ++i) {
    EXPECT_EQ(terms.coded.Find(terms.owned[i]), i) << terms.owned[i];
  }
  uint32_t read = 0;
  for (FrontCodedTerms::Reader reader(terms.coded); !reader.done(); reader.Next(), ++read) {
    ASSERT_LT(read, terms.owned.size());
    EXPECT_EQ(reader.ordinal(), read);
    EXPECT_EQ(reader.term(), terms.owned[read]);
  }
  EXPECT_EQ(read, terms.owned.size());
}

TEST(FrontCodedTermsTest, EmptySetFindsNothingAndReadsNothing) {
  const FrontCodedTerms empty;
  EXPECT_TRUE(empty.empty());
  EXPECT_FALSE(empty.Find("").has_value());
  EXPECT_FALSE(empty.Find("a").has_value());
  EXPECT_TRUE(FrontCodedTerms::Reader(empty).done());
  const Terms built({});
  EXPECT_FALSE(built.coded.Find("a").has_value());
}

TEST(FrontCodedTermsTest, FindsEveryTermOfSharedPrefixRunsAcrossBlocks) {
  // Runs of terms that extend one another, longer than a block, so that
  // blocks start mid-run and terms share prefixes with the one before.
  std::vector<std::string> words;
  for (const char* stem : {"nation", "national", "nationalisation", "nationality", "natural"}) {
    for (int i = 0; i < 7; ++i) words.push_back(std::string(stem) + std::string(i, 's'));
  }
  for (int i = 0; i < 40; ++i) words.push_back("t" + std::to_string(i * 37));
  words.push_back("a");
  words.push_back("zzzz");
  const Terms terms(words);
  ASSERT_GT(terms.owned.size(), 3 * FrontCodedTerms::kBlockTerms);
  ExpectEveryTermAtItsRank(terms);
}

TEST(FrontCodedTermsTest, AbsentTermsAreNotFoundWhereverTheyWouldSort) {
  std::vector<std::string> words;
  for (int i = 0; i < 100; ++i) words.push_back("word" + std::to_string(i * 2));  // Even only.
  words.push_back("pre");
  words.push_back("prefix");
  words.push_back("prefixes");
  const Terms terms(words);
  for (const char* absent :
       {"", "a", "word", "word1", "word3", "word199", "word98x", "word980", "zz", "pr", "pref",
        "prefi", "prefixe", "prefixess", "prefiy", "prf", "word0 ", "\xff"}) {
    EXPECT_FALSE(terms.coded.Find(absent).has_value()) << absent;
  }
  ExpectEveryTermAtItsRank(terms);
}

TEST(FrontCodedTermsTest, OrdersBytesAsUnsignedLikeStringViewDoes) {
  // UTF-8 letters have bytes >= 0x80: they sort after ASCII, as they do in
  // the std::sort the segment builder uses.
  const Terms terms({"zebra", "\xc3\xa9t\xc3\xa9", "\xc3\xa9tat", "ete", "\xc3\xa0", "\xc3"});
  ExpectEveryTermAtItsRank(terms);
  // ete, zebra, then by bytes after 0xc3: "\xc3", à, état, été.
  EXPECT_EQ(terms.coded.Find("\xc3\xa9t\xc3\xa9"), 5u);
  EXPECT_FALSE(terms.coded.Find("\xc3\xa9t").has_value());
}

TEST(FrontCodedTermsTest, RandomTermsAllFoundAndRandomProbesAgreeWithASortedVector) {
  std::mt19937 random(16);
  std::uniform_int_distribution<int> length(1, 9);
  std::uniform_int_distribution<int> letter('a', 'e');  // Few letters: long shared prefixes.
  auto make = [&] {
    std::string word(static_cast<size_t>(length(random)), 'a');
    for (char& c : word) c = static_cast<char>(letter(random));
    return word;
  };
  std::vector<std::string> words;
  for (int i = 0; i < 3000; ++i) words.push_back(make());
  const Terms terms(words);
  ExpectEveryTermAtItsRank(terms);
  for (int i = 0; i < 3000; ++i) {
    const std::string probe = make();
    auto it = std::lower_bound(terms.owned.begin(), terms.owned.end(), probe);
    const bool present = it != terms.owned.end() && *it == probe;
    const std::optional<uint32_t> found = terms.coded.Find(probe);
    ASSERT_EQ(found.has_value(), present) << probe;
    if (present) {
      EXPECT_EQ(*found, static_cast<uint32_t>(it - terms.owned.begin()));
    }
  }
}

TEST(FrontCodedTermsTest, TakesFewerBytesThanTheTermsWhenTheySharePrefixes) {
  std::vector<std::string> words;
  for (int i = 0; i < 1000; ++i) words.push_back("international" + std::to_string(i));
  size_t raw = 0;
  for (const std::string& word : words) raw += word.size();
  const Terms terms(words);
  EXPECT_LT(terms.coded.MemoryBytes(), raw / 2);
}

}  // namespace
}  // namespace docsearch::query
