#include "ingest_service/parser/encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/ascii.h"

namespace docsearch::ingest {
namespace {

constexpr char kReplacementUtf8[] = "\xEF\xBF\xBD";

// Walks `bytes` as UTF-8. Counts well-formed multi-byte sequences and
// malformed ones, and (when `out` is given) appends the text with every
// malformed sequence replaced by U+FFFD.
struct Utf8Scan {
  int64_t multibyte = 0;
  int64_t malformed = 0;
};

Utf8Scan ScanUtf8(absl::string_view bytes, std::string* out) {
  Utf8Scan scan;
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const int32_t length = static_cast<int32_t>(bytes.size());
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      ++scan.malformed;
      if (out != nullptr) out->append(kReplacementUtf8);
      continue;
    }
    if (i - start > 1) ++scan.multibyte;
    if (out != nullptr) out->append(bytes.data() + start, i - start);
  }
  return scan;
}

// Asks ICU's detector which single-byte Western encoding fits best.
std::string DetectSingleByteEncoding(absl::string_view bytes) {
  bool has_c1_bytes = false;  // 0x80..0x9F: printable only in windows-1252.
  for (unsigned char b : bytes) {
    if (b >= 0x80 && b <= 0x9F) {
      has_c1_bytes = true;
      break;
    }
  }
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> detector(ucsdet_open(&status),
                                                                      &ucsdet_close);
  std::string guess;
  if (U_SUCCESS(status)) {
    ucsdet_setText(detector.get(), bytes.data(), static_cast<int32_t>(bytes.size()), &status);
    const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
    if (U_SUCCESS(status) && match != nullptr) {
      const char* name = ucsdet_getName(match, &status);
      if (U_SUCCESS(status) && name != nullptr) guess = name;
    }
  }
  // The archive only holds Western encodings; anything else the detector
  // proposes (it guesses among dozens) is read as windows-1252, the superset.
  if (guess == "ISO-8859-1" && !has_c1_bytes) return "ISO-8859-1";
  return "windows-1252";
}

std::string ConvertSingleByte(absl::string_view bytes, const std::string& encoding, int* replaced) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> converter(ucnv_open(encoding.c_str(), &status),
                                                               &ucnv_close);
  std::string out;
  if (U_FAILURE(status)) {
    // Cannot happen with the names above; keep ASCII and replace the rest.
    for (unsigned char b : bytes) {
      if (b < 0x80) {
        out.push_back(static_cast<char>(b));
      } else {
        out.append(kReplacementUtf8);
        ++*replaced;
      }
    }
    return out;
  }
  out.reserve(bytes.size() + bytes.size() / 4);
  for (unsigned char b : bytes) {
    if (b < 0x80) {
      out.push_back(static_cast<char>(b));
      continue;
    }
    // One byte is one character in these encodings: convert byte by byte so
    // an undefined byte (e.g. 0x81 in windows-1252) costs one replacement.
    const char in = static_cast<char>(b);
    UChar buffer[4];
    status = U_ZERO_ERROR;
    const int32_t units = ucnv_toUChars(converter.get(), buffer, 4, &in, 1, &status);
    UChar32 c = 0xFFFD;
    if (U_SUCCESS(status) && units >= 1) c = buffer[0];
    if (c == 0xFFFD || c == 0x1A) {
      ++*replaced;
      c = 0xFFFD;
    }
    char utf8[4];
    int32_t written = 0;
    UBool error = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(utf8), written, 4, c, error);
    if (error) ++*replaced;  // Cannot happen: 4 bytes fit any code point.
    out.append(utf8, written);
  }
  return out;
}

// Any encoding ICU knows, converted whole (multi-byte encodings included);
// nullopt when ICU does not know the name.
std::optional<std::string> ConvertWithIcu(absl::string_view bytes, const std::string& encoding,
                                          int* replaced) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> converter(ucnv_open(encoding.c_str(), &status),
                                                               &ucnv_close);
  if (U_FAILURE(status)) return std::nullopt;
  if (ucnv_getMaxCharSize(converter.get()) == 1) {
    return ConvertSingleByte(bytes, encoding, replaced);
  }
  std::vector<UChar> units(bytes.size() * 2 + 16);
  const int32_t length =
      ucnv_toUChars(converter.get(), units.data(), static_cast<int32_t>(units.size()), bytes.data(),
                    static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) return std::nullopt;
  std::string out;
  out.reserve(bytes.size() * 2);
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U16_NEXT(units.data(), i, length, c);
    if (c == 0xFFFD || c == 0x1A) {
      ++*replaced;
      c = 0xFFFD;
    }
    char utf8[4];
    int32_t written = 0;
    UBool error = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(utf8), written, 4, c, error);
    if (error) ++*replaced;  // Cannot happen: 4 bytes fit any code point.
    out.append(utf8, written);
  }
  return out;
}

}  // namespace

std::string DeclaredCharset(absl::string_view bytes) {
  const std::string head = absl::AsciiStrToLower(bytes.substr(0, 4096));
  for (size_t at = head.find("charset"); at != std::string::npos;
       at = head.find("charset", at + 7)) {
    size_t i = at + 7;
    while (i < head.size() &&
           (head[i] == ' ' || head[i] == '=' || head[i] == '"' || head[i] == '\'')) {
      ++i;
    }
    if (i == at + 7 || head.find('=', at + 7) > i) continue;  // "charset" not followed by '='.
    std::string name;
    while (i < head.size() &&
           (absl::ascii_isalnum(static_cast<unsigned char>(head[i])) || head[i] == '-' ||
            head[i] == '_' || head[i] == ':' || head[i] == '.')) {
      name.push_back(head[i++]);
    }
    if (!name.empty()) return name;
  }
  return "";
}

bool IsValidUtf8(absl::string_view bytes) { return ScanUtf8(bytes, nullptr).malformed == 0; }

DecodedText DecodeToUtf8(absl::string_view bytes) {
  DecodedText result;
  const Utf8Scan scan = ScanUtf8(bytes, nullptr);
  if (scan.malformed == 0) {
    result.utf8 = std::string(bytes);
    result.encoding = "UTF-8";
    return result;
  }
  // Real UTF-8 with a few damaged bytes: many good multi-byte sequences, few
  // bad ones. Single-byte text read as UTF-8 shows almost only bad ones.
  if (scan.multibyte >= 2 && scan.malformed <= scan.multibyte) {
    ScanUtf8(bytes, &result.utf8);
    result.encoding = "UTF-8";
    result.replaced_sequences = static_cast<int>(scan.malformed);
    return result;
  }
  // An HTML page that names its encoding (<meta charset="...">) is read in
  // it, whatever it is; otherwise a Western single-byte encoding is guessed.
  if (const std::string declared = DeclaredCharset(bytes);
      !declared.empty() && declared != "utf-8" && declared != "utf8") {
    int replaced = 0;
    if (std::optional<std::string> converted = ConvertWithIcu(bytes, declared, &replaced)) {
      result.utf8 = *std::move(converted);
      result.encoding = declared;
      result.replaced_sequences = replaced;
      return result;
    }
  }
  result.encoding = DetectSingleByteEncoding(bytes);
  result.utf8 = ConvertSingleByte(bytes, result.encoding, &result.replaced_sequences);
  return result;
}

}  // namespace docsearch::ingest
