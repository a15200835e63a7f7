#include "ingest_service/parser/line_shape.h"

#include <algorithm>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_split.h"
#include "common/text_folding.h"
#include "gtest/gtest.h"

namespace docsearch::ingest {
namespace {

TEST(CountSpaceSeparatedWords, CountsPiecesBetweenSpaces) {
  const SpaceSeparatedWords none = CountSpaceSeparatedWords("");
  EXPECT_EQ(none.words, 0);
  const SpaceSeparatedWords counts = CountSpaceSeparatedWords("  The  council met\tin Brussels ");
  EXPECT_EQ(counts.words, 4);  // "met\tin" is one piece: only ' ' separates.
  EXPECT_EQ(counts.lower_case, 2);
  EXPECT_EQ(CountSpaceSeparatedWords("\u00e9t\u00e9 \u00c9t\u00e9").lower_case, 0);  // ASCII only.
}

// Long lines, where the count runs 16 bytes at a time, against the pieces
// a splitter gives.
TEST(CountSpaceSeparatedWords, AgreesWithASplitterOnLongLines) {
  const std::string alphabet = "aazZ  \t.\xc3\xa9";
  std::mt19937 random(1206);
  for (int round = 0; round < 3000; ++round) {
    std::string line;
    const int length = static_cast<int>(random() % 100);
    for (int i = 0; i < length; ++i) line.push_back(alphabet[random() % alphabet.size()]);
    int words = 0;
    int lower_case = 0;
    for (absl::string_view word : absl::StrSplit(line, ' ', absl::SkipEmpty())) {
      ++words;
      if (absl::ascii_islower(static_cast<unsigned char>(word.front()))) ++lower_case;
    }
    const SpaceSeparatedWords counts = CountSpaceSeparatedWords(line);
    ASSERT_EQ(counts.words, words) << "line: " << line;
    ASSERT_EQ(counts.lower_case, lower_case) << "line: " << line;
  }
}

// Words counted up to a limit, against a count of the pieces between
// spaces that hold anything but white space, capped at limit + 1: on lines
// long enough to be counted sixteen bytes at a time, with tabs, line ends,
// controls and UTF-8 among the words, and words across the blocks' edges.
TEST(CountWordsUpTo, AgreesWithCountingThePiecesOnLinesOfEveryShape) {
  const std::vector<std::string> pieces = {" ",    "  ", "a",        "Council", "\t", "\n", "\r",
                                           "\x01", "\v", "\xC3\xA9", "x\ty",    "-",  ". "};
  std::mt19937 random(1206);
  for (int round = 0; round < 3000; ++round) {
    std::string line;
    const int count = static_cast<int>(random() % 40);
    for (int k = 0; k < count; ++k) line += pieces[random() % pieces.size()];
    int words = 0;
    for (absl::string_view piece : absl::StrSplit(line, ' ')) {
      bool holds_text = false;
      for (char c : piece) holds_text |= !absl::ascii_isspace(static_cast<unsigned char>(c));
      words += holds_text ? 1 : 0;
    }
    for (int limit : {0, 1, 3, 8, 20, 1000}) {
      ASSERT_EQ(CountWordsUpTo(line, limit), std::min(words, limit + 1))
          << "limit " << limit << ", line: " << line;
    }
  }
}

// Chinese and Japanese print no spaces: a run of their characters counts a
// word for every two, digits next to them add none, and their punctuation
// parts words as a space does.
TEST(CountWords, CountsChineseAndJapaneseByTheirCharacters) {
  EXPECT_EQ(CountWords("外交部"), 2);
  EXPECT_EQ(CountWords("王毅同匈牙利外交部长举行会谈"), 7);
  EXPECT_EQ(CountWords("2024年3月5日"), 2);  // 年, 月, 日
  EXPECT_EQ(CountWords("報道資料"), 2);
  // 首页, >, 外交部长 (two), >, 活动.
  EXPECT_EQ(CountWords("首页 > 外交部长 > 活动"), 6);
  EXPECT_EQ(CountWords("中国，日本。"), 2);
  EXPECT_EQ(CountWordsUpTo("王毅同匈牙利外交部长举行会谈", 3), 4);
  // Korean prints spaces between words.
  EXPECT_EQ(CountWords("정재호 대사 포럼 개최"), 4);
}

TEST(EndsSentence, ReadsTheFullStopsOfOtherScripts) {
  EXPECT_TRUE(EndsSentence("双方还就共同关心的问题交换了意见。"));
  EXPECT_TRUE(EndsSentence("計画を発表した。」"));
  EXPECT_TRUE(EndsSentence("هل هذا صحيح؟"));
  EXPECT_TRUE(EndsSentence("यह एक वाक्य है।"));
  EXPECT_FALSE(EndsSentence("报道资料"));
}

// A whole address on one line: each byte position's count passes 255, the
// most one byte holds, and must still be carried into the total.
TEST(CountSpaceSeparatedWords, CountsLinesOfManyThousandWords) {
  std::string line;
  for (int i = 0; i < 6000; ++i) line += i % 3 == 0 ? "Upper " : "a ";
  const SpaceSeparatedWords counts = CountSpaceSeparatedWords(line);
  EXPECT_EQ(counts.words, 6000);
  EXPECT_EQ(counts.lower_case, 4000);
  // "a " over and over: the same byte positions open a word in every block,
  // so those lanes count one a block and pass 255 at the 256th.
  std::string pairs;
  for (int i = 0; i < 3000; ++i) pairs += "a ";
  const SpaceSeparatedWords pair_counts = CountSpaceSeparatedWords(pairs);
  EXPECT_EQ(pair_counts.words, 3000);
  EXPECT_EQ(pair_counts.lower_case, 3000);
}

// What counts as a content word and as capitalized, word by word: letters
// and digits only (punctuation around them dropped), an elided French
// article dropped, function words of English and French in any case, words
// of one letter and words opening with a digit left out; a word is
// capitalized by its first letter as printed.
TEST(CountTitleCase, ContentWordsAndTheirCapitals) {
  const auto counts = [](absl::string_view line) {
    const TitleCaseCounts c = CountTitleCase(line);
    return std::pair<int, int>(c.content_words, c.capitalized);
  };
  EXPECT_EQ(counts("Meeting of the North Atlantic Council"), std::make_pair(4, 4));
  EXPECT_EQ(counts("THE Of AND"), std::make_pair(0, 0));  // Function words in any case.
  EXPECT_EQ(counts("(NATO) \"Kosovo,\" [peace]"), std::make_pair(3, 2));
  EXPECT_EQ(counts("L'Atlantique l`alliance D'Europe d'accord"), std::make_pair(4, 2));
  EXPECT_EQ(counts("l' d' L'a L'un L'Est"), std::make_pair(1, 1));  // "a" is short, "un" French.
  EXPECT_EQ(counts("A I x 2009 1st (5) B-52 s"), std::make_pair(1, 1));
  EXPECT_EQ(counts("\"...\" -- 'quoted' `grave`"), std::make_pair(2, 0));
  EXPECT_EQ(counts("Sécurité européenne d'adhésion"), std::make_pair(3, 1));
  EXPECT_EQ(counts("don't Won't co-operation Co-operation"), std::make_pair(4, 2));
  // Only ' ' separates words: "out\tTabbed" is one, opening in lower case.
  EXPECT_EQ(counts("  spaced   out\tTabbed  "), std::make_pair(2, 0));
}

// Salutations and subtitle openers, read from the line or from a fold of it
// made elsewhere: the same answers.
TEST(LineShape, SalutationsAndSubtitleOpenersWithOrWithoutAFold) {
  const std::vector<std::pair<std::string, bool>> salutations = {
      {"Ladies and Gentlemen,", true},
      {"  Mesdames, Messieurs,", true},
      {"Excellencies", true},
      {"Rector Torkunov,", true},
      {"Monsieur le Président,", true},
      {"Ladies and gentlemen of the press, welcome.", true},
      {"The Council met in Brussels today,", false},
      {"by Lord Robertson,", false},
      {"Good morning to all of you who came here today to listen", false}};
  for (const auto& [line, expected] : salutations) {
    EXPECT_EQ(IsSalutation(line), expected) << line;
    EXPECT_EQ(IsSalutation(line, docsearch::FoldAccents(TrimLine(line))), expected) << line;
  }
  const std::vector<std::pair<std::string, bool>> openers = {
      {"Issued on the occasion of the meeting", true},
      {"Diffusée par les chefs d'État", true},
      {"\xC2\xA0"
       "Delivered by the Secretary General",
       true},
      {"Issued", false},
      {"Statement issued today", false}};
  for (const auto& [line, expected] : openers) {
    EXPECT_EQ(StartsSubtitle(line), expected) << line;
    EXPECT_EQ(StartsSubtitle(line, docsearch::FoldAccents(TrimLine(line))), expected) << line;
  }
}

// Whether a count stopping as soon as the line cannot be title case stops:
// at each piece's start, the counts of the text before it (CountTitleCase of
// that prefix) and every space after it taken as one more capitalized word.
bool StopsBeforeTheEnd(const std::string& line, int other) {
  for (size_t begin = 0; begin <= line.size();) {
    const TitleCaseCounts before = CountTitleCase(line.substr(0, begin));
    const int left = static_cast<int>(std::count(line.begin() + static_cast<std::ptrdiff_t>(begin),
                                                 line.end(), ' ')) +
                     1 + other;
    if (!IsTitleCase(TitleCaseCounts{before.content_words + left, before.capitalized + left})) {
      return true;
    }
    const size_t space = line.find(' ', begin);
    if (space == std::string::npos) break;
    begin = space + 1;
  }
  return false;
}

// A model's title run that reads as prose is refused (title_from_roles.cc):
// the two-sentence opening of a statement is prose, long official titles
// and bylines with abbreviations are not.
TEST(IsSidebarItem, ASourceAfterTheDateButNotATimeOfDay) {
  EXPECT_TRUE(IsSidebarItem("21/11/2003 - NATO"));
  EXPECT_TRUE(IsSidebarItem("14/07/2003 - AFNORTH"));
  // The text's own date and the time it was posted.
  EXPECT_FALSE(IsSidebarItem("06/06/2023 - 18:42"));
  EXPECT_FALSE(IsSidebarItem("06/06/2023 18:42"));
  EXPECT_TRUE(IsSidebarItem("06/06/2023 - 18:42 Uhr, Presse"));
}

TEST(IsProseParagraph, TellsAnOpeningParagraphFromALongTitle) {
  EXPECT_TRUE(IsProseParagraph(
      "On March 12, 1999, in Independence, Missouri, the Foreign Ministers of Poland, Hungary, "
      "and the Czech Republic joined the North Atlantic Treaty Organization. One year ago, "
      "America became safer, NATO became stronger, and Europe more stable and united."));
  // Cut short by the archive: three sentences, the last one unended.
  EXPECT_TRUE(IsProseParagraph(
      "The Heads of State and Government met today in Istanbul to discuss current security "
      "challenges. They recommitted themselves to the basic objective of their Partnership. "
      "They took stock of initiatives aimed at increasing the contribution to the fight"));
  EXPECT_FALSE(IsProseParagraph(
      "Déclaration du sommet du Pays de Galles publiée par les chefs d'État et de gouvernement "
      "participant à la réunion du Conseil de l'Atlantique Nord tenue au pays de Galles les 4 "
      "et 5 septembre 2014"));
  EXPECT_FALSE(IsProseParagraph(
      "Statement by the Secretary General of NATO, Dr. Javier Solana, on the Bosnia-Herzegovina "
      "elections held on 14 September 1996 under the Dayton Peace Agreement."));
  EXPECT_FALSE(IsProseParagraph(
      "Address by Prof. Smith to the Assembly. Remarks at the Opening of the Twentieth "
      "Session of the Parliamentary Assembly in Berlin"));
  EXPECT_FALSE(IsProseParagraph("NATO welcomes Finland. The Alliance grows."));
}

// The spaces ahead are counted only as far as the decision needs: the count
// stops where counting them all first would have stopped, on lines short
// and long (a whole address is one line).
TEST(CountTitleCaseInRun, StopsWhereCountingEverySpaceFirstWouldStop) {
  const std::vector<std::string> words = {"the",  "Council", "of",     "met",   "NATO", "and",
                                          "Rome", "rules",   "  ",     "2009",  "a",    "Summit",
                                          "on",   "peace",   "Europe", "(Rome", "it's"};
  std::mt19937 random(1206);
  int stopped = 0;
  for (int round = 0; round < 400; ++round) {
    std::string line;
    const int count = static_cast<int>(random() % (round < 360 ? 30 : 300));
    for (int k = 0; k < count; ++k) {
      if (k > 0) line.push_back(' ');
      line += words[random() % words.size()];
    }
    for (int other : {0, 2, 9}) {
      const bool stops = StopsBeforeTheEnd(line, other);
      stopped += stops ? 1 : 0;
      ASSERT_EQ(!CountTitleCaseInRun(line, other).has_value(), stops)
          << "other " << other << ", line: " << line;
    }
  }
  EXPECT_GT(stopped, 100);
}

}  // namespace
}  // namespace docsearch::ingest
