// A row of cells printing a text's date next to its headline: the date
// alone ("30.3.2009"), or with a time and a short label parted by bars
// ("News item | 27-06-2018 | 19:10") or one publishing word ("2017-01-05 às
// 16h32", "Published 28 June 2016"). Read after the line-role model has
// chosen the title (title_date_line.h), where a subtitle or a sentence
// holding a date must not pass for one.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_DATE_ROWS_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_DATE_ROWS_H_

#include <optional>

#include "absl/strings/string_view.h"
#include "docsearch/v1/document.pb.h"

namespace docsearch::ingest {

// The date of `line` when it is a date line (ParseDateLine), or a row of
// cells holding one date, a time and at most a short label parted by bars
// ("News item | 27-06-2018 | 19:10") or one word ("2017-01-05 às 16h32");
// nullopt for a sentence or a subtitle holding a date.
std::optional<docsearch::v1::Date> DateOfDateRow(absl::string_view line);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_DATE_ROWS_H_
