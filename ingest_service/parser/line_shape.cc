#include "ingest_service/parser/line_shape.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include "ingest_service/parser/text_normalizer.h"
#include "ingest_service/parser/unspaced_words.h"

namespace docsearch::ingest {
namespace {

constexpr absl::string_view kFunctionWords[] = {
    "a",    "an",   "the",  "of",   "to",   "in",   "on",    "at",      "by",   "for",
    "and",  "or",   "with", "from", "into", "as",   "its",   "de",      "du",   "des",
    "la",   "le",   "les",  "et",   "a",    "au",   "aux",   "en",      "sur",  "par",
    "pour", "dans", "l",    "d",    "un",   "une",  "under", "between", "than", "that",
    "this", "is",   "be",   "are",  "was",  "were", "which",
};

// A word of up to 7 bytes as one integer: its bytes in order and its length
// in the top byte, so equal words and only they pack equal.
constexpr uint64_t PackShortWord(absl::string_view word) {
  uint64_t packed = uint64_t{word.size()} << 56;
  for (size_t i = 0; i < word.size(); ++i) {
    packed |= uint64_t{static_cast<unsigned char>(word[i])} << (8 * i);
  }
  return packed;
}

constexpr size_t kLongestFunctionWord = [] {
  size_t longest = 0;
  for (absl::string_view word : kFunctionWords) longest = std::max(longest, word.size());
  return longest;
}();
static_assert(kLongestFunctionWord <= 7, "function words are packed into 7 bytes");

// The table packed and hashed: every word of every head line is looked up,
// and one or two integer compares are cheaper than a compare per function
// word. Open addressing, probing the next slot; 0 (the empty word's packing)
// marks an empty slot.
constexpr size_t kFunctionWordSlots = 128;
static_assert(std::size(kFunctionWords) * 2 <= kFunctionWordSlots, "a table at most half full");

constexpr size_t FunctionWordSlot(uint64_t packed) {
  return static_cast<size_t>((packed * 0x9E3779B97F4A7C15ULL) >> 57);  // The top 7 bits.
}

constexpr auto kFunctionWordTable = [] {
  std::array<uint64_t, kFunctionWordSlots> table{};
  for (absl::string_view word : kFunctionWords) {
    const uint64_t packed = PackShortWord(word);
    size_t slot = FunctionWordSlot(packed);
    while (table[slot] != 0 && table[slot] != packed) slot = (slot + 1) % kFunctionWordSlots;
    table[slot] = packed;
  }
  return table;
}();

bool IsPackedFunctionWord(uint64_t packed) {
  for (size_t slot = FunctionWordSlot(packed);; slot = (slot + 1) % kFunctionWordSlots) {
    if (kFunctionWordTable[slot] == packed) return true;
    if (kFunctionWordTable[slot] == 0) return false;
  }
}

bool IsFunctionWord(absl::string_view folded_word) {
  if (folded_word.empty() || folded_word.size() > kLongestFunctionWord) return false;
  return IsPackedFunctionWord(PackShortWord(folded_word));
}

// IsFunctionWord of the word's lower case (no function word holds a quote,
// so '`' need not become '\'' first).
bool IsFunctionWordIgnoringAsciiCase(absl::string_view word) {
  if (word.empty() || word.size() > kLongestFunctionWord) return false;
  uint64_t packed = uint64_t{word.size()} << 56;
  for (size_t i = 0; i < word.size(); ++i) {
    packed |= uint64_t{static_cast<unsigned char>(
                  absl::ascii_tolower(static_cast<unsigned char>(word[i])))}
              << (8 * i);
  }
  return IsPackedFunctionWord(packed);
}

// The word without surrounding punctuation, folded; elided French articles
// ("l'Atlantique") lose the article. The view points into *folded, which a
// caller reuses from word to word.
absl::string_view CleanWordView(absl::string_view word, std::string* folded) {
  // An ASCII word without spaces folds to its lower case ('`' to '\''):
  // done here, it spares the general folding's call for nearly every word.
  bool plain = true;
  for (char c : word) {
    const unsigned char u = static_cast<unsigned char>(c);
    plain &= u < 0x80 && !absl::ascii_isspace(u);
  }
  if (plain) {
    folded->assign(word.data(), word.size());
    for (char& c : *folded) {
      c = c == '`' ? '\'' : absl::ascii_tolower(static_cast<unsigned char>(c));
    }
  } else {
    *folded = FoldAccents(word);
  }
  absl::string_view view = *folded;
  while (!view.empty() && !absl::ascii_isalnum(static_cast<unsigned char>(view.front()))) {
    view.remove_prefix(1);
  }
  while (!view.empty() && !absl::ascii_isalnum(static_cast<unsigned char>(view.back()))) {
    view.remove_suffix(1);
  }
  if (view.size() > 2 && (view[1] == '\'') && (view[0] == 'l' || view[0] == 'd')) {
    view.remove_prefix(2);
  }
  return view;
}

// The first letter of `text` as printed (after quotes and brackets).
std::optional<char> FirstLetter(absl::string_view text, bool* is_upper) {
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = text[i];
    if (absl::ascii_isalpha(c)) {
      *is_upper = absl::ascii_isupper(c);
      return static_cast<char>(c);
    }
    if (c >= 0x80) {
      // A non-ASCII letter: ask the folding what case it has.
      size_t length = 1;
      while (i + length < text.size() &&
             (static_cast<unsigned char>(text[i + length]) & 0xC0) == 0x80) {
        ++length;
      }
      const absl::string_view letter = text.substr(i, length);
      const std::string folded = FoldForMatching(letter);
      const std::string unaccented = FoldAccents(letter);
      if (!unaccented.empty() && absl::ascii_isalpha(static_cast<unsigned char>(unaccented[0]))) {
        *is_upper = folded != letter;
        return unaccented[0];
      }
      i += length - 1;
      continue;
    }
    if (absl::ascii_isdigit(c)) return std::nullopt;
  }
  return std::nullopt;
}

// FoldAccents(line) where only how it opens matters: a string that is the
// whole fold or a prefix of it longer than `length` bytes. Folding goes
// character by character, so the fold of a prefix (cut between characters)
// is a prefix of the fold, and a paragraph need not be folded whole to test
// its first words.
std::string FoldAccentsHead(absl::string_view line, size_t length) {
  size_t cut = 4 * length + 16;
  while (true) {
    if (cut >= line.size()) return FoldAccents(line);
    while (cut < line.size() && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) ++cut;
    std::string folded = FoldAccents(line.substr(0, cut));
    if (cut >= line.size() || folded.size() > length) return folded;
    cut *= 2;
  }
}

}  // namespace

