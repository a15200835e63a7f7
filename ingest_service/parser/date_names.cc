#include "ingest_service/parser/date_names.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/ascii.h"
#include "ingest_service/parser/text_normalizer.h"

namespace docsearch::ingest {
namespace {

struct MonthName {
  absl::string_view name;  // Lower case, accents removed.
  int month;
};

// English and French names and the abbreviations seen in the archive,
// including forms whose accented letter was lost in transcoding ("fv");
// then the full names in German, Spanish, Italian, Dutch and Portuguese
// (the other languages the parser identifies and stems), with the
// abbreviations no English word shares. A name counts only between a day
// and a year, so a name that is also a word ("Marco", "mayo") is a month
// only where a date stands.
constexpr MonthName kMonthNames[] = {
    {"jan", 1},
    {"janv", 1},
    {"january", 1},
    {"janvier", 1},
    {"feb", 2},
    {"febr", 2},
    {"february", 2},
    {"feburary", 2},
    {"fev", 2},
    {"fevr", 2},
    {"fevrier", 2},
    {"fv", 2},
    {"fvr", 2},
    {"fvrier", 2},
    {"mar", 3},
    {"march", 3},
    {"mars", 3},
    {"apr", 4},
    {"april", 4},
    {"avr", 4},
    {"avril", 4},
    {"may", 5},
    {"mai", 5},
    {"jun", 6},
    {"june", 6},
    {"juin", 6},
    {"jul", 7},
    {"july", 7},
    {"juil", 7},
    {"juillet", 7},
    {"aug", 8},
    {"august", 8},
    {"aout", 8},
    {"aot", 8},
    {"sep", 9},
    {"sept", 9},
    {"september", 9},
    {"septembre", 9},
    {"oct", 10},
    {"october", 10},
    {"octobre", 10},
    {"nov", 11},
    {"november", 11},
    {"novembre", 11},
    {"dec", 12},
    {"december", 12},
    {"decembre", 12},
    {"dc", 12},
    {"dcembre", 12},
    {"augus", 8},
    {"febuary", 2},
    {"septembr", 9},
    {"decemb", 12},
    {"novemb", 11},
    {"octob", 10},
    // German ("März" folds to "marz"; Austria's "Jänner").
    {"januar", 1},
    {"janner", 1},
    {"februar", 2},
    {"marz", 3},
    {"maerz", 3},
    {"juni", 6},
    {"juli", 7},
    {"oktober", 10},
    {"okt", 10},
    {"dezember", 12},
    {"dez", 12},
    // Spanish.
    {"enero", 1},
    {"febrero", 2},
    {"marzo", 3},
    {"abril", 4},
    {"mayo", 5},
    {"junio", 6},
    {"julio", 7},
    {"agosto", 8},
    {"septiembre", 9},
    {"setiembre", 9},
    {"octubre", 10},
    {"noviembre", 11},
    {"diciembre", 12},
    {"dic", 12},
    // Italian.
    {"gennaio", 1},
    {"febbraio", 2},
    {"aprile", 4},
    {"maggio", 5},
    {"giugno", 6},
    {"luglio", 7},
    {"settembre", 9},
    {"ottobre", 10},
    {"ott", 10},
    {"dicembre", 12},
    // Dutch.
    {"januari", 1},
    {"februari", 2},
    {"maart", 3},
    {"mrt", 3},
    {"mei", 5},
    {"augustus", 8},
    // Portuguese ("março" folds to "marco").
    {"janeiro", 1},
    {"fevereiro", 2},
    {"marco", 3},
    {"maio", 5},
    {"junho", 6},
    {"julho", 7},
    {"setembro", 9},
    {"outubro", 10},
    {"dezembro", 12},
    // Swedish, Norwegian and Danish (the rest are German's or Dutch's).
    {"maj", 5},
    {"augusti", 8},
    {"desember", 12},
    // Polish (the genitive a date prints: "4 maja 2023"); not November's
    // "listopada", which is October's in Croatian.
    {"stycznia", 1},
    {"lutego", 2},
    {"marca", 3},
    {"kwietnia", 4},
    {"maja", 5},
    {"czerwca", 6},
    {"lipca", 7},
    {"sierpnia", 8},
    {"wrzesnia", 9},
    {"pazdziernika", 10},
    {"grudnia", 12},
    // Romanian.
    {"ianuarie", 1},
    {"februarie", 2},
    {"martie", 3},
    {"aprilie", 4},
    {"iunie", 6},
    {"iulie", 7},
    {"septembrie", 9},
    {"octombrie", 10},
    {"noiembrie", 11},
    {"decembrie", 12},
    // Turkish, with and without its dotless i (which folding keeps).
    {"ocak", 1},
    {"subat", 2},
    {"mart", 3},
    {"nisan", 4},
    {"mayis", 5},
    {"may\xC4\xB1s", 5},
    {"haziran", 6},
    {"temmuz", 7},
    {"agustos", 8},
    {"eylul", 9},
    {"ekim", 10},
    {"kasim", 11},
    {"kas\xC4\xB1m", 11},
    {"aralik", 12},
    {"aral\xC4\xB1k", 12},
    // Indonesian and Malay.
    {"maret", 3},
    {"agustus", 8},
    {"mac", 3},
    {"julai", 7},
    {"ogos", 8},
    {"disember", 12},
    // Czech (the genitive: "12. března 2024").
    {"ledna", 1},
    {"unora", 2},
    {"brezna", 3},
    {"dubna", 4},
    {"kvetna", 5},
    {"cervna", 6},
    {"cervence", 7},
    {"srpna", 8},
    {"zari", 9},
    {"rijna", 10},
    {"listopadu", 11},
    {"prosince", 12},
    // Greek, in the genitive a date prints, with and without the accent
    // (folding leaves Greek letters as they are).
    {"\xCE\xB9\xCE\xB1\xCE\xBD\xCE\xBF\xCF\x85\xCE\xB1\xCF\x81\xCE\xAF\xCE\xBF\xCF\x85",
     1},  // ιανουαρίου
    {"\xCE\xB9\xCE\xB1\xCE\xBD\xCE\xBF\xCF\x85\xCE\xB1\xCF\x81\xCE\xB9\xCE\xBF\xCF\x85",
     1},  // ιανουαριου
    {"\xCF\x86\xCE\xB5\xCE\xB2\xCF\x81\xCE\xBF\xCF\x85\xCE\xB1\xCF\x81\xCE\xAF\xCE\xBF\xCF\x85",
     2},  // φεβρουαρίου
    {"\xCF\x86\xCE\xB5\xCE\xB2\xCF\x81\xCE\xBF\xCF\x85\xCE\xB1\xCF\x81\xCE\xB9\xCE\xBF\xCF\x85",
     2},                                                              // φεβρουαριου
    {"\xCE\xBC\xCE\xB1\xCF\x81\xCF\x84\xCE\xAF\xCE\xBF\xCF\x85", 3},  // μαρτίου
    {"\xCE\xBC\xCE\xB1\xCF\x81\xCF\x84\xCE\xB9\xCE\xBF\xCF\x85", 3},  // μαρτιου
    {"\xCE\xB1\xCF\x80\xCF\x81\xCE\xB9\xCE\xBB\xCE\xAF\xCE\xBF\xCF\x85", 4},  // απριλίου
    {"\xCE\xB1\xCF\x80\xCF\x81\xCE\xB9\xCE\xBB\xCE\xB9\xCE\xBF\xCF\x85", 4},  // απριλιου
    {"\xCE\xBC\xCE\xB1\xCE\x90\xCE\xBF\xCF\x85", 5},                          // μαΐου
    {"\xCE\xBC\xCE\xB1\xCE\xB9\xCE\xBF\xCF\x85", 5},                          // μαιου
    {"\xCE\xB9\xCE\xBF\xCF\x85\xCE\xBD\xCE\xAF\xCE\xBF\xCF\x85", 6},          // ιουνίου
    {"\xCE\xB9\xCE\xBF\xCF\x85\xCE\xBD\xCE\xB9\xCE\xBF\xCF\x85", 6},          // ιουνιου
    {"\xCE\xB9\xCE\xBF\xCF\x85\xCE\xBB\xCE\xAF\xCE\xBF\xCF\x85", 7},          // ιουλίου
    {"\xCE\xB9\xCE\xBF\xCF\x85\xCE\xBB\xCE\xB9\xCE\xBF\xCF\x85", 7},          // ιουλιου
    {"\xCE\xB1\xCF\x85\xCE\xB3\xCE\xBF\xCF\x8D\xCF\x83\xCF\x84\xCE\xBF\xCF\x85", 8},  // αυγούστου
    {"\xCE\xB1\xCF\x85\xCE\xB3\xCE\xBF\xCF\x85\xCF\x83\xCF\x84\xCE\xBF\xCF\x85", 8},  // αυγουστου
    {"\xCF\x83\xCE\xB5\xCF\x80\xCF\x84\xCE\xB5\xCE\xBC\xCE\xB2\xCF\x81\xCE\xAF\xCE\xBF\xCF\x85",
     9},  // σεπτεμβρίου
    {"\xCF\x83\xCE\xB5\xCF\x80\xCF\x84\xCE\xB5\xCE\xBC\xCE\xB2\xCF\x81\xCE\xB9\xCE\xBF\xCF\x85",
     9},  // σεπτεμβριου
    {"\xCE\xBF\xCE\xBA\xCF\x84\xCF\x89\xCE\xB2\xCF\x81\xCE\xAF\xCE\xBF\xCF\x85", 10},  // οκτωβρίου
    {"\xCE\xBF\xCE\xBA\xCF\x84\xCF\x89\xCE\xB2\xCF\x81\xCE\xB9\xCE\xBF\xCF\x85", 10},  // οκτωβριου
    {"\xCE\xBD\xCE\xBF\xCE\xB5\xCE\xBC\xCE\xB2\xCF\x81\xCE\xAF\xCE\xBF\xCF\x85", 11},  // νοεμβρίου
    {"\xCE\xBD\xCE\xBF\xCE\xB5\xCE\xBC\xCE\xB2\xCF\x81\xCE\xB9\xCE\xBF\xCF\x85", 11},  // νοεμβριου
    {"\xCE\xB4\xCE\xB5\xCE\xBA\xCE\xB5\xCE\xBC\xCE\xB2\xCF\x81\xCE\xAF\xCE\xBF\xCF\x85",
     12},  // δεκεμβρίου
    {"\xCE\xB4\xCE\xB5\xCE\xBA\xCE\xB5\xCE\xBC\xCE\xB2\xCF\x81\xCE\xB9\xCE\xBF\xCF\x85",
     12},  // δεκεμβριου
    // Russian and Ukrainian (Cyrillic, in the genitive a date prints),
    // and the months of Arabic dates as Egypt and the Gulf print them (with
    // and without the hamza).
    {"\xD1\x8F\xD0\xBD\xD0\xB2\xD0\xB0\xD1\x80\xD1\x8F", 1},                  // января
    {"\xD1\x84\xD0\xB5\xD0\xB2\xD1\x80\xD0\xB0\xD0\xBB\xD1\x8F", 2},          // февраля
    {"\xD0\xBC\xD0\xB0\xD1\x80\xD1\x82\xD0\xB0", 3},                          // марта
    {"\xD0\xB0\xD0\xBF\xD1\x80\xD0\xB5\xD0\xBB\xD1\x8F", 4},                  // апреля
    {"\xD0\xBC\xD0\xB0\xD1\x8F", 5},                                          // мая
    {"\xD0\xB8\xD1\x8E\xD0\xBD\xD1\x8F", 6},                                  // июня
    {"\xD0\xB8\xD1\x8E\xD0\xBB\xD1\x8F", 7},                                  // июля
    {"\xD0\xB0\xD0\xB2\xD0\xB3\xD1\x83\xD1\x81\xD1\x82\xD0\xB0", 8},          // августа
    {"\xD1\x81\xD0\xB5\xD0\xBD\xD1\x82\xD1\x8F\xD0\xB1\xD1\x80\xD1\x8F", 9},  // сентября
    {"\xD0\xBE\xD0\xBA\xD1\x82\xD1\x8F\xD0\xB1\xD1\x80\xD1\x8F", 10},         // октября
    {"\xD0\xBD\xD0\xBE\xD1\x8F\xD0\xB1\xD1\x80\xD1\x8F", 11},                 // ноября
    {"\xD0\xB4\xD0\xB5\xD0\xBA\xD0\xB0\xD0\xB1\xD1\x80\xD1\x8F", 12},         // декабря
    {"\xD1\x81\xD1\x96\xD1\x87\xD0\xBD\xD1\x8F", 1},                          // січня
    {"\xD0\xBB\xD1\x8E\xD1\x82\xD0\xBE\xD0\xB3\xD0\xBE", 2},                  // лютого
    {"\xD0\xB1\xD0\xB5\xD1\x80\xD0\xB5\xD0\xB7\xD0\xBD\xD1\x8F", 3},          // березня
    {"\xD0\xBA\xD0\xB2\xD1\x96\xD1\x82\xD0\xBD\xD1\x8F", 4},                  // квітня
    {"\xD1\x82\xD1\x80\xD0\xB0\xD0\xB2\xD0\xBD\xD1\x8F", 5},                  // травня
    {"\xD1\x87\xD0\xB5\xD1\x80\xD0\xB2\xD0\xBD\xD1\x8F", 6},                  // червня
    {"\xD0\xBB\xD0\xB8\xD0\xBF\xD0\xBD\xD1\x8F", 7},                          // липня
    {"\xD1\x81\xD0\xB5\xD1\x80\xD0\xBF\xD0\xBD\xD1\x8F", 8},                  // серпня
    {"\xD0\xB2\xD0\xB5\xD1\x80\xD0\xB5\xD1\x81\xD0\xBD\xD1\x8F", 9},          // вересня
    {"\xD0\xB6\xD0\xBE\xD0\xB2\xD1\x82\xD0\xBD\xD1\x8F", 10},                 // жовтня
    {"\xD0\xBB\xD0\xB8\xD1\x81\xD1\x82\xD0\xBE\xD0\xBF\xD0\xB0\xD0\xB4\xD0\xB0", 11},  // листопада
    {"\xD0\xB3\xD1\x80\xD1\x83\xD0\xB4\xD0\xBD\xD1\x8F", 12},  // грудня
    {"\xD9\x8A\xD9\x86\xD8\xA7\xD9\x8A\xD8\xB1", 1},           // يناير
    {"\xD9\x81\xD8\xA8\xD8\xB1\xD8\xA7\xD9\x8A\xD8\xB1", 2},   // فبراير
    {"\xD9\x85\xD8\xA7\xD8\xB1\xD8\xB3", 3},                   // مارس
    {"\xD8\xA3\xD8\xA8\xD8\xB1\xD9\x8A\xD9\x84", 4},           // أبريل
    {"\xD8\xA7\xD8\xA8\xD8\xB1\xD9\x8A\xD9\x84", 4},           // ابريل
    {"\xD9\x85\xD8\xA7\xD9\x8A\xD9\x88", 5},                   // مايو
    {"\xD9\x8A\xD9\x88\xD9\x86\xD9\x8A\xD9\x88", 6},           // يونيو
    {"\xD9\x8A\xD9\x88\xD9\x84\xD9\x8A\xD9\x88", 7},           // يوليو
    {"\xD8\xA3\xD8\xBA\xD8\xB3\xD8\xB7\xD8\xB3", 8},           // أغسطس
    {"\xD8\xA7\xD8\xBA\xD8\xB3\xD8\xB7\xD8\xB3", 8},           // اغسطس
    {"\xD8\xB3\xD8\xA8\xD8\xAA\xD9\x85\xD8\xA8\xD8\xB1", 9},   // سبتمبر
    {"\xD8\xA3\xD9\x83\xD8\xAA\xD9\x88\xD8\xA8\xD8\xB1", 10},  // أكتوبر
    {"\xD8\xA7\xD9\x83\xD8\xAA\xD9\x88\xD8\xA8\xD8\xB1", 10},  // اكتوبر
    {"\xD9\x86\xD9\x88\xD9\x81\xD9\x85\xD8\xA8\xD8\xB1", 11},  // نوفمبر
    {"\xD8\xAF\xD9\x8A\xD8\xB3\xD9\x85\xD8\xA8\xD8\xB1", 12},  // ديسمبر
};

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
// The names sorted, for a binary search: the table above is in the order
// of its languages, and a date reader asks about most words it meets.
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
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",  //
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",       //
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag",
    // Spanish, Italian, Dutch.
    "lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo",      //
    "lunedi", "martedi", "mercoledi", "giovedi", "venerdi", "sabato", "domenica",  //
    "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
    // Swedish, Norwegian and Danish ("ø" does not fold, "ö" does).
    "mandag", "tisdag", "tirsdag", "onsdag", "torsdag", "fredag", "l\xC3\xB8rdag", "s\xC3\xB8ndag",
    "sondag", "lordag",
    // Polish ("ł" does not fold), Romanian, Turkish (nor does "ı").
    "poniedzia\xC5\x82"
    "ek",
    "wtorek", "sroda", "czwartek", "piatek", "sobota", "niedziela", "luni", "marti", "miercuri",
    "joi", "vineri", "sambata", "duminica",  //
    "pazartesi", "sal\xC4\xB1", "carsamba", "persembe", "cuma", "cumartesi", "pazar",
    // Greek, with and without the accent.
    "\xCE\xB4\xCE\xB5\xCF\x85\xCF\x84\xCE\xAD\xCF\x81\xCE\xB1",
    "\xCE\xB4\xCE\xB5\xCF\x85\xCF\x84\xCE\xB5\xCF\x81\xCE\xB1",
    "\xCF\x84\xCF\x81\xCE\xAF\xCF\x84\xCE\xB7", "\xCF\x84\xCF\x81\xCE\xB9\xCF\x84\xCE\xB7",
    "\xCF\x84\xCE\xB5\xCF\x84\xCE\xAC\xCF\x81\xCF\x84\xCE\xB7",
    "\xCF\x84\xCE\xB5\xCF\x84\xCE\xB1\xCF\x81\xCF\x84\xCE\xB7",
    "\xCF\x80\xCE\xAD\xCE\xBC\xCF\x80\xCF\x84\xCE\xB7",
    "\xCF\x80\xCE\xB5\xCE\xBC\xCF\x80\xCF\x84\xCE\xB7",
    "\xCF\x80\xCE\xB1\xCF\x81\xCE\xB1\xCF\x83\xCE\xBA\xCE\xB5\xCF\x85\xCE\xAE",
    "\xCF\x80\xCE\xB1\xCF\x81\xCE\xB1\xCF\x83\xCE\xBA\xCE\xB5\xCF\x85\xCE\xB7",
    "\xCF\x83\xCE\xAC\xCE\xB2\xCE\xB2\xCE\xB1\xCF\x84\xCE\xBF",
    "\xCF\x83\xCE\xB1\xCE\xB2\xCE\xB2\xCE\xB1\xCF\x84\xCE\xBF",
    "\xCE\xBA\xCF\x85\xCF\x81\xCE\xB9\xCE\xB1\xCE\xBA\xCE\xAE",
    "\xCE\xBA\xCF\x85\xCF\x81\xCE\xB9\xCE\xB1\xCE\xBA\xCE\xB7"};

}  // namespace

bool IsWeekday(absl::string_view word) {
  const bool ascii = std::all_of(word.begin(), word.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
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
  // Bytes: "października" is 12 letters and 13 bytes.
  if (word.empty() || word.size() > 24) return 0;
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
