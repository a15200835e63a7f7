#include "common/document_id.h"

#include <cstdint>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/utf8_text.h"

namespace docsearch {
namespace {

// The code point of the valid `length`-byte sequence at the start of `text`.
uint32_t DecodeCodePoint(absl::string_view text, size_t length) {
  const auto byte = [&](size_t i) { return static_cast<uint32_t>(static_cast<uint8_t>(text[i])); };
  switch (length) {
    case 1:
      return byte(0);
    case 2:
      return ((byte(0) & 0x1F) << 6) | (byte(1) & 0x3F);
    case 3:
      return ((byte(0) & 0x0F) << 12) | ((byte(1) & 0x3F) << 6) | (byte(2) & 0x3F);
    default:
      return ((byte(0) & 0x07) << 18) | ((byte(1) & 0x3F) << 12) | ((byte(2) & 0x3F) << 6) |
             (byte(3) & 0x3F);
  }
}

bool IsControl(uint32_t code_point) {
  return code_point < 0x20 || (code_point >= 0x7F && code_point <= 0x9F);
}

bool IsBidiControl(uint32_t code_point) {
  return (code_point >= 0x202A && code_point <= 0x202E) ||
         (code_point >= 0x2066 && code_point <= 0x2069) || code_point == 0x200E ||
         code_point == 0x200F || code_point == 0x061C;
}

}  // namespace

absl::Status CheckDocumentId(absl::string_view id, absl::string_view field) {
  if (id.empty()) return absl::InvalidArgumentError(absl::StrCat(field, " is empty"));
  if (id.size() > kMaxDocumentIdBytes) {
    return absl::InvalidArgumentError(absl::StrCat(field, " is ", id.size(),
                                                   " bytes; ids are at most ", kMaxDocumentIdBytes,
                                                   " bytes ('", TruncatedForMessage(id), "')"));
  }
  size_t offset = 0;
  while (offset < id.size()) {
    const size_t length = Utf8SequenceLength(id.substr(offset));
    if (length == 0) {
      return absl::InvalidArgumentError(
          absl::StrCat(field, " is not valid UTF-8 (at byte ", offset, ")"));
    }
    const uint32_t code_point = DecodeCodePoint(id.substr(offset), length);
    if (IsControl(code_point) || IsBidiControl(code_point)) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "%s holds U+%04X at byte %d; ids may not hold control or bidirectional-override "
          "characters",
          field, code_point, offset));
    }
    offset += length;
  }
  return absl::OkStatus();
}

}  // namespace docsearch
