#include "ingest_service/parser/title_run_start.h"

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "ingest_service/parser/boilerplate.h"
#include "ingest_service/parser/doc_type.h"
#include "ingest_service/parser/entity_tables.h"
#include "ingest_service/parser/line_shape.h"
#include "ingest_service/parser/reference.h"
#include "ingest_service/parser/text_normalizer.h"
#include "ingest_service/parser/title_run.h"
#include "ingest_service/parser/title_run_end.h"

namespace docsearch::ingest {
namespace {

using Lines = std::vector<SourceLine>;
using Features = std::vector<LineFeatures>;

// "by NATO Secretary General …" under a label printed on lines of its own,
// right above it or a blank line above it: the label opens the headline
// ("Opening Statement by …").
void OpenWithLabelAbove(const Lines& lines, const Features& features, TitleCandidate* run) {
  if (!StartsWithBy(FeatureLineText(lines, features, run->begin))) return;
  size_t label_begin = run->begin;
  for (size_t size = 1; size <= kMaxLabelLines && size <= run->begin; ++size) {
    const size_t begin = run->begin - size;
    // The label's own lines are adjacent; a blank line may part it from the
    // "by" line ("Opening Remarks" / "" / "by …").
    bool adjacent = true;
    for (size_t k = begin + 1; k < run->begin; ++k) adjacent &= Adjacent(features, k);
    if (!adjacent) break;
    // The longest label: "Opening" / "Statement", not "Statement".
    if (DocTypeFromLabelLine(JoinRunLines(lines, features, begin, run->begin)).has_value()) {
      label_begin = begin;
    }
  }
  run->begin = label_begin;
}

// "Meeting" / "of the" / "North" / "Atlantic" / "Council" / "In Defence" /
// …: a headline printed a word or three a line, chosen from inside. The
// short lines right above a narrow-column run that the cascade did not drop
// (a reference, a date, a label) and that can go on a headline open it.
void OpenNarrowColumnAbove(const Lines& lines, const Features& features, TitleCandidate* run) {
  if (!NarrowColumn(lines, features, *run)) return;
  while (run->begin > 0 && Adjacent(features, run->begin)) {
    const size_t above = run->begin - 1;
    const absl::string_view text = FeatureLineText(lines, features, above);
    if (absl::StartsWith(features[above].rule_fate, "dropped_") ||
        CountWordsUpTo(text, kNarrowLineWords) > kNarrowLineWords ||
        !CanContinueHeadline(lines[features[above].line_index].text, text) ||
        MatchReferenceAtStart(text).has_value() || IsPunctuationOnly(text)) {
      return;
    }
    run->begin = above;
  }
}

// "Opening" / "Statement" / "by …", "Closing" / "Remarks by …": a run opening
// with a label under a line that, alone, names no kind but completes the
// label ("Opening Statement"): the label printed over two lines opens the
// headline.
void OpenWithLabelSplitAbove(const Lines& lines, const Features& features, TitleCandidate* run) {
  // Only a label printed alone on its line: "Press" / "Statement by the
  // Council on …" is a series over the headline, not one label.
  const absl::string_view first = FeatureLineText(lines, features, run->begin);
  if (!DocTypeFromLabelLine(first).has_value()) return;
  for (size_t size = 1; size < kMaxLabelLines && size <= run->begin; ++size) {
    const size_t begin = run->begin - size;
    bool adjacent = true;
    for (size_t k = begin + 1; k <= run->begin; ++k) adjacent &= Adjacent(features, k);
    if (!adjacent) return;
    const std::string above = JoinRunLines(lines, features, begin, run->begin);
    if (IsPunctuationOnly(FeatureLineText(lines, features, begin)) ||
        CountWordsUpTo(above, kNarrowLineWords) > kNarrowLineWords ||
        DocTypeFromLabelLine(above).has_value()) {
      return;
    }
    if (DocTypeFromLabelLine(absl::StrCat(above, " ", first)).has_value()) {
      run->begin = begin;
      return;
    }
  }
}

// A place named alone, as the gazetteer knows it ("Riga", "Istanbul").
bool IsKnownPlace(absl::string_view text) {
  const std::string folded = FoldForMatching(text);
  for (const KnownEntity& place : kKnownPlaces) {
    if (FoldForMatching(place.name) == folded) return true;
    for (absl::string_view alias : place.aliases) {
      if (FoldForMatching(alias) == folded) return true;
    }
  }
  return false;
}

// "Riga" / "Summit Declaration": a summit's text is named after the place
// that hosts it, and a label naming a summit alone is missing that name
// when the line right above it is a place.
void OpenWithSummitPlaceAbove(const Lines& lines, const Features& features, TitleCandidate* run) {
  if (run->end != run->begin + 1 || !Adjacent(features, run->begin)) return;
  const absl::string_view first = FeatureLineText(lines, features, run->begin);
  const std::string folded = FoldAccents(first);
  if (!absl::StartsWith(folded, "summit ") ||
      CountWordsUpTo(first, kNarrowLineWords) > kNarrowLineWords ||
      !DocTypeFromTitle(first).has_value()) {
    return;
  }
  if (IsKnownPlace(FeatureLineText(lines, features, run->begin - 1))) --run->begin;
}

// "Permanent Joint Council" / "Meeting at the Level of Defence Ministers …":
// a headline naming a body's meeting, printed with the body on the line
// above. A short line that ends with the name of a body that meets, right
// above a run opening with "Meeting", opens the headline.
void OpenWithMeetingBodyAbove(const Lines& lines, const Features& features, TitleCandidate* run) {
  if (!Adjacent(features, run->begin)) return;
  const absl::string_view first = FeatureLineText(lines, features, run->begin);
  if (!absl::StartsWith(first, "Meeting ") && !absl::StartsWith(first, "Réunion ")) return;
  const size_t above = run->begin - 1;
  const absl::string_view text = FeatureLineText(lines, features, above);
  if (absl::StartsWith(features[above].rule_fate, "dropped_") || CountWordsUpTo(text, 5) > 5 ||
      !CanContinueHeadline(lines[features[above].line_index].text, text) || StartsLowercase(text)) {
    return;
  }
  const absl::string_view last = text.substr(text.rfind(' ') + 1);
  for (absl::string_view body : {"Council", "Committee", "Commission", "Assembly", "Group", "Board",
                                 "Conseil", "Comité", "Assemblée"}) {
    if (last == body) {
      run->begin = above;
      return;
    }
  }
}

// "Meeting of the" / "North Atlantic Council in Defence Ministers Session":
// a line right above the run that breaks off inside a noun phrase (it ends
// on "of", "the", "and", "de", "du", "des" or "et", with nothing after)
// can be no banner or kicker of its own; it opens the headline, as
// ContinueWrappedHeadline takes such a line's continuation below. Site
// lines that end on other small words ("Who we are", "Sign in", "Last
// updated on", "Mis à jour le", "Usted está en:", "Brussels for the…") are
// menus, stamps and tickers, not a headline's first words.
bool BreaksOffInsideNounPhrase(absl::string_view text) {
  text = TrimLine(text);
  const size_t space = text.rfind(' ');
  if (space == absl::string_view::npos) return false;
  const absl::string_view last = text.substr(space + 1);
  for (absl::string_view word : {"of", "the", "and", "de", "du", "des", "et"}) {
    if (last == word) return true;
  }
  return false;
}

// Only a short line of three or four words, no label before a colon: a
// second review found tickers ("Minister to travel to Brussels for the"),
// menu items ("What we are proud of", "Part of") and labelled links
// ("Related: Minister visits the", "À lire aussi : Réunion du Conseil des")
// breaking off the same way.
void OpenWithUnfinishedLineAbove(const Lines& lines, const Features& features,
                                 TitleCandidate* run) {
  constexpr int kMinOpeningWords = 3;
  constexpr int kMaxOpeningWords = 4;
  while (run->begin > 0 && Adjacent(features, run->begin)) {
    const size_t above = run->begin - 1;
    const absl::string_view text = FeatureLineText(lines, features, above);
    const int words = CountWordsUpTo(text, kMaxOpeningWords + 1);
    if (!BreaksOffInsideNounPhrase(text) || StartsLowercase(text) || words < kMinOpeningWords ||
        words > kMaxOpeningWords || absl::StrContains(text, ':') ||
        absl::StartsWith(features[above].rule_fate, "dropped_") ||
        !CanContinueHeadline(lines[features[above].line_index].text, text) ||
        MatchReferenceAtStart(text).has_value()) {
      return;
    }
    run->begin = above;
  }
}

}  // namespace

void RepairTitleRunStart(const std::vector<SourceLine>& lines,
                         const std::vector<LineFeatures>& features, TitleCandidate* run) {
  OpenWithLabelAbove(lines, features, run);
  OpenWithLabelSplitAbove(lines, features, run);
  OpenNarrowColumnAbove(lines, features, run);
  OpenWithSummitPlaceAbove(lines, features, run);
  OpenWithMeetingBodyAbove(lines, features, run);
  OpenWithUnfinishedLineAbove(lines, features, run);
}

}  // namespace docsearch::ingest
