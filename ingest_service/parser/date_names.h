#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_DATE_NAMES_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_DATE_NAMES_H_

#include "absl/strings/string_view.h"

// The words and numbers a date is printed with, apart from how a date is
// found in text (date_parser.h): month names and weekdays in the languages
// the parser identifies, and the calendar check every reader applies.
namespace docsearch::ingest {

// Month number 1..12 for a month name or abbreviation in English, French,
// German, Spanish, Italian, Dutch or Portuguese (any case, trailing period
// allowed, accents optional); 0 if none.
int MonthFromName(absl::string_view word);

// True when `word` is a weekday's full name in one of those languages
// (any case, accents optional).
bool IsWeekday(absl::string_view word);

// True when year/month/day name a real calendar day.
bool IsValidDate(int year, int month, int day);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_DATE_NAMES_H_
