#include "ingest_service/parser/date_rows.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "ingest_service/parser/date_parser.h"
#include "ingest_service/parser/doc_type.h"
#include "ingest_service/parser/east_asian_dates.h"
#include "ingest_service/parser/line_shape.h"

namespace docsearch::ingest {
namespace {

// Longest row of cells read as a date line.
constexpr size_t kMaxRowBytes = 80;
// Most words besides the date and a time in such a row ("News item",
// "Press release", "Published on").
constexpr int kMaxRowWords = 3;

// "19:10", "16h32", "9.30", "14h": a time of day.
bool IsTime(absl::string_view word) {
  bool digit = false;
  for (char c : word) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (absl::ascii_isdigit(u)) {
      digit = true;
    } else if (c != ':' && c != 'h' && c != '.') {
      return false;
    }
  }
  return digit;
}

// "–", "—", "•", "·": a dash or a bullet parting cells.
bool IsSeparatorMark(absl::string_view word) {
  return word == "\xE2\x80\x93" || word == "\xE2\x80\x94" || word == "\xE2\x80\xA2" ||
         word == "\xC2\xB7";
}

// Words that join a date to its time ("às", "at", "um", "à", "alle").
bool IsTimeJoiner(absl::string_view folded_word) {
  for (absl::string_view joiner : {"at", "as", "às", "um", "uhr", "à", "a", "alle", "om", "las",
                                   "am", "pm", "cet", "cest", "gmt", "utc"}) {
    if (folded_word == joiner) return true;
  }
  return false;
}

// "Published", "Publié le", "Veröffentlicht am", "Publicado", "Date":
// words that say the date is the text's (lower-cased, accents as printed).
bool IsPublishingWord(absl::string_view folded_word) {
  for (absl::string_view word :
       {"published", "posted", "issued", "date", "dated", "updated", "publi\xC3\xA9", "publie",
        "le",
        "ver\xC3\xB6"
        "ffentlicht",
        "veroffentlicht", "publicado", "pubblicato", "el", "il", "on", "op", "gepubliceerd",
        "datum",
        // Nordic, Finnish, Polish, Czech, Slovak,
        // South Slavic, Romanian.
        "publicerad", "publiceret", "publisert", "julkaistu", "opublikowano", "publikov\xC3\xA1no",
        "zverejnen\xC3\xA9", "objavljeno", "publicat", "data", "dato"}) {
    if (folded_word == word) return true;
  }
  return false;
}

// Where an update stamp opens between a row's two dates ("11.07.2024 -
// Güncelleme : 11.07.2024", "16 Julho de 2024 | 14h02 - Actualizado em 16
// Julho de 2024"): the row up to it prints the text's date. Keys lower-cased
// as printed.
std::optional<size_t> UpdateStampBetween(absl::string_view line, size_t from, size_t to) {
  const std::string lower = absl::AsciiStrToLower(line.substr(0, to));
  for (absl::string_view key : {"updated",
                                "update",
                                "modified",
                                "g\xC3\xBC"
                                "ncelleme",
                                "actualizado",
                                "actualizada",
                                "atualizado",
                                "atualizada",
                                "mis \xC3\xA0 jour",
                                "mise \xC3\xA0 jour",
                                "modifi\xC3\xA9",
                                "aktualisiert",
                                "ge\xC3\xA4ndert",
                                "aggiornato",
                                "bijgewerkt",
                                "zaktualizowano",
                                "p\xC3\xA4ivitetty",
                                "uppdaterad",
                                "opdateret",
                                "oppdatert",
                                "aktualizov\xC3\xA1no",
                                "a\xC5\xBEurirano"}) {
    const size_t at = absl::string_view(lower).find(key, from);
    if (at != absl::string_view::npos) return at;
  }
  return std::nullopt;
}

// "Nr.", "No.", "n°", "nº", "Núm.": a word announcing the number after it.
bool IsNumberMark(absl::string_view word) {
  const std::string lower = absl::AsciiStrToLower(word);
  for (absl::string_view mark : {"nr.", "nr", "no.", "no", "n\xC2\xB0", "n\xC2\xBA", "n.",
                                 "n\xC3\xBA"
                                 "m.",
                                 "num.", "#", "br.", "\xC4\x8D."}) {
    if (lower == mark) return true;
  }
  return false;
}

// A reference code: digits with letters or marks among them ("NR-03.087",
// "45/2024", "PR/CP(2009)012"), not a bare number ("Resolution 1244").
bool IsReferenceCode(absl::string_view word) {
  return HasAsciiDigit(word) && !std::all_of(word.begin(), word.end(), [](char c) {
           return absl::ascii_isdigit(static_cast<unsigned char>(c));
         });
}

// The word that joins a label to its date: "vom", "du", "of", "dated"
// ("Pressemitteilung vom", "Communiqué de presse du"), or a dash ("NR-03.087
// - August 18, 2003").
enum class DateJoiner { kNone, kOf, kDash };
DateJoiner JoinerOf(absl::string_view word) {
  const std::string lower = absl::AsciiStrToLower(word);
  for (absl::string_view of :
       {"vom", "dated", "of", "du", "del", "de", "van", "fra", "fr\xC3\xA5n", "z", "ze"}) {
    if (lower == of) return DateJoiner::kOf;
  }
  if (lower == "-" || lower == "\xE2\x80\x93" || lower == "\xE2\x80\x94") return DateJoiner::kDash;
  return DateJoiner::kNone;
}

// "Pressemitteilung Nr. 019 vom 15. Januar 2025", "Communiqué de presse n°
// 12 du 3 mai 2021", "Press Release 45/2024 – 12 March 2024", "NR-03.087 -
// August 18, 2003": the text's type label, its number or reference, then
// its date, and after the date a time at most. Not what another paper is
// named by ("Agreement of 5 May 1945", "Gesetz vom 12. März 2024", "Decree
// No. 45 of 12 March 2024", "Resolution 1244 - 10 June 1999"): the words
// before the date are a type label, or, before a dash, a reference code.
bool IsLabelledDateRow(absl::string_view line, const FoundDate& date) {
  constexpr size_t kMaxLabelWords = 4;
  for (absl::string_view word :
       absl::StrSplit(line.substr(date.end), absl::ByAnyChar(" |,;()[]-/:"), absl::SkipEmpty())) {
    if (!IsTime(word) && !IsTimeJoiner(absl::AsciiStrToLower(word))) return false;
  }
  std::vector<absl::string_view> words =
      absl::StrSplit(line.substr(0, date.begin), ' ', absl::SkipEmpty());
  if (words.size() < 2) return false;
  const DateJoiner joiner = JoinerOf(words.back());
  if (joiner == DateJoiner::kNone) return false;
  words.pop_back();
  bool coded = false;
  std::vector<absl::string_view> label;
  for (absl::string_view word : words) {
    if (HasAsciiDigit(word)) {
      coded |= IsReferenceCode(word);
    } else if (!IsNumberMark(word)) {
      label.push_back(word);
    }
  }
  if (label.size() > kMaxLabelWords) return false;
  if (joiner == DateJoiner::kDash && coded) return true;
  return !label.empty() && DocTypeFromLabelLine(absl::StrJoin(label, " ")).has_value();
}

}  // namespace

