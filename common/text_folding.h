// Folding text into a comparison key, never stored: typographic quotes
// become ASCII quotes, every dash becomes '-', every Unicode space becomes
// ' ', runs of spaces collapse, and letters are lower-cased (in every
// script, by ICU's simple case mapping: "Главная" folds to "главная").
// FoldAccents also removes accents from Latin letters ("décembre" ->
// "decembre").
//
// Shared by the ingest parser (its header and label tables) and the text
// fingerprint (common/text_fingerprint.h), whose values depend on it: a
// change here changes every fingerprint, stored ones included.
#ifndef DOCSEARCH_COMMON_TEXT_FOLDING_H_
#define DOCSEARCH_COMMON_TEXT_FOLDING_H_

#include <string>

#include "absl/strings/string_view.h"

namespace docsearch {

// The matching key described above. Accepts any valid UTF-8.
std::string FoldForMatching(absl::string_view utf8);

// Like FoldForMatching, then also removes accents from Latin letters.
std::string FoldAccents(absl::string_view utf8);

}  // namespace docsearch

#endif  // DOCSEARCH_COMMON_TEXT_FOLDING_H_
