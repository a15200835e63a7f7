#include "common/text_folding.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <array>
#include <cstdint>
#include <string>

#include "absl/strings/ascii.h"

namespace docsearch {
namespace {

void AppendUtf8(UChar32 c, std::string* out) {
  char buffer[4];
  int32_t written = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buffer), written, 4, c, error);
  if (!error) out->append(buffer, written);
}

bool IsDash(UChar32 c) {
  return c == 0x2010 || c == 0x2011 || c == 0x2012 || c == 0x2013 || c == 0x2014 || c == 0x2015 ||
         c == 0x2212 || c == 0xFE58 || c == 0xFE63 || c == 0xFF0D || c == 0x00AD;
}

bool IsSingleQuote(UChar32 c) {
  return c == 0x2018 || c == 0x2019 || c == 0x201A || c == 0x201B || c == 0x2032 || c == 0x00B4 ||
         c == 0x0060;
}

bool IsDoubleQuote(UChar32 c) {
  return c == 0x201C || c == 0x201D || c == 0x201E || c == 0x201F || c == 0x2033 || c == 0x00AB ||
         c == 0x00BB;
}

UChar32 StripAccentWithIcu(UChar32 c) {
  // NFD and drop combining marks: handles every precomposed Latin letter.
  icu::UnicodeString decomposed;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return c;
  nfd->normalize(icu::UnicodeString(c), decomposed, status);
  if (U_FAILURE(status) || decomposed.isEmpty()) return c;
  return decomposed.char32At(0);
}

// The Latin letters whose accents are removed: Latin-1 Supplement's letters
// through Latin Extended-B.
constexpr UChar32 kFirstAccentable = 0xC0;
constexpr UChar32 kEndAccentable = 0x250;

// StripAccentWithIcu for every code point in [kFirstAccentable,
// kEndAccentable), computed once: a normalization per accented letter was
// the largest part of folding a text with accents. Immutable once built.
const std::array<UChar32, kEndAccentable - kFirstAccentable>& AccentStrippedLatin() {
  static const auto* const table = [] {
    auto* stripped = new std::array<UChar32, kEndAccentable - kFirstAccentable>;
    for (UChar32 c = kFirstAccentable; c < kEndAccentable; ++c) {
      (*stripped)[c - kFirstAccentable] = StripAccentWithIcu(c);
    }
    return stripped;
  }();
  return *table;
}

bool IsAsciiSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }  // ASCII White_Space.

#if defined(__SSE2__)
// Folds the 16 bytes at `in` into `write` when they are plain text that
// folds byte for byte: printable ASCII other than '`', spaces single and
// neither first nor last (so no white space is collapsed, dropped or owed
// across the chunk). Returns false, writing nothing, otherwise.
bool FoldPlainChunk(const char* in, char* write) {
  const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in));
  // Bytes 0x80 and up compare below 0x20 as signed bytes, so this also
  // turns away anything that is not ASCII.
  const __m128i unusual = _mm_or_si128(_mm_cmplt_epi8(bytes, _mm_set1_epi8(0x20)),
                                       _mm_cmpeq_epi8(bytes, _mm_set1_epi8('`')));
  if (_mm_movemask_epi8(unusual) != 0) return false;
  const unsigned spaces =
      static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(' '))));
  if ((spaces & (spaces >> 1)) != 0 || (spaces & 0x8001u) != 0) return false;
  const __m128i upper = _mm_and_si128(_mm_cmpgt_epi8(bytes, _mm_set1_epi8('A' - 1)),
                                      _mm_cmplt_epi8(bytes, _mm_set1_epi8('Z' + 1)));
  const __m128i lowered = _mm_or_si128(bytes, _mm_and_si128(upper, _mm_set1_epi8(0x20)));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(write), lowered);
  return true;
}
#endif

