#include "common/word_breaker.h"

#include <unicode/brkiter.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <array>
#include <cstring>

namespace docsearch {
namespace {

// UAX #29 word-break classes of the ASCII characters that take part in a
// word, as ICU 72's root rules have them. ICU counts '@' as a letter and
// leaves ':' out of MidLetter (UAX #29 itself has it the other way round),
// which is why these come from ICU's behaviour, not from the standard's
// property table; the differential test pins them.
enum class AsciiClass : uint8_t {
  kOther,         // Spaces, controls, the remaining punctuation: never in a word.
  kLetter,        // ALetter: A-Z, a-z, '@'.
  kDigit,         // Numeric: 0-9.
  kMidNumLet,     // '.': between letters or between digits.
  kSingleQuote,   // '\'': between letters or between digits.
  kMidNum,        // ',' and ';': between digits only.
  kExtendNumLet,  // '_': joins on either side.
};

constexpr std::array<AsciiClass, 128> MakeClassTable() {
  std::array<AsciiClass, 128> table{};
  for (auto& entry : table) entry = AsciiClass::kOther;
  for (int c = 'a'; c <= 'z'; ++c) table[c] = AsciiClass::kLetter;
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = AsciiClass::kLetter;
  for (int c = '0'; c <= '9'; ++c) table[c] = AsciiClass::kDigit;
  table['@'] = AsciiClass::kLetter;
  table['.'] = AsciiClass::kMidNumLet;
  table['\''] = AsciiClass::kSingleQuote;
  table[','] = AsciiClass::kMidNum;
  table[';'] = AsciiClass::kMidNum;
  table['_'] = AsciiClass::kExtendNumLet;
  return table;
}

constexpr std::array<AsciiClass, 128> kClassOf = MakeClassTable();

AsciiClass ClassAt(std::string_view text, size_t i) {
  return i < text.size() ? kClassOf[static_cast<unsigned char>(text[i]) & 0x7F]
                         : AsciiClass::kOther;
}

bool IsWordLike(AsciiClass c) {
  return c == AsciiClass::kLetter || c == AsciiClass::kDigit || c == AsciiClass::kExtendNumLet;
}

// A middle character `mid` between `before` and `after` keeps them in one
// word: WB6/WB7 for letters, WB11/WB12 for digits.
bool MidJoins(AsciiClass before, AsciiClass mid, AsciiClass after) {
  if (before == AsciiClass::kLetter && after == AsciiClass::kLetter) {
    return mid == AsciiClass::kMidNumLet || mid == AsciiClass::kSingleQuote;
  }
  if (before == AsciiClass::kDigit && after == AsciiClass::kDigit) {
    return mid == AsciiClass::kMidNumLet || mid == AsciiClass::kSingleQuote ||
           mid == AsciiClass::kMidNum;
  }
  return false;
}

bool IsAsciiSpace(unsigned char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\v' || c == '\f';
}

// Eight bytes at a time: most paragraphs are ASCII from end to end.
bool IsAscii(std::string_view text) {
  size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t chunk;
    std::memcpy(&chunk, text.data() + i, sizeof(chunk));
    if ((chunk & 0x8080808080808080ULL) != 0) return false;
  }
  for (; i < text.size(); ++i) {
    if (static_cast<unsigned char>(text[i]) >= 0x80) return false;
  }
  return true;
}

}  // namespace

