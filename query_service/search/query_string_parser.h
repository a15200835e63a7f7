// A Lucene-like query string, for people at a terminal, parsed into the
// typed Query tree that Search evaluates.
//
//   title:russia AND "missile defence" published:[2001-01-01 TO 2003-12-31] -doc_type:speech
//
// Syntax:
//   word            match on title and body          defen*   prefix
//   "a phrase"      phrase on title and body         "a b"~2  phrase with slop 2
//   field:value     by the field's kind: text → match (or phrase when quoted),
//                   keyword → term, date → the whole day/month/year given
//   field:[a TO b]  inclusive range; {a TO b} exclusive; * leaves an end open
//   a AND b, a OR b, NOT a, -a (must not), +a (must), ( ... )
// Clauses side by side are joined with AND: a query string narrows as it
// grows, which is what people typing filters expect (Lucene joins them with
// OR). NOT binds tighter than AND, AND tighter than OR. Keyword and date
// clauses become non-scoring filters. A backslash escapes the next character.
//
// Errors are INVALID_ARGUMENT with the 1-based character position, e.g.
// "query_string: position 14: unknown field 'colour' (known: ...)".
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_QUERY_STRING_PARSER_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_QUERY_STRING_PARSER_H_

#include <functional>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "docsearch/v1/query.pb.h"
#include "query_service/index/field_schema.h"

namespace docsearch::query {

// Tells the kind of a field, or INVALID_ARGUMENT when the field is unknown.
using FieldKindResolver = std::function<absl::StatusOr<FieldKind>(absl::string_view field)>;

struct QueryStringLimits {
  size_t max_length = 4096;
  int max_depth = 16;
};

absl::StatusOr<docsearch::v1::Query> ParseQueryString(absl::string_view text,
                                                      const FieldKindResolver& kind_of,
                                                      const QueryStringLimits& limits = {});

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_QUERY_STRING_PARSER_H_
