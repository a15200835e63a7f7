#include "ingest_service/parser/date_parser.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "ingest_service/parser/date_line_places.h"
#include "ingest_service/parser/date_names.h"
#include "ingest_service/parser/east_asian_dates.h"
#include "ingest_service/parser/line_shape.h"
#include "ingest_service/parser/other_calendars.h"
#include "ingest_service/parser/text_normalizer.h"
#include "ingest_service/parser/word_tokenizer.h"
#include "ingest_service/parser/year_words.h"

namespace docsearch::ingest {
namespace {

using docsearch::v1::Date;

// Dates read digits apart from letters (word_tokenizer.h).
using Token = WordToken;
using TokenKind = WordToken::Kind;

std::vector<Token> Tokenize(absl::string_view text) { return TokenizeWords(text, kDateTokens); }

int NumberValue(const Token& token) {
  int value = 0;
  if (token.text.size() > 4 || !absl::SimpleAtoi(token.text, &value)) return -1;
  return value;
}

bool IsDayToken(const Token& token) {
  return token.kind == TokenKind::kNumber && token.text.size() <= 2 && NumberValue(token) >= 1 &&
         NumberValue(token) <= 31;
}

bool IsYearToken(const Token& token) {
  const int value = NumberValue(token);
  return token.kind == TokenKind::kNumber && token.text.size() == 4 && value >= 1900 &&
         value <= 2100;
}

bool IsOrdinalSuffix(const Token& token) {
  if (token.kind != TokenKind::kWord) return false;
  const std::string lower = absl::AsciiStrToLower(token.text);
  return lower == "st" || lower == "nd" || lower == "rd" || lower == "th" || lower == "er";
}

int MonthAt(const std::vector<Token>& tokens, size_t i) {
  if (i >= tokens.size() || tokens[i].kind != TokenKind::kWord) return 0;
  return MonthFromName(tokens[i].text);
}

bool IsPunct(const std::vector<Token>& tokens, size_t i, char c) {
  return i < tokens.size() && tokens[i].kind == TokenKind::kPunct && tokens[i].text.size() == 1 &&
         tokens[i].text[0] == c;
}

// Whether token i is the word `lower` in any case.
bool IsWord(const std::vector<Token>& tokens, size_t i, absl::string_view lower) {
  return i < tokens.size() && tokens[i].kind == TokenKind::kWord &&
         absl::EqualsIgnoreCase(tokens[i].text, lower);
}

bool IsDashToken(const std::vector<Token>& tokens, size_t i) {
  if (i >= tokens.size() || tokens[i].kind != TokenKind::kPunct) return false;
  return tokens[i].text == "-" || tokens[i].text == "\xE2\x80\x93" ||
         tokens[i].text == "\xE2\x80\x94";
}

int ExpandYear(const Token& token) {
  const int value = NumberValue(token);
  if (token.text.size() == 4) return value;
  if (token.text.size() == 2) return value >= 50 ? 1900 + value : 2000 + value;
  return -1;
}

std::optional<FoundDate> MakeDate(int year, int month, int day, size_t begin, size_t end) {
  if (!IsValidDate(year, month, day)) return std::nullopt;
  FoundDate found;
  found.date.set_year(year);
  found.date.set_month(month);
  found.date.set_day(day);
  found.begin = begin;
  found.end = end;
  return found;
}

// The year a date prints after its month: a year of 1900..2100, or after a
// Thai month a year of the Buddhist Era ("12 มิถุนายน 2567"); -1 if none.
int YearAfterMonth(const Token& year, const Token& month) {
  if (IsYearToken(year)) return NumberValue(year);
  // Thai letters are U+0E00..U+0E7F: 0xE0 0xB8 or 0xE0 0xB9 in UTF-8.
  const bool thai = month.text.size() >= 2 && static_cast<unsigned char>(month.text[0]) == 0xE0 &&
                    (static_cast<unsigned char>(month.text[1]) == 0xB8 ||
                     static_cast<unsigned char>(month.text[1]) == 0xB9);
  if (!thai || year.kind != TokenKind::kNumber || year.text.size() != 4) return -1;
  return GregorianYearFromBuddhistEra(NumberValue(year)).value_or(-1);
}

// Tries every style at token i; returns the date and sets *next past it.
std::optional<FoundDate> MatchAt(const std::vector<Token>& t, size_t i, size_t* next) {
  const size_t n = t.size();
  if (std::optional<FoundDate> date = MatchEastAsianDate(t, i, next)) return date;
  // "2001-12-18"
  if (IsYearToken(t[i]) && IsPunct(t, i + 1, '-') && i + 4 < n &&
      t[i + 2].kind == TokenKind::kNumber && t[i + 2].text.size() == 2 && IsPunct(t, i + 3, '-') &&
      t[i + 4].kind == TokenKind::kNumber && t[i + 4].text.size() == 2) {
    *next = i + 5;
    return MakeDate(NumberValue(t[i]), NumberValue(t[i + 2]), NumberValue(t[i + 4]), t[i].begin,
                    t[i + 4].end);
  }
  if (IsDayToken(t[i])) {
    const int day = NumberValue(t[i]);
    size_t j = i + 1;
    // "07-Dec-2001", "07-Dec-01", "18-juil.-2024" (the month abbreviated
    // with its period).
    if (IsPunct(t, j, '-') && MonthAt(t, j + 1) != 0) {
      const size_t dash = IsPunct(t, j + 2, '.') ? j + 3 : j + 2;
      if (IsPunct(t, dash, '-') && dash + 1 < n && t[dash + 1].kind == TokenKind::kNumber &&
          (t[dash + 1].text.size() == 4 || t[dash + 1].text.size() == 2)) {
        *next = dash + 2;
        return MakeDate(ExpandYear(t[dash + 1]), MonthAt(t, j + 1), day, t[i].begin,
                        t[dash + 1].end);
      }
    }
    // "21/11/2003", "28.06.04", "11-07-2016" (with dashes, only with a year
    // of 1900 to 2100: "12-10-05" is as often a range or a code as a date,
    // "22-11-4567" a phone number).
    for (char separator : {'/', '.', '-'}) {
      if (IsPunct(t, j, separator) && j + 3 < n && IsDayToken(t[j + 1]) &&
          NumberValue(t[j + 1]) <= 12 && IsPunct(t, j + 2, separator) &&
          t[j + 3].kind == TokenKind::kNumber &&
          (separator == '-' ? IsYearToken(t[j + 3])
                            : (t[j + 3].text.size() == 4 || t[j + 3].text.size() == 2))) {
        *next = j + 4;
        return MakeDate(ExpandYear(t[j + 3]), NumberValue(t[j + 1]), day, t[i].begin, t[j + 3].end);
      }
    }
    // "24 February - 2 March 1999": a range across months reports its first
    // day, with the year printed at the end.
    if (const int first_month = MonthAt(t, j); first_month != 0) {
      size_t k = j + 1;
      if (IsPunct(t, k, '.')) ++k;
      if (IsDashToken(t, k) && k + 1 < n && IsDayToken(t[k + 1]) && MonthAt(t, k + 2) != 0) {
        size_t m = k + 3;
        if (IsPunct(t, m, '.')) ++m;
        if (IsPunct(t, m, ',')) ++m;
        if (m < n && IsYearToken(t[m])) {
          *next = m + 1;
          return MakeDate(NumberValue(t[m]), first_month, day, t[i].begin, t[m].end);
        }
      }
    }
    // "1-2 December 2003": a range reports its first day.
    if (IsDashToken(t, j) && j + 1 < n && IsDayToken(t[j + 1]) && MonthAt(t, j + 2) != 0) j += 2;
    if (j < n && IsOrdinalSuffix(t[j])) ++j;  // "1er", "24th"
    // German ordinals ("5. Juli 2019"), and Spanish and Portuguese "de"
    // ("5 de julio de 2019").
    if ((IsPunct(t, j, '.') || IsWord(t, j, "de")) && MonthAt(t, j + 1) != 0) ++j;
    const int month = MonthAt(t, j);
    if (month != 0) {
      size_t k = j + 1;
      if (IsPunct(t, k, '.')) ++k;  // "Dec." and "Dec ." alike
      if (IsPunct(t, k, ',')) ++k;
      if ((IsWord(t, k, "de") || IsWord(t, k, "del")) && k + 1 < n && IsYearToken(t[k + 1])) ++k;
      // Thai marks the era before the year: "พ.ศ. 2567" (Buddhist), "ค.ศ. 2024".
      if (k + 3 < n && (IsWord(t, k, "\xE0\xB8\x9E") || IsWord(t, k, "\xE0\xB8\x84")) &&
          IsPunct(t, k + 1, '.') && IsWord(t, k + 2, "\xE0\xB8\xA8") && IsPunct(t, k + 3, '.')) {
        k += 4;
      }
      if (const int year = k < n ? YearAfterMonth(t[k], t[j]) : -1; year > 0) {
        *next = k + 1;
        return MakeDate(year, month, day, t[i].begin, t[k].end);
      }
    }
    // "۲۱ شهریور ۱۴۰۲" (its digits made Western): a Solar Hijri date.
    if (const int hijri_month =
            j < n && t[j].kind == TokenKind::kWord ? SolarHijriMonthFromName(t[j].text) : 0;
        hijri_month != 0 && j + 1 < n && t[j + 1].kind == TokenKind::kNumber &&
        t[j + 1].text.size() == 4) {
      if (std::optional<Date> date =
              GregorianFromSolarHijri(NumberValue(t[j + 1]), hijri_month, day)) {
        *next = j + 2;
        return MakeDate(date->year(), date->month(), date->day(), t[i].begin, t[j + 1].end);
      }
    }
  }
  // "April 24, 1999", "June 8 2006"
  const int month = MonthAt(t, i);
  if (month != 0) {
    size_t j = i + 1;
    if (IsPunct(t, j, '.')) ++j;
    if (j < n && IsDayToken(t[j])) {
      const int day = NumberValue(t[j]);
      size_t k = j + 1;
      if (k < n && IsOrdinalSuffix(t[k])) ++k;
      if (IsPunct(t, k, ',')) ++k;
      if (k < n && IsYearToken(t[k])) {
        *next = k + 1;
        return MakeDate(NumberValue(t[k]), month, day, t[i].begin, t[k].end);
      }
    }
  }
  return std::nullopt;
}

// "2024.03.05", "2024/3/5", "2024. 3. 5." (Korean): year first, as East
// Asian and Nordic sites print it; never day before month after a year.
// Read on date lines only (ParseBareDateLine): FindDates, whose finds are
// inputs of the line-role model, keeps to the forms the model was trained
// with, and a corpus line it learned from holds such a date.
std::optional<FoundDate> MatchYearFirstNumeric(const std::vector<Token>& t, size_t i,
                                               size_t* next) {
  for (char separator : {'.', '/'}) {
    if (IsYearToken(t[i]) && IsPunct(t, i + 1, separator) && i + 4 < t.size() &&
        IsDayToken(t[i + 2]) && NumberValue(t[i + 2]) <= 12 && IsPunct(t, i + 3, separator) &&
        IsDayToken(t[i + 4])) {
      *next = i + 5;
      return MakeDate(NumberValue(t[i]), NumberValue(t[i + 2]), NumberValue(t[i + 4]), t[i].begin,
                      t[i + 4].end);
    }
  }
  return std::nullopt;
}

bool IsDateLineFiller(absl::string_view token) {
  static constexpr std::array<absl::string_view, 14> kFiller = {"|",
                                                                "-",
                                                                ",",
                                                                ".",
                                                                ":",
                                                                ";",
                                                                "[",
                                                                "]",
                                                                "(",
                                                                ")",
                                                                "*",
                                                                "\xE2\x80\xA2",   // bullet
                                                                "\xE2\x80\x93",   // en dash
                                                                "\xE2\x80\x94"};  // em dash
  for (absl::string_view filler : kFiller) {
    if (token == filler) return true;
  }
  return false;
}

// The tokens of `text` that the search below can read, in order, with
// their offsets in `text`: those within kDateWindowPieces pieces between
// ASCII white space of a run of 2 or 4 ASCII digits (a number token that
// can end a date; with digits apart, number tokens are the maximal digit
// runs). Every piece holds at least one token, so each such number keeps
// more than the 12 tokens on either side that a date ending on it, or
// MatchAt reading from a token before it, can reach; the tokens left out
// are ones the search skips anyway. A long paragraph with a few years in
// it is tokenized around them only.
constexpr int kDateWindowPieces = 14;

bool IsAsciiSpace(char c) { return absl::ascii_isspace(static_cast<unsigned char>(c)); }

// The start of the piece `pieces` pieces before the one holding text[at].
size_t PiecesBack(absl::string_view text, size_t at, int pieces) {
  size_t i = at;
  for (int p = 0; p <= pieces && i > 0; ++p) {
    while (i > 0 && !IsAsciiSpace(text[i - 1])) --i;  // Start of this piece.
    if (p == pieces) break;
    while (i > 0 && IsAsciiSpace(text[i - 1])) --i;  // End of the one before.
  }
  return i;
}

// The end of the piece `pieces` pieces after the one holding text[at - 1].
size_t PiecesForward(absl::string_view text, size_t at, int pieces) {
  size_t i = at;
  for (int p = 0; p <= pieces && i < text.size(); ++p) {
    while (i < text.size() && !IsAsciiSpace(text[i])) ++i;  // End of this piece.
    if (p == pieces) break;
    while (i < text.size() && IsAsciiSpace(text[i])) ++i;  // Start of the next.
  }
  return i;
}

std::vector<Token> TokensNearDateEnds(absl::string_view text) {
  std::vector<Token> tokens;
  size_t window_begin = 0;
  size_t window_end = 0;  // The window being gathered: text[window_begin, window_end).
  auto flush = [&] {
    if (window_end <= window_begin) return;
    for (Token token : Tokenize(text.substr(window_begin, window_end - window_begin))) {
      token.begin += window_begin;
      token.end += window_begin;
      tokens.push_back(token);
    }
  };
  size_t i = 0;
  while (i < text.size()) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && absl::ascii_isdigit(static_cast<unsigned char>(text[j]))) ++j;
    // A year before "年" may be of any length ("令和6年").
    if (j - i == 2 || j - i == 4 || StartsWithYearMark(text, j)) {
      const size_t begin = PiecesBack(text, i, kDateWindowPieces);
      const size_t end = PiecesForward(text, j, kDateWindowPieces);
      if (begin <= window_end && window_end > 0) {
        window_end = std::max(window_end, end);  // Overlapping windows make one.
      } else {
        flush();
        window_begin = begin;
        window_end = end;
      }
    }
    i = j;
  }
  flush();
  return tokens;
}

