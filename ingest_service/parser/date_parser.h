// Calendar dates as printed in the archive, in English and French.
//
// Styles read: "7 Dec. 2001", "19 Sept. 2001", "8 Dec . 2005", "15 Nov. 2000",
// "27 June 2001", "07-Dec-2001", "21/11/2003", "28.06.04", "2001-12-18",
// "1-2 December 2003" and "24-26 February 1999" (the first day),
// "April 24, 1999", "June 8, 2006", "24th April 1999", "Monday, 1 December
// 2003", "7 décembre 2001", "1er décembre 2001", "19 févr. 1999", and the same
// with accents lost in transcoding ("19 fv. 1999", "7 dcembre 2001"),
// year first ("2024.03.05", "2024/3/5") and with the year, month and day
// characters of Chinese, Japanese and Korean (east_asian_dates.h).
// Numeric dates are read day first (the archive is European) unless their
// year comes first.
//
// Contract: functions return std::nullopt (or nothing) rather than a wrong
// date: a day that does not exist in its month is not a date.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_DATE_PARSER_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_DATE_PARSER_H_

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "absl/strings/string_view.h"
#include "docsearch/v1/document.pb.h"

namespace docsearch::ingest {

struct FoundDate {
  docsearch::v1::Date date;
  // Byte range of the date in the searched text.
  size_t begin = 0;
  size_t end = 0;
};

// Every date in `text`, in order of appearance.
std::vector<FoundDate> FindDates(absl::string_view text);

// The first of FindDates(text), found without reading on past it.
std::optional<FoundDate> FindFirstDate(absl::string_view text);

// The date when `text` is a date line: a date alone, optionally surrounded by
// table pipes, bullets, brackets, dashes or a weekday; optionally after a
// place ("Madrid, 9 July 1997", "Bruxelles, le 7 décembre 2001": at most three
// capitalized words and a comma) or an introducing phrase ("Issued on",
// "For Immediate Release", "Published", "Dated", "Publié le"), or as the
// last cell of a row after short names without a digit ("Secretaría de
// Relaciones Exteriores | 12 de marzo de 2019"). A date inside other words
// ("in Brussels on 7 December 2001") is not a date line.
std::optional<docsearch::v1::Date> ParseDateLine(absl::string_view text);

// "mardi 16 janvier 2024 à 19:42", "20-January-2012 17:36 IST", "Monday,
// 15 November 2010 12:41": a date line with the time of day after its date
// (and the words around a time: "à", "at", "um", "Uhr", a time zone); the
// date. Kept apart from ParseDateLine, whose verdicts are the line-role
// model's inputs: the readers after the model ask this one.
std::optional<docsearch::v1::Date> ParseDateLineWithTime(absl::string_view text);

// Whether `line` opens with a date that has its weekday before it or its
// hour after it ("Wednesday, November 8, 2023, 4:05 p.m. Ministry of
// Foreign Affairs", "12.03.2024 14:30 Berlin"): a date line with its place,
// which ParseDateLine refuses for the words after the date, and never a
// headline (a headline may open with a date: "11 September 2001: …").
bool OpensWithItsDate(absl::string_view line);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_DATE_PARSER_H_
