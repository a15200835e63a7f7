// What official sites print besides Gregorian dates in Western digits:
// the months of the Solar Hijri calendar (Iran, Afghanistan: "۲۱ شهریور
// ۱۴۰۲"), the years of the Thai Buddhist Era ("12 มิถุนายน 2567"), and the
// digits of the Arabic and Persian scripts ("٥ مارس ٢٠٢٤"). The date
// parser (date_parser.h) reads them with these helpers and reports the
// Gregorian day.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_OTHER_CALENDARS_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_OTHER_CALENDARS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "docsearch/v1/document.pb.h"

namespace docsearch::ingest {

// Month 1..12 of the Solar Hijri calendar for its Persian name ("فروردین"
// is 1, "اسفند" 12), 0 for any other word.
int SolarHijriMonthFromName(absl::string_view word);

// The Gregorian day of a Solar Hijri date; nullopt when the day does not
// exist (a 31st in the autumn months, a 30th of Esfand in a common year).
std::optional<docsearch::v1::Date> GregorianFromSolarHijri(int year, int month, int day);

// The Gregorian year of a Buddhist Era year as Thailand counts it (2567 is
// 2024); nullopt outside the years a dated page can carry (1900..2100).
std::optional<int> GregorianYearFromBuddhistEra(int year);

// Whether `text` holds a digit of the Arabic (U+0660..U+0669) or Persian
// (U+06F0..U+06F9) script.
bool HoldsEasternArabicDigits(absl::string_view text);

// `text` with those digits written as ASCII digits; `source_offset[i]` is
// the byte of `text` that byte i of the result comes from (and one more
// entry, text.size(), for the end).
struct WesternDigits {
  std::string text;
  std::vector<size_t> source_offset;
};
WesternDigits ToWesternDigits(absl::string_view text);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_OTHER_CALENDARS_H_