// The dates of `text` in order, up to `limit` of them.
std::vector<FoundDate> FindDatesUpTo(absl::string_view text, size_t limit) {
  std::vector<FoundDate> found;
  // "٥ مارس ٢٠٢٤": read with Western digits, reported where printed.
  if (HoldsEasternArabicDigits(text)) {
    const WesternDigits western = ToWesternDigits(text);
    found = FindDatesUpTo(western.text, limit);
    for (FoundDate& date : found) {
      date.begin = western.source_offset[date.begin];
      date.end = western.source_offset[date.end];
    }
    return found;
  }
  // Text without a digit (most of a long paragraph's lines) is not
  // tokenized at all.
  // Every form MatchAt reads has a day or a year in ASCII digits (the only
  // bytes the tokenizer makes numbers of), so text without one holds no date.
  if (!HasAsciiDigit(text)) return found;
  const std::vector<Token> tokens = TokensNearDateEnds(text);
  // Every form MatchAt reads ends on a number of 2 or 4 digits (a year, or
  // the day of "2001-12-18") or on a day mark ("5日") at most kMaxDateTokens
  // tokens past its first:
  // tokens farther than that from such a number start no date and are
  // skipped (a long paragraph has few of them).
  constexpr size_t kMaxDateTokens = 12;
  auto can_end_date = [](const Token& token) {
    return (token.kind == TokenKind::kNumber &&
            (token.text.size() == 2 || token.text.size() == 4)) ||
           IsDayMarkToken(token);
  };
  size_t ending = 0;  // The first token at or after i that can end a date.
  size_t i = 0;
  while (i < tokens.size() && found.size() < limit) {
    if (ending < i) ending = i;
    while (ending < tokens.size() && !can_end_date(tokens[ending])) ++ending;
    if (ending == tokens.size()) break;
    if (ending - i > kMaxDateTokens) {
      i = ending - kMaxDateTokens;
      continue;
    }
    size_t next = i + 1;
    if (std::optional<FoundDate> date = MatchAt(tokens, i, &next)) {
      found.push_back(*date);
      i = next;
    } else {
      ++i;
    }
  }
  return found;
}

}  // namespace

