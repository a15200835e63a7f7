// Unicode clean-up of decoded text, and a folded form used only for matching.
//
// NormalizeText produces the text every later stage reads and that is stored:
// NFC, "\r\n" and "\r" turned into "\n", control characters removed (tab and
// newline kept), NUL-free. Original quotes, dashes and accents are kept.
//
// The folded forms used only for matching (FoldForMatching, FoldAccents) are
// common/text_folding.h's, shared with the text fingerprint.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_TEXT_NORMALIZER_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_TEXT_NORMALIZER_H_

#include <string>
#include <string_view>

#include "absl/strings/string_view.h"
#include "common/text_folding.h"

namespace docsearch::ingest {

struct NormalizedText {
  std::string text;
  // Control characters removed (other than tab, newline, carriage return).
  int removed_control_characters = 0;
};

// `utf8` must be valid UTF-8 (see DecodeToUtf8).
NormalizedText NormalizeText(absl::string_view utf8);

// Collapses runs of whitespace to one space and trims both ends.
std::string CollapseWhitespace(absl::string_view text);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_TEXT_NORMALIZER_H_
