// Separation of words a scrape glued together. Pages archived as text often
// lose the break between two blocks ("Déclaration du Secrétaire
// généralL'OTAN prévoyait…": a headline and its first paragraph; "Archive
// SitesU.S. Department of State": two links) or the space of a line the
// source wrapped ("the NorthAtlantic Alliance"). The glued token is a word
// no reader types, so it is found by no search and hides a headline's end.
//
// A break is put back at a lower-case letter followed by an upper-case one
// (ICU's letter cases, any script), after a part of three letters or more
// (lower case after its first letter), when
//   - what follows cannot continue a word: an elided capital before a word
//     ("L'OTAN", "D'abord", "Qu'il"; not a possessive "D's") or an
//     initialism with periods ("U.S.", "U.N.");
//   - or the two parts, each of three letters or more, are two words the
//     same document also writes apart, side by side ("North Atlantic" or
//     "North-Atlantic" elsewhere for "NorthAtlantic"). Names written in one
//     piece (PfP, McCallum, PowerPoint, ExxonMobil, BürgerInnen) stay whole
//     unless the document itself spells them as two words.
// Tokens holding an address or a tag (://, www., /, @, _, #) are left alone.
//
// The break is a space, put back in the text a reader and a search see
// (title, paragraphs, footnotes) after the layout is read: the line-role
// model reads lines as archived, glue included (its glued-words feature and
// the fused-title cut in head_reader.h use it), so that a repair never
// moves what the model learnt.
//
// Contract: pure; the output is valid UTF-8 when the input is, and differs
// from the input only by the inserted spaces.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_GLUED_WORDS_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_GLUED_WORDS_H_

#include <optional>
#include <string>

#include "absl/base/attributes.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"

namespace docsearch::ingest {

struct SeparatedText {
  std::string text;
  int separated = 0;  // Breaks put back.
};

// Separates glued words in any part of a document, judged by the words of
// the whole document. `document_text` must outlive the separator.
class GluedWordSeparator {
 public:
  explicit GluedWordSeparator(absl::string_view document_text ABSL_ATTRIBUTE_LIFETIME_BOUND);

  SeparatedText Separate(absl::string_view text);

 private:
  // `pair` is "first second", folded.
  bool IsWordPairOfDocument(const std::string& pair);

  absl::string_view document_text_;
  bool may_hold_glue_ = false;
  // The hashes of the document's pairs of glue-free words side by side,
  // folded ("north atlantic"); built when first needed. (A 64-bit hash
  // keeps no string per pair; a collision would only split one token.)
  std::optional<absl::flat_hash_set<size_t>> word_pairs_;
};

// A text separated with its own words.
SeparatedText SeparateGluedWords(absl::string_view utf8);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_GLUED_WORDS_H_
