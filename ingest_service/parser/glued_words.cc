#include "ingest_service/parser/glued_words.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

namespace docsearch::ingest {
namespace {

// Shorter parts are too often a name's own pieces (Mc, Pf, De, La).
constexpr int kMinPartLetters = 3;

struct CodePoint {
  UChar32 c = 0;
  size_t begin = 0;  // Byte offset in the text.
};

std::vector<CodePoint> Decode(absl::string_view text) {
  std::vector<CodePoint> points;
  points.reserve(text.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < length) {
    const int32_t begin = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) c = 0xFFFD;
    points.push_back({c, static_cast<size_t>(begin)});
  }
  return points;
}

bool IsLetter(UChar32 c) {
  if (c < 0x80) return absl::ascii_isalpha(static_cast<unsigned char>(c));
  return u_isUAlphabetic(c);
}
bool IsLower(UChar32 c) {
  if (c < 0x80) return absl::ascii_islower(static_cast<unsigned char>(c));
  return u_isULowercase(c);
}
bool IsUpper(UChar32 c) {
  if (c < 0x80) return absl::ascii_isupper(static_cast<unsigned char>(c));
  return u_isUUppercase(c);
}
bool IsApostrophe(UChar32 c) { return c == '\'' || c == 0x2019; }
bool IsSpace(UChar32 c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || u_isspace(c); }

// Capitals that stand for an elided French or Italian article or pronoun.
bool IsElidingCapital(UChar32 c) {
  return c == 'L' || c == 'D' || c == 'J' || c == 'N' || c == 'S' || c == 'C' || c == 'M' ||
         c == 'T' || c == 'Q';
}

std::string Fold(const std::vector<CodePoint>& points, size_t from, size_t to) {
  std::string folded;
  for (size_t k = from; k < to; ++k) {
    const UChar32 lower = u_tolower(points[k].c);
    char buffer[U8_MAX_LENGTH];
    int32_t length = 0;
    UBool error = false;
    U8_APPEND(buffer, length, U8_MAX_LENGTH, lower, error);
    if (!error) folded.append(buffer, static_cast<size_t>(length));
  }
  return folded;
}

// A part glued before a capital: enough letters, lower case after its first.
bool IsLowerTailedPart(const std::vector<CodePoint>& points, size_t from, size_t to) {
  if (to - from < kMinPartLetters) return false;
  for (size_t k = from + 1; k < to; ++k) {
    if (!IsLower(points[k].c)) return false;
  }
  return true;
}

// A break the text itself proves: an elided capital ("L'OTAN") or an
// initialism with periods ("U.S.") starting at `at`, the letter run ending
// right after its first letter.
bool StartsUnjoinable(const std::vector<CodePoint>& points, size_t at) {
  const auto is = [&](size_t k, auto predicate) {
    return k < points.size() && predicate(points[k].c);
  };
  if (IsElidingCapital(points[at].c) && is(at + 1, IsApostrophe) && is(at + 2, IsLetter)) {
    return true;
  }
  return is(at + 1, [](UChar32 c) { return c == '.'; }) && is(at + 2, IsUpper) &&
         is(at + 3, [](UChar32 c) { return c == '.'; });
}

bool HoldsAddress(absl::string_view token) {
  return absl::StrContains(token, "://") || absl::StrContains(token, "www.") ||
         absl::StrContains(token, "/") || absl::StrContains(token, "@") ||
         absl::StrContains(token, "_");
}

// Most texts have no lower-case letter before a capital inside a token:
// they are left untouched without decoding.
bool MayHoldGlue(absl::string_view utf8) {
  for (size_t i = 1; i < utf8.size(); ++i) {
    const auto before = static_cast<unsigned char>(utf8[i - 1]);
    const auto here = static_cast<unsigned char>(utf8[i]);
    if ((absl::ascii_islower(before) || before >= 0x80) &&
        (absl::ascii_isupper(here) || here >= 0xC0)) {
      return true;
    }
  }
  return false;
}

// Calls `on_run(begin, end, address)` for each letter run of the text, in
// code point indexes; `address` when its token holds an address.
template <typename OnRun>
void ForEachLetterRun(absl::string_view utf8, const std::vector<CodePoint>& points, OnRun on_run) {
  size_t k = 0;
  while (k < points.size()) {
    if (IsSpace(points[k].c)) {
      ++k;
      continue;
    }
    size_t token_end = k;
    while (token_end < points.size() && !IsSpace(points[token_end].c)) ++token_end;
    const size_t byte_end = token_end < points.size() ? points[token_end].begin : utf8.size();
    const bool address = HoldsAddress(utf8.substr(points[k].begin, byte_end - points[k].begin));
    size_t run = k;
    while (run < token_end) {
      if (!IsLetter(points[run].c)) {
        ++run;
        continue;
      }
      size_t run_end = run;
      while (run_end < token_end && IsLetter(points[run_end].c)) ++run_end;
      on_run(run, run_end, address);
      run = run_end;
    }
    k = token_end;
  }
}

std::vector<size_t> Capitals(const std::vector<CodePoint>& points, size_t begin, size_t end) {
  std::vector<size_t> capitals;
  for (size_t p = begin + 1; p < end; ++p) {
    if (IsLower(points[p - 1].c) && IsUpper(points[p].c)) capitals.push_back(p);
  }
  return capitals;
}

}  // namespace

