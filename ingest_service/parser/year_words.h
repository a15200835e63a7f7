// The word for "year" that Slavic languages print after a date's year
// ("12 марта 2024 года", "24 серпня 2023 року", "12 marca 2024 r."): part of
// the date line, not a word after the date.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_YEAR_WORDS_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_YEAR_WORDS_H_

#include "absl/strings/string_view.h"

namespace docsearch::ingest {

// Whether `word` (a whole word, without an abbreviation's full stop) is
// such a word: Russian "года", "г", Ukrainian "року", "р", Serbian and
// Bulgarian "године", "година", "год", Polish "r", "roku".
bool IsYearWord(absl::string_view word);

// Whether `text` opens with such a word ("року - 10:00" after
// "24 серпня 2023").
bool StartsWithYearWord(absl::string_view text);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_YEAR_WORDS_H_
