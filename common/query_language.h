// The language a short query is written in, from what a query of two or
// three words still shows: its function words ("de", "der", "the") and
// letters only some languages use (é, ß, ñ). Used when a search does not say
// its language, so that "sécurité" is analysed as French and "security" as
// English instead of both being expanded into every stemmer at once.
//
//   DetectQueryLanguage("lutte contre le terrorisme")  → "fr"
//   DetectQueryLanguage("Erklärung der Außenminister") → "de"
//   DetectQueryLanguage("air strikes against Yugoslavia") → "en"
//   DetectQueryLanguage("KFOR")                         → ""  (no sign)
//
// Knows English, French, German, Spanish and Italian; "" when the query shows
// none of them or two equally.
#ifndef DOCSEARCH_COMMON_QUERY_LANGUAGE_H_
#define DOCSEARCH_COMMON_QUERY_LANGUAGE_H_

#include <string>
#include <string_view>

namespace docsearch {

std::string DetectQueryLanguage(std::string_view query);

}  // namespace docsearch

#endif  // DOCSEARCH_COMMON_QUERY_LANGUAGE_H_