std::vector<FoundDate> FindDates(absl::string_view text) {
  return FindDatesUpTo(text, std::numeric_limits<size_t>::max());
}

std::optional<FoundDate> FindFirstDate(absl::string_view text) {
  std::vector<FoundDate> found = FindDatesUpTo(text, 1);
  if (found.empty()) return std::nullopt;
  return found.front();
}

namespace {

// Only a date, with furniture and a weekday around it.
// "19:42", "09:00:15": a time of day, from token i; the index past it, or
// i when there is none.
size_t PastTimeOfDay(const std::vector<Token>& tokens, size_t i) {
  auto number = [&](size_t k, size_t most_digits, int most) {
    return k < tokens.size() && tokens[k].kind == TokenKind::kNumber &&
           tokens[k].text.size() <= most_digits && NumberValue(tokens[k]) <= most;
  };
  if (!number(i, 2, 24) || !IsPunct(tokens, i + 1, ':') || !number(i + 2, 2, 59) ||
      tokens[i + 2].text.size() != 2) {
    return i;
  }
  size_t past = i + 3;
  if (IsPunct(tokens, past, ':') && number(past + 1, 2, 59)) past += 2;
  return past;
}

// Words a date line prints around its time of day ("mardi 16 janvier
// 2024 à 19:42", "20-January-2012 17:36 IST", "14.03.2024 um 10:30 Uhr").
bool IsTimeWord(const Token& token) {
  if (token.kind != TokenKind::kWord) return false;
  for (absl::string_view word :
       {"at", "a",  "\xC3\xA0", "um",  "alle", "as",  "\xC3\xA0s", "h",   "hrs", "uhr",
        "am", "pm", "ist",      "gmt", "utc",  "cet", "cest",      "est", "edt", "bst"}) {
    if (absl::EqualsIgnoreCase(token.text, word)) return true;
  }
  return false;
}

std::optional<Date> ParseBareDateLine(absl::string_view text) {
  if (text.size() > 80) return std::nullopt;
  const std::vector<Token> tokens = Tokenize(text);
  std::optional<Date> date;
  size_t i = 0;
  // The token right after the date: where a year word may stand.
  size_t after_date = tokens.size();
  while (i < tokens.size()) {
    const Token& token = tokens[i];
    size_t next = i + 1;
    if (date.has_value() && i == after_date && token.kind == TokenKind::kWord &&
        IsYearWord(token.text)) {
      ++i;
      continue;
    }
    if (!date.has_value()) {
      std::optional<FoundDate> found = MatchYearFirstNumeric(tokens, i, &next);
      if (!found.has_value()) found = MatchAt(tokens, i, &next);
      if (found.has_value()) {
        // "2024年3月5日に発表": words glued to the date in its last token.
        if (found->end < tokens[next - 1].end) return std::nullopt;
        date = found->date;
        i = next;
        after_date = next;
        continue;
      }
      if (token.kind == TokenKind::kWord && IsWeekday(token.text)) {
        ++i;
        continue;
      }
    }
    if (token.kind == TokenKind::kPunct && IsDateLineFiller(token.text)) {
      // Serbian prints a full stop after the year, then the word for year:
      // "12. марта 2024. године".
      if (i == after_date && token.text == ".") after_date = i + 1;
      ++i;
      continue;
    }
    return std::nullopt;  // Something other than the date: not a date line.
  }
  return date;
}

// Words that may introduce the date on a date line, folded.
constexpr absl::string_view kDateLinePrefixes[] = {
    "for immediate release",
    "posted on",
    "issued on",
    "issued",
    "published on",
    "published",
    "dated",
    "date:",
    "date",
    "datum:",  // "Datum: 14.08.2014"
    "datum",
    "fecha:",
    "data:",
    "publie le",
    "diffuse le",
    "le",
    "veroffentlicht am",
    "den",  // "Berlin, den 5. Juli 2019"
    "am",
    "publicado el",
    "publicado em",  // Portuguese
    "el",
    "pubblicato il",
    "il",
    "gepubliceerd op",
};

// A date line read as printed (ParseDateLine before a place after the date).
std::optional<Date> ParseDateLineWithoutPlaceAfter(absl::string_view text);

// After the date, cells that file the text ("Topics: News, Press
// Releases", "Tags: …") may close the row.
bool IsFilingCell(absl::string_view cell) {
  const std::string folded = FoldAccents(absl::StripAsciiWhitespace(cell));
  for (absl::string_view key :
       {"topics:", "topic:", "tags:", "categories:", "category:", "themes:", "theme:", "subjects:",
        "section:", "themen:", "temas:", "tema:", "sujets:", "thematiques:"}) {
    if (absl::StartsWith(folded, key)) return true;
  }
  return false;
}

// "Secretaría de Relaciones Exteriores | 12 de marzo de 2019", "News | 3
// May 2021", "By U.S. Embassy Accra | 17 April, 2024 | Topics: News": a
// row of two or three cells, the last a date line (or the last before
// cells filing the text under topics) and the others short names without
// a digit (who issued the text, its section).
// A name after the date is read by BeforePlace, which takes only places.
std::optional<Date> DateCellAfterNames(absl::string_view text) {
  constexpr size_t kMaxCells = 3;
  constexpr size_t kMaxNameWords = 6;
  if (!absl::StrContains(text, " | ")) return std::nullopt;
  std::vector<absl::string_view> cells = absl::StrSplit(text, " | ");
  while (cells.size() > 2 && IsFilingCell(cells.back())) cells.pop_back();
  if (cells.size() > kMaxCells) return std::nullopt;
  for (size_t i = 0; i + 1 < cells.size(); ++i) {
    const absl::string_view name = absl::StripAsciiWhitespace(cells[i]);
    if (name.empty() || HasAsciiDigit(name)) return std::nullopt;
    const std::vector<absl::string_view> words = absl::StrSplit(name, ' ', absl::SkipEmpty());
    if (words.size() > kMaxNameWords) return std::nullopt;
    // A date of another kind: an update, a deadline ("Last updated | 3 May
    // 2021", "Deadline for applications | 30 June 2021"); whole words, so
    // that "News and updates" or "Closing remarks" still name the text.
    const std::string folded = absl::StrCat(" ", FoldAccents(name), " ");
    for (absl::string_view other :
         {"updated", "update", "last modified", "modified", "revised", "deadline", "closing date",
          "expires", "mise a jour", "modifie", "actualizado", "actualizacion", "aggiornato",
          "aggiornamento", "aktualisiert", "bijgewerkt", "date limite", "fecha limite",
          "scadenza"}) {
      if (absl::StrContains(folded, absl::StrCat(" ", other, " "))) return std::nullopt;
    }
  }
  return ParseDateLineWithoutPlaceAfter(absl::StripAsciiWhitespace(cells.back()));
}

}  // namespace

