// How the clauses of one group of a query string, side by side, combine
// into one Query: the default operator, minimum_should_match, the merging of
// bare words into one match query, and the proximity phrases
// (QueryStringOptions). The parser (query_string_parser.h) reads the
// clauses; this decides what they mean together.
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_QUERY_STRING_CLAUSES_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_QUERY_STRING_CLAUSES_H_

#include <string>
#include <vector>

#include "docsearch/v1/query.pb.h"
#include "query_service/search/query_string_parser.h"

namespace docsearch::query {

// One clause of a group of clauses side by side, as the parser read it.
struct QueryStringClause {
  docsearch::v1::Query query;
  bool negated = false;
  bool scoring = true;    // Keyword and date clauses filter without scoring.
  bool required = false;  // "+a", or joined to a neighbour with AND.
  // A bare word (no field, prefix or quotes) that may be merged with its
  // neighbours into one match query, which the top-k scorers answer.
  bool bare_word = false;
  // A hyphenated compound ("NATO-Russia") as typed: matched whole or in its
  // closed form, never merged with its neighbours, but a word of the typed
  // sequence for the proximity phrases ("NATO-Russia Council").
  std::string compound;
};

// The bool query of one group (`top_level`: the whole query string, where
// minimum_should_match and the proximity phrases apply). Optional bare
// words side by side become one match query (OR with minimum_should_match,
// or AND), so a plain list of words is answered by the top-k scorers; the
// score is the same sum. A group of one required clause is that clause.
docsearch::v1::Query CombineClauses(std::vector<QueryStringClause> clauses, bool top_level,
                                    const QueryStringOptions& options);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_QUERY_STRING_CLAUSES_H_
