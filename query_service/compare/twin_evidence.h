// Whether two documents in different languages are the same statement (a
// text and its translation), from evidence that does not depend on the
// language: the reference code, the dates, the paragraph numbers, and the
// numbers and proper names both texts hold ("anchors").
//
// A translation shares almost no words with its original, so neither the
// cosine of CompareDocuments nor the shingle fingerprints see it. What a
// translator keeps is what this file reads:
//   - the reference code, once the label words are dropped ("Press Release
//     (2007)130" and "Communiqué de presse (2007)130" are both 2007/130);
//   - the date: official texts appear in every language the same day or
//     the next (an "Updated" header may be a few days later);
//   - the numbered paragraphs, renumbered by no translator;
//   - numbers ("2009", "60th"/"60e" both give 60) and proper names written
//     with a capital inside a sentence ("Riga", "Kosovo", "Kostunica"),
//     folded for case and accents;
//   - a little of the title, as character trigrams (cognates such as
//     "ministerial"/"ministérielle" share some).
//
// Two documents conflict, and are never twins, when both carry a reference
// and they differ, or both are dated and no date of one is within
// kTwinDateWindowDays of a date of the other. Otherwise the score is
//   0.3 x [same reference] + date (0.2 same day, 0.15 one day apart, 0.05
//   within the window) + 0.1 x [share of paragraph numbers matched, when
//   both number at least two] + 0.3 x anchor overlap + 0.1 x title Dice,
// and a pair is reported from kDefaultTwinScore up, provided the anchors
// agree (overlap at least kMinTwinAnchorOverlap): the metadata of two
// different statements of one day agree as well as a translation's, so the
// content must agree too. Calibration: docs/ENGINE.md, "Language twins".
#ifndef DOCSEARCH_QUERY_SERVICE_COMPARE_TWIN_EVIDENCE_H_
#define DOCSEARCH_QUERY_SERVICE_COMPARE_TWIN_EVIDENCE_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "docsearch/v1/comparison.pb.h"
#include "docsearch/v1/document.pb.h"

namespace docsearch::query::compare {

inline constexpr int kTwinDateWindowDays = 7;
inline constexpr double kDefaultTwinScore = 0.18;
inline constexpr double kMinTwinAnchorOverlap = 0.25;
inline constexpr int kMaxSharedAnchorsShown = 20;

// A reference code without its label words, upper case, accents folded:
// "[PREFIX/]YEAR/NUMBER" when it has the "(yy)nn" form of NATO-style codes
// (two-digit years from 50 are 19yy, below 50 20yy; leading zeros dropped;
// PREFIX is a committee code such as M-NAC-1 written before the
// parenthesis, kept only when it holds a hyphen), else its letters and
// digits without the label words (SG/SM/6986 -> SGSM6986). Empty for an
// empty reference.
std::string NormalizeReference(absl::string_view reference);

// The language-independent tokens of a text: numbers (their digits, at
// least two) and words starting with a capital letter that do not start a
// sentence (folded for case and accents, at least three letters, an elided
// article such as l' or d' dropped), sorted and unique.
std::vector<std::string> AnchorsOf(absl::string_view text);

// What one document offers to the comparison, computed once per document.
struct TwinSignals {
  std::string language;
  std::string reference;   // NormalizeReference
  std::vector<int> dates;  // days since 1970: published, updated (if set)
  std::vector<std::string> paragraph_numbers;
  std::vector<std::string> anchors;         // of title and paragraphs, sorted
  std::vector<std::string> title_trigrams;  // sorted, unique
};
TwinSignals SignalsOf(const docsearch::v1::Document& document);

struct TwinScore {
  // Conflicting reference or dates: never twins, whatever the score.
  bool conflict = false;
  double score = 0;
  docsearch::v1::TwinEvidence evidence;

  // Reported at `min_score`: no conflict, the anchors agree, the score is
  // reached.
  bool IsTwin(double min_score) const {
    return !conflict && evidence.anchor_overlap() >= kMinTwinAnchorOverlap && score >= min_score;
  }
};

// The evidence that `candidate` is `document` in another language, seen
// from `document` (numbered_paragraphs is document's). Languages are not
// compared here: the caller chooses candidates of other languages.
TwinScore ScoreTwin(const TwinSignals& document, const TwinSignals& candidate);

}  // namespace docsearch::query::compare

#endif  // DOCSEARCH_QUERY_SERVICE_COMPARE_TWIN_EVIDENCE_H_
