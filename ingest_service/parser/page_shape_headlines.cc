#include "ingest_service/parser/page_shape_headlines.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "ingest_service/parser/boilerplate.h"
#include "ingest_service/parser/date_parser.h"
#include "ingest_service/parser/doc_type.h"
#include "ingest_service/parser/head_lexicon.h"
#include "ingest_service/parser/late_furniture.h"
#include "ingest_service/parser/line_shape.h"
#include "ingest_service/parser/title_hints.h"
#include "ingest_service/parser/title_run.h"

namespace docsearch::ingest {
namespace {

// Body lines read for the headline's words to come back in.
constexpr size_t kBodyLinesRead = 60;
// Most words of a label line naming who speaks ("Déclaration de la
// porte-parole", "Statement by the Spokesperson").
constexpr int kMaxSpeakerLabelWords = 5;
// Fewest short lines between a run and the headline for the run to be
// read as an item of the menu above the headline.
constexpr size_t kMinMenuLines = 8;
// Most words of a menu's item.
constexpr int kMaxMenuItemWords = 4;
// A word's stem for "comes back": its first five letters, so that
// "welcomes" comes back as "welcomed" and "Finland's" as "Finland".
constexpr size_t kStemLetters = 5;

// A run of one line of a few words amid a menu: the line above it and the
// two below it are items too (a few words, no sentence, no date).
bool IsMenuItemRun(const TitleCandidate& run, const std::vector<SourceLine>& lines,
                   const std::vector<LineFeatures>& features) {
  if (run.end != run.begin + 1 || run.begin == 0 || run.end + 2 > features.size()) return false;
  for (size_t k = run.begin - 1; k <= run.end + 1; ++k) {
    const absl::string_view text = FeatureLineText(lines, features, k);
    if (CountWordsUpTo(text, kMaxMenuItemWords + 1) > kMaxMenuItemWords || EndsSentence(text) ||
        !FindDates(text).empty()) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool OpensTheText(absl::string_view text) {
  return ReadsAsProse(text) || (EndsSentence(text) && CountWordsUpTo(text, 8) >= 8);
}

bool MayBeHeadlineLine(absl::string_view text, LineRole role) {
  if (role == LineRole::kDate || role == LineRole::kReference || role == LineRole::kHeader) {
    return false;
  }
  // A note in brackets ("(Aboard Air Force One)") is the page's wrapping.
  if (text.empty() || text.front() == '(' || text.front() == '[') return false;
  return !IsSiteBannerLine(text) && !IsByline(text) && !StartsLowercase(text) &&
         !StartsWithHeadlineContinuation(text) && !OpensTheText(text) &&
         !BoilerplateReason(text).has_value() && !LateFurnitureReason(text).has_value() &&
         !DocTypeFromLabelLine(text).has_value();
}

bool IsSpeakerLabel(absl::string_view text) {
  return CountWordsUpTo(text, kMaxSpeakerLabelWords) <= kMaxSpeakerLabelWords &&
         DocTypeLabelPrefix(text, /*any_rest=*/true).has_value();
}

bool IsMenuBetween(size_t from, size_t to, const std::vector<SourceLine>& lines,
                   const std::vector<LineFeatures>& features) {
  if (to < from + kMinMenuLines) return false;
  size_t longer = 0;
  for (size_t k = from; k < to; ++k) {
    const absl::string_view text = FeatureLineText(lines, features, k);
    const int words = CountWordsUpTo(text, 2 * kMaxMenuItemWords + 1);
    if (words > 2 * kMaxMenuItemWords || OpensTheText(text)) return false;
    if (words > kMaxMenuItemWords) ++longer;
  }
  return 5 * longer <= to - from;
}

bool MayBeHeadline(const TitleCandidate& run, const std::vector<SourceLine>& lines,
                   const std::vector<LineFeatures>& features, const std::vector<LineRole>& roles,
                   std::vector<int8_t>* may_line) {
  if (run.end == run.begin) return false;
  if (run.end - run.begin >= 2) {
    if (IsSpeakerLabel(FeatureLineText(lines, features, run.end - 1))) return false;
  }
  size_t k = run.begin;
  if (run.end - run.begin >= 2 &&
      DocTypeFromLabelLine(FeatureLineText(lines, features, k)).has_value()) {
    const absl::string_view next = FeatureLineText(lines, features, k + 1);
    if (IsByline(next) && !OpensTheText(next) && roles[k + 1] != LineRole::kFurniture) k += 2;
  }
  for (; k < run.end; ++k) {
    const absl::string_view text = FeatureLineText(lines, features, k);
    // A line after the first may go on with a preposition ("at the 40th
    // Munich Conference on Security Policy"); a list's items ("- soit …")
    // do not.
    if (k > run.begin && StartsWithHeadlineContinuation(text) && !OpensTheText(text) &&
        roles[k] != LineRole::kDate && FindDates(text).empty()) {
      continue;
    }
    // A line sits in up to kMaxTitleLines runs: its verdict is kept.
    int8_t& verdict = (*may_line)[k];
    if (verdict < 0) verdict = MayBeHeadlineLine(text, roles[k]) ? 1 : 0;
    if (verdict == 0) return false;
  }
  return true;
}

WordStems StemsFrom(size_t from, const std::vector<SourceLine>& lines,
                    const std::vector<LineFeatures>& features) {
  WordStems stems;
  for (size_t k = from; k < features.size() && k < from + kBodyLinesRead; ++k) {
    for (std::string& word : ContentWords(FeatureLineText(lines, features, k))) {
      stems.insert(word.substr(0, kStemLetters));
    }
  }
  return stems;
}

bool WordsComeBackBelow(const TitleCandidate& run, const WordStems& below,
                        const std::vector<SourceLine>& lines,
                        const std::vector<LineFeatures>& features) {
  int words = 0;
  int back = 0;
  for (size_t k = run.begin; k < run.end; ++k) {
    for (const std::string& word : ContentWords(FeatureLineText(lines, features, k))) {
      ++words;
      back += below.contains(word.substr(0, kStemLetters)) ? 1 : 0;
    }
  }
  return words > 0 && 2 * back >= words;
}

std::optional<size_t> BestHeadlineBetween(const std::vector<TitleCandidate>& candidates,
                                          size_t from, size_t to, size_t text,
                                          const std::vector<SourceLine>& lines,
                                          const std::vector<LineFeatures>& features,
                                          const std::vector<LineRole>& roles) {
  std::optional<size_t> best;
  int best_rank = -1;
  std::optional<WordStems> below;  // Built for the first run that may be a headline.
  std::vector<int8_t> may_line(features.size(), -1);
  for (size_t c = 0; c < candidates.size(); ++c) {
    const TitleCandidate& run = candidates[c];
    if (run.begin < from || run.end > to) continue;
    if (!MayBeHeadline(run, lines, features, roles, &may_line)) continue;
    if (!below.has_value()) below = StemsFrom(text, lines, features);
    const int rank = (IsMenuItemRun(run, lines, features) ? 0 : 4) +
                     (WordsComeBackBelow(run, *below, lines, features) ? 2 : 0) +
                     (IsSpeakerLabel(FeatureLineText(lines, features, run.begin)) ? 0 : 1);
    if (rank > best_rank || (rank == best_rank && run.score > candidates[*best].score)) {
      best = c;
      best_rank = rank;
    }
  }
  return best;
}

std::optional<size_t> HeadlineRunOfLine(const std::vector<TitleCandidate>& candidates,
                                        size_t headline, const std::vector<SourceLine>& lines,
                                        const std::vector<LineFeatures>& features,
                                        const std::vector<LineRole>& roles) {
  std::vector<int8_t> may_line(features.size(), -1);
  for (size_t c = 0; c < candidates.size(); ++c) {
    const TitleCandidate& run = candidates[c];
    if (run.begin == headline && run.end == headline + 1 &&
        MayBeHeadline(run, lines, features, roles, &may_line)) {
      return c;
    }
  }
  return std::nullopt;
}

}  // namespace docsearch::ingest
