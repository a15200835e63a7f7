// Prose in any script: what ReadsAsProse (title_run.h) tells of Latin
// text, for Greek, Cyrillic, Arabic or Devanagari text too, whose words
// ASCII tests never find in lower case.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_PROSE_IN_ANY_SCRIPT_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_PROSE_IN_ANY_SCRIPT_H_

#include "absl/strings/string_view.h"

namespace docsearch::ingest {

// The space-separated words of `line` whose first letter is not a capital:
// lower-case words, and every word of a script without capitals (Arabic,
// Hebrew, Devanagari). A word without a letter does not count.
int CountUncapitalizedWords(absl::string_view line);

// Eight words or more, most of them not capitalized, ending a sentence
// (a full stop, '!' or '?' of any script): a sentence of a text, not a
// headline in title case or a menu of names. In Chinese or Japanese, six
// words of two characters (unspaced_words.h).
bool ReadsAsProseInAnyScript(absl::string_view line);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_PROSE_IN_ANY_SCRIPT_H_
