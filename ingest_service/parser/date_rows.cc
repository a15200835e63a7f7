#include "ingest_service/parser/date_rows.h"

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "ingest_service/parser/date_parser.h"
#include "ingest_service/parser/east_asian_dates.h"

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
  for (absl::string_view word : {"published", "posted", "issued", "date", "dated", "updated",
                                 "publi\xC3\xA9", "publie", "le",
                                 "ver\xC3\xB6"
                                 "ffentlicht",
                                 "veroffentlicht", "publicado", "pubblicato", "el", "il", "on",
                                 "op", "gepubliceerd", "datum"}) {
    if (folded_word == word) return true;
  }
  return false;
}

}  // namespace

std::optional<v1::Date> DateOfDateRow(absl::string_view line) {
  line = absl::StripAsciiWhitespace(line);
  if (line.empty() || line.size() > kMaxRowBytes) return std::nullopt;
  if (std::optional<v1::Date> date = ParseDateLine(line)) return date;
  if (std::optional<v1::Date> date = ParseDateLineWithTime(line)) return date;
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
  if (dates.size() != 1) return std::nullopt;
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
    const std::string folded = absl::AsciiStrToLower(word);
    if (IsTimeJoiner(folded) || IsPublishingWord(folded)) continue;
    // A sentence is no row of cells.
    if (word.back() == '.' && word.size() > 3) return std::nullopt;
    if (++words > most_words) return std::nullopt;
  }
  return dates[0].date;
}

}  // namespace docsearch::ingest
