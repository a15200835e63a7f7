#include "common/text_folding.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

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

// Calls visit(code_point) for each code point of valid UTF-8 text.
template <typename Visit>
void ForEachCodePoint(absl::string_view utf8, Visit visit) {
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t length = static_cast<int32_t>(utf8.size());
  int32_t i = 0;
  while (i < length) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) c = 0xFFFD;
    visit(c);
  }
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

UChar32 StripAccent(UChar32 c) {
  // NFD and drop combining marks: handles every precomposed Latin letter.
  icu::UnicodeString decomposed;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return c;
  nfd->normalize(icu::UnicodeString(c), decomposed, status);
  if (U_FAILURE(status) || decomposed.isEmpty()) return c;
  return decomposed.char32At(0);
}

std::string Fold(absl::string_view utf8, bool strip_accents) {
  std::string out;
  bool pending_space = false;
  // Most text is ASCII: fold it without ICU's property lookups (the parser
  // folds every head line several times, so this is its hottest loop). The
  // ASCII part never grows, so it is written straight into a buffer of the
  // input's size, without a capacity check per character.
  out.resize(utf8.size());
  char* const begin = out.data();
  char* write = begin;
  size_t ascii = 0;
  while (ascii < utf8.size() && static_cast<unsigned char>(utf8[ascii]) < 0x80) {
    const char c = utf8[ascii];
    if (c == ' ' || (c >= '\t' && c <= '\r')) {  // ASCII White_Space.
      pending_space = true;
    } else {
      if (pending_space && write != begin) *write++ = ' ';
      pending_space = false;
      *write++ = c == '`' ? '\'' : absl::ascii_tolower(static_cast<unsigned char>(c));
    }
    ++ascii;
  }
  out.resize(static_cast<size_t>(write - begin));
  if (ascii == utf8.size()) return out;
  utf8.remove_prefix(ascii);
  ForEachCodePoint(utf8, [&](UChar32 c) {
    if (c < 0x80 && c != '`') {
      if (c == ' ' || (c >= '\t' && c <= '\r')) {
        pending_space = true;
        return;
      }
      if (pending_space && !out.empty()) out.push_back(' ');
      pending_space = false;
      out.push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
      return;
    }
    if (c == '\t' || c == '\n' || c == '\r' || u_isUWhiteSpace(c) || c == 0x00A0 || c == 0x202F ||
        c == 0x2007) {
      pending_space = true;
      return;
    }
    if (IsDash(c)) {
      c = '-';
    } else if (IsSingleQuote(c)) {
      c = '\'';
    } else if (IsDoubleQuote(c)) {
      c = '"';
    } else if (c == 0x2026) {
      if (pending_space && !out.empty()) out.push_back(' ');
      pending_space = false;
      out.append("...");
      return;
    }
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    c = u_tolower(c);
    if (strip_accents && c >= 0xC0 && c < 0x250) c = StripAccent(c);
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else {
      AppendUtf8(c, &out);
    }
  });
  return out;
}

}  // namespace

std::string FoldForMatching(absl::string_view utf8) { return Fold(utf8, false); }

std::string FoldAccents(absl::string_view utf8) { return Fold(utf8, true); }

}  // namespace docsearch
