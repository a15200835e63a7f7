// Word-level normalization for matching, applied by TextAnalyzer to every
// word at index and query time, so a query and a document that spell a word
// differently still meet. Stored text is never changed: these functions only
// shape the terms.
//
//   StripElision("l'identité", "fr")        → "identité"
//   BritishSpelling("organization", "en")   → "organisation"
//   CountryOfDemonym("russian", "en")       → "russia"   (after stemming)
//   IsBoundPrefix("co")                     → true       ("co-operation")
//
// The tables are small and written out in word_variants.cc; docs/RELEVANCE.md
// says what they cover. All take case-folded words.
#ifndef DOCSEARCH_COMMON_WORD_VARIANTS_H_
#define DOCSEARCH_COMMON_WORD_VARIANTS_H_

#include <string>
#include <string_view>

namespace docsearch {

// The word without a leading elided article or pronoun ("l'", "d'", "qu'",
// "dell'"...) in languages that elide (French, Italian, Catalan); the word
// itself otherwise, or when nothing would be left. Both ' and ’ count.
std::string_view StripElision(std::string_view folded_word, std::string_view language);

// The British spelling of an American one in English ("defense" →
// "defence", "stabilization" → "stabilisation", "labor" → "labour"), from a
// table of words and word roots; any other word unchanged. British, because
// the official English texts this product searches use it.
std::string BritishSpelling(std::string_view folded_word, std::string_view language);

// For an English stem of a demonym ("russian", "ukrainian"), the stem of
// the country ("russia", "ukrain"), which Snowball leaves apart; any other
// stem unchanged.
std::string_view CountryOfDemonym(std::string_view stem, std::string_view language);

// True for the first part of a hyphenated compound that is a bound prefix
// ("co", "non", "re", "multi"...): "co-operation" is then one word,
// "cooperation", and "co" never a term of its own.
bool IsBoundPrefix(std::string_view folded_part);

}  // namespace docsearch

#endif  // DOCSEARCH_COMMON_WORD_VARIANTS_H_