std::optional<Date> ParseDateLineWithTime(absl::string_view text) {
  if (text.size() > 100) return std::nullopt;
  if (HoldsEasternArabicDigits(text)) return ParseDateLineWithTime(ToWesternDigits(text).text);
  const std::vector<Token> tokens = Tokenize(text);
  for (size_t i = 1; i < tokens.size(); ++i) {
    const size_t past = PastTimeOfDay(tokens, i);
    if (past == i) continue;
    // Only words of time and filler after it.
    for (size_t k = past; k < tokens.size(); ++k) {
      if (!IsTimeWord(tokens[k]) &&
          !(tokens[k].kind == TokenKind::kPunct && IsDateLineFiller(tokens[k].text))) {
        return std::nullopt;
      }
    }
    // And before it, back over the words that lead to it ("à", "at").
    size_t date_end = i;
    while (date_end > 0 &&
           (IsTimeWord(tokens[date_end - 1]) || (tokens[date_end - 1].kind == TokenKind::kPunct &&
                                                 IsDateLineFiller(tokens[date_end - 1].text)))) {
      --date_end;
    }
    if (date_end == 0) return std::nullopt;
    return ParseDateLine(text.substr(0, tokens[date_end - 1].end));
  }
  return std::nullopt;
}

std::optional<Date> ParseDateLine(absl::string_view text) {
  // Most lines read here are not dates: they are not tokenized, folded or
  // matched against the prefixes below.
  if (text.size() > 80) return std::nullopt;
  if (!HasAsciiDigit(text)) {
    // "الثلاثاء ٥ مارس ٢٠٢٤": the digits of the Arabic and Persian scripts.
    if (HoldsEasternArabicDigits(text)) return ParseDateLine(ToWesternDigits(text).text);
    return std::nullopt;
  }
  if (std::optional<Date> date = ParseDateLineWithoutPlaceAfter(text)) return date;
  if (std::optional<absl::string_view> before = BeforePlace(text)) {
    return ParseDateLineWithoutPlaceAfter(*before);
  }
  return DateCellAfterNames(text);
}

