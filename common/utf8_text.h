// Checks on UTF-8 text that crosses the wire: whether bytes are valid UTF-8
// (the proto3 string rule, applied where the protobuf parser cannot be
// asked which field broke it), and a bounded echo of client text for error
// messages, so that an error about a 1 MiB id is not itself 1 MiB.
#ifndef DOCSEARCH_COMMON_UTF8_TEXT_H_
#define DOCSEARCH_COMMON_UTF8_TEXT_H_

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"

namespace docsearch {

// True when `text` is well-formed UTF-8: shortest-form sequences, no
// surrogates, nothing above U+10FFFF.
bool IsValidUtf8(absl::string_view text);

// The length in bytes of the valid UTF-8 sequence starting at text[0], or 0
// when it is not one. `text` must not be empty.
size_t Utf8SequenceLength(absl::string_view text);

// `text` cut to at most `max_bytes` (at a character boundary when it is
// valid UTF-8) followed by "…(N bytes)" when cut; for error messages that
// echo what a client sent.
std::string TruncatedForMessage(absl::string_view text, size_t max_bytes = 64);

}  // namespace docsearch

#endif  // DOCSEARCH_COMMON_UTF8_TEXT_H_
