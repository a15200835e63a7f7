#include "ingest_service/parser/other_calendars.h"

#include <unicode/calendar.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <cstring>
#include <memory>

namespace docsearch::ingest {
namespace {

// The earliest and latest Gregorian years a dated page carries (as
// date_parser.cc's year tokens).
constexpr int kFirstYear = 1900;
constexpr int kLastYear = 2100;

// Thailand's Buddhist Era starts 543 years before the Common Era.
constexpr int kBuddhistEraOffset = 543;

// Month names of the Solar Hijri calendar, in Persian, in order.
constexpr absl::string_view kSolarHijriMonths[] = {
    "\xD9\x81\xD8\xB1\xD9\x88\xD8\xB1\xD8\xAF\xDB\x8C\xD9\x86",          // فروردین
    "\xD8\xA7\xD8\xB1\xD8\xAF\xDB\x8C\xD8\xA8\xD9\x87\xD8\xB4\xD8\xAA",  // اردیبهشت
    "\xD8\xAE\xD8\xB1\xD8\xAF\xD8\xA7\xD8\xAF",                          // خرداد
    "\xD8\xAA\xDB\x8C\xD8\xB1",                                          // تیر
    "\xD9\x85\xD8\xB1\xD8\xAF\xD8\xA7\xD8\xAF",                          // مرداد
    "\xD8\xB4\xD9\x87\xD8\xB1\xDB\x8C\xD9\x88\xD8\xB1",                  // شهریور
    "\xD9\x85\xD9\x87\xD8\xB1",                                          // مهر
    "\xD8\xA2\xD8\xA8\xD8\xA7\xD9\x86",                                  // آبان
    "\xD8\xA2\xD8\xB0\xD8\xB1",                                          // آذر
    "\xD8\xAF\xDB\x8C",                                                  // دی
    "\xD8\xA8\xD9\x87\xD9\x85\xD9\x86",                                  // بهمن
    "\xD8\xA7\xD8\xB3\xD9\x81\xD9\x86\xD8\xAF",                          // اسفند
};

// The Arabic-Indic digits are U+0660..U+0669 (0xD9 0xA0..0xA9), the
// Persian ones U+06F0..U+06F9 (0xDB 0xB0..0xB9).
int EasternDigitAt(absl::string_view text, size_t i) {
  if (i + 1 >= text.size()) return -1;
  const unsigned char lead = text[i];
  const unsigned char next = text[i + 1];
  if (lead == 0xD9 && next >= 0xA0 && next <= 0xA9) return next - 0xA0;
  if (lead == 0xDB && next >= 0xB0 && next <= 0xB9) return next - 0xB0;
  return -1;
}

}  // namespace

int SolarHijriMonthFromName(absl::string_view word) {
  for (size_t m = 0; m < std::size(kSolarHijriMonths); ++m) {
    if (word == kSolarHijriMonths[m]) return static_cast<int>(m) + 1;
  }
  return 0;
}

std::optional<docsearch::v1::Date> GregorianFromSolarHijri(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  // In UTC, so that no daylight-saving shift moves the instant across a
  // day's edge; not lenient, so that a day the calendar lacks is an error.
  std::unique_ptr<icu::Calendar> solar_hijri(icu::Calendar::createInstance(
      icu::TimeZone::getGMT()->clone(), icu::Locale("fa_IR@calendar=persian"), status));
  if (U_FAILURE(status)) return std::nullopt;
  solar_hijri->setLenient(false);
  solar_hijri->clear();
  solar_hijri->set(year, month - 1, day);
  const UDate instant = solar_hijri->getTime(status);
  if (U_FAILURE(status)) return std::nullopt;
  icu::GregorianCalendar gregorian(icu::TimeZone::getGMT()->clone(), icu::Locale::getRoot(),
                                   status);
  if (U_FAILURE(status)) return std::nullopt;
  gregorian.setTime(instant, status);
  docsearch::v1::Date date;
  date.set_year(gregorian.get(UCAL_YEAR, status));
  date.set_month(gregorian.get(UCAL_MONTH, status) + 1);
  date.set_day(gregorian.get(UCAL_DATE, status));
  if (U_FAILURE(status) || date.year() < kFirstYear || date.year() > kLastYear) {
    return std::nullopt;
  }
  return date;
}

std::optional<int> GregorianYearFromBuddhistEra(int year) {
  const int gregorian = year - kBuddhistEraOffset;
  if (gregorian < kFirstYear || gregorian > kLastYear) return std::nullopt;
  return gregorian;
}

bool HoldsEasternArabicDigits(absl::string_view text) {
  // Found by their lead bytes with memchr: most texts hold neither.
  for (const char lead : {'\xD9', '\xDB'}) {
    size_t at = 0;
    while (at < text.size()) {
      const void* found = std::memchr(text.data() + at, lead, text.size() - at);
      if (found == nullptr) break;
      at = static_cast<size_t>(static_cast<const char*>(found) - text.data());
      if (EasternDigitAt(text, at) >= 0) return true;
      ++at;
    }
  }
  return false;
}

WesternDigits ToWesternDigits(absl::string_view text) {
  WesternDigits out;
  out.text.reserve(text.size());
  out.source_offset.reserve(text.size() + 1);
  for (size_t i = 0; i < text.size();) {
    if (const int digit = EasternDigitAt(text, i); digit >= 0) {
      out.text.push_back(static_cast<char>('0' + digit));
      out.source_offset.push_back(i);
      i += 2;
      continue;
    }
    out.text.push_back(text[i]);
    out.source_offset.push_back(i);
    ++i;
  }
  out.source_offset.push_back(text.size());
  return out;
}

}  // namespace docsearch::ingest
