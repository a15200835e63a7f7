// Dates a page's address holds, for a text that prints none.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_SOURCE_URI_DATES_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_SOURCE_URI_DATES_H_

#include <optional>

#include "absl/strings/string_view.h"
#include "docsearch/v1/document.pb.h"

namespace docsearch::ingest {

// A date encoded in a file name or URL: ".../p011218e.htm" (pYYMMDD),
// ".../2001-12-18-...", ".../19970710-...", "update/1999/0217e" is not read
// (no year next to it).
std::optional<docsearch::v1::Date> DateFromSourceUri(absl::string_view uri);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_SOURCE_URI_DATES_H_