absl::string_view TrimLine(absl::string_view line) {
  while (true) {
    line = absl::StripAsciiWhitespace(line);
    if (absl::ConsumePrefix(&line, "\xC2\xA0") || absl::ConsumeSuffix(&line, "\xC2\xA0")) continue;
    return line;
  }
}

int CountWords(absl::string_view line) {
  if (HoldsUnspacedScript(line))
    return CountUnspacedWordsUpTo(line, std::numeric_limits<int>::max() - 1);
  // The pieces between spaces that are not all ASCII white space (as
  // absl::StrSplit(line, ' ', absl::SkipWhitespace()) counts them), in one
  // pass without building the pieces.
  int words = 0;
  bool in_word = false;
  for (char c : line) {
    if (c == ' ') {
      words += in_word ? 1 : 0;
      in_word = false;
    } else if (!absl::ascii_isspace(static_cast<unsigned char>(c))) {
      in_word = true;
    }
  }
  return words + (in_word ? 1 : 0);
}

#if defined(__SSE2__)
// The set bits of each byte value.
constexpr auto kBitsSet = [] {
  std::array<uint8_t, 256> bits{};
  for (size_t b = 0; b < bits.size(); ++b) bits[b] = static_cast<uint8_t>(std::popcount(b));
  return bits;
}();
#endif