// Appends the fold of `run`, which holds only ASCII bytes. Most text is
// ASCII, and the parser folds every head line several times, so this is its
// hottest loop: it runs without ICU's property lookups, 16 bytes at a time
// where the bytes need no more than lower-casing, and writes into room made
// once for the whole run (a run of n bytes adds at most n + 1: a space owed
// from before it, then at most one byte per byte).
void AppendFoldedAscii(absl::string_view run, bool* pending_space, std::string* out) {
  const size_t old_size = out->size();
  out->resize(old_size + run.size() + 1);
  char* const begin = out->data();
  char* write = begin + old_size;
  bool pending = *pending_space;
  size_t i = 0;
  while (i < run.size()) {
#if defined(__SSE2__)
    if (run.size() - i >= 16) {
      if (pending && write != begin && !IsAsciiSpace(run[i])) {
        *write++ = ' ';
        pending = false;
      }
      if (!pending && FoldPlainChunk(run.data() + i, write)) {
        write += 16;
        i += 16;
        continue;
      }
    }
#endif
    const char c = run[i++];
    if (IsAsciiSpace(c)) {
      pending = true;
      continue;
    }
    if (pending && write != begin) *write++ = ' ';
    pending = false;
    *write++ = c == '`' ? '\'' : absl::ascii_tolower(static_cast<unsigned char>(c));
  }
  *pending_space = pending;
  out->resize(static_cast<size_t>(write - begin));
}

// Appends the fold of one code point at or above U+0080.
void AppendFoldedCodePoint(UChar32 c, bool strip_accents, bool* pending_space, std::string* out) {
  if (u_isUWhiteSpace(c) || c == 0x00A0 || c == 0x202F || c == 0x2007) {
    *pending_space = true;
    return;
  }
  if (IsDash(c)) {
    c = '-';
  } else if (IsSingleQuote(c)) {
    c = '\'';
  } else if (IsDoubleQuote(c)) {
    c = '"';
  } else if (c == 0x2026) {
    if (*pending_space && !out->empty()) out->push_back(' ');
    *pending_space = false;
    out->append("...");
    return;
  }
  if (*pending_space && !out->empty()) out->push_back(' ');
  *pending_space = false;
  c = u_tolower(c);
  if (strip_accents && c >= kFirstAccentable && c < kEndAccentable) {
    c = AccentStrippedLatin()[c - kFirstAccentable];
  }
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else {
    AppendUtf8(c, out);
  }
}

// The end of the run of ASCII bytes starting at bytes[begin]: the first
// byte from there that is 0x80 or more, or `length`. Sixteen bytes at a
// time where SSE2 is there: most folded text is long ASCII runs.
int32_t AsciiRunEnd(const uint8_t* bytes, int32_t begin, int32_t length) {
  int32_t end = begin;
#if defined(__SSE2__)
  for (; end + 16 <= length; end += 16) {
    const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + end));
    // A byte's top bit set: not ASCII.
    const unsigned high = static_cast<unsigned>(_mm_movemask_epi8(chunk));
    if (high != 0) return end + __builtin_ctz(high);
  }
#endif
  while (end < length && bytes[end] < 0x80) ++end;
  return end;
}

std::string Fold(absl::string_view utf8, bool strip_accents) {
  std::string out;
  out.reserve(utf8.size());
  bool pending_space = false;
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t length = static_cast<int32_t>(utf8.size());
  int32_t i = 0;
  while (i < length) {
    // ASCII runs, between the other code points too, take the fast path.
    const int32_t ascii_end = AsciiRunEnd(bytes, i, length);
    if (ascii_end > i) {
      AppendFoldedAscii(utf8.substr(i, ascii_end - i), &pending_space, &out);
      i = ascii_end;
      if (i == length) break;
    }
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) c = 0xFFFD;
    AppendFoldedCodePoint(c, strip_accents, &pending_space, &out);
  }
  return out;
}

}  // namespace

std::string FoldForMatching(absl::string_view utf8) { return Fold(utf8, false); }

std::string FoldAccents(absl::string_view utf8) { return Fold(utf8, true); }

}  // namespace docsearch
