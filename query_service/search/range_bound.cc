#include "query_service/search/range_bound.h"

#include <limits>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"

namespace docsearch::query {
namespace {

int DaysOf(absl::CivilDay day) { return static_cast<int>(day - absl::CivilDay(1970, 1, 1)); }

}  // namespace

absl::StatusOr<DayInterval> ParseIsoDatePeriod(absl::string_view text) {
  std::vector<absl::string_view> parts = absl::StrSplit(text, '-');
  int year = 0, month = 0, day = 0;
  auto bad = [&] {
    return absl::InvalidArgumentError(
        absl::StrCat("'", text, "' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)"));
  };
  if (parts.empty() || parts.size() > 3 || parts[0].size() != 4 ||
      !absl::SimpleAtoi(parts[0], &year)) {
    return bad();
  }
  if (parts.size() >= 2 &&
      (parts[1].size() != 2 || !absl::SimpleAtoi(parts[1], &month) || month < 1 || month > 12)) {
    return bad();
  }
  if (parts.size() == 3) {
    if (parts[2].size() != 2 || !absl::SimpleAtoi(parts[2], &day) || day < 1) return bad();
    absl::CivilDay civil(year, month, day);
    if (civil.day() != day) return bad();  // e.g. 2001-02-30
    return DayInterval{DaysOf(civil), DaysOf(civil)};
  }
  if (parts.size() == 2) {
    absl::CivilMonth first(year, month);
    return DayInterval{DaysOf(absl::CivilDay(first)), DaysOf(absl::CivilDay(first + 1) - 1)};
  }
  absl::CivilYear first(year);
  return DayInterval{DaysOf(absl::CivilDay(first)), DaysOf(absl::CivilDay(first + 1) - 1)};
}

absl::StatusOr<DayInterval> DateRange(const std::string& gte, const std::string& gt,
                                      const std::string& lte, const std::string& lt,
                                      const std::string& path) {
  DayInterval range{std::numeric_limits<int>::min() + 1, std::numeric_limits<int>::max() - 1};
  struct Bound {
    const std::string& text;
    const char* name;
  };
  for (const Bound& bound :
       {Bound{gte, "gte"}, Bound{gt, "gt"}, Bound{lte, "lte"}, Bound{lt, "lt"}}) {
    if (bound.text.empty()) continue;
    absl::StatusOr<DayInterval> period = ParseIsoDatePeriod(bound.text);
    if (!period.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ".", bound.name, ": ", period.status().message()));
    }
    const std::string_view name = bound.name;
    if (name == "gte") range.first = std::max(range.first, period->first);
    if (name == "gt") range.first = std::max(range.first, period->last + 1);
    if (name == "lte") range.last = std::min(range.last, period->last);
    if (name == "lt") range.last = std::min(range.last, period->first - 1);
  }
  return range;
}

absl::StatusOr<NumberRange> NumberRangeOf(const std::string& gte, const std::string& gt,
                                          const std::string& lte, const std::string& lt,
                                          const std::string& path) {
  NumberRange range{-std::numeric_limits<double>::infinity(), true,
                    std::numeric_limits<double>::infinity(), true};
  auto parse = [&](const std::string& text, const char* name, double* out) -> absl::Status {
    if (!absl::SimpleAtod(text, out)) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ".", name, ": '", text, "' is not a number"));
    }
    return absl::OkStatus();
  };
  double value = 0;
  if (!gte.empty()) {
    if (auto s = parse(gte, "gte", &value); !s.ok()) return s;
    range.low = value;
  }
  if (!gt.empty()) {
    if (auto s = parse(gt, "gt", &value); !s.ok()) return s;
    if (value >= range.low) range = {value, false, range.high, range.high_inclusive};
  }
  if (!lte.empty()) {
    if (auto s = parse(lte, "lte", &value); !s.ok()) return s;
    range.high = value;
  }
  if (!lt.empty()) {
    if (auto s = parse(lt, "lt", &value); !s.ok()) return s;
    if (value <= range.high) {
      range.high = value;
      range.high_inclusive = false;
    }
  }
  return range;
}

}  // namespace docsearch::query
