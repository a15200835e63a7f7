#include "ingest_service/parser/prose_in_any_script.h"

#include <cstdint>

#include "absl/strings/str_split.h"
#include "ingest_service/parser/line_shape.h"
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
  line = TrimLine(line);
  if (!EndsSentence(line)) return false;
  const int words = CountWordsUpTo(line, 8);
  return words >= 8 && 2 * CountUncapitalizedWords(line) >= CountWordsUpTo(line, 1000);
}

}  // namespace docsearch::ingest
