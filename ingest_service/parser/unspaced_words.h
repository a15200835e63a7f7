// Words of the scripts written without spaces between them: Chinese and
// Japanese (a run of their characters counts a word for every two; their
// punctuation and the fullwidth forms part words as spaces do). The line
// shape tests (line_shape.h) count words so in a line holding such
// characters, so that a headline or a paragraph in them is not one word.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_UNSPACED_WORDS_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_UNSPACED_WORDS_H_

#include "absl/strings/string_view.h"

namespace docsearch::ingest {

// Whether `line` holds a character of those scripts, or a fullwidth form.
bool HoldsUnspacedScript(absl::string_view line);

// The words of `line` counted so (a word of another script or of digits
// between spaces is one; digits next to CJK characters are none), when at
// most `limit`, else limit + 1. Never fewer than the pieces between
// spaces.
int CountUnspacedWordsUpTo(absl::string_view line, int limit);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_UNSPACED_WORDS_H_
