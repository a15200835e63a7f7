// The word diff: Myers' matches are a longest common subsequence (checked
// against dynamic programming on random sequences), and the edits of
// WordDiff rebuild the new text's tokens from the old one's.
#include "query_service/compare/word_diff.h"

#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace docsearch::query::compare {
namespace {

int BruteForceLcs(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  std::vector<std::vector<int>> table(a.size() + 1, std::vector<int>(b.size() + 1, 0));
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      table[i][j] = a[i - 1] == b[j - 1] ? table[i - 1][j - 1] + 1
                                         : std::max(table[i - 1][j], table[i][j - 1]);
    }
  }
  return table[a.size()][b.size()];
}

std::vector<uint32_t> RandomSequence(std::mt19937& random, int max_length, uint32_t alphabet) {
  std::uniform_int_distribution<int> length(0, max_length);
  std::uniform_int_distribution<uint32_t> symbol(0, alphabet - 1);
  std::vector<uint32_t> out(length(random));
  for (uint32_t& s : out) s = symbol(random);
  return out;
}

TEST(MyersMatches, FindsALongestCommonSubsequenceOnRandomInputs) {
  std::mt19937 random(20261203);
  for (int round = 0; round < 2000; ++round) {
    const uint32_t alphabet = 2 + round % 6;
    const std::vector<uint32_t> a = RandomSequence(random, 40, alphabet);
    const std::vector<uint32_t> b = RandomSequence(random, 40, alphabet);
    auto matches = MyersMatches(a, b);
    ASSERT_TRUE(matches.has_value());
    ASSERT_EQ(static_cast<int>(matches->size()), BruteForceLcs(a, b))
        << "a=" << absl::StrJoin(a, ",") << " b=" << absl::StrJoin(b, ",");
    int last_i = -1, last_j = -1;
    for (const auto& [i, j] : *matches) {
      EXPECT_GT(i, last_i);
      EXPECT_GT(j, last_j);
      EXPECT_EQ(a[i], b[j]);
      last_i = i;
      last_j = j;
    }
  }
}

TEST(MyersMatches, GivesUpPastTheCostBound) {
  const std::vector<uint32_t> a = {1, 2, 3, 4};
  const std::vector<uint32_t> b = {5, 6, 7, 8};
  EXPECT_FALSE(MyersMatches(a, b, 7).has_value());
  ASSERT_TRUE(MyersMatches(a, b, 8).has_value());
  EXPECT_TRUE(MyersMatches(a, b, 8)->empty());
}

std::vector<std::string> Tokens(absl::string_view text) {
  std::vector<std::string> out;
  for (const DiffToken& token : TokenizeForDiff(text)) {
    out.emplace_back(text.substr(token.start, token.end - token.start));
  }
  return out;
}

TEST(TokenizeForDiff, KeepsNumbersAndAccentedWordsWholeAndSplitsPunctuation) {
  EXPECT_THAT(Tokens("Allies pledged 1,000.5 million (a 3.2% rise), réunion."),
              ::testing::ElementsAre("Allies", "pledged", "1,000.5", "million", "(", "a", "3.2",
                                     "%", "rise", ")", ",", "réunion", "."));
}

// Applies `diff` to `from`'s tokens and returns the result.
std::vector<std::string> Apply(absl::string_view from, absl::string_view to,
                               const WordDiffResult& diff) {
  std::vector<std::string> out;
  uint32_t position = 0;
  auto copy = [&](absl::string_view text, uint32_t begin, uint32_t end) {
    for (std::string& token : Tokens(text.substr(begin, end - begin))) out.push_back(token);
  };
  for (const WordEdit& edit : diff.edits) {
    copy(from, position, edit.from_start);
    copy(to, edit.to_start, edit.to_end);
    position = edit.from_end;
  }
  copy(from, position, static_cast<uint32_t>(from.size()));
  return out;
}

TEST(WordDiff, EditsRebuildTheNewTextOnRandomRevisions) {
  const std::vector<std::string> words = {"the",  "Council", "met", "in",   "Brussels", "1997",
                                          "2001", ",",       ".",   "NATO", "Russia"};
  std::mt19937 random(7);
  for (int round = 0; round < 500; ++round) {
    const std::vector<uint32_t> a = RandomSequence(random, 30, words.size());
    const std::vector<uint32_t> b = RandomSequence(random, 30, words.size());
    std::string from, to;
    for (uint32_t s : a) absl::StrAppend(&from, words[s], " ");
    for (uint32_t s : b) absl::StrAppend(&to, words[s], " ");
    const WordDiffResult diff = WordDiff(from, to);
    EXPECT_EQ(Apply(from, to, diff), Tokens(to)) << from << " → " << to;
    EXPECT_EQ(diff.common_tokens, BruteForceLcs(a, b));
  }
}

TEST(WordDiff, ReportsAChangedNumberAsANumericReplacement) {
  const std::string from = "The Council met on 12 May 1997 in Paris.";
  const std::string to = "The Council met on 14 May 1997 in Paris and Madrid.";
  const WordDiffResult diff = WordDiff(from, to);
  ASSERT_EQ(diff.edits.size(), 2u);
  const WordEdit& date = diff.edits[0];
  EXPECT_EQ(date.kind, WordEditKind::kReplace);
  EXPECT_TRUE(date.numeric);
  EXPECT_EQ(from.substr(date.from_start, date.from_end - date.from_start), "12");
  EXPECT_EQ(to.substr(date.to_start, date.to_end - date.to_start), "14");
  const WordEdit& added = diff.edits[1];
  EXPECT_EQ(added.kind, WordEditKind::kInsert);
  EXPECT_FALSE(added.numeric);
  EXPECT_EQ(to.substr(added.to_start, added.to_end - added.to_start), "and Madrid");
  EXPECT_EQ(added.from_start, added.from_end);
  EXPECT_EQ(from.substr(added.from_start), ".");
}

TEST(WordDiff, IgnoresWhitespaceAndCountsSimilarity) {
  const WordDiffResult same = WordDiff("a  b\n c", "a b c");
  EXPECT_TRUE(same.edits.empty());
  EXPECT_DOUBLE_EQ(same.Similarity(), 1.0);
  const WordDiffResult removed = WordDiff("a b c d", "a d");
  ASSERT_EQ(removed.edits.size(), 1u);
  EXPECT_EQ(removed.edits[0].kind, WordEditKind::kDelete);
  EXPECT_DOUBLE_EQ(removed.Similarity(), 4.0 / 6.0);
}

TEST(WordDiff, ReplacesTheMiddleWholeWhenTooDifferentToSearch) {
  std::string from = "start ", to = "start ";
  for (int i = 0; i < kMaxDiffCost; ++i) {
    absl::StrAppend(&from, "a", i, " ");
    absl::StrAppend(&to, "b", i, " ");
  }
  absl::StrAppend(&from, "end");
  absl::StrAppend(&to, "end");
  const WordDiffResult diff = WordDiff(from, to);
  ASSERT_EQ(diff.edits.size(), 1u);
  EXPECT_EQ(diff.edits[0].kind, WordEditKind::kReplace);
  EXPECT_EQ(Apply(from, to, diff), Tokens(to));
}

}  // namespace
}  // namespace docsearch::query::compare
