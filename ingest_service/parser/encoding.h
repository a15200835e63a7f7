// Character-encoding detection and conversion to UTF-8.
//
// Archived pages arrive as UTF-8, Windows-1252 or ISO-8859-1, and nothing in
// the bytes says which. DecodeToUtf8 decides and converts, so that every later
// step works on valid UTF-8.
//
// Contract:
//   - The result is always valid UTF-8; it never fails.
//   - Input that is valid UTF-8 is returned unchanged (encoding "UTF-8").
//   - Input with at least as many well-formed multi-byte sequences as broken
//     ones (text that is UTF-8 but damaged) stays UTF-8; each
//     broken sequence becomes U+FFFD and is counted in replaced_sequences.
//   - Otherwise, when the first 4 KiB declare a charset (HTML
//     <meta charset="iso-8859-15"> or content="text/html; charset=...")
//     that ICU knows, the bytes are read in it (encoding = the declared name).
//   - Otherwise the bytes are read as a single-byte Western encoding (ICU's
//     detector picks "windows-1252" or "ISO-8859-1"; undefined bytes become
//     U+FFFD and are counted).
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_ENCODING_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_ENCODING_H_

#include <string>
#include <string_view>

#include "absl/strings/string_view.h"

namespace docsearch::ingest {

struct DecodedText {
  std::string utf8;
  // The encoding the bytes were read as: "UTF-8", "windows-1252" or
  // "ISO-8859-1".
  std::string encoding;
  // How many byte sequences could not be decoded and became U+FFFD.
  int replaced_sequences = 0;
};

DecodedText DecodeToUtf8(absl::string_view bytes);

// The charset an HTML page declares in its first 4 KiB, lower-cased
// ("windows-1251"); empty when none.
std::string DeclaredCharset(absl::string_view bytes);

// True when `bytes` is entirely well-formed UTF-8.
bool IsValidUtf8(absl::string_view bytes);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_ENCODING_H_
