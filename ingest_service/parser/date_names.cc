#include "ingest_service/parser/date_names.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/ascii.h"
#include "ingest_service/parser/month_name_table.h"
#include "ingest_service/parser/text_normalizer.h"

namespace docsearch::ingest {
namespace {

constexpr size_t kLongestMonthName = [] {
  size_t longest = 0;
  // Of the ASCII names: only an ASCII word is screened by it.
  for (const MonthName& month : kMonthNames) {
    if (month.name[0] >= 'a' && month.name[0] <= 'z') {
      longest = std::max(longest, month.name.size());
    }
  }
  return longest;
}();

// The letters month names start with, one bit per letter 'a'..'z'.
// The names sorted, for a binary search: the table (month_name_table.h) is
// in the order of its languages, and a date reader asks about most words
// it meets.
constexpr auto kMonthNamesSorted = [] {
  std::array<MonthName, std::size(kMonthNames)> sorted{};
  std::copy(std::begin(kMonthNames), std::end(kMonthNames), sorted.begin());
  std::sort(sorted.begin(), sorted.end(),
            [](const MonthName& a, const MonthName& b) { return a.name < b.name; });
  return sorted;
}();

static_assert(
    [] {
      for (size_t i = 1; i < kMonthNamesSorted.size(); ++i) {
        if (kMonthNamesSorted[i - 1].name == kMonthNamesSorted[i].name) return false;
      }
      return true;
    }(),
    "each month name is listed once");

constexpr uint32_t kMonthInitials = [] {
  uint32_t initials = 0;
  // The initials of the ASCII names (an ASCII word is screened by them).
  for (const MonthName& month : kMonthNames) {
    if (month.name[0] >= 'a' && month.name[0] <= 'z') {
      initials |= uint32_t{1} << (month.name[0] - 'a');
    }
  }
  return initials;
}();

// Lower case, accents removed; English, French, German, Spanish, Italian,
// Dutch, then Swedish, Norwegian and Danish, Polish, Romanian, Turkish
// and Greek.
constexpr absl::string_view kWeekdays[] = {
    // English, French, German.
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",  //
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",  //
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonnabend",
    "sonntag",
    // Spanish, Italian, Dutch.
    "lunes",
    "martes",
    "miercoles",
    "jueves",
    "viernes",
    "sabado",
    "domingo",  //
    "lunedi",
    "martedi",
    "mercoledi",
    "giovedi",
    "venerdi",
    "sabato",
    "domenica",  //
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
    // Swedish, Norwegian and Danish ("ø" does not fold, "ö" does).
    "mandag",
    "tisdag",
    "tirsdag",
    "onsdag",
    "torsdag",
    "fredag",
    "l\xC3\xB8rdag",
    "s\xC3\xB8ndag",
    "sondag",
    "lordag",
    // Polish ("ł" does not fold), Romanian, Turkish (nor does "ı").
    "poniedzia\xC5\x82"
    "ek",
    "wtorek",
    "sroda",
    "czwartek",
    "piatek",
    "sobota",
    "niedziela",
    "luni",
    "marti",
    "miercuri",
    "joi",
    "vineri",
    "sambata",
    "duminica",  //
    "pazartesi",
    "sal\xC4\xB1",
    "carsamba",
    "persembe",
    "cuma",
    "cumartesi",
    "pazar",
    // Greek, with and without the accent.
    "\xCE\xB4\xCE\xB5\xCF\x85\xCF\x84\xCE\xAD\xCF\x81\xCE\xB1",
    "\xCE\xB4\xCE\xB5\xCF\x85\xCF\x84\xCE\xB5\xCF\x81\xCE\xB1",
    "\xCF\x84\xCF\x81\xCE\xAF\xCF\x84\xCE\xB7",
    "\xCF\x84\xCF\x81\xCE\xB9\xCF\x84\xCE\xB7",
    "\xCF\x84\xCE\xB5\xCF\x84\xCE\xAC\xCF\x81\xCF\x84\xCE\xB7",
    "\xCF\x84\xCE\xB5\xCF\x84\xCE\xB1\xCF\x81\xCF\x84\xCE\xB7",
    "\xCF\x80\xCE\xAD\xCE\xBC\xCF\x80\xCF\x84\xCE\xB7",
    "\xCF\x80\xCE\xB5\xCE\xBC\xCF\x80\xCF\x84\xCE\xB7",
    "\xCF\x80\xCE\xB1\xCF\x81\xCE\xB1\xCF\x83\xCE\xBA\xCE\xB5\xCF\x85\xCE\xAE",
    "\xCF\x80\xCE\xB1\xCF\x81\xCE\xB1\xCF\x83\xCE\xBA\xCE\xB5\xCF\x85\xCE\xB7",
    "\xCF\x83\xCE\xAC\xCE\xB2\xCE\xB2\xCE\xB1\xCF\x84\xCE\xBF",
    "\xCF\x83\xCE\xB1\xCE\xB2\xCE\xB2\xCE\xB1\xCF\x84\xCE\xBF",
    "\xCE\xBA\xCF\x85\xCF\x81\xCE\xB9\xCE\xB1\xCE\xBA\xCE\xAE",
    "\xCE\xBA\xCF\x85\xCF\x81\xCE\xB9\xCE\xB1\xCE\xBA\xCE\xB7",
    // Russian, Ukrainian, Bulgarian, Serbian (lower case: IsWeekday folds their case).
    "\xD0\xBF\xD0\xBE\xD0\xBD\xD0\xB5\xD0\xB4\xD0\xB5\xD0\xBB\xD1\x8C\xD0\xBD\xD0\xB8\xD0"
    "\xBA",                                                      // понедельник
    "\xD0\xB2\xD1\x82\xD0\xBE\xD1\x80\xD0\xBD\xD0\xB8\xD0\xBA",  // вторник
    "\xD1\x81\xD1\x80\xD0\xB5\xD0\xB4\xD0\xB0",                  // среда
    "\xD1\x87\xD0\xB5\xD1\x82\xD0\xB2\xD0\xB5\xD1\x80\xD0\xB3",  // четверг
    "\xD0\xBF\xD1\x8F\xD1\x82\xD0\xBD\xD0\xB8\xD1\x86\xD0\xB0",  // пятница
    "\xD1\x81\xD1\x83\xD0\xB1\xD0\xB1\xD0\xBE\xD1\x82\xD0\xB0",  // суббота
    "\xD0\xB2\xD0\xBE\xD1\x81\xD0\xBA\xD1\x80\xD0\xB5\xD1\x81\xD0\xB5\xD0\xBD\xD1\x8C\xD0"
    "\xB5",  // воскресенье
    "\xD0\xBF\xD0\xBE\xD0\xBD\xD0\xB5\xD0\xB4\xD1\x96\xD0\xBB\xD0\xBE\xD0\xBA",  // понеділок
    "\xD0\xB2\xD1\x96\xD0\xB2\xD1\x82\xD0\xBE\xD1\x80\xD0\xBE\xD0\xBA",          // вівторок
    "\xD1\x81\xD0\xB5\xD1\x80\xD0\xB5\xD0\xB4\xD0\xB0",                          // середа
    "\xD1\x87\xD0\xB5\xD1\x82\xD0\xB2\xD0\xB5\xD1\x80",                          // четвер
    "\xD0\xBF\x27\xD1\x8F\xD1\x82\xD0\xBD\xD0\xB8\xD1\x86\xD1\x8F",              // п'ятниця
    "\xD0\xBF\xCA\xBC\xD1\x8F\xD1\x82\xD0\xBD\xD0\xB8\xD1\x86\xD1\x8F",          // пʼятниця
    "\xD1\x81\xD1\x83\xD0\xB1\xD0\xBE\xD1\x82\xD0\xB0",                          // субота
    "\xD0\xBD\xD0\xB5\xD0\xB4\xD1\x96\xD0\xBB\xD1\x8F",                          // неділя
    "\xD0\xBF\xD0\xBE\xD0\xBD\xD0\xB5\xD0\xB4\xD0\xB5\xD0\xBB\xD0\xBD\xD0\xB8\xD0\xBA",  // понеделник
    "\xD1\x81\xD1\x80\xD1\x8F\xD0\xB4\xD0\xB0",                                  // сряда
    "\xD1\x87\xD0\xB5\xD1\x82\xD0\xB2\xD1\x8A\xD1\x80\xD1\x82\xD1\x8A\xD0\xBA",  // четвъртък
    "\xD0\xBF\xD0\xB5\xD1\x82\xD1\x8A\xD0\xBA",                                  // петък
    "\xD1\x81\xD1\x8A\xD0\xB1\xD0\xBE\xD1\x82\xD0\xB0",                          // събота
    "\xD0\xBD\xD0\xB5\xD0\xB4\xD0\xB5\xD0\xBB\xD1\x8F",                          // неделя
    "\xD0\xBF\xD0\xBE\xD0\xBD\xD0\xB5\xD0\xB4\xD0\xB5\xD1\x99\xD0\xB0\xD0\xBA",  // понедељак
    "\xD1\x83\xD1\x82\xD0\xBE\xD1\x80\xD0\xB0\xD0\xBA",                          // уторак
    "\xD1\x87\xD0\xB5\xD1\x82\xD0\xB2\xD1\x80\xD1\x82\xD0\xB0\xD0\xBA",          // четвртак
    "\xD0\xBF\xD0\xB5\xD1\x82\xD0\xB0\xD0\xBA",                                  // петак
    "\xD0\xBD\xD0\xB5\xD0\xB4\xD0\xB5\xD1\x99\xD0\xB0",                          // недеља
                                                         // Arabic (with and without the hamza),
                                                         // Persian.
    "\xD8\xA7\xD9\x84\xD8\xA3\xD8\xAD\xD8\xAF",                              // الأحد
    "\xD8\xA7\xD9\x84\xD8\xA7\xD8\xAD\xD8\xAF",                              // الاحد
    "\xD8\xA7\xD9\x84\xD8\xA7\xD8\xAB\xD9\x86\xD9\x8A\xD9\x86",              // الاثنين
    "\xD8\xA7\xD9\x84\xD8\xA5\xD8\xAB\xD9\x86\xD9\x8A\xD9\x86",              // الإثنين
    "\xD8\xA7\xD9\x84\xD8\xAB\xD9\x84\xD8\xA7\xD8\xAB\xD8\xA7\xD8\xA1",      // الثلاثاء
    "\xD8\xA7\xD9\x84\xD8\xA3\xD8\xB1\xD8\xA8\xD8\xB9\xD8\xA7\xD8\xA1",      // الأربعاء
    "\xD8\xA7\xD9\x84\xD8\xA7\xD8\xB1\xD8\xA8\xD8\xB9\xD8\xA7\xD8\xA1",      // الاربعاء
    "\xD8\xA7\xD9\x84\xD8\xAE\xD9\x85\xD9\x8A\xD8\xB3",                      // الخميس
    "\xD8\xA7\xD9\x84\xD8\xAC\xD9\x85\xD8\xB9\xD8\xA9",                      // الجمعة
    "\xD8\xA7\xD9\x84\xD8\xB3\xD8\xA8\xD8\xAA",                              // السبت
    "\xD8\xB4\xD9\x86\xD8\xA8\xD9\x87",                                      // شنبه
    "\xDB\x8C\xDA\xA9\xD8\xB4\xD9\x86\xD8\xA8\xD9\x87",                      // یکشنبه
    "\xD8\xAF\xD9\x88\xD8\xB4\xD9\x86\xD8\xA8\xD9\x87",                      // دوشنبه
    "\xD8\xB3\xD9\x87\xE2\x80\x8C\xD8\xB4\xD9\x86\xD8\xA8\xD9\x87",          // se-shanbe, with its
                                                                             // non-joiner
    "\xD8\xB3\xD9\x87\xD8\xB4\xD9\x86\xD8\xA8\xD9\x87",                      // سهشنبه
    "\xDA\x86\xD9\x87\xD8\xA7\xD8\xB1\xD8\xB4\xD9\x86\xD8\xA8\xD9\x87",      // چهارشنبه
    "\xD9\xBE\xD9\x86\xD8\xAC\xD8\xB4\xD9\x86\xD8\xA8\xD9\x87",              // پنجشنبه
    "\xD9\xBE\xD9\x86\xD8\xAC\xE2\x80\x8C\xD8\xB4\xD9\x86\xD8\xA8\xD9\x87",  // panj-shanbe, with
                                                                             // its non-joiner
    "\xD8\xAC\xD9\x85\xD8\xB9\xD9\x87",                                      // جمعه
    // Thai, alone, after "วัน" (day) and before "ที่" (the): "วันอังคารที่".
    "\xE0\xB8\x88\xE0\xB8\xB1\xE0\xB8\x99\xE0\xB8\x97\xE0\xB8\xA3\xE0\xB9\x8C",
    "\xE0\xB8\xA7\xE0\xB8\xB1\xE0\xB8\x99\xE0\xB8\x88\xE0\xB8\xB1\xE0\xB8\x99\xE0\xB8\x97\xE0\xB8"
    "\xA3\xE0\xB9\x8C",
    "\xE0\xB8\xA7\xE0\xB8\xB1\xE0\xB8\x99\xE0\xB8\x88\xE0\xB8\xB1\xE0\xB8\x99\xE0\xB8\x97\xE0\xB8"
    "\xA3\xE0\xB9\x8C\xE0\xB8\x97\xE0\xB8\xB5\xE0\xB9\x88",
    "\xE0\xB8\xAD\xE0\xB8\xB1\xE0\xB8\x87\xE0\xB8\x84\xE0\xB8\xB2\xE0\xB8\xA3",
    "\xE0\xB8\xA7\xE0\xB8\xB1\xE0\xB8\x99\xE0\xB8\xAD\xE0\xB8\xB1\xE0\xB8\x87\xE0\xB8\x84\xE0\xB8"
    "\xB2\xE0\xB8\xA3",
    "\xE0\xB8\xA7\xE0\xB8\xB1\xE0\xB8\x99\xE0\xB8\xAD\xE0\xB8\xB1\xE0\xB8\x87\xE0\xB8\x84\xE0\xB8"
    "\xB2\xE0\xB8\xA3\xE0\xB8\x97\xE0\xB8\xB5\xE0\xB9\x88",
    "\xE0\xB8\x9E\xE0\xB8\xB8\xE0\xB8\x98",
    "\xE0\xB8\xA7\xE0\xB8\xB1\xE0\xB8\x99\xE0\xB8\x9E\xE0\xB8\xB8\xE0\xB8\x98",
    "\xE0\xB8\xA7\xE0\xB8\xB1\xE0\xB8\x99\xE0\xB8\x9E\xE0\xB8\xB8\xE0\xB8\x98\xE0\xB8\x97\xE0\xB8"
    "\xB5\xE0\xB9\x88",
    "\xE0\xB8\x9E\xE0\xB8\xA4\xE0\xB8\xAB\xE0\xB8\xB1\xE0\xB8\xAA\xE0\xB8\x9A\xE0\xB8\x94\xE0\xB8"
    "\xB5",
    "\xE0\xB8\xA7\xE0\xB8\xB1\xE0\xB8\x99\xE0\xB8\x9E\xE0\xB8\xA4\xE0\xB8\xAB\xE0\xB8\xB1\xE0\xB8"
    "\xAA\xE0\xB8\x9A\xE0\xB8\x94\xE0\xB8\xB5",
    "\xE0\xB8\xA7\xE0\xB8\xB1\xE0\xB8\x99\xE0\xB8\x9E\xE0\xB8\xA4\xE0\xB8\xAB\xE0\xB8\xB1\xE0\xB8"
    "\xAA\xE0\xB8\x9A\xE0\xB8\x94\xE0\xB8\xB5\xE0\xB8\x97\xE0\xB8\xB5\xE0\xB9\x88",
    "\xE0\xB8\xA8\xE0\xB8\xB8\xE0\xB8\x81\xE0\xB8\xA3\xE0\xB9\x8C",
    "\xE0\xB8\xA7\xE0\xB8\xB1\xE0\xB8\x99\xE0\xB8\xA8\xE0\xB8\xB8\xE0\xB8\x81\xE0\xB8\xA3\xE0\xB9"
    "\x8C",
    "\xE0\xB8\xA7\xE0\xB8\xB1\xE0\xB8\x99\xE0\xB8\xA8\xE0\xB8\xB8\xE0\xB8\x81\xE0\xB8\xA3\xE0\xB9"
    "\x8C\xE0\xB8\x97\xE0\xB8\xB5\xE0\xB9\x88",
    "\xE0\xB9\x80\xE0\xB8\xAA\xE0\xB8\xB2\xE0\xB8\xA3\xE0\xB9\x8C",
    "\xE0\xB8\xA7\xE0\xB8\xB1\xE0\xB8\x99\xE0\xB9\x80\xE0\xB8\xAA\xE0\xB8\xB2\xE0\xB8\xA3\xE0\xB9"
    "\x8C",
    "\xE0\xB8\xA7\xE0\xB8\xB1\xE0\xB8\x99\xE0\xB9\x80\xE0\xB8\xAA\xE0\xB8\xB2\xE0\xB8\xA3\xE0\xB9"
    "\x8C\xE0\xB8\x97\xE0\xB8\xB5\xE0\xB9\x88",
    "\xE0\xB8\xAD\xE0\xB8\xB2\xE0\xB8\x97\xE0\xB8\xB4\xE0\xB8\x95\xE0\xB8\xA2\xE0\xB9\x8C",
    "\xE0\xB8\xA7\xE0\xB8\xB1\xE0\xB8\x99\xE0\xB8\xAD\xE0\xB8\xB2\xE0\xB8\x97\xE0\xB8\xB4\xE0\xB8"
    "\x95\xE0\xB8\xA2\xE0\xB9\x8C",
    "\xE0\xB8\xA7\xE0\xB8\xB1\xE0\xB8\x99\xE0\xB8\xAD\xE0\xB8\xB2\xE0\xB8\x97\xE0\xB8\xB4\xE0\xB8"
    "\x95\xE0\xB8\xA2\xE0\xB9\x8C\xE0\xB8\x97\xE0\xB8\xB5\xE0\xB9\x88",
    // Indonesian and Malay.
    "senin",
    "selasa",
    "rabu",
    "kamis",
    "jumat",
    "sabtu",
    "minggu",
    "isnin",
    "khamis",
};

}  // namespace

bool IsWeekday(absl::string_view word) {
  const bool ascii = std::all_of(word.begin(), word.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  // FoldAccents lower-cases every script: "Вторник", "Πέμπτη".
  const std::string lower = ascii ? absl::AsciiStrToLower(word) : FoldAccents(word);
  for (absl::string_view weekday : kWeekdays) {
    if (lower == weekday) return true;
  }
  return false;
}

bool IsValidDate(int year, int month, int day) {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (day > kDays[month - 1]) return false;
  if (month == 2 && day == 29) {
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return leap;
  }
  return true;
}

int MonthFromName(absl::string_view word) {
  // Bytes: "października" is 12 letters and 13 bytes, Georgian
  // "სექტემბერი" 10 letters and 30 bytes.
  if (word.empty() || word.size() > 40) return 0;
  // An ASCII word without spaces folds to its lower case ('`' to '\''):
  // done here, it spares the general folding's call for every word a date
  // reader looks at.
  bool plain = true;
  for (char c : word) {
    const unsigned char u = static_cast<unsigned char>(c);
    plain &= u < 0x80 && !absl::ascii_isspace(u);
  }
  std::string folded;
  if (plain) {
    // Longer than every name and its period, or starting with a letter no
    // name starts with: no copy needed to say no.
    if (word.size() > kLongestMonthName + 1) return 0;
    const char initial = absl::ascii_tolower(static_cast<unsigned char>(word[0]));
    if (initial < 'a' || initial > 'z' ||
        (kMonthInitials & (uint32_t{1} << (initial - 'a'))) == 0) {
      return 0;
    }
    folded.resize(word.size());
    for (size_t i = 0; i < word.size(); ++i) {
      folded[i] = word[i] == '`' ? '\'' : absl::ascii_tolower(static_cast<unsigned char>(word[i]));
    }
  } else {
    folded = FoldAccents(word);
  }
  if (!folded.empty() && folded.back() == '.') folded.pop_back();
  if (folded.empty()) return 0;
  const auto found = std::lower_bound(
      kMonthNamesSorted.begin(), kMonthNamesSorted.end(), absl::string_view(folded),
      [](const MonthName& month, absl::string_view name) { return month.name < name; });
  return found != kMonthNamesSorted.end() && found->name == folded ? found->month : 0;
}

}  // namespace docsearch::ingest
