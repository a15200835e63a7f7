#include "ingest_service/parser/title_page_shape.h"

#include <algorithm>
#include <cstdint>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
#include "ingest_service/parser/boilerplate.h"
#include "ingest_service/parser/breadcrumb_section.h"
#include "ingest_service/parser/date_parser.h"
#include "ingest_service/parser/doc_type.h"
#include "ingest_service/parser/head_lexicon.h"
#include "ingest_service/parser/line_shape.h"
#include "ingest_service/parser/title_hints.h"
#include "ingest_service/parser/title_run.h"

namespace docsearch::ingest {
namespace {

// Most lines a banner, or a headline above its date line, runs to.
constexpr size_t kMaxBannerLines = 3;
constexpr size_t kMaxHeadlineLines = 3;
// Most words of a short line holding a date that reads as the date line
// ("(Paris, 29 novembre 2006)").
constexpr int kMaxDateLineWords = 6;
// Body lines read for the headline's words to come back in.
constexpr size_t kBodyLinesRead = 60;

}  // namespace

bool IsBannerRun(const TitleCandidate& run, const std::vector<SourceLine>& lines,
                 const std::vector<LineFeatures>& features) {
  if (run.end <= run.begin || run.end - run.begin > kMaxBannerLines) return false;
  for (size_t k = run.begin; k < run.end; ++k) {
    if (!IsSiteBannerLine(FeatureLineText(lines, features, k))) return false;
  }
  return OpensSiteBanner(FeatureLineText(lines, features, run.begin));
}

namespace {

// A sentence of eight words or more: the text has begun ("VIENNA, 3
// September 2014 – The OSCE Chairperson-in-Office welcomed …").
bool OpensTheText(absl::string_view text) {
  return ReadsAsProse(text) || (EndsSentence(text) && CountWordsUpTo(text, 8) >= 8);
}

bool OpensWithDate(absl::string_view text) {
  const std::vector<FoundDate> dates = FindDates(text);
  return !dates.empty() && dates.front().begin == 0;
}

// A line that may open or continue a headline. The model's reading of the
// line is trusted for dates, references and headers only: in these layouts
// it may take a headline for a label, the body or the page's furniture
// (under a banner it learnt little of, the whole head reads as the page's);
// the furniture readers' own verdicts are asked instead.
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

// Most words of a label line naming who speaks ("Déclaration de la
// porte-parole", "Statement by the Spokesperson").
constexpr int kMaxSpeakerLabelWords = 5;

// "Déclaration de la porte-parole", "Statement by the Spokesperson": a short
// line opening with a label.
bool IsSpeakerLabel(absl::string_view text) {
  return CountWordsUpTo(text, kMaxSpeakerLabelWords) <= kMaxSpeakerLabelWords &&
         DocTypeLabelPrefix(text, /*any_rest=*/true).has_value();
}

// "Press release from Ministry for Foreign Affairs", "Pressemitteilung des
// Auswärtigen Amts": a label naming the institution that issues the text,
// printed above the headline.
bool IsIssuerLabel(absl::string_view text) {
  std::optional<LeadingLabel> label = DocTypeLabelPrefix(text, /*any_rest=*/true);
  if (!label.has_value()) return false;
  absl::string_view rest = TrimLine(text.substr(label->length));
  for (absl::string_view from :
       {"from ", "du ", "de la ", "des ", "del ", "della ", "do ", "da "}) {
    if (absl::ConsumePrefix(&rest, from)) {
      return !rest.empty() && (OpensSiteBanner(rest) || NamesInstitutionOnly(rest));
    }
  }
  return false;
}

// Fewest short lines between a run and the headline for the run to be
// read as an item of the menu above the headline.
constexpr size_t kMinMenuLines = 8;
// Most words of a menu's item.
constexpr int kMaxMenuItemWords = 4;

// Lines [from, to) are a menu: kMinMenuLines or more, no sentence among
// them, each a few words (one in five may run to twice as many: "African
// Court on Human and Peoples' Rights").
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

// The run may be a headline: every line may, but for a type label opening
// it above a byline, which the label opens ("Speech" / "by NATO Deputy
// Secretary General … at the Riga Conference 2016"). A short label naming
// who speaks under a headline ends no headline: it is the label.
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

// A word's stem for "comes back": its first five letters, so that
// "welcomes" comes back as "welcomed" and "Finland's" as "Finland".
constexpr size_t kStemLetters = 5;

// The stems of the content words of the lines from `from` on.
using WordStems = absl::flat_hash_set<std::string>;
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

// Whether half of the run's content words or more come back `below` (the
// stems of the text's lines): a headline names its text's subject; a
// banner, a section name or a menu does not.
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

// Most words of a line continuing a headline in capitals.
constexpr int kMaxContinuationWords = 12;

// Letters, at least four, all capitals; two words or more.
bool InCapitals(absl::string_view text) {
  int letters = 0;
  for (char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (absl::ascii_islower(u)) return false;
    letters += absl::ascii_isupper(u) ? 1 : 0;
  }
  return letters >= 4 && CountWordsUpTo(text, 2) >= 2;
}

// The best run of lines [from, to) that may be a headline: runs that are no
// item amid a menu first, then runs whose words come back in the text from
// line `text` on ("Mali – Attaque contre
// un convoi de la MINUSMA" over "Déclaration de la porte-parole"), then
// runs that are no short label naming who speaks, then the best-ranked.
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

}  // namespace

std::optional<size_t> CapitalHeadlineGoingOn(const std::vector<TitleCandidate>& candidates,
                                             size_t chosen, const std::vector<SourceLine>& lines,
                                             const std::vector<LineFeatures>& features,
                                             const std::vector<LineRole>& roles) {
  const TitleCandidate& run = candidates[chosen];
  if (run.end == run.begin || run.end >= features.size()) return std::nullopt;
  for (size_t k = run.begin; k < run.end; ++k) {
    if (!InCapitals(FeatureLineText(lines, features, k))) return std::nullopt;
  }
  const absl::string_view last = FeatureLineText(lines, features, run.end - 1);
  const absl::string_view next = FeatureLineText(lines, features, run.end);
  // The next line ends the headline: no comma in it (a sentence in
  // capitals runs on, "THE SECRETARY GENERAL OF NATO, MR. WILLY CLAES,
  // TODAY"), and no line in capitals right below it going on.
  const bool next_goes_on = run.end + 1 < features.size() &&
                            features[run.end + 1].line_index == features[run.end].line_index + 1 &&
                            InCapitals(FeatureLineText(lines, features, run.end + 1));
  if (EndsSentence(last) || absl::EndsWith(last, ":") || absl::StrContains(next, ',') ||
      next_goes_on || features[run.end].line_index != features[run.end - 1].line_index + 1 ||
      !InCapitals(next) || CountWordsUpTo(next, kMaxContinuationWords) > kMaxContinuationWords ||
      roles[run.end] == LineRole::kDate || roles[run.end] == LineRole::kReference ||
      roles[run.end] == LineRole::kHeader || !FindDates(next).empty() ||
      DocTypeFromLabelLine(next).has_value() || IsSiteBannerLine(next) ||
      BoilerplateReason(next).has_value() || LateFurnitureReason(next).has_value()) {
    return std::nullopt;
  }
  for (size_t c = 0; c < candidates.size(); ++c) {
    if (candidates[c].begin == run.begin && candidates[c].end == run.end + 1) return c;
  }
  return std::nullopt;
}

std::optional<size_t> HeadlineBelowBanner(const std::vector<TitleCandidate>& candidates,
                                          size_t chosen, const std::vector<SourceLine>& lines,
                                          const std::vector<LineFeatures>& features,
                                          const std::vector<LineRole>& roles) {
  const TitleCandidate& banner = candidates[chosen];
  if (!IsBannerRun(banner, lines, features)) return std::nullopt;
  // A banner opens the page: nothing but furniture or other banner lines
  // above it. (A Title-Case headline naming a council, "North Atlantic
  // Council Renews Commitment to NATO Transformation", reads as a banner
  // too, but below a date line.)
  for (size_t k = 0; k < banner.begin; ++k) {
    const absl::string_view text = FeatureLineText(lines, features, k);
    if (roles[k] != LineRole::kFurniture && !IsSiteBannerLine(text) &&
        !BoilerplateReason(text).has_value()) {
      return std::nullopt;
    }
  }
  // The headline stands above the date line, or above the text's first
  // sentence where no date line is printed. A line opening with a date
  // bounds the search whatever role the model gave it ("04 Nov. 2016 - |
  // Last updated: …" may read as a header): a run below it would leave the
  // date line above the title, among the page's head. (A headline may end
  // with its date: "… (Bruxelles, 4 avril 2019)".)
  size_t limit = banner.end;
  while (limit < features.size() && roles[limit] != LineRole::kDate &&
         roles[limit] != LineRole::kHeader &&
         !OpensWithDate(FeatureLineText(lines, features, limit)) &&
         !OpensTheText(FeatureLineText(lines, features, limit))) {
    ++limit;
  }
  if (limit == features.size()) return std::nullopt;
  std::optional<size_t> best =
      BestHeadlineBetween(candidates, banner.end, limit, limit, lines, features, roles);
  if (best.has_value() || OpensTheText(FeatureLineText(lines, features, limit))) return best;
  // Nothing between the banner and the date line: the headline may stand
  // under the date, above the text's first sentence ("7 Feb. 2004" /
  // "Speech" / "by NATO Secretary General, …" / "at the 40th Munich …").
  // Only a run opened by a type label: a banner-like headline ("New NATO
  // Liaison Office in Kyiv") above its date keeps the title from the
  // subtitle under the date.
  size_t text = limit + 1;
  while (text < features.size() && !OpensTheText(FeatureLineText(lines, features, text))) ++text;
  if (text == features.size()) return std::nullopt;
  size_t label = limit + 1;
  while (label < text && !DocTypeFromLabelLine(FeatureLineText(lines, features, label))) ++label;
  if (label == text) return std::nullopt;
  return BestHeadlineBetween(candidates, label, text, text, lines, features, roles);
}

// A path printed one step per line, as a browser copies one marked up as a
// list ("Accueil" / "Centre des médias" / "Communiqués de presse" /
// headline), holding the chosen run: the path's last line. The path opens
// at a line naming the home page alone, and each step is a few words.
std::optional<size_t> EndOfPathOneStepPerLine(const TitleCandidate& run,
                                              const std::vector<SourceLine>& lines,
                                              const std::vector<LineFeatures>& features) {
  constexpr size_t kMostSteps = 4;
  constexpr int kMostStepWords = 4;
  auto is_step = [&](size_t k) {
    const absl::string_view text = FeatureLineText(lines, features, k);
    return CountWordsUpTo(text, kMostStepWords + 1) <= kMostStepWords && !EndsSentence(text) &&
           FindDates(text).empty();
  };
  size_t home = run.begin;
  while (home > 0 && run.begin - home < kMostSteps && is_step(home - 1) &&
         !IsHomeStepLine(FeatureLineText(lines, features, home - 1))) {
    --home;
  }
  if (home == 0 || !IsHomeStepLine(FeatureLineText(lines, features, home - 1))) {
    return std::nullopt;
  }
  size_t last = home;
  while (last + 1 < features.size() && last + 1 - home < kMostSteps && is_step(last + 1)) ++last;
  if (last + 1 < run.end) return std::nullopt;
  return last;
}

std::optional<size_t> HeadlineBelowBreadcrumb(const std::vector<TitleCandidate>& candidates,
                                              size_t chosen, const std::vector<SourceLine>& lines,
                                              const std::vector<LineFeatures>& features,
                                              const std::vector<LineRole>& roles) {
  // A menu's last items and the path under them fill a few lines at most.
  constexpr size_t kMaxLinesToBreadcrumb = 8;
  constexpr size_t kMaxHeadlineLines = 3;
  // A menu's item or a site's name is a few words; a longer run above the
  // path is a headline printed there.
  constexpr int kMostItemWords = 4;
  const TitleCandidate& run = candidates[chosen];
  // With no run chosen, the path is looked for from the page's top.
  const bool no_title = run.end == run.begin;
  if (!no_title && CountWordsUpTo(JoinRunLines(lines, features, run.begin, run.end),
                                  kMostItemWords + 1) > kMostItemWords) {
    return std::nullopt;
  }
  std::optional<size_t> breadcrumb;
  for (size_t k = no_title ? 0 : run.end;
       k < features.size() && (no_title || k <= run.end + kMaxLinesToBreadcrumb); ++k) {
    const absl::string_view text = FeatureLineText(lines, features, k);
    if (roles[k] == LineRole::kDate || OpensTheText(text)) break;
    if (IsBreadcrumbPath(text)) {
      breadcrumb = k;
      break;
    }
  }
  if (!breadcrumb.has_value() && !no_title)
    breadcrumb = EndOfPathOneStepPerLine(run, lines, features);
  if (!breadcrumb.has_value()) return std::nullopt;
  // The text's date line and its label may stand between the path and the
  // headline ("Home / News" / "03.10.2024." / headline).
  size_t first = *breadcrumb + 1;
  while (first < features.size() &&
         (roles[first] == LineRole::kDate ||
          DocTypeFromLabelLine(FeatureLineText(lines, features, first)).has_value())) {
    ++first;
  }
  size_t text = first;
  while (text < features.size() && !OpensTheText(FeatureLineText(lines, features, text))) ++text;
  if (text == features.size()) return std::nullopt;
  const size_t to = std::min(first + kMaxHeadlineLines, text);
  std::optional<size_t> best =
      BestHeadlineBetween(candidates, first, to, text, lines, features, roles);
  if (!best.has_value() || candidates[*best].begin != first) return std::nullopt;
  return best;
}

namespace {

// The candidate run that is line `headline` alone, when it may be a
// headline; nullopt otherwise.
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

}  // namespace

std::optional<size_t> HeadlineRightUnderBreadcrumb(const std::vector<TitleCandidate>& candidates,
                                                   size_t chosen,
                                                   const std::vector<SourceLine>& lines,
                                                   const std::vector<LineFeatures>& features,
                                                   const std::vector<LineRole>& roles) {
  // A headline is a few words at least; a shorter line under the path is a
  // kicker or a section's name.
  constexpr int kFewestHeadlineWords = 5;
  const TitleCandidate& run = candidates[chosen];
  if (run.end == run.begin || run.begin < 2) return std::nullopt;
  // The headline's date line may stand between it and the chosen run
  // ("Madrid, 4 de abril de 2024").
  size_t headline = run.begin - 1;
  if (headline >= 2 && (roles[headline] == LineRole::kDate ||
                        ParseDateLine(FeatureLineText(lines, features, headline)).has_value())) {
    --headline;
  }
  // Over the line: the path, or the text's type label (under the path or
  // not): what a site prints right before its headline.
  // A kicker of a few words may stand between ("Eleições 2024").
  constexpr int kMostKickerWords = 3;
  auto is_anchor = [&](size_t k) {
    const absl::string_view above = FeatureLineText(lines, features, k);
    // A section's name naming its publisher ("News Releases from Region
    // 03") is the site's kicker over every headline of the section.
    return DocTypeFromLabelLine(above).has_value() || IsBreadcrumbPath(above) ||
           (absl::StrContains(above, " from ") && DocTypeFromSectionName(above).has_value());
  };
  const absl::string_view over = FeatureLineText(lines, features, headline - 1);
  const bool kicker_between = headline >= 2 &&
                              CountWordsUpTo(over, kMostKickerWords + 1) <= kMostKickerWords &&
                              !EndsSentence(over) && is_anchor(headline - 2);
  if (!is_anchor(headline - 1) && !kicker_between) return std::nullopt;
  // Under a section's kicker naming its office ("News Releases from Region
  // 03"), only a standfirst gives way to the line above it, or a run in
  // sentence case to a headline in title case: the kicker may stand over a
  // line describing the office ("Serving Delaware, …").
  const absl::string_view kicker = FeatureLineText(lines, features, headline - 1);
  const bool office_kicker = absl::StrContains(kicker, " from ") &&
                             !DocTypeFromLabelLine(kicker).has_value() && !IsBreadcrumbPath(kicker);
  const absl::string_view text = FeatureLineText(lines, features, headline);
  if (CountWordsUpTo(text, kFewestHeadlineWords) < kFewestHeadlineWords || EndsSentence(text) ||
      absl::EndsWith(text, ":") || !FindDates(text).empty() ||
      DocTypeFromSectionName(text).has_value() || !MayBeHeadlineLine(text, roles[headline]) ||
      features[headline].Has(VoteFeature(Vote::kInstitutionName))) {
    return std::nullopt;
  }
  // The chosen run reads as what follows a headline: a standfirst of a
  // sentence's length, or the occasion naming the kind of text ("Speech at
  // a Meeting with Business Leaders in …"). A shorter run the model chose
  // is the headline itself, under a kicker, a byline or a series' name
  // ("Official Visit of the Prime Minister to Japan" / "Prime Minister
  // meets Japanese business leaders in Osaka").
  constexpr int kFewestStandfirstWords = 12;
  const std::string chosen_text = JoinRunLines(lines, features, run.begin, run.end);
  const bool standfirst =
      CountWordsUpTo(chosen_text, kFewestStandfirstWords) >= kFewestStandfirstWords;
  // Or a headline in title case over a run that is not ("EPA Orders …
  // Site" over "Settlement requires company to pay …").
  if (office_kicker && !standfirst && !(IsTitleCase(text) && !IsTitleCase(chosen_text))) {
    return std::nullopt;
  }
  if (!standfirst && text.size() <= chosen_text.size() &&
      !DocTypeFromTitle(chosen_text).has_value()) {
    return std::nullopt;
  }
  // A label's line ("Joint media release with the Minister for …") names
  // the text; the headline is under it.
  absl::string_view unjoint = text;
  absl::ConsumePrefix(&unjoint, "Joint ");
  if (DocTypeLabelPrefix(unjoint, /*any_rest=*/true).has_value() &&
      !DocTypeFromTitle(text).has_value()) {
    return std::nullopt;
  }
  // A byline ("Op-ed by Foreign Minister …") is no headline.
  {
    const std::vector<absl::string_view> words = absl::StrSplit(text, ' ', absl::SkipEmpty());
    for (size_t w = 1; w < words.size() && w < 3; ++w) {
      if (words[w] == "by" || words[w] == "par" || words[w] == "von" || words[w] == "por") {
        return std::nullopt;
      }
    }
  }
  // A text's number in its series ("Información para la Prensa N°: 051/25")
  // is a label's line, whatever the label's words.
  for (absl::string_view sign :
       {" N\xC2\xB0", " N\xC2\xBA", " No.", " No:", " Nr.", " n\xC2\xB0"}) {
    const size_t at = text.find(sign);
    if (at == absl::string_view::npos) continue;
    const absl::string_view after =
        absl::StripLeadingAsciiWhitespace(absl::StripPrefix(text.substr(at + sign.size()), ":"));
    if (!after.empty() && absl::ascii_isdigit(static_cast<unsigned char>(after.front()))) {
      return std::nullopt;
    }
  }
  // A label with its number ("Communiqué de presse - 518(2006)") is the
  // text's label and reference, not its headline.
  if (const std::optional<LeadingLabel> label = DocTypeLabelPrefix(text, /*any_rest=*/true)) {
    // Past the separators a label is printed with (dashes are ASCII or
    // UTF-8 bytes), the number.
    const absl::string_view rest = text.substr(label->length);
    const size_t opens = rest.find_first_not_of(" -:|\xE2\x80\x93\x94");
    if (opens == absl::string_view::npos ||
        absl::ascii_isdigit(static_cast<unsigned char>(rest[opens])) || rest[opens] == '(') {
      return std::nullopt;
    }
  }
  return HeadlineRunOfLine(candidates, headline, lines, features, roles);
}

std::optional<size_t> HeadlineNamingTheLabel(const std::vector<TitleCandidate>& candidates,
                                             size_t chosen, const std::vector<SourceLine>& lines,
                                             const std::vector<LineFeatures>& features,
                                             const std::vector<LineRole>& roles) {
  constexpr size_t kMostLinesAbove = 8;
  constexpr int kFewestHeadlineWords = 5;
  const TitleCandidate& run = candidates[chosen];
  if (run.end != run.begin + 1) return std::nullopt;
  const std::optional<v1::DocType> label =
      DocTypeFromLabelLine(FeatureLineText(lines, features, run.begin));
  if (!label.has_value()) return std::nullopt;
  std::vector<int8_t> may_line(features.size(), -1);
  for (size_t c = 0; c < candidates.size(); ++c) {
    const TitleCandidate& above = candidates[c];
    if (above.end != above.begin + 1 || above.begin >= run.begin ||
        run.begin - above.begin > kMostLinesAbove) {
      continue;
    }
    const absl::string_view text = FeatureLineText(lines, features, above.begin);
    const std::optional<LeadingLabel> opening = DocTypeLabelPrefix(text, /*any_rest=*/true);
    if (!opening.has_value() || opening->type != *label ||
        CountWordsUpTo(text, kFewestHeadlineWords) < kFewestHeadlineWords ||
        !MayBeHeadline(above, lines, features, roles, &may_line)) {
      continue;
    }
    return c;
  }
  return std::nullopt;
}

std::optional<size_t> HeadlineOverLabelAndStandfirst(const std::vector<TitleCandidate>& candidates,
                                                     size_t chosen,
                                                     const std::vector<SourceLine>& lines,
                                                     const std::vector<LineFeatures>& features,
                                                     const std::vector<LineRole>& roles) {
  constexpr int kFewestStandfirstWords = 12;
  constexpr int kFewestHeadlineWords = 5;
  const TitleCandidate& run = candidates[chosen];
  if (run.end == run.begin || run.begin < 2) return std::nullopt;
  const std::string chosen_text = JoinRunLines(lines, features, run.begin, run.end);
  if (CountWordsUpTo(chosen_text, kFewestStandfirstWords) < kFewestStandfirstWords) {
    return std::nullopt;
  }
  const size_t label = run.begin - 1;
  if (!DocTypeFromLabelLine(FeatureLineText(lines, features, label)).has_value()) {
    return std::nullopt;
  }
  // The issuer's field between ("From: Environment and Climate Change
  // Canada"): without it, the line over a label is as often a menu's item
  // or the site's name, and the run under the label the headline.
  if (label < 2 || !absl::StartsWith(FeatureLineText(lines, features, label - 1), "From:")) {
    return std::nullopt;
  }
  const size_t headline = label - 2;
  const absl::string_view text = FeatureLineText(lines, features, headline);
  if (CountWordsUpTo(text, kFewestHeadlineWords) < kFewestHeadlineWords || EndsSentence(text) ||
      !FindDates(text).empty() || !MayBeHeadlineLine(text, roles[headline])) {
    return std::nullopt;
  }
  return HeadlineRunOfLine(candidates, headline, lines, features, roles);
}

std::optional<size_t> HeadlineAboveDateLine(const std::vector<TitleCandidate>& candidates,
                                            size_t chosen, const std::vector<SourceLine>& lines,
                                            const std::vector<LineFeatures>& features,
                                            const std::vector<LineRole>& roles) {
  // The date line: the model's, or a line the date reader reads as one
  // above the text's first sentence (the model may read "(Paris, 29
  // novembre 2006)" under a label as the page's).
  auto is_date_line = [&](size_t k) {
    const absl::string_view text = FeatureLineText(lines, features, k);
    return roles[k] == LineRole::kDate || ParseDateLine(text).has_value() ||
           (CountWordsUpTo(text, kMaxDateLineWords) <= kMaxDateLineWords &&
            !FindDates(text).empty());
  };
  size_t date = 0;
  while (date < features.size() && !is_date_line(date) &&
         !OpensTheText(FeatureLineText(lines, features, date))) {
    ++date;
  }
  if (date == features.size() || date == 0 || !is_date_line(date)) return std::nullopt;
  // A label naming who speaks may stand between the headline and its date
  // ("Sommet de l'Alliance atlantique à Bucarest" / "Déclaration du
  // porte-parole" / "(Paris, 3 avril 2008)").
  const size_t headline_end =
      date >= 2 && IsSpeakerLabel(FeatureLineText(lines, features, date - 1)) ? date - 1 : date;
  // The model chose no title, a sentence of the body, that label, or an
  // item of a menu printed above the headline.
  const TitleCandidate& current = candidates[chosen];
  const bool label_chosen =
      current.end == current.begin + 1 && current.begin == headline_end && headline_end < date;
  const bool chosen_gives_way = current.end == current.begin || label_chosen ||
                                OpensTheText(FeatureLineText(lines, features, current.begin)) ||
                                (current.end == current.begin + 1 &&
                                 IsIssuerLabel(FeatureLineText(lines, features, current.begin)));
  // Any other run gives way only as a menu's item, far above the headline.
  if (!chosen_gives_way && current.end >= headline_end) return std::nullopt;
  std::optional<WordStems> below;  // Built for the first run that may be a headline.
  std::vector<int8_t> may_line(features.size(), -1);
  std::optional<size_t> best;
  for (size_t c = 0; c < candidates.size(); ++c) {
    const TitleCandidate& run = candidates[c];
    if (run.end != headline_end || run.end - run.begin > kMaxHeadlineLines) continue;
    if (!chosen_gives_way && !IsMenuBetween(current.end, run.begin, lines, features)) continue;
    if (!MayBeHeadline(run, lines, features, roles, &may_line)) continue;
    // A line the rules dropped (a speaker's name or a place above the date
    // line) is none of the headline's.
    bool dropped = false;
    for (size_t k = run.begin; k < run.end; ++k) {
      dropped |= absl::StartsWith(features[k].rule_fate, "dropped_");
    }
    if (dropped) continue;
    // A line dated itself right above the date line ("Daily News 12 / 07 /
    // 2021") is the page's wrapping, not a headline.
    bool dated = false;
    for (size_t k = run.begin; k < run.end; ++k) {
      dated |= !FindDates(FeatureLineText(lines, features, k)).empty();
    }
    if (dated) continue;
    // It opens the page, or stands under a type label or a banner.
    if (run.begin > 0) {
      const absl::string_view above = FeatureLineText(lines, features, run.begin - 1);
      const bool label = roles[run.begin - 1] == LineRole::kTypeLabel ||
                         DocTypeFromLabelLine(above).has_value() ||
                         DocTypeFromSectionName(above).has_value() ||
                         DocTypeLabelPrefix(above, /*any_rest=*/true).has_value();
      if (!label && !IsSiteBannerLine(above) && roles[run.begin - 1] != LineRole::kFurniture) {
        continue;
      }
    }
    if (!below.has_value()) below = StemsFrom(date + 1, lines, features);
    if (!WordsComeBackBelow(run, *below, lines, features)) continue;
    if (!best.has_value() || run.score > candidates[*best].score) best = c;
  }
  return best;
}

std::optional<size_t> HeadlineUnderBrowserTitle(const std::vector<TitleCandidate>& candidates,
                                                size_t chosen, const std::vector<SourceLine>& lines,
                                                const std::vector<LineFeatures>& features) {
  // Most words of a site's name after the bar.
  constexpr int kMaxSiteNameWords = 6;
  const TitleCandidate& run = candidates[chosen];
  // A browser's title opens the saved page.
  if (run.begin != 0 || run.end != 1) return std::nullopt;
  const absl::string_view text = FeatureLineText(lines, features, run.begin);
  const size_t bar = text.rfind(" | ");
  if (bar == absl::string_view::npos || bar == 0) return std::nullopt;
  const absl::string_view site = absl::StripAsciiWhitespace(text.substr(bar + 3));
  if (site.empty() || CountWordsUpTo(site, kMaxSiteNameWords + 1) > kMaxSiteNameWords) {
    return std::nullopt;
  }
  const absl::string_view headline = absl::StripAsciiWhitespace(text.substr(0, bar));
  // "Ministry of Health | Minister opens …" puts the site first: the part
  // before the bar is then the banner, not the headline.
  if (IsSiteBannerLine(headline) ||
      CountWordsUpTo(headline, kMaxSiteNameWords + 1) <= CountWordsUpTo(site, kMaxSiteNameWords)) {
    return std::nullopt;
  }
  // The headline printed again stands in the page's head, above the text's
  // first sentence (further down, a heading of the text may share words
  // with the title).
  size_t text_begin = run.end;
  while (text_begin < features.size() &&
         !OpensTheText(FeatureLineText(lines, features, text_begin))) {
    ++text_begin;
  }
  for (size_t c = 0; c < candidates.size(); ++c) {
    const TitleCandidate& other = candidates[c];
    if (c == chosen || other.end != other.begin + 1 || other.begin >= text_begin) continue;
    if (FeatureLineText(lines, features, other.begin) == headline) return c;
  }
  return std::nullopt;
}

}  // namespace docsearch::ingest
