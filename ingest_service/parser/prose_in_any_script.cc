#include "ingest_service/parser/prose_in_any_script.h"

#include <cstdint>

#include "absl/strings/str_split.h"
#include "ingest_service/parser/line_shape.h"
#include "ingest_service/parser/unspaced_words.h"
#include "unicode/uchar.h"
#include "unicode/utf8.h"

namespace docsearch::ingest {

int CountUncapitalizedWords(absl::string_view line) {
  int count = 0;
  for (absl::string_view word : absl::StrSplit(line, ' ', absl::SkipEmpty())) {
    const auto* bytes = reinterpret_cast<const uint8_t*>(word.data());
    const int32_t size = static_cast<int32_t>(word.size());
    for (int32_t i = 0; i < size;) {
      UChar32 c;
      U8_NEXT(bytes, i, size, c);
      if (c < 0 || !u_isalpha(c)) continue;
      if (!u_isupper(c) && !u_istitle(c)) ++count;
      break;
    }
  }
  return count;
}

bool ReadsAsProseInAnyScript(absl::string_view line) {
  constexpr int kLeastWords = 8;
  line = TrimLine(line);
  if (!EndsSentence(line)) return false;
  // Chinese and Japanese print no spaces and have no capitals; a word
  // counted there is two characters, and their sentences say in fewer
  // characters what a Latin one says in forty.
  constexpr int kLeastUnspacedWords = 6;
  if (HoldsUnspacedScript(line)) {
    return CountUnspacedWordsUpTo(line, kLeastUnspacedWords) >= kLeastUnspacedWords;
  }
  const int words = CountWordsUpTo(line, kLeastWords);
  return words >= kLeastWords && 2 * CountUncapitalizedWords(line) >= CountWordsUpTo(line, 1000);
}

}  // namespace docsearch::ingest
