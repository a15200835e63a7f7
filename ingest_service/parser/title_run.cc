#include "ingest_service/parser/title_run.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "ingest_service/parser/boilerplate.h"
#include "ingest_service/parser/date_parser.h"
#include "ingest_service/parser/doc_type.h"
#include "ingest_service/parser/late_furniture.h"
#include "ingest_service/parser/line_shape.h"
#include "ingest_service/parser/text_normalizer.h"
#include "ingest_service/parser/title_chooser.h"
#include "ingest_service/parser/title_hints.h"
#include "ingest_service/parser/title_run_end.h"
#include "ingest_service/parser/title_run_start.h"

namespace docsearch::ingest {

absl::string_view FeatureLineText(const std::vector<SourceLine>& lines,
                                  const std::vector<LineFeatures>& features, size_t k) {
  return TrimLine(lines[features[k].line_index].text);
}

namespace {

// Longer than any headline: a run of this many words is a headline fused
// with what follows it, or prose.
constexpr int kMaxTitleWords = 40;
// Longer than one sentence announcing a text ("The following is …:").
constexpr int kMaxAnnouncementWords = 30;

}  // namespace

bool ReadsAsProse(absl::string_view line) {
  line = absl::StripAsciiWhitespace(line);
  if (line.empty()) return false;
  const char last = line.back();
  if (last != '.' && last != '!' && last != '?' && last != ';') return false;
  const auto [words, lower] = CountSpaceSeparatedWords(line);
  return words >= 8 && 2 * lower >= words;
}

std::string JoinRunLines(const std::vector<SourceLine>& lines,
                         const std::vector<LineFeatures>& features, size_t begin, size_t end) {
  std::vector<absl::string_view> parts;
  for (size_t k = begin; k < end; ++k) parts.push_back(lines[features[k].line_index].text);
  return JoinTitleLines(parts);
}

std::optional<size_t> CandidateNamedByHints(const std::vector<TitleCandidate>& candidates,
                                            const std::vector<SourceLine>& lines,
                                            const std::vector<LineFeatures>& features,
                                            absl::string_view source_uri,
                                            absl::string_view page_title) {
  std::vector<std::vector<std::string>> hints;
  if (std::vector<std::string> slug = UrlSlugWords(source_uri); !slug.empty()) {
    hints.push_back(std::move(slug));
  }
  if (std::vector<std::string> page = ContentWords(page_title); !page.empty()) {
    hints.push_back(std::move(page));
  }
  if (hints.empty()) return std::nullopt;
  std::vector<absl::flat_hash_set<std::string>> hint_keys;
  for (const std::vector<std::string>& hint : hints) hint_keys.push_back(HintKeys(hint));
  // Each line's words are looked up in each hint once (a line sits in up to
  // kMaxTitleLines runs); a run's words are its lines' in order, as the
  // lines are joined with a space, except where a word broken at a line's
  // hyphen is joined whole ("co-" / "operation"): such a run is joined and
  // read as a text.
  size_t window = 0;
  for (const TitleCandidate& candidate : candidates) window = std::max(window, candidate.end);
  std::vector<std::vector<std::vector<const std::string*>>> line_keys(hint_keys.size());
  for (size_t h = 0; h < hint_keys.size(); ++h) {
    line_keys[h].reserve(window);
    for (size_t k = 0; k < window; ++k) {
      line_keys[h].push_back(KeysOfContentWords(hint_keys[h], FeatureLineText(lines, features, k)));
    }
  }
  // Whether line k ends with a word broken at a hyphen that the next line
  // completes (JoinTitleLines joins the two halves), or is empty once
  // trimmed (JoinTitleLines skips it, so the lines around it may join).
  std::vector<bool> joins_next(window, false);
  for (size_t k = 0; k + 1 < window; ++k) {
    const absl::string_view text = FeatureLineText(lines, features, k);
    joins_next[k] = text.empty() || (EndsWithBrokenWord(text) &&
                                     StartsLowercase(FeatureLineText(lines, features, k + 1)));
  }
  std::optional<size_t> best;
  HintMatch best_match;
  size_t best_lines = 0;
  std::vector<const std::vector<const std::string*>*> pieces;
  for (size_t c = 0; c < candidates.size(); ++c) {
    const TitleCandidate& candidate = candidates[c];
    if (candidate.begin == candidate.end) continue;
    bool joined_words = false;
    for (size_t k = candidate.begin; k + 1 < candidate.end; ++k) joined_words |= joins_next[k];
    std::optional<std::string> text;
    const auto run_text = [&]() -> const std::string& {
      if (!text.has_value()) text = JoinRunLines(lines, features, candidate.begin, candidate.end);
      return *text;
    };
    // Whether the run may be named at all, read once and only for a run a
    // hint matches strongly (most runs match none).
    std::optional<bool> nameable;
    for (size_t h = 0; h < hint_keys.size(); ++h) {
      std::optional<HintMatch> strong;
      if (joined_words) {
        strong = StrongHintMatch(hint_keys[h], run_text());
      } else {
        pieces.clear();
        for (size_t k = candidate.begin; k < candidate.end; ++k) pieces.push_back(&line_keys[h][k]);
        strong = StrongHintMatchOfKeys(hint_keys[h].size(), pieces);
      }
      if (!strong.has_value()) continue;
      if (!nameable.has_value()) {
        nameable = CountWordsUpTo(run_text(), kMaxTitleWords) <= kMaxTitleWords &&
                   !ReadsAsProse(run_text());
      }
      if (!*nameable) break;
      const HintMatch& match = *strong;
      const size_t size = candidate.end - candidate.begin;
      // Shares compared as fractions, exactly.
      const int share_order = match.matched * best_match.words - best_match.matched * match.words;
      const bool better = !best.has_value() || match.matched > best_match.matched ||
                          (match.matched == best_match.matched &&
                           (share_order > 0 || (share_order == 0 && size < best_lines)));
      if (better) {
        best = c;
        best_match = match;
        best_lines = size;
      }
    }
  }
  return best;
}

namespace {

// The lines after `k` are items of a menu: two or more short lines (three
// words at most, no sentence's end, no date) in a row.
bool OpensAMenu(size_t k, const std::vector<SourceLine>& lines,
                const std::vector<LineFeatures>& features) {
  constexpr int kMostItemWords = 3;
  constexpr size_t kLeastItems = 2;
  size_t items = 0;
  for (size_t next = k + 1; next < features.size() && items < kLeastItems; ++next) {
    const absl::string_view text = FeatureLineText(lines, features, next);
    // A type label under a headline ("Media release") opens the text.
    if (CountWordsUpTo(text, kMostItemWords + 1) > kMostItemWords || EndsSentence(text) ||
        !FindDates(text).empty() || DocTypeFromLabelLine(text).has_value()) {
      break;
    }
    ++items;
  }
  return items >= kLeastItems;
}

}  // namespace

std::optional<size_t> CandidatePrintedTwice(const std::vector<TitleCandidate>& candidates,
                                            const std::vector<SourceLine>& lines,
                                            const std::vector<LineFeatures>& features) {
  constexpr size_t kHeadLines = 12;
  constexpr size_t kMaxLinesBetween = 3;
  // Each head line is compared with the few after it: folded once.
  std::vector<std::optional<std::string>> folds(
      std::min(features.size(), kHeadLines + 1 + kMaxLinesBetween));
  const auto fold_of = [&](size_t k) -> const std::string& {
    if (!folds[k].has_value()) folds[k] = FoldForMatching(FeatureLineText(lines, features, k));
    return *folds[k];
  };
  for (size_t k = 0; k < features.size() && k < kHeadLines; ++k) {
    const absl::string_view text = FeatureLineText(lines, features, k);
    if (ReadsAsProse(text)) return std::nullopt;  // The head ends at the first prose.
    const int words = CountWordsUpTo(text, 25);
    if (words < 3 || words > 25 || EndsSentence(text) || ParseDateLine(text).has_value() ||
        BoilerplateReason(text).has_value() || DocTypeFromLabelLine(text).has_value()) {
      continue;
    }
    const std::string& folded = fold_of(k);
    for (size_t copy = k + 1; copy < features.size() && copy <= k + 1 + kMaxLinesBetween; ++copy) {
      if (fold_of(copy) != folded) continue;
      // A line printed three times or more is the site's banner, repeated
      // on every block of the page, not a headline echoed once.
      int copies = 0;
      for (size_t other = 0; other < features.size() && other < kModelLineLimit; ++other) {
        copies += FoldForMatching(FeatureLineText(lines, features, other)) == folded ? 1 : 0;
      }
      if (copies > 2) break;
      // A section's name printed again over its own menu ("Centro de
      // Noticias" / "Comunicados de Prensa" / "Discursos" / …) heads the
      // site's menu, not the text.
      if (OpensAMenu(copy, lines, features)) break;
      for (size_t c = 0; c < candidates.size(); ++c) {
        if (candidates[c].begin == copy && candidates[c].end == copy + 1) return c;
      }
      return std::nullopt;
    }
  }
  return std::nullopt;
}

bool ReadsAsAnnouncement(absl::string_view text) {
  text = absl::StripAsciiWhitespace(text);
  if (!absl::EndsWith(text, ":")) return false;
  int words = 0;
  int lower = 0;
  for (absl::string_view word : absl::StrSplit(text, ' ', absl::SkipEmpty())) {
    ++words;
    if (absl::ascii_islower(static_cast<unsigned char>(word.front()))) ++lower;
  }
  // More words in lower case than capitalized: a label naming its speaker
  // ("Statement by the Secretary General of the Alliance:") is not one. A
  // paragraph ending on "In particular:" is body, read elsewhere.
  return words >= 8 && words <= kMaxAnnouncementWords && 2 * lower > words;
}

bool OpensWithPageWrapping(const std::vector<SourceLine>& lines,
                           const std::vector<LineFeatures>& features, const TitleCandidate& run) {
  return run.end > run.begin &&
         LateFurnitureReason(lines[features[run.begin].line_index].text).has_value();
}

void RepairTitleRun(const std::vector<SourceLine>& lines, const std::vector<LineFeatures>& features,
                    TitleCandidate* run) {
  if (run->begin == run->end) return;
  RepairTitleRunEnd(lines, features, run);
  RepairTitleRunStart(lines, features, run);
}

}  // namespace docsearch::ingest