int CountWordsUpTo(absl::string_view line, int limit) {
  int words = 0;
  bool in_word = false;
  size_t i = 0;
  // Whether the line was looked at for CJK characters: only once a byte of
  // 0xE3 or more (a lead byte of U+3000 and up) turns up in the part read,
  // so that a long Latin paragraph is not read to its end for them. Words
  // counted the CJK way are never fewer, so stopping at the limit before
  // reaching such a character gives the same answer.
  bool cjk_looked_for = false;
  auto counts_cjk = [&] {
    if (cjk_looked_for) return false;
    cjk_looked_for = true;
    return HoldsUnspacedScript(line);
  };
#if defined(__SSE2__)
  // Sixteen bytes at a time while they hold no white space but ' ' (nearly
  // every line): there a word ends at each space after a byte that is not
  // one, or at a block's first byte when a word runs into the block. Every
  // head line is counted, by several detectors.
  for (; i + 16 <= line.size(); i += 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(line.data() + i));
    // Tab, line feed, vertical tab, form feed, carriage return: the rest
    // of the line is counted byte by byte. (Bytes 0x80 and up compare
    // below 0x09 as signed bytes.)
    const __m128i other_white = _mm_and_si128(_mm_cmpgt_epi8(bytes, _mm_set1_epi8(0x08)),
                                              _mm_cmplt_epi8(bytes, _mm_set1_epi8(0x0E)));
    if (_mm_movemask_epi8(other_white) != 0) break;
    const __m128i high =
        _mm_cmpeq_epi8(_mm_max_epu8(bytes, _mm_set1_epi8(static_cast<char>(0xE3))), bytes);
    if (_mm_movemask_epi8(high) != 0 && counts_cjk()) return CountUnspacedWordsUpTo(line, limit);
    const unsigned spaces =
        static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(' '))));
    const unsigned filled = ~spaces & 0xFFFFu;
    const unsigned ends = spaces & ((filled << 1) | (in_word ? 1u : 0u));
    words += kBitsSet[ends & 0xFFu] + kBitsSet[ends >> 8];
    if (words > limit) return limit + 1;
    in_word = (filled >> 15) != 0;
  }
#endif
  for (; i < line.size(); ++i) {
    const char c = line[i];
    if (static_cast<unsigned char>(c) >= 0xE3 && counts_cjk()) {
      return CountUnspacedWordsUpTo(line, limit);
    }
    if (c == ' ') {
      if (in_word && ++words > limit) return limit + 1;
      in_word = false;
    } else if (!absl::ascii_isspace(static_cast<unsigned char>(c))) {
      in_word = true;
    }
  }
  words += in_word ? 1 : 0;
  return words > limit ? limit + 1 : words;
}

SpaceSeparatedWords CountSpaceSeparatedWords(absl::string_view line) {
  SpaceSeparatedWords counts;
  // A piece opens at a byte other than ' ' that follows ' ' or the start.
  auto count_byte = [&counts](char c, bool after_space) {
    if (c == ' ' || !after_space) return;
    ++counts.words;
    if (absl::ascii_islower(static_cast<unsigned char>(c))) ++counts.lower_case;
  };
  if (line.empty()) return counts;
  count_byte(line[0], true);
  size_t i = 1;
#if defined(__SSE2__)
  // Sixteen bytes at a time, each beside the byte before it: prose lines
  // run to whole addresses, and several tests read them whole. Each byte
  // lane counts its own openings (a lane's count is at most 255, so the
  // lanes are summed every 255 blocks), which needs no population count:
  // the baseline x86-64 has no instruction for one, and the library call
  // that stands in for it cost more than the comparisons.
  const __m128i space = _mm_set1_epi8(' ');
  const __m128i zero = _mm_setzero_si128();
  const auto lane_sum = [&zero](__m128i lanes) {
    const __m128i halves = _mm_sad_epu8(lanes, zero);
    return _mm_cvtsi128_si32(halves) + _mm_cvtsi128_si32(_mm_unpackhi_epi64(halves, halves));
  };
  while (i + 16 <= line.size()) {
    __m128i words = zero;
    __m128i lower_case = zero;
    for (int block = 0; block < 255 && i + 16 <= line.size(); ++block, i += 16) {
      const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(line.data() + i));
      const __m128i before = _mm_loadu_si128(reinterpret_cast<const __m128i*>(line.data() + i - 1));
      const __m128i opens =
          _mm_andnot_si128(_mm_cmpeq_epi8(bytes, space), _mm_cmpeq_epi8(before, space));
      // Signed compares: bytes 0x80 and up are below 'a'.
      const __m128i lower = _mm_and_si128(_mm_cmpgt_epi8(bytes, _mm_set1_epi8('a' - 1)),
                                          _mm_cmplt_epi8(bytes, _mm_set1_epi8('z' + 1)));
      // A true lane is all ones (-1): subtracting it adds one.
      words = _mm_sub_epi8(words, opens);
      lower_case = _mm_sub_epi8(lower_case, _mm_and_si128(opens, lower));
    }
    counts.words += lane_sum(words);
    counts.lower_case += lane_sum(lower_case);
  }
