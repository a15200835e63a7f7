// Language of a document as an ISO 639-1 code: "en", "fr", "de", "es",
// "it", ... or "" when the text has no words to judge by.
//
// CLD2 decides when it is reliable: English or French, or another language
// it knows when that language holds at least 60 % of the text. Otherwise
// (very short texts, texts mixing languages) a vote of common English and
// French function words decides: they are frequent and disjoint, so a few
// lines suffice.
//
// A document mixing both languages (a bilingual press conference) takes the
// language of its title, given as `title`, when the title is decisive.
//
// Contract: pure, thread-safe, never fails; `utf8` must be valid UTF-8.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_LANGUAGE_DETECTOR_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_LANGUAGE_DETECTOR_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "absl/strings/string_view.h"

namespace docsearch::ingest {

struct LanguageGuess {
  // ISO 639-1 code ("en", "fr", "de", ...), or "" when undecidable.
  std::string language;
  // "cld2" or "stop_words": which method decided.
  std::string method;
};

LanguageGuess DetectLanguage(absl::string_view utf8, absl::string_view title = "");

// What CLD2 reads of a text: all of it up to kLanguageSamplePieces *
// kLanguageSamplePieceBytes (8 KB); of a longer one, kLanguageSamplePieces
// pieces of about kLanguageSamplePieceBytes evenly spaced from its start to
// its end, each cut to whole words, joined by line ends. CLD2's cost grows
// with the text (29 MB/s) while its answer is settled within a few hundred
// bytes of one language. Eight pieces rather than three (start, middle,
// end) because the mixed-language rule above reads CLD2's percentages: on
// long texts made of English and French documents in turn, three pieces
// changed the language of 15 of 120 (one French page in the middle of ten
// English ones weighed a third), eight pieces of 1 KB changed one, a text
// half English, half French (docs/BENCHMARKS.md, "Parsing").
inline constexpr size_t kLanguageSamplePieceBytes = 1024;
inline constexpr size_t kLanguageSamplePieces = 8;
std::string LanguageSample(absl::string_view utf8);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_LANGUAGE_DETECTOR_H_
