// The languages the analysis chain (text_analyzer.h) knows: those with a
// Snowball stemmer, and Catalan, whose elided articles it strips though it
// has no stemmer. A query that names its language must name one of these or
// another ISO 639 language (ICU's list), which is analysed as its documents
// were: folded, not stemmed. Any other tag (a typo, a made-up code) would be
// analysed as no language at all, silently, which is never what the caller
// meant, so it is refused.
//
//   AnalysisLanguageOf("fr-BE") → "fr-be"   (BCP-47 is case-insensitive)
//   AnalysisLanguageOf("pl")    → "pl"      (no stemmer: folded only)
//   AnalysisLanguageOf("xx")    → InvalidArgument "unknown language 'xx'; expected one of en, ..."
//   AnalysisLanguageOf("en US") → InvalidArgument "malformed language tag 'en US'; ..."
//   SnowballAlgorithmOf("pt-BR") → "portuguese"
#ifndef DOCSEARCH_COMMON_ANALYSIS_LANGUAGES_H_
#define DOCSEARCH_COMMON_ANALYSIS_LANGUAGES_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace docsearch {

// `tag` lower-cased when it is a well-formed BCP-47 tag (a primary subtag
// of 2 or 3 letters, then subtags of 1 to 8 letters or digits after '-' or
// '_') whose primary subtag the analyzer stems or ISO 639 lists;
// InvalidArgument otherwise, with a message that lists the stemmed codes
// (callers prefix the field).
absl::StatusOr<std::string> AnalysisLanguageOf(std::string_view tag);

// The language a request names in `field` (e.g. "query.phrase.language"),
// as AnalysisLanguageOf gives it: "" when `tag` is empty (the caller
// detects it), InvalidArgument prefixed with "`field`: " when it is not a
// language. Why it is checked at all: an unknown one would analyse the
// words unstemmed, silently.
absl::StatusOr<std::string> RequestedAnalysisLanguage(std::string_view tag, std::string_view field);

// The known primary subtags, comma-separated ("en, fr, de, ...").
std::string AnalysisLanguageList();

// The libstemmer algorithm for `language` ("english"), or nullptr when the
// analyzer does not stem it (unknown, or Catalan).
const char* SnowballAlgorithmOf(std::string_view language);

}  // namespace docsearch

#endif  // DOCSEARCH_COMMON_ANALYSIS_LANGUAGES_H_