void AppendAsciiWords(std::string_view text, uint32_t offset, std::vector<WordSpan>& spans) {
  size_t i = 0;
  while (i < text.size()) {
    AsciiClass current = ClassAt(text, i);
    if (!IsWordLike(current)) {
      ++i;
      continue;
    }
    const size_t start = i;
    bool has_letter_or_digit = current != AsciiClass::kExtendNumLet;
    ++i;
    while (i < text.size()) {
      const AsciiClass next = ClassAt(text, i);
      if (IsWordLike(next)) {
        // WB5, WB8, WB9, WB10, WB13a, WB13b: any two of letter, digit and
        // '_' side by side stay together.
        has_letter_or_digit = has_letter_or_digit || next != AsciiClass::kExtendNumLet;
        current = next;
        ++i;
        continue;
      }
      const AsciiClass after = ClassAt(text, i + 1);
      if (!MidJoins(current, next, after)) break;
      current = after;
      i += 2;
    }
    // ICU's rules give a lone '_' the status of punctuation, and any longer
    // run (even "__") that of a word.
    if (has_letter_or_digit || i - start >= 2) {
      spans.push_back(
          WordSpan{offset + static_cast<uint32_t>(start), offset + static_cast<uint32_t>(i)});
    }
  }
}

WordBreaker::WordBreaker() {
  UErrorCode status = U_ZERO_ERROR;
  icu_words_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) icu_words_.reset();
}

WordBreaker::~WordBreaker() = default;

void WordBreaker::Segment(std::string_view text, std::vector<WordSpan>& spans) {
  spans.clear();
  if (IsAscii(text)) {
    AppendAsciiWords(text, 0, spans);
    return;
  }
  // The text is cut into pieces, each a run of ASCII white space and the
  // run of other bytes after it, and neighbouring pieces of the same kind
  // (all ASCII or not) are segmented together. Cutting where white space
  // begins changes no word: UAX #29 breaks on both sides of a white-space
  // character except inside a run of them (WB3, WB3d) and before a
  // combining mark, which is never ASCII and so stays in its piece.
  size_t group_start = 0;
  bool group_ascii = true;
  size_t i = 0;
  while (i < text.size()) {
    const size_t piece_start = i;
    while (i < text.size() && IsAsciiSpace(static_cast<unsigned char>(text[i]))) ++i;
    bool ascii = true;
    while (i < text.size() && !IsAsciiSpace(static_cast<unsigned char>(text[i]))) {
      ascii = ascii && static_cast<unsigned char>(text[i]) < 0x80;
      ++i;
    }
    if (ascii != group_ascii && piece_start > group_start) {
      const std::string_view group = text.substr(group_start, piece_start - group_start);
      if (group_ascii) {
        AppendAsciiWords(group, static_cast<uint32_t>(group_start), spans);
      } else {
        AppendIcuWords(group, static_cast<uint32_t>(group_start), spans);
      }
      group_start = piece_start;
    }
    group_ascii = ascii;
  }
  const std::string_view group = text.substr(group_start);
  if (group_ascii) {
    AppendAsciiWords(group, static_cast<uint32_t>(group_start), spans);
  } else {
    AppendIcuWords(group, static_cast<uint32_t>(group_start), spans);
  }
}

void WordBreaker::SegmentWithIcu(std::string_view text, std::vector<WordSpan>& spans) {
  spans.clear();
  AppendIcuWords(text, 0, spans);
}

void WordBreaker::AppendIcuWords(std::string_view text, uint32_t offset,
                                 std::vector<WordSpan>& spans) {
  if (icu_words_ == nullptr || text.empty()) return;
  // UText over the UTF-8 bytes lets the iterator report byte offsets
  // directly, which highlighting needs.
  UErrorCode status = U_ZERO_ERROR;
  UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return;
  icu_words_->setText(utext, status);
  if (U_SUCCESS(status)) {
    int32_t start = icu_words_->first();
    for (int32_t end = icu_words_->next(); end != icu::BreakIterator::DONE;
         start = end, end = icu_words_->next()) {
      // Rule status below UBRK_WORD_NONE_LIMIT marks spaces and punctuation.
      if (icu_words_->getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;
      spans.push_back(
          WordSpan{offset + static_cast<uint32_t>(start), offset + static_cast<uint32_t>(end)});
    }
  }
  // Detach before closing so the iterator holds no dangling text.
  icu_words_->setText(icu::UnicodeString());
  utext_close(utext);
}

}  // namespace docsearch
