#include "ingest_service/parser/glued_words.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <string>
#include <vector>

#include "absl/hash/hash.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

namespace docsearch::ingest {
namespace {

// Shorter parts are too often a name's own pieces (Mc, Pf, De, La).
constexpr size_t kMinPartLetters = 3;

struct CodePoint {
  UChar32 c = 0;
  uint32_t begin = 0;  // Byte offset in its token.
};

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
bool IsHyphen(UChar32 c) { return c == '-' || c == 0x2010 || c == 0x2011; }
bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Capitals that stand for an elided French or Italian article or pronoun
// ("L'OTAN", "D'abord", "Qu'il" is handled apart).
bool IsElidingCapital(UChar32 c) {
  return c == 'L' || c == 'D' || c == 'J' || c == 'N' || c == 'S' || c == 'C' || c == 'M' ||
         c == 'T';
}

// Tokens that hold an address or a tag keep their capitals.
bool HoldsAddress(absl::string_view token) {
  return absl::StrContains(token, "://") || absl::StrContains(token, "www.") ||
         absl::StrContains(token, "/") || absl::StrContains(token, "@") ||
         absl::StrContains(token, "_") || absl::StrContains(token, "#");
}

// Most texts have no lower-case letter before a capital inside a token:
// they are left untouched without decoding. (Any two non-ASCII bytes in a
// row may be such a pair, so non-Latin texts are decoded.)
bool MayHoldGlue(absl::string_view utf8) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(utf8.data());
  for (size_t i = 1; i < utf8.size(); ++i) {
    // Capitals are rare: test the byte before only after one.
    const unsigned here = bytes[i];
    if (here - 'A' < 26u || here >= 0xC0) {
      const unsigned before = bytes[i - 1];
      if (before - 'a' < 26u || before >= 0x80) return true;
    }
  }
  return false;
}

void DecodeToken(absl::string_view token, std::vector<CodePoint>* points) {
  points->clear();
  const auto* bytes = reinterpret_cast<const uint8_t*>(token.data());
  const int32_t length = static_cast<int32_t>(token.size());
  int32_t i = 0;
  while (i < length) {
    const int32_t begin = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) c = 0xFFFD;
    points->push_back({c, static_cast<uint32_t>(begin)});
  }
}

void AppendFolded(const std::vector<CodePoint>& points, size_t from, size_t to,
                  std::string* folded) {
  for (size_t k = from; k < to; ++k) {
    if (points[k].c < 0x80) {
      folded->push_back(absl::ascii_tolower(static_cast<unsigned char>(points[k].c)));
      continue;
    }
    char buffer[U8_MAX_LENGTH];
    int32_t length = 0;
    UBool error = false;
    U8_APPEND(buffer, length, U8_MAX_LENGTH, u_tolower(points[k].c), error);
    if (!error) folded->append(buffer, static_cast<size_t>(length));
  }
}

// A part glued before a capital: enough letters, lower case after its first.
bool IsLowerTailedPart(const std::vector<CodePoint>& points, size_t from, size_t to) {
  if (to - from < kMinPartLetters) return false;
  for (size_t k = from + 1; k < to; ++k) {
    if (!IsLower(points[k].c)) return false;
  }
  return true;
}

bool IsAt(const std::vector<CodePoint>& points, size_t k, bool (*predicate)(UChar32)) {
  return k < points.size() && predicate(points[k].c);
}
bool IsPeriod(UChar32 c) { return c == '.'; }

// A break the text itself proves at the capital `at`, whose letter run
// ends at `run_end`: an elided capital before a word of two letters or more
// ("L'OTAN", "Qu'il"; not a possessive "D's"), or an initialism with
// periods ("U.S.").
bool StartsUnjoinable(const std::vector<CodePoint>& points, size_t at, size_t run_end) {
  size_t apostrophe = 0;
  if (run_end == at + 1 && IsElidingCapital(points[at].c)) {
    apostrophe = at + 1;
  } else if (run_end == at + 2 && points[at].c == 'Q' && points[at + 1].c == 'u') {
    apostrophe = at + 2;
  }
  if (apostrophe > 0 && IsAt(points, apostrophe, IsApostrophe) &&
      IsAt(points, apostrophe + 1, IsLetter) && IsAt(points, apostrophe + 2, IsLetter)) {
    return true;
  }
  return run_end == at + 1 && IsAt(points, at + 1, IsPeriod) && IsAt(points, at + 2, IsUpper) &&
         IsAt(points, at + 3, IsPeriod);
}

bool IsJoint(const std::vector<CodePoint>& points, size_t p) {
  return IsLower(points[p - 1].c) && IsUpper(points[p].c);
}

bool HasJoint(const std::vector<CodePoint>& points, size_t begin, size_t end) {
  for (size_t p = begin + 1; p < end; ++p) {
    if (IsJoint(points, p)) return true;
  }
  return false;
}

