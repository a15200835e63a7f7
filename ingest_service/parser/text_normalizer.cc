#include "ingest_service/parser/text_normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/strings/ascii.h"

namespace docsearch::ingest {
namespace {

void AppendUtf8(UChar32 c, std::string* out) {
  char buffer[4];
  int32_t written = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buffer), written, 4, c, error);
  if (!error) out->append(buffer, written);
}

// Printable ASCII and tab: bytes NormalizeText copies as they are.
bool IsPlainAscii(char c) { return (c >= 0x20 && c < 0x7F) || c == '\t'; }

// Whether every code point of `utf8` is below U+0300, where the combining
// marks begin: each such character is NFC on its own and composes with
// nothing, so the text is NFC (a test checks this against ICU for each of
// them). In UTF-8 that is no byte of 0xCC or above.
bool BelowCombiningMarks(absl::string_view utf8) {
  return std::all_of(utf8.begin(), utf8.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0xCC; });
}

}  // namespace

NormalizedText NormalizeText(absl::string_view utf8) {
  NormalizedText result;
  // NFC first: composing may only merge characters, never create controls.
  std::string composed;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (!BelowCombiningMarks(utf8) && U_SUCCESS(status) &&
      !nfc->isNormalized(icu::UnicodeString::fromUTF8(utf8), status)) {
    status = U_ZERO_ERROR;
    icu::UnicodeString normalized;
    nfc->normalize(icu::UnicodeString::fromUTF8(utf8), normalized, status);
    if (U_SUCCESS(status)) normalized.toUTF8String(composed);
  }
  const absl::string_view source = composed.empty() ? utf8 : absl::string_view(composed);

  std::string& out = result.text;
  out.reserve(source.size());
  bool previous_was_cr = false;
  const auto visit = [&](UChar32 c) {
    if (c == '\r') {
      out.push_back('\n');
      previous_was_cr = true;
      return;
    }
    if (c == '\n' && previous_was_cr) {
      previous_was_cr = false;
      return;  // The "\r\n" pair already produced its newline.
    }
    previous_was_cr = false;
    if (c == '\n' || c == '\t') {
      out.push_back(static_cast<char>(c));
      return;
    }
    // C0 and C1 controls, and U+FEFF (a byte-order mark left mid-text).
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0xFEFF) {
      ++result.removed_control_characters;
      return;
    }
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else {
      AppendUtf8(c, &out);
    }
  };
  const auto* bytes = reinterpret_cast<const uint8_t*>(source.data());
  const int32_t length = static_cast<int32_t>(source.size());
  int32_t i = 0;
  while (i < length) {
    // Most of a text is printable ASCII: copied a run at a time, as visit
    // would copy it byte by byte.
    int32_t plain_end = i;
    while (plain_end < length && IsPlainAscii(source[plain_end])) ++plain_end;
    if (plain_end > i) {
      out.append(source.data() + i, plain_end - i);
      previous_was_cr = false;
      i = plain_end;
      continue;
    }
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    visit(c < 0 ? 0xFFFD : c);
  }
  return result;
}

std::string CollapseWhitespace(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    if (absl::ascii_isspace(static_cast<unsigned char>(c))) {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

}  // namespace docsearch::ingest