#endif
  for (; i < line.size(); ++i) count_byte(line[i], line[i - 1] == ' ');
  return counts;
}

namespace {

// What the count below reads of a word of printable ASCII (no white space):
// CleanWordView's letters and digits, less an elided article, and
// FirstLetter's case, read in place, without the folded copy CleanWordView
// makes. False, counting nothing, for any other word.
bool CountAsciiWord(absl::string_view word, TitleCaseCounts* counts) {
  for (char c : word) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80 || absl::ascii_isspace(u)) return false;
  }
  size_t begin = 0;
  size_t end = word.size();
  while (begin < end && !absl::ascii_isalnum(static_cast<unsigned char>(word[begin]))) ++begin;
  while (end > begin && !absl::ascii_isalnum(static_cast<unsigned char>(word[end - 1]))) --end;
  // CleanWordView folds '`' to '\'' and reads "l'" and "d'" in lower case.
  if (end - begin > 2 && (word[begin + 1] == '\'' || word[begin + 1] == '`')) {
    const char article = absl::ascii_tolower(static_cast<unsigned char>(word[begin]));
    if (article == 'l' || article == 'd') begin += 2;
  }
  const absl::string_view clean = word.substr(begin, end - begin);
  if (clean.size() < 2 || IsFunctionWordIgnoringAsciiCase(clean)) return true;
  if (absl::ascii_isdigit(static_cast<unsigned char>(clean[0]))) return true;
  ++counts->content_words;
  for (char c : word) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (absl::ascii_isalpha(u)) {
      if (absl::ascii_isupper(u)) ++counts->capitalized;
      break;
    }
    if (absl::ascii_isdigit(u)) break;
  }
  return true;
}

