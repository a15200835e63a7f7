// Accent-insensitive stemming for the languages where writers often leave
// accents out (French, Spanish, Italian, Portuguese, Romanian): a query
// typed without accents ("identite europeenne de securite") and a page that
// lost them must meet the accented text, as the same terms.
//
// Folding accents after the Snowball stemmer (what TextAnalyzer always
// does) is not enough: the stemmers' rules read the accents, so
// "sécurité" stems to "sécur" (suffix "-ité") while "securite" keeps
// "securit". A term that depends only on the unaccented word never has
// that gap: the analyzer folds the accents before stemming too, and this
// file gives the stemmer back the accent of the few suffixes whose rules
// need one and whose unaccented form is not ambiguous:
//
//   StemmerInputOfUnaccented("securite", "french")     → "securité"
//   StemmerInputOfUnaccented("europeennes", "french")  → "europeennes"
//   StemmerInputOfUnaccented("organizacion", "spanish") → "organización"
//   StemmerInputOfUnaccented("defence", "english")     → "defence"
//
// Suffixes that are ambiguous once unaccented are left as they are
// (French "-e": "publie", the verb, or "publié"): "publié" and "publiée" no
// longer meet under one stem, the price of "publie" meeting "publié".
#ifndef DOCSEARCH_COMMON_ANALYSIS_ACCENTS_H_
#define DOCSEARCH_COMMON_ANALYSIS_ACCENTS_H_

#include <string>
#include <string_view>

namespace docsearch {

// True when `algorithm` (a libstemmer name, "french") is stemmed from the
// unaccented word: the Romance languages. Other languages keep their
// letters (German umlauts, Swedish "å") as the stemmer reads them, and
// English has almost no accents to lose.
bool StemsUnaccented(const char* algorithm);

// The word to give `algorithm`'s stemmer for `unaccented_word` (lower-case,
// accents removed): the word with the accent put back on a suffix whose
// stemming rule needs it, when the suffix is unambiguous; the word itself
// otherwise.
std::string StemmerInputOfUnaccented(std::string_view unaccented_word, const char* algorithm);

}  // namespace docsearch

#endif  // DOCSEARCH_COMMON_ANALYSIS_ACCENTS_H_
