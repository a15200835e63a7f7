// Which language a search's words are analysed in (SearchRequest.language):
// the one the request names, else the one a `language` filter of the query
// names, else the one the query's words show (common/query_language.h),
// else the collection's main language (the one most documents are in): a
// query that shows no language ("missile defense", "KFOR") is read as the
// collection is written, rather than in every stemmer at once, which let
// "defense" meet the French "défense" under its rare, high-idf French stem.
// "" only for an empty collection.
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_QUERY_LANGUAGE_OF_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_QUERY_LANGUAGE_OF_H_

#include <string>

#include "docsearch/v1/query.pb.h"
#include "query_service/index/index_data.h"

namespace docsearch::query {

// `query` is the request's query, or its query_string parsed.
std::string QueryLanguageOf(const std::string& requested_language,
                            const docsearch::v1::Query& query, const std::string& main_language);

// The collection's main language: the `language` value most documents have
// (ties: the smallest), "" when none has one. Counted over every slot the
// value was indexed for, a handful of values, so it costs nothing.
std::string MainLanguageOf(const IndexData& index);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_QUERY_LANGUAGE_OF_H_
