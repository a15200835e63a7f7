// A document or raw text analyzed once for every comparison feature.
//
// The text is cut into passages (title, subtitle, paragraphs, footnotes of a
// stored document; blank-line separated blocks of raw text) and each passage
// into words with both their analyzed term (folded, stemmed: what the index
// holds) and their folded unstemmed form (what stop lists and phrase rules
// look at), plus byte offsets for readable surface forms.
//
// Words are grouped into units: a hyphenated compound ("military-to-military",
// "NATO-Russia", "non-proliferation") is one unit, so the "to" inside it never
// splits a phrase. A unit records whether punctuation separates it from the
// previous one, which is where phrases end.
//
// Thread safety: values; build with a TextAnalyzer owned by the caller's
// thread.
#ifndef DOCSEARCH_QUERY_SERVICE_COMPARE_ANALYZED_TEXT_H_
#define DOCSEARCH_QUERY_SERVICE_COMPARE_ANALYZED_TEXT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "common/text_analyzer.h"
#include "docsearch/v1/document.pb.h"
#include "query_service/compare/stop_words.h"

namespace docsearch::query::compare {

struct Word {
  std::string term;    // Analyzed (stemmed) form, as indexed.
  std::string folded;  // Folded, unstemmed form.
  uint32_t start = 0;  // Byte range in the passage text.
  uint32_t end = 0;
  WordRole role = WordRole::kContent;
  bool numeric = false;  // Only digits.
};

struct Unit {
  uint32_t first_word = 0;  // Words [first_word, end_word) of the passage.
  uint32_t end_word = 0;
  // Content unless a single function word; compounds are always content
  // unless made only of digits.
  WordRole role = WordRole::kContent;
  bool numeric = false;
  // Punctuation (not a hyphen) or the passage start precedes the unit.
  bool boundary_before = false;
  // List punctuation (comma, semicolon, colon, bracket) precedes the unit.
  bool list_break_before = false;
};

enum class PassageKind { kTitle, kSubtitle, kParagraph, kFootnote };

struct Passage {
  PassageKind kind = PassageKind::kParagraph;
  // For paragraphs: the index in Document.paragraphs (or raw text block).
  int paragraph_index = -1;
  std::string text;
  std::vector<Word> words;
  std::vector<Unit> units;
};

struct AnalyzedText {
  std::string language;
  std::vector<Passage> passages;
  int paragraph_count = 0;

  // True when `word` is counted in term vectors: a content word, not a number.
  static bool IsVectorWord(const Word& word) {
    return word.role == WordRole::kContent && !word.numeric;
  }
  // The lower-cased surface text of bytes [start, end) of a passage.
  std::string Surface(const Passage& passage, uint32_t start, uint32_t end) const;
};

// Analyzes a stored document: title, subtitle, paragraphs, footnotes.
AnalyzedText AnalyzeDocument(const docsearch::v1::Document& document, TextAnalyzer& analyzer);

// Analyzes raw text; blank lines separate paragraphs. `language` empty
// means "en".
AnalyzedText AnalyzeRawText(absl::string_view text, absl::string_view language,
                            TextAnalyzer& analyzer);

}  // namespace docsearch::query::compare

#endif  // DOCSEARCH_QUERY_SERVICE_COMPARE_ANALYZED_TEXT_H_