namespace {

std::optional<Date> ParseDateLineWithoutPlaceAfter(absl::string_view text) {
  if (std::optional<Date> date = ParseBareDateLine(text)) return date;
  absl::string_view rest = absl::StripAsciiWhitespace(text);
  // Leading bullets and pipes: "  • Issued on 21 Nov. 2002".
  while (absl::ConsumePrefix(&rest, "\xE2\x80\xA2") || absl::ConsumePrefix(&rest, "|") ||
         absl::ConsumePrefix(&rest, "*")) {
    rest = absl::StripLeadingAsciiWhitespace(rest);
  }
  const size_t furniture_length = text.size() - rest.size();
  if (std::optional<absl::string_view> after_place = AfterPlace(rest)) {
    rest = absl::StripAsciiWhitespace(*after_place);
  }
  if (const absl::string_view after_label = AfterEastAsianDateLabel(rest);
      after_label.size() != rest.size()) {
    // "發布日期：113-08-14": Taiwan's numbers after the date's label.
    if (std::optional<Date> date = RepublicOfChinaNumericDate(after_label)) return date;
    rest = after_label;
  }
  const std::string folded = FoldAccents(rest);
  for (absl::string_view prefix : kDateLinePrefixes) {
    if (absl::StartsWith(folded, prefix) && folded.size() > prefix.size() &&
        (folded[prefix.size()] == ' ' || prefix.back() == ':')) {
      // Folding keeps the byte length of ASCII prefixes; accented ones ("publié
      // le") are one byte longer per accent in the original.
      size_t cut = prefix.size();
      for (size_t i = 0; i < cut && i < rest.size(); ++i) {
        if (static_cast<unsigned char>(rest[i]) >= 0xC0) ++cut;
      }
      return ParseBareDateLine(rest.substr(std::min(cut, rest.size())));
    }
  }
  if (rest.size() + furniture_length != text.size()) return ParseBareDateLine(rest);
  return std::nullopt;
}

}  // namespace