// CountTitleCase; with `stop_when_decided`, the count stops as soon as the
// line could not be title case even if every word left, and `other_words`
// more, were capitalized content words, and the counts so far (which
// already fail IsTitleCase) are returned, with `*stopped` set when given.
// Prose paragraphs are decided within their first words.
TitleCaseCounts CountTitleCaseWords(absl::string_view line, bool stop_when_decided,
                                    int other_words = 0, bool* stopped = nullptr) {
  TitleCaseCounts counts;
  std::string folded;
  // The pieces left are at most one more than the spaces in line[begin...].
  // Those are counted only as far as the decision needs: spaces_ahead is
  // the count in line[begin, ahead), a lower bound on them; where it is too
  // low to keep the line possibly title case, `ahead` moves on, and once it
  // is the line's end the count is exact. A whole address on one line is
  // decided a third of the way in, so counting all its spaces first cost
  // more than its words.
  size_t ahead = 0;
  int spaces_ahead = 0;
  // The words are the pieces between spaces that are not all ASCII white
  // space (absl::StrSplit(line, ' ', absl::SkipWhitespace())), cut by hand:
  // this runs on every word of every head line.
  size_t begin = 0;
  while (begin <= line.size()) {
    if (stop_when_decided) {
      if (ahead < begin) {
        ahead = begin;
        spaces_ahead = 0;
      }
      while (true) {
        const int left = spaces_ahead + 1 + other_words;
        // More pieces left only make title case likelier.
        if (IsTitleCase(TitleCaseCounts{counts.content_words + left, counts.capitalized + left})) {
          break;
        }
        if (ahead == line.size()) {
          if (stopped != nullptr) *stopped = true;
          return counts;
        }
        const size_t counted_to = std::min(line.size(), ahead + 64);
        spaces_ahead += static_cast<int>(
            std::count(line.begin() + static_cast<std::ptrdiff_t>(ahead),
                       line.begin() + static_cast<std::ptrdiff_t>(counted_to), ' '));
        ahead = counted_to;
      }
    }
    size_t end = line.find(' ', begin);
    if (end == absl::string_view::npos) {
      end = line.size();
    } else if (end < ahead) {
      --spaces_ahead;
    }
    const absl::string_view word = line.substr(begin, end - begin);
    begin = end + 1;
    if (CountAsciiWord(word, &counts)) continue;
    if (std::all_of(word.begin(), word.end(),
                    [](char c) { return absl::ascii_isspace(static_cast<unsigned char>(c)); })) {
      continue;
    }
    const absl::string_view clean = CleanWordView(word, &folded);
    if (clean.size() < 2 || IsFunctionWord(clean)) continue;
    if (absl::ascii_isdigit(static_cast<unsigned char>(clean[0]))) continue;
    ++counts.content_words;
    bool upper = false;
    if (FirstLetter(word, &upper).has_value() && upper) ++counts.capitalized;
  }
  return counts;
}

}  // namespace

TitleCaseCounts CountTitleCase(absl::string_view line) {
  return CountTitleCaseWords(line, /*stop_when_decided=*/false);
}

std::optional<TitleCaseCounts> CountTitleCaseInRun(absl::string_view line, int other_words) {
  bool stopped = false;
  const TitleCaseCounts counts =
      CountTitleCaseWords(line, /*stop_when_decided=*/true, other_words, &stopped);
  if (stopped) return std::nullopt;
  return counts;
}

bool IsTitleCase(const TitleCaseCounts& counts) {
  return counts.content_words > 0 && counts.capitalized * 10 >= counts.content_words * 8;
}

bool IsTitleCase(absl::string_view line) {
  return IsTitleCase(CountTitleCaseWords(line, /*stop_when_decided=*/true));
}

bool StartsLowercase(absl::string_view line) {
  bool upper = false;
  return FirstLetter(line, &upper).has_value() && !upper;
}

namespace {

// The letters right before each ". " followed by a capital in `line`
// ("afternoon" in "afternoon. Welcome"), given to `visit` in order until it
// returns false.
template <typename Visit>
void ForEachWordBeforeInnerPeriod(absl::string_view line, Visit visit) {
  for (size_t dot = line.find(". "); dot != absl::string_view::npos;
       dot = line.find(". ", dot + 1)) {
    if (dot + 2 >= line.size() || !absl::ascii_isupper(static_cast<unsigned char>(line[dot + 2]))) {
      continue;
    }
    size_t begin = dot;
    while (begin > 0 && absl::ascii_isalpha(static_cast<unsigned char>(line[begin - 1]))) --begin;
    if (!visit(line.substr(begin, dot - begin))) return;
  }
}

// Sentence ends inside `line` for IsProseParagraph: ". " before a capital,
// after a word of four letters or more that is not an acronym or a
// title's abbreviation ("Organization. One", "afternoon. Welcome"; not
// "Prof. Smith", "NATO. The" is an end but too rare to matter).
int CountInnerSentenceEnds(absl::string_view line) {
  int ends = 0;
  ForEachWordBeforeInnerPeriod(line, [&](absl::string_view word) {
    if (word.size() < 4 || !absl::ascii_islower(static_cast<unsigned char>(word.back()))) {
      return true;
    }
    bool abbreviation = false;
    for (absl::string_view title : {"Prof", "Capt", "Sept", "Corp", "Messrs", "Dept", "Govt"}) {
      abbreviation = abbreviation || word == title;
    }
    if (!abbreviation) ++ends;
    return true;
  });
  return ends;
}

}  // namespace

