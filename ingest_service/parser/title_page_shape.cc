#include "ingest_service/parser/title_page_shape.h"

#include <cstdint>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
#include "ingest_service/parser/boilerplate.h"
#include "ingest_service/parser/date_parser.h"
#include "ingest_service/parser/doc_type.h"
#include "ingest_service/parser/head_lexicon.h"
#include "ingest_service/parser/late_furniture.h"
#include "ingest_service/parser/line_shape.h"
#include "ingest_service/parser/page_shape_headlines.h"
#include "ingest_service/parser/title_run.h"

namespace docsearch::ingest {
namespace {

// Most lines a banner, or a headline above its date line, runs to.
constexpr size_t kMaxBannerLines = 3;
constexpr size_t kMaxHeadlineLines = 3;
// Most words of a short line holding a date that reads as the date line
// ("(Paris, 29 novembre 2006)").
constexpr int kMaxDateLineWords = 6;

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

bool OpensWithDate(absl::string_view text) {
  const std::vector<FoundDate> dates = FindDates(text);
  return !dates.empty() && dates.front().begin == 0;
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
