// The language of a query whose words show none (no accent, no function
// word: "defense collective", "conseil conjoint permanent"), from the
// collection: the language whose documents hold the query's adjacent words
// side by side, in that order, most often for their number.
//
// Word order is what such a query still tells: a French reader types
// "defense collective" because French texts say "défense collective", an
// English one types "collective defence" or "missile defense", and English
// texts hold "missile defence" where French ones say "défense
// antimissile". The words alone are spelled alike in both languages.
//
// For each of the collection's few most common languages L with an
// analysis, each pair of adjacent plain words is searched as a phrase
// analysed in L over L's documents; the pairs' document counts are summed
// and divided by L's document count. The query is taken to be in the
// language with the highest rate when that rate beats the main language's
// (the main language is kept on a tie and when no document holds any pair
// in order). One word, or none side by side, gives no order: the main
// language (query_language_of.h).
//
// Cost: at most kMaxWordOrderLanguages × kMaxWordOrderPairs phrase
// evaluations, each over the postings of two words: per language what the
// query's own proximity phrases cost.
// Run only when neither the request, a language filter nor the words name
// the language, and the collection has two languages or more; nothing is
// cached between searches.
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_QUERY_LANGUAGE_BY_WORD_ORDER_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_QUERY_LANGUAGE_BY_WORD_ORDER_H_

#include <string>

#include "absl/strings/string_view.h"
#include "common/text_analyzer.h"
#include "query_service/index/index_data.h"
#include "query_service/search/bm25.h"
#include "query_service/search/query_binder.h"

namespace docsearch::query {

inline constexpr int kMaxWordOrderLanguages = 4;
inline constexpr int kMaxWordOrderPairs = 8;

// The language of `query_string`, whose words showed none: `main_language`
// when the collection shows no better one. Only plain words typed side by
// side count ("NATO-Russia Council"; not quoted phrases, fields, operators).
std::string QueryLanguageByWordOrder(absl::string_view query_string, const IndexData& index,
                                     TextAnalyzer& analyzer, const QueryLimits& limits,
                                     const ScoringOptions& scoring,
                                     const std::string& main_language);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_QUERY_LANGUAGE_BY_WORD_ORDER_H_
