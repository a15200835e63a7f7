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
// Clauses side by side are joined with the default operator, OR unless the
// request asks for AND (as in Lucene and Elasticsearch): the words rank the
// documents, and a document needs only minimum_should_match of them (1 by
// default). "+a" and "a AND b" make a clause required; "-a" and NOT exclude.
// With required clauses beside optional ones, the optional ones only add to
// the score. NOT binds tighter than AND, AND tighter than OR. Keyword and
// date clauses become non-scoring filters, always required. A word with a
// hyphen inside ("co-operation", "NATO-Ukraine") is one clause that needs the
// whole compound, never one part alone. A backslash escapes the next
// character.
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

// How clauses side by side combine (SearchRequest.default_operator and
// minimum_should_match).
struct QueryStringOptions {
  // True: side-by-side clauses are all required (the pre-OR behaviour).
  bool default_and = false;
  // Of the optional clauses of the top-level group, how many a document
  // needs; 0 means 1 when the group has no required clause, else none.
  // Larger than the number of optional clauses means all of them.
  int minimum_should_match = 0;
  // When > 0, each pair of adjacent bare words or hyphenated compounds of
  // the top-level group ("north atlantic cooperation council": "north
  // atlantic", "atlantic cooperation", ...; "NATO-Russia Council") is added
  // as an optional phrase with this boost, so documents holding the words
  // side by side rank first (the ordered-window part of a sequential
  // dependence model, Metzler & Croft 2005). The matches stay those of the
  // words.
  float proximity_boost = 0;
  // When set, tells the function words of the query's language
  // (function_words.h): no adjacent-word phrase is made with one, unless
  // every word is one. "accords de Rambouillet" gets no "accords de".
  std::function<bool(absl::string_view word)> is_function_word;
};

absl::StatusOr<docsearch::v1::Query> ParseQueryString(absl::string_view text,
                                                      const FieldKindResolver& kind_of,
                                                      const QueryStringLimits& limits = {},
                                                      const QueryStringOptions& options = {});

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_QUERY_STRING_PARSER_H_