bool HasInnerSentenceBoundary(absl::string_view line) {
  bool found = false;
  ForEachWordBeforeInnerPeriod(line, [&](absl::string_view word) {
    found = word.size() >= 4 && absl::ascii_islower(static_cast<unsigned char>(word.front()));
    return !found;
  });
  return found;
}

bool IsProseParagraph(absl::string_view line) {
  line = TrimLine(line);
  constexpr int kMinProseWords = 20;
  if (CountWordsUpTo(line, kMinProseWords) < kMinProseWords) return false;
  const int inner_ends = CountInnerSentenceEnds(line);
  return inner_ends >= 2 || (inner_ends == 1 && EndsSentence(line));
}

bool EndsWithFullStopOfOtherScript(absl::string_view line) {
  // Every such stop and bracket ends on a continuation byte: a line ending
  // on an ASCII byte (nearly every line) ends with none.
  if (line.empty() || static_cast<unsigned char>(line.back()) < 0x80) return false;
  // A closing bracket may follow the stop ("」", "』", "）").
  for (absl::string_view bracket : {"\xE3\x80\x8D", "\xE3\x80\x8F", "\xEF\xBC\x89"}) {
    if (absl::ConsumeSuffix(&line, bracket)) break;
  }
  for (absl::string_view stop : {"\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F", "\xEF\xBC\x8E",
                                 "\xD8\x9F", "\xE0\xA5\xA4", "\xD6\x89"}) {
    if (absl::EndsWith(line, stop)) return true;
  }
  return false;
}

bool EndsSentence(absl::string_view line) {
  line = TrimLine(line);
  while (!line.empty()) {
    if (absl::ConsumeSuffix(&line, "\xE2\x80\x9D") || absl::ConsumeSuffix(&line, "\xE2\x80\x99") ||
        absl::ConsumeSuffix(&line, "\"") || absl::ConsumeSuffix(&line, "'") ||
        absl::ConsumeSuffix(&line, ")")) {
      continue;
    }
    break;
  }
  if (!line.empty() && (line.back() == '.' || line.back() == '!' || line.back() == '?'))
    return true;
  return EndsWithFullStopOfOtherScript(line);
}

bool EndsWithFunctionWord(absl::string_view line) {
  line = TrimLine(line);
  const size_t space = line.find_last_of(' ');
  std::string folded;
  const absl::string_view last =
      CleanWordView(space == absl::string_view::npos ? line : line.substr(space + 1), &folded);
  return IsFunctionWord(last);
}

// Openings of speeches and press conferences, with or without a comma
// (none longer than 24 bytes, so a fold's first 24 bytes are enough).
bool IsSalutation(absl::string_view line) {
  return IsSalutation(line, FoldAccentsHead(TrimLine(line), 24));
}

bool IsSalutation(absl::string_view line, absl::string_view folded) {
  line = TrimLine(line);
  for (absl::string_view opening :
       {"ladies and gentlemen", "mesdames", "good morning", "good afternoon", "good evening",
        "bonjour", "bonsoir", "excellenc", "mr. president", "monsieur le president", "dear "}) {
    if (absl::StartsWith(folded, opening) && CountWordsUpTo(line, 8) <= 8) return true;
  }
  if (line.empty() || line.back() != ',' || CountWordsUpTo(line, 5) > 5) return false;
  bool upper = false;
  return FirstLetter(line, &upper).has_value() && upper && !IsByline(line);
}

bool IsDatedListLine(absl::string_view line) {
  line = TrimLine(line);
  // dd/mm/yyyy - SOURCE
  if (line.size() < 14 || line.size() > 40) return false;
  for (size_t i : {0, 1, 3, 4, 6, 7, 8, 9}) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(line[i]))) return false;
  }
  return line[2] == '/' && line[5] == '/' && absl::StartsWith(line.substr(10), " - ");
}

