// Cross-language equivalents: the English and French words for the same
// thing in the domain this product searches (international security:
// "enlargement" / "élargissement", "defence" / "défense"), so that a query
// in one language also reaches, at a low weight, the documents about it in
// the other. Nothing else crosses languages on purpose: each query is
// analysed in its own language (query_language_of.h), and only words spelled
// alike ("Kosovo") meet across languages.
//
// The table is small and written out in cross_language_equivalents.cc; it
// holds only words whose two forms differ once folded (no "mission" /
// "mission"), and is matched by stem in the query's language, so
// "members" finds the "member" / "membre" entry.
//
//   CrossLanguageEquivalents("enlargement of NATO", "en", analyzer)
//     → {"élargissement" in "fr", "OTAN" in "fr"}
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_CROSS_LANGUAGE_EQUIVALENTS_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_CROSS_LANGUAGE_EQUIVALENTS_H_

#include <string>
#include <string_view>
#include <vector>

#include "common/text_analyzer.h"

namespace docsearch::query {

struct Equivalent {
  // The word as written in `language` (analysed in that language by whoever
  // searches for it).
  std::string text;
  std::string language;
};

// The equivalents, in the other languages of the table, of the words of
// `text` read in `language` (a BCP-47 tag; only its primary subtag counts),
// in the order the words occur, each once. Empty for a language the table
// does not hold.
std::vector<Equivalent> CrossLanguageEquivalents(std::string_view text, std::string_view language,
                                                 TextAnalyzer& analyzer);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_CROSS_LANGUAGE_EQUIVALENTS_H_
