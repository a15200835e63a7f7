// Shape tests on single lines, shared by the head and body parsers.
//
// The archive's structure is visual: a title is a short Title-Case line, a
// body line is a sentence, a numbered paragraph starts with "1.". These pure
// functions name those shapes so the parsers read as rules.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_LINE_SHAPE_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_LINE_SHAPE_H_

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "absl/strings/ascii.h"
#include "absl/strings/string_view.h"

namespace docsearch::ingest {

// Number of whitespace-separated words.
int CountWords(absl::string_view line);

// CountWords(line) when it is at most `limit`, else limit + 1: the count
// stops there, for tests that only bound a line's words (a paragraph on one
// line has thousands).
int CountWordsUpTo(absl::string_view line, int limit);

// The pieces of `line` between single spaces (' ' only, empty pieces not
// counted), and how many of them open with a lower-case ASCII letter.
struct SpaceSeparatedWords {
  int words = 0;
  int lower_case = 0;
};
SpaceSeparatedWords CountSpaceSeparatedWords(absl::string_view line);

// True when most content words start with a capital ("Meeting of the
// NATO-Russia Council at Ambassadorial Level"). Function words (of, the, du,
// de, ...) and numbers do not count.
bool IsTitleCase(absl::string_view line);

// The counts IsTitleCase decides by, so that a run of lines can be judged
// by adding its lines' counts.
struct TitleCaseCounts {
  int content_words = 0;
  int capitalized = 0;
};
TitleCaseCounts CountTitleCase(absl::string_view line);
bool IsTitleCase(const TitleCaseCounts& counts);
// CountTitleCase(line) for a line read in a run with other lines that hold
// at most `other_words` content words in all; std::nullopt when no such run
// could be title case, whatever those words are (the count stops as soon
// as that is so: within the first words of a short prose line, once its
// words not capitalized outweigh all the words left in a long one). A
// line's content words are at most its spaces plus one.
std::optional<TitleCaseCounts> CountTitleCaseInRun(absl::string_view line, int other_words);

// True when `text` holds an ASCII digit (a date, a number, a reference).
// Inline: the date readers ask it of every line first.
inline bool HasAsciiDigit(absl::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return absl::ascii_isdigit(static_cast<unsigned char>(c)); });
}

// True when the first letter of the line is lower case.
bool StartsLowercase(absl::string_view line);

// True when the line ends a sentence: '.', '!', '?', optionally followed by a
// closing quote or bracket, or a full stop of another script.
bool EndsSentence(absl::string_view line);

// True when `line` ends with the full stop of a script other than Latin:
// CJK "。", fullwidth "！", "？" and "．" (a closing "」", "』" or "）" may
// follow), the Arabic question mark "؟", the Devanagari danda "।", the
// Armenian full stop "։".
bool EndsWithFullStopOfOtherScript(absl::string_view line);

// True when `line` has an inner sentence boundary: "afternoon. Welcome".
// Abbreviations ("Dr. Javier", "D.C.") do not count: the word before the
// period must be a lower-case word of four letters or more.
bool HasInnerSentenceBoundary(absl::string_view line);

// True when `line` reads as a paragraph of prose, never a headline: twenty
// words or more in two sentences, the last one ended, or in three.
bool IsProseParagraph(absl::string_view line);

// True when the last word is a function word ("of", "the", "for", "du"):
// the line cannot end a title or a sentence.
bool EndsWithFunctionWord(absl::string_view line);

// "Ladies and Gentlemen,", "Rector Torkunov,", "Mesdames, Messieurs,".
bool IsSalutation(absl::string_view line);
// The same, given the line's FoldAccents(TrimLine(line)) already made.
bool IsSalutation(absl::string_view line, absl::string_view folded);

// "21/11/2003 - NATO": the first line of a related-news sidebar item (not
// "06/06/2023 - 18:42", a date and its time, which may stand over the
// headline).
bool IsSidebarItem(absl::string_view line);
// Either of them: in the body, a dated line of a list is never text.
bool IsDatedListLine(absl::string_view line);

// "by Lord Robertson, NATO Secretary General" / "par ...".
bool IsByline(absl::string_view line);

// A subtitle opener: "issued on the Occasion...", "Issued by the Heads...",
// "diffusée par ...".
bool StartsSubtitle(absl::string_view line);
// The same, given the line's FoldAccents(TrimLine(line)) already made.
bool StartsSubtitle(absl::string_view line, absl::string_view folded);

struct ParagraphMarker {
  // The number or letter as printed ("1", "12", "a"); empty for a bullet.
  std::string number;
  // Byte offset where the paragraph text starts.
  size_t text_begin = 0;
  bool is_bullet = false;
};

// "1. Today we...", "  1.We...", "12 . The", "(a) ...", "a) ...", "• ...",
// "- As NATO ...". Numbers have at most 3 digits and are followed by text
// starting with a capital or a quote, so "2001. " or "1.5 million" are not
// markers.
std::optional<ParagraphMarker> FindParagraphMarker(absl::string_view line);

// Strips ASCII whitespace and non-breaking spaces from both ends.
absl::string_view TrimLine(absl::string_view line);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_LINE_SHAPE_H_
