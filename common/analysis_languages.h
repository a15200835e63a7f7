// The languages the analysis chain (text_analyzer.h) knows: those with a
// Snowball stemmer, and Catalan, whose elided articles it strips though it
// has no stemmer. A query that names its language must name one of these:
// any other tag would be analysed as no language at all (folded, not
// stemmed), silently, which is never what the caller meant.
//
//   AnalysisLanguageOf("fr-BE") → "fr-be"   (BCP-47 is case-insensitive)
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
// '_') whose primary subtag the analyzer knows; InvalidArgument otherwise,
// with a message that lists the known codes (callers prefix the field).
absl::StatusOr<std::string> AnalysisLanguageOf(std::string_view tag);

// The known primary subtags, comma-separated ("en, fr, de, ...").
std::string AnalysisLanguageList();

// The libstemmer algorithm for `language` ("english"), or nullptr when the
// analyzer does not stem it (unknown, or Catalan).
const char* SnowballAlgorithmOf(std::string_view language);

}  // namespace docsearch

#endif  // DOCSEARCH_COMMON_ANALYSIS_LANGUAGES_H_
