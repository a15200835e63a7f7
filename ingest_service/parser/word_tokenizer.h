// The parser's word tokenizer: text into word, number and punctuation
// tokens, for the readers that look at a line word by word (dates,
// entities). Spaces separate tokens and are dropped; every other character
// is in exactly one token.
//
// Two readers need two readings of the same characters, chosen by the
// options rather than by two tokenizers:
//   - dates split digits from letters ("12th" is 12 and "th", "7Dec" is 7
//     and "Dec") and read a hyphen as punctuation ("07-Dec-2001");
//   - entities keep letters, digits and inner hyphens together ("G8",
//     "NATO-Russia", "Jean-Marie"; a trailing hyphen is punctuation).
// In both, General Punctuation (U+2000..U+203F: typographic quotes, dashes,
// bullets, the ellipsis) is punctuation even when it touches a word;
// entities also treat U+2040..U+207F (fraction slash, superscript digits
// and signs, which follow names as footnote marks) so. Other non-ASCII
// characters are letters; ASCII punctuation is one token per character,
// non-ASCII punctuation one per code point.
//
// Input is UTF-8; offsets are bytes.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_WORD_TOKENIZER_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_WORD_TOKENIZER_H_

#include <cstddef>
#include <vector>

#include "absl/strings/string_view.h"

namespace docsearch::ingest {

struct WordToken {
  enum class Kind {
    kNumber,  // Only ASCII digits.
    kWord,    // Letters (and, for entities, digits and inner hyphens).
    kPunct,   // One punctuation character.
  };
  Kind kind;
  absl::string_view text;
  size_t begin;  // Byte range [begin, end) in the tokenized text.
  size_t end;

  bool is_word() const { return kind != Kind::kPunct; }
};

struct WordTokenizerOptions {
  // Digits form number tokens of their own; else they belong to words.
  bool digits_apart = false;
  // Hyphens inside a word belong to it ("NATO-Russia").
  bool inner_hyphens = false;
  // U+2040..U+207F are punctuation too, not only U+2000..U+203F.
  bool superscripts_are_punctuation = false;
};

// As dates read a line.
inline constexpr WordTokenizerOptions kDateTokens = {.digits_apart = true};
// As entities read a text.
inline constexpr WordTokenizerOptions kEntityTokens = {.inner_hyphens = true,
                                                       .superscripts_are_punctuation = true};

std::vector<WordToken> TokenizeWords(absl::string_view text, const WordTokenizerOptions& options);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_WORD_TOKENIZER_H_