// The capitals of the letter run [begin, end) that follow a lower-case
// letter.
std::vector<size_t> Capitals(const std::vector<CodePoint>& points, size_t begin, size_t end) {
  std::vector<size_t> capitals;
  for (size_t p = begin + 1; p < end; ++p) {
    if (IsJoint(points, p)) capitals.push_back(p);
  }
  return capitals;
}

// Calls `on_token(token_begin, points, address)` for each run of non-space
// bytes, its code points decoded into a buffer reused from token to token;
// with `maybe_glued_only`, only for the tokens MayHoldGlue lets through.
template <typename OnToken>
void ForEachToken(absl::string_view utf8, bool maybe_glued_only, OnToken on_token) {
  std::vector<CodePoint> points;
  size_t k = 0;
  while (k < utf8.size()) {
    if (IsAsciiSpace(utf8[k])) {
      ++k;
      continue;
    }
    size_t end = k;
    while (end < utf8.size() && !IsAsciiSpace(utf8[end])) ++end;
    const absl::string_view token = utf8.substr(k, end - k);
    if (maybe_glued_only && !MayHoldGlue(token)) {
      k = end;
      continue;
    }
    DecodeToken(token, &points);
    on_token(k, points, HoldsAddress(token));
    k = end;
  }
}

}  // namespace

GluedWordSeparator::GluedWordSeparator(absl::string_view document_text)
    : document_text_(document_text), may_hold_glue_(MayHoldGlue(document_text)) {}

bool GluedWordSeparator::IsWordPairOfDocument(const std::string& pair) {
  if (!word_pairs_.has_value()) {
    // Built on the first joint that needs it: most documents have none.
    word_pairs_.emplace();
    std::string previous;  // The last glue-free word, folded; empty after a break.
    std::string word;
    std::string pair_text;
    bool joined = false;  // Only spaces or one hyphen since `previous`.
    int hyphens = 0;
    ForEachToken(document_text_, /*maybe_glued_only=*/false,
                 [&](size_t, const std::vector<CodePoint>& points, bool) {
                   size_t k = 0;
                   while (k < points.size()) {
                     if (!IsLetter(points[k].c)) {
                       if (IsHyphen(points[k].c) && hyphens == 0) {
                         ++hyphens;
                       } else if (!u_isspace(points[k].c)) {
                         joined = false;
                       }
                       ++k;
                       continue;
                     }
                     size_t run_end = k;
                     while (run_end < points.size() && IsLetter(points[run_end].c)) ++run_end;
                     word.clear();
                     if (!HasJoint(points, k, run_end)) AppendFolded(points, k, run_end, &word);
                     if (!word.empty() && joined && !previous.empty()) {
                       pair_text.assign(previous).append(" ").append(word);
                       word_pairs_->insert(absl::HashOf(pair_text));
                     }
                     previous.swap(word);
                     joined = true;
                     hyphens = 0;
                     k = run_end;
                   }
                 });
  }
  return word_pairs_->contains(absl::HashOf(pair));
}

SeparatedText GluedWordSeparator::Separate(absl::string_view utf8) {
  SeparatedText result;
  if (!may_hold_glue_ || !MayHoldGlue(utf8)) {
    result.text = std::string(utf8);
    return result;
  }
  std::vector<size_t> breaks;  // Byte offsets of the capitals.
  ForEachToken(utf8, /*maybe_glued_only=*/true,
               [&](size_t token_begin, const std::vector<CodePoint>& points, bool address) {
                 if (address) return;
                 size_t run = 0;
                 while (run < points.size()) {
                   if (!IsLetter(points[run].c)) {
                     ++run;
                     continue;
                   }
                   size_t run_end = run;
                   while (run_end < points.size() && IsLetter(points[run_end].c)) ++run_end;
                   if (!HasJoint(points, run, run_end)) {
                     run = run_end;
                     continue;
                   }
                   const std::vector<size_t> capitals = Capitals(points, run, run_end);
                   for (size_t c = 0; c < capitals.size(); ++c) {
                     const size_t at = capitals[c];
                     const size_t part_begin = c == 0 ? run : capitals[c - 1];
                     const size_t next_end = c + 1 < capitals.size() ? capitals[c + 1] : run_end;
                     if (!IsLowerTailedPart(points, part_begin, at)) continue;
                     bool separate = StartsUnjoinable(points, at, run_end);
                     if (!separate && IsLowerTailedPart(points, at, next_end)) {
                       // Two words the document also writes apart, side by side.
                       std::string pair;
                       AppendFolded(points, part_begin, at, &pair);
                       pair += ' ';
                       AppendFolded(points, at, next_end, &pair);
                       separate = IsWordPairOfDocument(pair);
                     }
                     if (separate) breaks.push_back(token_begin + points[at].begin);
                   }
                   run = run_end;
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
