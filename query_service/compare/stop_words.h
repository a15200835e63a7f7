// Function words of English and French, for comparison only.
//
// The analyzer keeps stop words (phrase queries need their positions), so
// comparison decides here which words carry no topic: they are left out of
// term vectors and split phrases. A few of them are connectors that may sit
// inside a phrase ("weapons of mass destruction", "search and rescue at sea",
// "Partnership for Peace"); see phrase_extractor.h for when they do.
//
// Words are matched in the analyzer's folded, unstemmed form (lower case, no
// accents), e.g. "deja", "etre".
#ifndef DOCSEARCH_QUERY_SERVICE_COMPARE_STOP_WORDS_H_
#define DOCSEARCH_QUERY_SERVICE_COMPARE_STOP_WORDS_H_

#include "absl/strings/string_view.h"

namespace docsearch::query::compare {

enum class WordRole {
  kContent,
  // A function word that ends a phrase.
  kStop,
  // A preposition that may join two parts of one phrase ("of", "for", "de").
  kPreposition,
  // A conjunction that may join two single words ("search and rescue").
  kConjunction,
};

// The role of the folded word `word` in `language` (BCP-47; only the primary
// subtag matters; languages other than French use the English list).
WordRole RoleOf(absl::string_view word, absl::string_view language);

// True for verbs' -ing forms that start a phrase after a word such as "that"
// or "by" ("that improving interoperability was"), where they are verbs and
// not part of the noun phrase. English only.
bool IntroducesGerund(absl::string_view previous_word, absl::string_view language);

// True when `previous_word` announces a noun: a determiner, possessive or
// preposition ("the", "its", "against", "de"). A lone word after one is a
// topic ("the fight against terrorism"); after a subject or an auxiliary it
// is a verb ("we condemn", "have decided").
bool AnnouncesNoun(absl::string_view previous_word, absl::string_view language);

// True for an English lower-case word that reads as a finite verb in the
// middle of a noun run: a past form ("Ministers thanked Lord Robertson",
// "Lord Robertson said"). English only.
bool LooksLikeFiniteVerb(absl::string_view word, absl::string_view language);

// True for an English lower-case adverb in -ly ("fully", "qualitatively"),
// which modifies a verb or an adjective, never names a topic.
bool LooksLikeAdverb(absl::string_view word, absl::string_view language);

}  // namespace docsearch::query::compare

#endif  // DOCSEARCH_QUERY_SERVICE_COMPARE_STOP_WORDS_H_
