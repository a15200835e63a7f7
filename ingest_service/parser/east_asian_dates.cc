#include "ingest_service/parser/east_asian_dates.h"

#include <optional>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl/types/span.h"
#include "ingest_service/parser/date_names.h"

namespace docsearch::ingest {
namespace {

using TokenKind = WordToken::Kind;

// The characters that follow each part ("年" in Chinese and Japanese, "년"
// in Korean; likewise the month and the day).
constexpr absl::string_view kYearMarks[] = {"\xE5\xB9\xB4", "\xEB\x85\x84"};   // 年 년
constexpr absl::string_view kMonthMarks[] = {"\xE6\x9C\x88", "\xEC\x9B\x94"};  // 月 월
constexpr absl::string_view kDayMarks[] = {"\xE6\x97\xA5", "\xEC\x9D\xBC"};    // 日 일

// Eras counted from the year before their first: year N of 令和 is 2018 + N.
struct Era {
  absl::string_view name;
  int year_before_first;
};
constexpr Era kEras[] = {
    {"\xE4\xBB\xA4\xE5\x92\x8C", 2018},  // 令和 (Japan, from 2019)
    {"\xE5\xB9\xB3\xE6\x88\x90", 1988},  // 平成 (Japan, 1989-2019)
    {"\xE6\x98\xAD\xE5\x92\x8C", 1925},  // 昭和 (Japan, 1926-1989)
    {"\xE6\xB0\x91\xE5\x9C\x8B", 1911},  // 民國 (Republic of China)
    {"\xE6\xB0\x91\xE5\x9B\xBD", 1911},  // 民国
};
constexpr absl::string_view kFirstYear = "\xE5\x85\x83\xE5\xB9\xB4";  // 元年

bool IsOneOf(absl::string_view text, absl::Span<const absl::string_view> marks) {
  for (absl::string_view mark : marks) {
    if (text == mark) return true;
  }
  return false;
}

int NumberOf(const WordToken& token, size_t max_digits) {
  int value = 0;
  if (token.kind != TokenKind::kNumber || token.text.size() > max_digits ||
      !absl::SimpleAtoi(token.text, &value)) {
    return -1;
  }
  return value;
}

bool IsWordAt(const std::vector<WordToken>& tokens, size_t i,
              absl::Span<const absl::string_view> marks) {
  return i < tokens.size() && tokens[i].kind == TokenKind::kWord && IsOneOf(tokens[i].text, marks);
}

// A weekday as these sites print it after the day: one character in
// brackets ("（火）", "(화)", "(木曜日)"), or a word ("星期二", "周五",
// "火曜日", "화요일").
bool IsEastAsianWeekday(absl::string_view word) {
  absl::string_view inner = word;
  if ((absl::ConsumePrefix(&inner, "(") && absl::ConsumeSuffix(&inner, ")")) ||
      (absl::ConsumePrefix(&inner, "\xEF\xBC\x88") &&
       absl::ConsumeSuffix(&inner, "\xEF\xBC\x89"))) {
    word = inner;
    absl::ConsumeSuffix(&word, "\xE6\x9B\x9C\xE6\x97\xA5");  // 曜日
    absl::ConsumeSuffix(&word, "\xEC\x9A\x94\xEC\x9D\xBC");  // 요일
    // 日月火水木金土 and 일월화수목금토: one character of three bytes.
    constexpr absl::string_view kDays[] = {
        "\xE6\x97\xA5", "\xE6\x9C\x88", "\xE7\x81\xAB", "\xE6\xB0\xB4", "\xE6\x9C\xA8",
        "\xE9\x87\x91", "\xE5\x9C\x9F", "\xEC\x9D\xBC", "\xEC\x9B\x94", "\xED\x99\x94",
        "\xEC\x88\x98", "\xEB\xAA\xA9", "\xEA\xB8\x88", "\xED\x86\xA0"};
    return IsOneOf(word, kDays);
  }
  for (absl::string_view lead : {"\xE6\x98\x9F\xE6\x9C\x9F", "\xE5\x91\xA8", "\xE9\x80\xB1"}) {
    absl::string_view rest = word;  // 星期, 周, 週 and one of 一二三四五六日天
    if (absl::ConsumePrefix(&rest, lead)) {
      constexpr absl::string_view kNumbers[] = {"\xE4\xB8\x80", "\xE4\xBA\x8C", "\xE4\xB8\x89",
                                                "\xE5\x9B\x9B", "\xE4\xBA\x94", "\xE5\x85\xAD",
                                                "\xE6\x97\xA5", "\xE5\xA4\xA9"};
      return IsOneOf(rest, kNumbers);
    }
  }
  // "火曜日", "화요일": one character and the word for day of the week.
  return word.size() == 9 && (absl::EndsWith(word, "\xE6\x9B\x9C\xE6\x97\xA5") ||
                              absl::EndsWith(word, "\xEC\x9A\x94\xEC\x9D\xBC"));
}

// The day mark at tokens[i] and a weekday after it; the index past them,
// or 0 when tokens[i] is no day mark. `*end` is set to the byte after the
// last character read; a day mark followed in its token by anything but a
// weekday ("日に発表") ends the date at the mark.
size_t PastDayMark(const std::vector<WordToken>& tokens, size_t i, size_t* end) {
  if (!IsDayMarkToken(tokens[i])) return 0;
  const absl::string_view rest = absl::string_view(tokens[i].text).substr(3);
  if (!rest.empty()) {
    *end = IsEastAsianWeekday(rest) ? tokens[i].end : tokens[i].begin + 3;
    return i + 1;
  }
  *end = tokens[i].end;
  size_t next = i + 1;
  // "(화)" with ASCII brackets is three tokens; "星期二" one.
  if (next + 2 < tokens.size() && tokens[next].text == "(" && tokens[next + 2].text == ")" &&
      IsEastAsianWeekday(absl::StrCat("(", tokens[next + 1].text, ")"))) {
    *end = tokens[next + 2].end;
    return next + 3;
  }
  if (next < tokens.size() && tokens[next].kind == TokenKind::kWord &&
      IsEastAsianWeekday(tokens[next].text)) {
    *end = tokens[next].end;
    return next + 1;
  }
  return next;
}

// The year that tokens[i] opens, and the index of its first token past the
// year mark; nullopt when it opens none.
std::optional<int> YearAt(const std::vector<WordToken>& tokens, size_t i, size_t* past,
                          size_t* begin) {
  const WordToken& token = tokens[i];
  if (token.kind == TokenKind::kNumber) {
    const int year = NumberOf(token, 4);
    if (token.text.size() != 4 || year < 1900 || year > 2100 ||
        !IsWordAt(tokens, i + 1, kYearMarks)) {
      return std::nullopt;
    }
    *past = i + 2;
    *begin = token.begin;
    return year;
  }
  if (token.kind != TokenKind::kWord) return std::nullopt;
  // The era's name may close a longer run of letters ("発表日：令和"). Every
  // era's name is two ideographs: a word ending otherwise (nearly every
  // word a date reader meets) names none.
  const absl::string_view text = token.text;
  if (text.size() < 6 || static_cast<unsigned char>(text[text.size() - 3]) < 0xE3) {
    return std::nullopt;
  }
  const bool first_year = absl::EndsWith(text, kFirstYear);
  for (const Era& era : kEras) {
    if (first_year && absl::EndsWith(text.substr(0, text.size() - kFirstYear.size()), era.name)) {
      *past = i + 1;
      *begin = token.end - era.name.size() - kFirstYear.size();
      return era.year_before_first + 1;
    }
    if (absl::EndsWith(text, era.name)) {
      const int year_of_era = i + 1 < tokens.size() ? NumberOf(tokens[i + 1], 3) : -1;
      if (year_of_era < 1 || !IsWordAt(tokens, i + 2, kYearMarks)) return std::nullopt;
      *past = i + 3;
      *begin = token.end - era.name.size();
      return era.year_before_first + year_of_era;
    }
  }
  return std::nullopt;
}

}  // namespace

bool StartsWithYearMark(absl::string_view text, size_t at) {
  if (at >= text.size()) return false;
  const absl::string_view rest = text.substr(at);
  for (absl::string_view mark : kYearMarks) {
    if (absl::StartsWith(rest, mark)) return true;
  }
  return false;
}

bool IsDayMarkToken(const WordToken& token) {
  if (token.kind != TokenKind::kWord) return false;
  for (absl::string_view mark : kDayMarks) {
    if (absl::StartsWith(token.text, mark)) return true;
  }
  return false;
}

std::optional<FoundDate> MatchEastAsianDate(const std::vector<WordToken>& tokens, size_t i,
                                            size_t* next) {
  size_t month_at = 0;
  size_t begin = 0;
  const std::optional<int> year = YearAt(tokens, i, &month_at, &begin);
  if (!year.has_value() || month_at + 3 >= tokens.size()) return std::nullopt;
  const int month = NumberOf(tokens[month_at], 2);
  if (month < 1 || !IsWordAt(tokens, month_at + 1, kMonthMarks)) return std::nullopt;
  const int day = NumberOf(tokens[month_at + 2], 2);
  if (day < 1) return std::nullopt;
  size_t end = 0;
  const size_t past = PastDayMark(tokens, month_at + 3, &end);
  if (past == 0 || !IsValidDate(*year, month, day)) return std::nullopt;
  FoundDate found;
  found.date.set_year(*year);
  found.date.set_month(month);
  found.date.set_day(day);
  found.begin = begin;
  found.end = end;
  *next = past;
  return found;
}

bool IsEastAsianYearOrMonth(absl::string_view text) {
  // Its year mark is a character of three bytes led by 0xE5 or 0xEB: a
  // text without such a byte (every path step in Latin script) is no such
  // year, and is not tokenized.
  if (text.find_first_of("\xE5\xEB") == absl::string_view::npos) return false;
  const std::vector<WordToken> tokens = TokenizeWords(text, kDateTokens);
  if (tokens.empty()) return false;
  size_t past = 0;
  size_t begin = 0;
  if (!YearAt(tokens, 0, &past, &begin).has_value()) return false;
  if (past == tokens.size()) return true;
  const int month = NumberOf(tokens[past], 2);
  return month >= 1 && month <= 12 && past + 2 == tokens.size() &&
         IsWordAt(tokens, past + 1, kMonthMarks);
}

std::optional<docsearch::v1::Date> RepublicOfChinaNumericDate(absl::string_view text) {
  constexpr int kYearBeforeFirst = 1911;
  const std::vector<WordToken> tokens =
      TokenizeWords(absl::StripAsciiWhitespace(text), kDateTokens);
  if (tokens.size() != 5) return std::nullopt;
  const absl::string_view separator = tokens[1].text;
  if ((separator != "-" && separator != "/" && separator != ".") || tokens[3].text != separator) {
    return std::nullopt;
  }
  const int year = tokens[0].text.size() >= 2 ? NumberOf(tokens[0], 3) : -1;
  const int month = NumberOf(tokens[2], 2);
  const int day = NumberOf(tokens[4], 2);
  if (year < 1 || !IsValidDate(kYearBeforeFirst + year, month, day)) return std::nullopt;
  docsearch::v1::Date date;
  date.set_year(kYearBeforeFirst + year);
  date.set_month(month);
  date.set_day(day);
  return date;
}

absl::string_view AfterEastAsianDateLabel(absl::string_view line) {
  // 発表日 公表日 公開日 掲載日 日付 发布时间 发布日期 發布時間 發布日期 日期
  // 등록일 작성일 게시일 발표일 날짜
  constexpr absl::string_view kLabels[] = {
      "\xE7\x99\xBA\xE8\xA1\xA8\xE6\x97\xA5",
      "\xE5\x85\xAC\xE8\xA1\xA8\xE6\x97\xA5",
      "\xE5\x85\xAC\xE9\x96\x8B\xE6\x97\xA5",
      "\xE6\x8E\xB2\xE8\xBC\x89\xE6\x97\xA5",
      "\xE6\x97\xA5\xE4\xBB\x98",
      "\xE5\x8F\x91\xE5\xB8\x83\xE6\x97\xB6\xE9\x97\xB4",
      "\xE5\x8F\x91\xE5\xB8\x83\xE6\x97\xA5\xE6\x9C\x9F",
      "\xE7\x99\xBC\xE5\xB8\x83\xE6\x99\x82\xE9\x96\x93",
      "\xE7\x99\xBC\xE5\xB8\x83\xE6\x97\xA5\xE6\x9C\x9F",
      "\xE6\x97\xA5\xE6\x9C\x9F",
      "\xEB\x93\xB1\xEB\xA1\x9D\xEC\x9D\xBC",
      "\xEC\x9E\x91\xEC\x84\xB1\xEC\x9D\xBC",
      "\xEA\xB2\x8C\xEC\x8B\x9C\xEC\x9D\xBC",
      "\xEB\xB0\x9C\xED\x91\x9C\xEC\x9D\xBC",
      "\xEB\x82\xA0\xEC\xA7\x9C",
  };
  absl::string_view rest = absl::StripLeadingAsciiWhitespace(line);
  for (absl::string_view label : kLabels) {
    if (!absl::ConsumePrefix(&rest, label)) continue;
    rest = absl::StripLeadingAsciiWhitespace(rest);
    if (!absl::ConsumePrefix(&rest, ":")) absl::ConsumePrefix(&rest, "\xEF\xBC\x9A");  // ：
    return absl::StripLeadingAsciiWhitespace(rest);
  }
  return line;
}

}  // namespace docsearch::ingest
