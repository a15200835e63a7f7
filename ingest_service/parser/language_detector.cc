#include "ingest_service/parser/language_detector.h"

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include <string>
#include <string_view>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
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

// Where a sample piece may start or end: after or before ASCII white space
// (so never inside a word or a UTF-8 sequence).
bool IsBreak(char c) { return c == ' ' || c == '\n' || c == '\t'; }

// `text`'s bytes [begin, end) shrunk to whole words: from just after the
// first break at or after `begin` (unless `begin` is the start of the text)
// to the last break at or before `end` (unless `end` is its end).
absl::string_view WholeWords(absl::string_view text, size_t begin, size_t end) {
  if (begin > 0) {
    while (begin < end && !IsBreak(text[begin])) ++begin;
  }
  if (end < text.size()) {
    while (end > begin && !IsBreak(text[end])) --end;
  }
  return text.substr(begin, end - begin);
}

}  // namespace

std::string LanguageSample(absl::string_view utf8) {
  if (utf8.size() <= kLanguageSamplePieces * kLanguageSamplePieceBytes) return std::string(utf8);
  // Pieces evenly spaced from the first byte to the last.
  const size_t step = (utf8.size() - kLanguageSamplePieceBytes) / (kLanguageSamplePieces - 1);
  std::string sample;
  sample.reserve(kLanguageSamplePieces * (kLanguageSamplePieceBytes + 1));
  for (size_t piece = 0; piece < kLanguageSamplePieces; ++piece) {
    const size_t begin =
        piece + 1 == kLanguageSamplePieces ? utf8.size() - kLanguageSamplePieceBytes : piece * step;
    if (piece > 0) sample.push_back('\n');
    absl::StrAppend(&sample, WholeWords(utf8, begin, begin + kLanguageSamplePieceBytes));
  }
  return sample;
}

LanguageGuess DetectLanguage(absl::string_view utf8, absl::string_view title) {
  CLD2::Language top3[3];
  int percent3[3];
  int text_bytes = 0;
  bool reliable = false;
  const std::string sample = LanguageSample(utf8);
  const CLD2::Language language =
      CLD2::DetectLanguageSummary(sample.data(), static_cast<int>(sample.size()),
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
