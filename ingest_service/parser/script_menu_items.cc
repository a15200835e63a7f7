#include "ingest_service/parser/script_menu_items.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "ingest_service/parser/line_shape.h"

namespace docsearch::ingest {
namespace {

// A letter or a digit of the Latin script, accented or not (`folded` is
// FoldAccents(text)); bullets and dashes do not count.
bool HasLatinAlnum(absl::string_view text, absl::string_view folded) {
  for (char c : text) {
    if (absl::ascii_isalnum(static_cast<unsigned char>(c))) return true;
  }
  for (char c : folded) {
    if (absl::ascii_isalnum(static_cast<unsigned char>(c))) return true;
  }
  return false;
}

// Most words of a language menu's item in its own script.
constexpr int kLongestScriptItemWords = 4;

// Whether `trimmed` ends as a sentence does (a full stop of any script or
// '!') or as a salutation does (a comma, the Arabic comma "،"). Not a
// question ("Нашли ошибку?", a feedback widget's), an ellipsis ("Ещё...",
// "加载中...": a link to more, a placeholder) or a key and its value
// ("Фото: ТАСС.", a credit), nor a caption's credit ("Фото пресс-службы
// Правительства."). `folded` is FoldAccents(trimmed).
bool EndsLikeProse(absl::string_view trimmed, absl::string_view folded) {
  if (absl::StrContains(trimmed, ":") || absl::StrContains(trimmed, "\xEF\xBC\x9A")) {
    return false;
  }
  for (absl::string_view photo :
       {"фото ", "φωτογραφια ", "φωτογραφία ", "صورة ", "照片", "写真", "사진"}) {
    if (absl::StartsWith(folded, photo)) return false;
  }
  for (absl::string_view unfinished : {"...", "\xE2\x80\xA6", "?", "\xEF\xBC\x9F", "\xD8\x9F"}) {
    if (absl::EndsWith(trimmed, unfinished)) return false;
  }
  return EndsSentence(trimmed) || absl::EndsWith(trimmed, ",") ||
         absl::EndsWith(trimmed, "\xD8\x8C");
}

}  // namespace

bool IsScriptMenuItem(absl::string_view trimmed, absl::string_view folded) {
  return !HasLatinAlnum(trimmed, folded) &&
         CountWordsUpTo(trimmed, kLongestScriptItemWords + 1) <= kLongestScriptItemWords &&
         !EndsLikeProse(trimmed, folded);
}

}  // namespace docsearch::ingest