std::optional<v1::Date> DateOfDateRow(absl::string_view line) {
  line = absl::StripAsciiWhitespace(line);
  if (line.empty() || line.size() > kMaxRowBytes) return std::nullopt;
  if (std::optional<v1::Date> date = ParseDateLine(line)) return date;
  if (std::optional<v1::Date> date = ParseDateLineWithTime(line)) return date;
  // "(Paris, 17 avril 2001)": a date line in brackets.
  if (line.size() > 2 && line.front() == '(' && line.back() == ')') {
    return DateOfDateRow(line.substr(1, line.size() - 2));
  }
  // A board's row of cells, one of them the date after its label ("작성자
  // 주중국대사관 | 작성일 2023-11-08 | 조회수 1,284": writer, date, views).
  if (absl::StrContains(line, " | ")) {
    for (absl::string_view cell : absl::StrSplit(line, " | ")) {
      cell = absl::StripAsciiWhitespace(cell);
      if (AfterEastAsianDateLabel(cell).size() == cell.size()) continue;
      if (std::optional<v1::Date> date = ParseDateLine(cell)) return date;
    }
  }
  const std::vector<FoundDate> dates = FindDates(line);
  if (dates.size() == 2) {
    const std::optional<size_t> stamp = UpdateStampBetween(line, dates[0].end, dates[1].begin);
    return stamp.has_value() ? DateOfDateRow(line.substr(0, *stamp)) : std::nullopt;
  }
  if (dates.size() != 1) return std::nullopt;
  if (IsLabelledDateRow(line, dates[0])) return dates[0].date;
  // What the row holds besides its date: a label and a time at most.
  const std::string rest =
      absl::StrCat(line.substr(0, dates[0].begin), " ", line.substr(dates[0].end));
  // Cells are parted by bars; without one, only a publishing word besides
  // the date and its time ("Published", "às"), so that a subtitle holding
  // a date ("Deadline: 30 June 2021", "Effective 1 January 2022") is no row.
  const int most_words = absl::StrContains(line, '|') ? kMaxRowWords : 0;
  int words = 0;
  // ASCII separators only: a byte of a multi-byte letter is no separator;
  // dashes and bullets of more than one byte stand as words of their own
  // and are skipped below.
  for (absl::string_view word :
       absl::StrSplit(rest, absl::ByAnyChar(" |,;()[]-/"), absl::SkipEmpty())) {
    if (IsTime(word) || IsSeparatorMark(word)) continue;
    const std::string folded = absl::AsciiStrToLower(absl::StripSuffix(word, ":"));
    if (IsTimeJoiner(folded) || IsPublishingWord(folded)) continue;
    // A sentence is no row of cells.
    if (word.back() == '.' && word.size() > 3) return std::nullopt;
    if (++words > most_words) return std::nullopt;
  }
  return dates[0].date;
}

}  // namespace docsearch::ingest
