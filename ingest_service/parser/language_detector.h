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

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_LANGUAGE_DETECTOR_H_
