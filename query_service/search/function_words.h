// Function words of a query's language ("the", "of"; "de", "du", "la"),
// with which query_string makes no adjacent-word phrase
// (query_string_clauses.h): a phrase made with one ("du secretaire",
// "accords de") ranks a title or a passing sentence that repeats the
// query's grammar above the text about its topic. The words themselves
// still score (dropping them as Lucene's analyzers do lost on the judged
// needs: docs/RELEVANCE.md, ninth round).
//
// The lists are Lucene's: EnglishAnalyzer's 33 words and the Snowball French
// list FrenchAnalyzer uses, folded (lower case, no accents). Other languages
// have none. (query_service/compare/stop_words.h is a longer list, made to
// cut noun phrases out of text, not to read queries.)
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_FUNCTION_WORDS_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_FUNCTION_WORDS_H_

#include <string_view>

namespace docsearch::query {

// Whether `folded_word` (lower case, no accents, unstemmed: "etre") is a
// function word of `language` (BCP-47; only the primary subtag counts).
bool IsFunctionWord(std::string_view folded_word, std::string_view language);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_FUNCTION_WORDS_H_
