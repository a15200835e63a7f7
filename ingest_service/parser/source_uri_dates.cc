#include "ingest_service/parser/source_uri_dates.h"

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "ingest_service/parser/date_names.h"
#include "ingest_service/parser/date_parser.h"

namespace docsearch::ingest {
namespace {

using docsearch::v1::Date;

// "/2021/05/21/": the first run of folders "YYYY/MM/DD" in a path.
std::optional<Date> DateFromPathFolders(absl::string_view path) {
  const std::vector<absl::string_view> folders = absl::StrSplit(path, '/');
  auto number = [](absl::string_view folder, size_t digits) {
    int value = -1;
    if (folder.size() != digits) return -1;
    for (char c : folder) {
      if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return -1;
    }
    return absl::SimpleAtoi(folder, &value) ? value : -1;
  };
  for (size_t i = 0; i + 2 < folders.size(); ++i) {
    const int year = number(folders[i], 4);
    if (year < 1900) continue;
    const int month = number(folders[i + 1], 2);
    const int day = number(folders[i + 2], 2);
    if (!IsValidDate(year, month, day)) continue;
    Date date;
    date.set_year(year);
    date.set_month(month);
    date.set_day(day);
    return date;
  }
  return std::nullopt;
}

}  // namespace

std::optional<Date> DateFromSourceUri(absl::string_view uri) {
  // Only the last path segment: folders such as "/2001/" are not dates.
  const size_t slash = uri.find_last_of("/\\");
  absl::string_view name = slash == absl::string_view::npos ? uri : uri.substr(slash + 1);
  if (std::vector<FoundDate> dates = FindDates(name); !dates.empty()) return dates.front().date;
  // ".../2021/05/21/statement-...": a year, a month and a day as three
  // folders in a row, how news sites file their pages by date.
  if (std::optional<Date> date = DateFromPathFolders(uri.substr(0, uri.size() - name.size()))) {
    return date;
  }
  // Digit runs: "19970710" (YYYYMMDD) or "p011218e" (YYMMDD after a letter).
  size_t i = 0;
  while (i < name.size()) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(name[i]))) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < name.size() && absl::ascii_isdigit(static_cast<unsigned char>(name[j]))) ++j;
    const absl::string_view digits = name.substr(i, j - i);
    int year = 0, month = 0, day = 0;
    if (digits.size() == 8 && absl::SimpleAtoi(digits.substr(0, 4), &year) &&
        absl::SimpleAtoi(digits.substr(4, 2), &month) &&
        absl::SimpleAtoi(digits.substr(6, 2), &day) && year >= 1900 &&
        IsValidDate(year, month, day)) {
    } else if (digits.size() == 6 && absl::SimpleAtoi(digits.substr(0, 2), &year) &&
               absl::SimpleAtoi(digits.substr(2, 2), &month) &&
               absl::SimpleAtoi(digits.substr(4, 2), &day)) {
      year += year >= 50 ? 1900 : 2000;
      if (!IsValidDate(year, month, day)) year = 0;
    } else {
      year = 0;
    }
    if (year != 0) {
      Date date;
      date.set_year(year);
      date.set_month(month);
      date.set_day(day);
      return date;
    }
    i = j;
  }
  return std::nullopt;
}

}  // namespace docsearch::ingest
