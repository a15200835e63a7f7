// Parsing the bounds of a RangeQuery.
//
// Date bounds are ISO calendar dates at day, month or year precision. A
// coarse bound covers its whole period the way a person means it:
// lte "2001" includes 31 Dec 2001, gte "2001-03" starts on 1 Mar 2001,
// gt "2001" starts on 1 Jan 2002, lt "2001" ends on 31 Dec 2000.
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_RANGE_BOUND_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_RANGE_BOUND_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace docsearch::query {

// An inclusive interval of days since 1970-01-01.
struct DayInterval {
  int first;
  int last;
};

// The days `text` ("YYYY", "YYYY-MM" or "YYYY-MM-DD") covers, or
// INVALID_ARGUMENT.
absl::StatusOr<DayInterval> ParseIsoDatePeriod(absl::string_view text);

// Inclusive day bounds of a range with the given bound strings (empty means
// open). INVALID_ARGUMENT naming `path`.<bound> on a bad value.
absl::StatusOr<DayInterval> DateRange(const std::string& gte, const std::string& gt,
                                      const std::string& lte, const std::string& lt,
                                      const std::string& path);

// A numeric range; `*_inclusive` tell whether each end is closed.
struct NumberRange {
  double low;
  bool low_inclusive;
  double high;
  bool high_inclusive;
};

absl::StatusOr<NumberRange> NumberRangeOf(const std::string& gte, const std::string& gt,
                                          const std::string& lte, const std::string& lt,
                                          const std::string& path);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_RANGE_BOUND_H_
