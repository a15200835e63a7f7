// Acronyms expanded at query time from the collection's own table
// (index/acronym_table.h): a query word that is a known acronym ("TMD") also
// matches what it stands for ("Theatre Missile Defense", as a phrase), and a
// run of query words that is a known long form ("NATO-Russia Council") also
// matches its acronym ("NRC"). The alternatives are OR'd with the words they
// stand for and weigh `boost` times what they score alone, so that a
// document using the query's own words ranks above one using the other
// form, all else equal.
//
// Only words the user typed without operators are expanded (match queries
// of a query string), only with pairs learnt from documents in the query's
// language, and an acronym only when typed as written in the documents
// ("TMD", "PfP": "tmd" or "un" are left alone, since lower-case acronyms
// collide with words such as the French article "un"). Quoted phrases,
// filters and exclusions are left as typed.
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_ACRONYM_EXPANSION_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_ACRONYM_EXPANSION_H_

#include <string>
#include <string_view>
#include <vector>

#include "common/text_analyzer.h"
#include "docsearch/v1/query.pb.h"
#include "query_service/index/acronym_table.h"

namespace docsearch::query {

struct AcronymExpansionOptions {
  // Weight of an alternative relative to the words it stands for; 0: no
  // expansion.
  float boost = 0.5f;
  // Most long forms one acronym expands to (those most documents use), and
  // most acronyms one long form does.
  size_t max_alternatives = 2;
};

// The alternatives of the words of `text` (a match query's text): phrases
// of long forms and acronyms, in the order their words occur.
std::vector<std::string> AcronymAlternatives(std::string_view text, const AcronymTable& table,
                                             std::string_view language, TextAnalyzer& analyzer,
                                             size_t max_alternatives);

// `query` with every match query outside filters and exclusions that has
// alternatives turned into "the match OR its alternatives" (when the match
// needs any one of its words; else the alternatives only add to the score
// of what the match finds).
docsearch::v1::Query ExpandAcronyms(const docsearch::v1::Query& query, const AcronymTable& table,
                                    std::string_view language, TextAnalyzer& analyzer,
                                    const AcronymExpansionOptions& options);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_ACRONYM_EXPANSION_H_