bool IsSidebarItem(absl::string_view line) {
  if (!IsDatedListLine(line)) return false;
  // "06/06/2023 - 18:42": the text's own date and time, not a source. (No
  // second strip here: it costs TrimLine its inlined search, one of the
  // parser's hottest calls.)
  const absl::string_view after = TrimLine(line).substr(13);
  const bool time_of_day = after.size() == 5 && after[2] == ':' &&
                           absl::ascii_isdigit(static_cast<unsigned char>(after[0])) &&
                           absl::ascii_isdigit(static_cast<unsigned char>(after[1])) &&
                           absl::ascii_isdigit(static_cast<unsigned char>(after[3])) &&
                           absl::ascii_isdigit(static_cast<unsigned char>(after[4]));
  return !time_of_day;
}

bool IsByline(absl::string_view line) {
  line = TrimLine(line);
  return absl::StartsWith(line, "by ") || absl::StartsWith(line, "By ") ||
         absl::StartsWith(line, "par ");
}

bool StartsSubtitle(absl::string_view line) {
  return StartsSubtitle(line, FoldAccentsHead(TrimLine(line), 16));
}

bool StartsSubtitle(absl::string_view /*line*/, absl::string_view folded) {
  return absl::StartsWith(folded, "issued ") || absl::StartsWith(folded, "diffusee ") ||
         absl::StartsWith(folded, "publiee ") || absl::StartsWith(folded, "adopted ") ||
         absl::StartsWith(folded, "delivered ");
}

std::optional<ParagraphMarker> FindParagraphMarker(absl::string_view line) {
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  const absl::string_view rest = line.substr(i);
  ParagraphMarker marker;
  // Bullets.
  for (absl::string_view bullet : {"\xE2\x80\xA2", "- ", "* ", "\xE2\x80\x93 ", "\xC2\xB7"}) {
    if (absl::StartsWith(rest, bullet)) {
      marker.is_bullet = true;
      marker.text_begin = i + bullet.size();
      while (marker.text_begin < line.size() && line[marker.text_begin] == ' ') {
        ++marker.text_begin;
      }
      if (marker.text_begin >= line.size()) return std::nullopt;
      // "• 1. Today we ..." (an HTML list item that prints its number).
      if (std::optional<ParagraphMarker> numbered =
              FindParagraphMarker(line.substr(marker.text_begin));
          numbered.has_value() && !numbered->is_bullet) {
        numbered->text_begin += marker.text_begin;
        return numbered;
      }
      return marker;
    }
  }
  size_t j = 0;
  bool parenthesized = false;
  if (j < rest.size() && rest[j] == '(') {
    parenthesized = true;
    ++j;
  }
  const size_t number_begin = j;
  while (j < rest.size() && absl::ascii_isdigit(static_cast<unsigned char>(rest[j]))) ++j;
  size_t digits = j - number_begin;
  if (digits == 0) {
    // A single letter "a)" or "(a)".
    if (j < rest.size() && absl::ascii_islower(static_cast<unsigned char>(rest[j])) &&
        j + 1 < rest.size() && rest[j + 1] == ')') {
      ++j;
      digits = 1;
    } else {
      return std::nullopt;
    }
  } else if (digits > 3) {
    return std::nullopt;
  }
  marker.number = std::string(rest.substr(number_begin, j - number_begin));
  if (parenthesized) {
    if (j >= rest.size() || rest[j] != ')') return std::nullopt;
    ++j;
  } else {
    if (j < rest.size() && rest[j] == ' ' && j + 1 < rest.size() && rest[j + 1] == '.') ++j;
    if (j >= rest.size() || (rest[j] != '.' && rest[j] != ')')) return std::nullopt;
    ++j;
  }
  while (j < rest.size() && rest[j] == ' ') ++j;
  if (j >= rest.size()) return std::nullopt;
  bool upper = false;
  const unsigned char next = rest[j];
  const bool quote =
      next == '"' || next == '\'' || absl::StartsWith(rest.substr(j), "\xE2\x80\x9C");
  if (!quote && !(FirstLetter(rest.substr(j, 4), &upper).has_value() && upper)) {
    return std::nullopt;
  }
  marker.text_begin = i + j;
  return marker;
}

}  // namespace docsearch::ingest
