// Repair of double-encoded text ("mojibake"): UTF-8 bytes that were once
// read as Windows-1252 / ISO-8859-1 and encoded to UTF-8 again, so that
// "today’s" became "todayâ€™s" and "é" became "Ã©"; also text that went
// through it twice from Windows-1252 ("todayÂ’s": the quote's byte 0x92 was
// kept as U+0092 and then re-read).
//
// A run of characters is repaired when the Windows-1252 bytes they stand for
// form exactly one well-formed UTF-8 sequence of two to four bytes. Real text
// almost never has such runs: a capital A with circumflex or tilde followed by
// a C1 or Latin-1 punctuation character, or "â€" followed by one more.
//
// Contract: pure; the output is valid UTF-8 when the input is.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_MOJIBAKE_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_MOJIBAKE_H_

#include <string>

#include "absl/strings/string_view.h"

namespace docsearch::ingest {

struct RepairedText {
  std::string text;
  int repaired = 0;  // Characters restored.
};

RepairedText RepairMojibake(absl::string_view utf8);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_MOJIBAKE_H_
