#include "ingest_service/parser/language_detector.h"

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include <string>
#include <string_view>

#include "absl/strings/ascii.h"
#include "absl/strings/str_split.h"
#include "ingest_service/parser/text_normalizer.h"

namespace docsearch::ingest {
namespace {

// Frequent function words that are not words of the other language.
// Accents are folded, so "a" (French "à") is left out: it is English too.
constexpr absl::string_view kEnglishWords[] = {
    "the", "and",  "of",  "to",   "is", "that", "with",  "for",  "this", "we",    "on",  "are",
    "by",  "have", "has", "will", "be", "it",   "which", "from", "our",  "their", "was", "in"};
constexpr absl::string_view kFrenchWords[] = {
    "le",  "la",   "les",  "des", "du",  "et",   "est", "que", "qui",   "dans", "pour", "une",
    "sur", "nous", "avec", "au",  "aux", "sont", "ont", "ce",  "cette", "leur", "par",  "en"};

template <size_t N>
bool Contains(const absl::string_view (&words)[N], absl::string_view word) {
  for (absl::string_view candidate : words) {
    if (candidate == word) return true;
  }
  return false;
}

LanguageGuess VoteByStopWords(absl::string_view utf8) {
  const std::string folded = FoldAccents(utf8.substr(0, 20000));
  int english = 0;
  int french = 0;
  for (absl::string_view word :
       absl::StrSplit(folded, absl::ByAnyChar(" \n\t.,;:!?()[]\"'|-"), absl::SkipEmpty())) {
    if (Contains(kEnglishWords, word)) ++english;
    if (Contains(kFrenchWords, word)) ++french;
  }
  if (english == 0 && french == 0) return {"", "stop_words"};
  return {english >= french ? "en" : "fr", "stop_words"};
}

}  // namespace

LanguageGuess DetectLanguage(absl::string_view utf8, absl::string_view title) {
  CLD2::Language top3[3];
  int percent3[3];
  int text_bytes = 0;
  bool reliable = false;
  const CLD2::Language language =
      CLD2::DetectLanguageSummary(utf8.data(), static_cast<int>(utf8.size()),
                                  /*is_plain_text=*/true, top3, percent3, &text_bytes, &reliable);
  const bool english = language == CLD2::ENGLISH;
  const bool french = language == CLD2::FRENCH;
  // Both languages in quantity: the title says which the document is in.
  const bool mixed = (english || french) && percent3[0] < 80 &&
                     (top3[1] == CLD2::ENGLISH || top3[1] == CLD2::FRENCH) && percent3[1] >= 15;
  if (mixed && !title.empty()) {
    LanguageGuess by_title = VoteByStopWords(title);
    if (!by_title.language.empty()) {
      by_title.method = "title";
      return by_title;
    }
  }
  if (reliable && english) return {"en", "cld2"};
  if (reliable && french) return {"fr", "cld2"};
  // Another language CLD2 is sure of and that holds most of the text
  // (German, Spanish, Italian, Dutch, Russian, ...): its ISO 639-1 code.
  if (reliable && language != CLD2::UNKNOWN_LANGUAGE && language != CLD2::TG_UNKNOWN_LANGUAGE &&
      percent3[0] >= 60) {
    const std::string code = CLD2::LanguageCode(language);
    if (code.size() == 2) return {code, "cld2"};
  }
  return VoteByStopWords(utf8);
}

}  // namespace docsearch::ingest
