// HeadlineBelowBreadcrumb and HeadlineRightUnderBreadcrumb
// (title_page_shape.h): the headline read from where the path to the page,
// or the text's type label, is printed. Apart from the other readers of a
// title from the page's shape (title_page_shape.cc) for their length; what
// they share is page_shape_headlines.h.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
#include "ingest_service/parser/breadcrumb_section.h"
#include "ingest_service/parser/date_parser.h"
#include "ingest_service/parser/doc_type.h"
#include "ingest_service/parser/line_shape.h"
#include "ingest_service/parser/page_shape_headlines.h"
#include "ingest_service/parser/title_page_shape.h"
#include "ingest_service/parser/title_run.h"

namespace docsearch::ingest {

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

}  // namespace docsearch::ingest