bool OpensWithItsDate(absl::string_view line) {
  const std::vector<FoundDate> dates = FindDates(line);
  if (dates.empty() || dates.front().begin > 24) return false;
  const absl::string_view before = line.substr(0, dates.front().begin);
  const absl::string_view after = absl::StripLeadingAsciiWhitespace(line.substr(dates.front().end));
  if (before.empty()) {
    absl::string_view hour = after;
    absl::ConsumePrefix(&hour, ",");
    hour = absl::StripLeadingAsciiWhitespace(hour);
    const size_t colon = hour.find(':');
    return colon >= 1 && colon <= 2 && colon + 2 < hour.size() &&
           absl::ascii_isdigit(static_cast<unsigned char>(hour[0])) &&
           absl::ascii_isdigit(static_cast<unsigned char>(hour[colon + 1])) &&
           absl::ascii_isdigit(static_cast<unsigned char>(hour[colon + 2]));
  }
  absl::string_view weekday = absl::StripTrailingAsciiWhitespace(before);
  absl::ConsumeSuffix(&weekday, ",");
  if (!IsWeekday(absl::StripAsciiWhitespace(weekday))) return false;
  // "Mercredi 6 mars 2024 : compte rendu du Conseil des ministres": a
  // headline opening with its date, parted from it by a colon or a dash.
  absl::string_view rest = after;
  for (absl::string_view mark : {":", "-", "\xE2\x80\x93", "\xE2\x80\x94"}) {
    if (absl::ConsumePrefix(&rest, mark)) {
      const std::vector<absl::string_view> words =
          absl::StrSplit(rest, ' ', absl::SkipWhitespace());
      return words.size() < 3;
    }
  }
  return true;
}

}  // namespace docsearch::ingest
