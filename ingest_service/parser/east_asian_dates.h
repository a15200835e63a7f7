// Dates printed with the year, month and day characters of Chinese,
// Japanese and Korean: "2024年3月5日", "2024년 3월 5일", the Japanese eras
// ("令和6年3月5日", "平成元年4月1日") and the Republic of China's ("中華民國
// 113年3月5日"), with a weekday after the day ("（火）", "(화)", "星期二").
//
// These sites print no month names and no spaces, so the general reader
// (date_parser.h) finds nothing to read in them; it asks this one at each
// token. The tokens are date_parser's: digits apart from letters, and every
// CJK character a letter ("年", "月", "日（火）").
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_EAST_ASIAN_DATES_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_EAST_ASIAN_DATES_H_

#include <cstddef>
#include <optional>
#include <vector>

#include "absl/strings/string_view.h"
#include "ingest_service/parser/date_parser.h"
#include "ingest_service/parser/word_tokenizer.h"

namespace docsearch::ingest {

// The date that starts at tokens[i], its byte range in the tokenized text;
// sets *next past it (and past a weekday printed after it).
std::optional<FoundDate> MatchEastAsianDate(const std::vector<WordToken>& tokens, size_t i,
                                            size_t* next);

// Whether text[at] starts a year character ("年", "년"): the digits before
// it are a year whatever their count ("令和6年").
bool StartsWithYearMark(absl::string_view text, size_t at);

// Whether `token` can close such a date: its day character, alone or with
// the weekday glued to it ("日", "일", "日（火）").
bool IsDayMarkToken(const WordToken& token);

// Whether `text` is a year, or a year and a month, alone: "2024年",
// "2024年10月", "令和6年10月", "2024년 10월" (an archive's page for it, as
// a path's last step).
bool IsEastAsianYearOrMonth(absl::string_view text);

// The line after a label that names the date on a date line ("発表日：",
// "发布时间:", "등록일 "), or the line itself when it has none.
absl::string_view AfterEastAsianDateLabel(absl::string_view line);

// "113-08-14", "113/8/14": a date of the Republic of China's calendar in
// numbers (its year 113 is 2024), as Taiwan's sites print it after a
// date label; a year of two or three digits only (a four-digit year is the
// Gregorian one), a real day.
std::optional<docsearch::v1::Date> RepublicOfChinaNumericDate(absl::string_view text);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_EAST_ASIAN_DATES_H_
