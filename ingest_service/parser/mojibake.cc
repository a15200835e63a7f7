#include "ingest_service/parser/mojibake.h"

#include <unicode/utf8.h>

#include <cstdint>
#include <optional>
#include <string>

namespace docsearch::ingest {
namespace {

// Windows-1252 bytes 0x80..0x9F; 0 where the byte is undefined.
constexpr char32_t kWindows1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

// The byte a character stands for in Windows-1252 (C1 controls standing for
// themselves, as ISO-8859-1 reads them); nullopt for other characters.
std::optional<uint8_t> ByteOf(UChar32 c) {
  if (c >= 0x80 && c <= 0xFF) return static_cast<uint8_t>(c);
  for (int i = 0; i < 32; ++i) {
    if (kWindows1252High[i] != 0 && static_cast<UChar32>(kWindows1252High[i]) == c) {
      return static_cast<uint8_t>(0x80 + i);
    }
  }
  return std::nullopt;
}

void AppendUtf8(UChar32 c, std::string* out) {
  char buffer[4];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buffer), length, 4, c, error);
  if (!error) out->append(buffer, length);  // 4 bytes fit any code point.
}

}  // namespace

RepairedText RepairMojibake(absl::string_view utf8) {
  RepairedText result;
  // Fast path: mojibake needs a lead character of U+00C2..U+00F4.
  bool candidate = false;
  for (size_t i = 0; i + 1 < utf8.size(); ++i) {
    if (static_cast<uint8_t>(utf8[i]) == 0xC3 && static_cast<uint8_t>(utf8[i + 1]) >= 0x82 &&
        static_cast<uint8_t>(utf8[i + 1]) <= 0xB4) {
      candidate = true;
      break;
    }
  }
  if (!candidate) {
    result.text = std::string(utf8);
    return result;
  }
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t length = static_cast<int32_t>(utf8.size());
  result.text.reserve(utf8.size());
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    const std::optional<uint8_t> lead = c >= 0xC2 && c <= 0xF4 ? ByteOf(c) : std::nullopt;
    if (!lead.has_value()) {
      result.text.append(utf8.data() + start, i - start);
      continue;
    }
    const int needed = *lead >= 0xF0 ? 3 : *lead >= 0xE0 ? 2 : 1;
    uint8_t bytes[4] = {*lead, 0, 0, 0};
    int32_t j = i;
    bool complete = true;
    for (int k = 1; k <= needed; ++k) {
      if (j >= length) {
        complete = false;
        break;
      }
      UChar32 next;
      U8_NEXT(s, j, length, next);
      const std::optional<uint8_t> byte = next >= 0 ? ByteOf(next) : std::nullopt;
      if (!byte.has_value() || *byte < 0x80 || *byte > 0xBF) {
        complete = false;
        break;
      }
      bytes[k] = *byte;
    }
    UChar32 decoded = -1;
    if (complete) {
      int32_t offset = 0;
      U8_NEXT(bytes, offset, needed + 1, decoded);
      if (offset != needed + 1) decoded = -1;
    }
    if (decoded < 0x80) {
      result.text.append(utf8.data() + start, i - start);
      continue;
    }
    // A C1 control decoded: the original was a Windows-1252 character read
    // as ISO-8859-1 ("Â’" -> U+0092 -> ’).
    if (decoded <= 0x9F) {
      const char32_t mapped = kWindows1252High[decoded - 0x80];
      if (mapped == 0) {
        result.text.append(utf8.data() + start, i - start);
        continue;
      }
      decoded = static_cast<UChar32>(mapped);
    }
    AppendUtf8(decoded, &result.text);
    ++result.repaired;
    i = j;
  }
  return result;
}

}  // namespace docsearch::ingest
