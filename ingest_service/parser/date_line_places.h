// The place printed with a date on a date line, before it ("Madrid, 9 July
// 1997", "Bruxelles, le 7 décembre 2001") or after it ("March 28, 2011 -
// Brussels, Belgium"), told apart from a
// meeting's or a text's name ("European Council, 22 March 2024", "7
// December 2001 - Joint Statement") and from a source in capitals ("-
// NATO"). Read by date_parser.cc.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_DATE_LINE_PLACES_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_DATE_LINE_PLACES_H_

#include <optional>

#include "absl/strings/string_view.h"

namespace docsearch::ingest {

// The text after a place of at most three capitalized words and a comma
// that opens `text`; nullopt when `text` opens with no such place.
std::optional<absl::string_view> AfterPlace(absl::string_view text);

// The text before a dash or a bar when what follows it is a place: at most
// three capitalized words naming neither a meeting nor a text, a town and
// its country, or, in a row of cells, a town; nullopt otherwise.
std::optional<absl::string_view> BeforePlace(absl::string_view text);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_DATE_LINE_PLACES_H_
