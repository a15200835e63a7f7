// A gMock matcher for the date readers' tests: a docsearch.v1.Date of that
// day ("EXPECT_THAT(ParseDateLine(…), Optional(IsDate(2024, 3, 5)))").
#ifndef DOCSEARCH_TESTS_PARSER_DATE_MATCHERS_H_
#define DOCSEARCH_TESTS_PARSER_DATE_MATCHERS_H_

#include "gmock/gmock.h"

namespace docsearch::ingest {

MATCHER_P3(IsDate, year, month, day, "") {
  return arg.year() == year && arg.month() == month && arg.day() == day;
}

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_TESTS_PARSER_DATE_MATCHERS_H_
