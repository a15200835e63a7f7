// Cross-language matching at query time: a query_string's words also match,
// at a low weight, their equivalents in the other language of the table
// (cross_language_equivalents.h), each analysed in its own language. A
// French query for "élargissement de l'OTAN" then also finds the English
// texts on NATO enlargement, below the French ones, where before it found
// them only through words spelled alike.
//
// Only the words a user typed without operators are expanded (match
// queries outside filters and exclusions); quoted phrases and typed
// `match` queries keep their exact meaning.
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_CROSS_LANGUAGE_EXPANSION_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_CROSS_LANGUAGE_EXPANSION_H_

#include <string_view>

#include "common/text_analyzer.h"
#include "docsearch/v1/query.pb.h"

namespace docsearch::query {

// `query` with every match query outside filters and exclusions whose words
// have equivalents turned into "the match OR its equivalents", each
// equivalent a one-word PhraseQuery in its own language weighing `boost`
// (when the match needs any one of its words; else the equivalents only add
// to the score of what the match finds). `boost` <= 0: `query` unchanged.
docsearch::v1::Query ExpandCrossLanguage(const docsearch::v1::Query& query,
                                         std::string_view language, TextAnalyzer& analyzer,
                                         float boost);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_CROSS_LANGUAGE_EXPANSION_H_