GluedWordSeparator::GluedWordSeparator(absl::string_view document_text)
    : document_text_(document_text), may_hold_glue_(MayHoldGlue(document_text)) {}

bool GluedWordSeparator::IsDocumentWord(const std::string& folded) {
  if (!words_.has_value()) {
    // Built on the first joint that needs it: most documents have none.
    words_.emplace();
    const std::vector<CodePoint> points = Decode(document_text_);
    ForEachLetterRun(document_text_, points, [&](size_t begin, size_t end, bool /*address*/) {
      if (Capitals(points, begin, end).empty()) words_->insert(Fold(points, begin, end));
    });
  }
  return words_->contains(folded);
}

SeparatedText GluedWordSeparator::Separate(absl::string_view utf8) {
  SeparatedText result;
  if (!may_hold_glue_ || !MayHoldGlue(utf8)) {
    result.text = std::string(utf8);
    return result;
  }
  const std::vector<CodePoint> points = Decode(utf8);
  std::vector<size_t> breaks;  // Byte offsets of the capitals.
  ForEachLetterRun(utf8, points, [&](size_t run, size_t run_end, bool address) {
    if (address) return;
    const std::vector<size_t> capitals = Capitals(points, run, run_end);
    for (size_t c = 0; c < capitals.size(); ++c) {
      const size_t at = capitals[c];
      const size_t part_begin = c == 0 ? run : capitals[c - 1];
      const size_t next_end = c + 1 < capitals.size() ? capitals[c + 1] : run_end;
      if (!IsLowerTailedPart(points, part_begin, at)) continue;
      const bool proven = next_end == at + 1 && StartsUnjoinable(points, at);
      if (!proven && (next_end - at < kMinPartLetters || !IsLowerTailedPart(points, at, next_end) ||
                      !IsDocumentWord(Fold(points, part_begin, at)) ||
                      !IsDocumentWord(Fold(points, at, next_end)))) {
        continue;
      }
      breaks.push_back(points[at].begin);
    }
  });
  result.separated = static_cast<int>(breaks.size());
  result.text.reserve(utf8.size() + breaks.size());
  size_t copied = 0;
  for (size_t offset : breaks) {
    result.text.append(utf8.data() + copied, offset - copied);
    result.text.push_back(' ');
    copied = offset;
  }
  result.text.append(utf8.data() + copied, utf8.size() - copied);
  return result;
}

SeparatedText SeparateGluedWords(absl::string_view utf8) {
  GluedWordSeparator separator(utf8);
  return separator.Separate(utf8);
}

}  // namespace docsearch::ingest
