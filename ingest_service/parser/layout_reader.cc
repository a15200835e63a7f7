#include "ingest_service/parser/layout_reader.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "ingest_service/parser/body_parser.h"
#include "ingest_service/parser/breadcrumb_section.h"
#include "ingest_service/parser/contents_pages.h"
#include "ingest_service/parser/date_parser.h"
#include "ingest_service/parser/doc_type.h"
#include "ingest_service/parser/embedded_posts.h"
#include "ingest_service/parser/head_lexicon.h"
#include "ingest_service/parser/head_reader.h"
#include "ingest_service/parser/header_lines.h"
#include "ingest_service/parser/issuer_title.h"
#include "ingest_service/parser/late_furniture.h"
#include "ingest_service/parser/layout_types.h"
#include "ingest_service/parser/line_accounting.h"
#include "ingest_service/parser/line_shape.h"
#include "ingest_service/parser/link_list_items.h"
#include "ingest_service/parser/markdown_marks.h"
#include "ingest_service/parser/message_headers.h"
#include "ingest_service/parser/never_headline.h"
#include "ingest_service/parser/page_breaks.h"
#include "ingest_service/parser/page_controls.h"
#include "ingest_service/parser/page_history.h"
#include "ingest_service/parser/parse_warnings.h"
#include "ingest_service/parser/photo_captions.h"
#include "ingest_service/parser/plain_text_parser.h"
#include "ingest_service/parser/prose_in_any_script.h"
#include "ingest_service/parser/reference.h"
#include "ingest_service/parser/release_shape.h"
#include "ingest_service/parser/source_path_type.h"
#include "ingest_service/parser/stamp_line_reader.h"
#include "ingest_service/parser/text_normalizer.h"
#include "ingest_service/parser/title_chooser.h"
#include "ingest_service/parser/title_date_line.h"
#include "ingest_service/parser/title_from_roles.h"
#include "ingest_service/parser/title_page_shape.h"
#include "ingest_service/parser/title_run.h"
#include "ingest_service/parser/title_span.h"

namespace docsearch::ingest {
namespace {

using docsearch::v1::ParseDocumentResponse;

// The model learns furniture partly from its neighbours (a line after
// navigation links tends to be more navigation), which once dropped a
// closing paragraph that followed a "Go to Homepage" line. Losing a body
// sentence costs a reader more than leaving a line of furniture, so the
// model alone never removes prose the rules kept (ReadsAsProse).

// Features shown per line with explain_lines.
constexpr size_t kExplainedFeatures = 5;

// See ChooseTitleCandidate.
constexpr float kOverrideMargin = 2;

// A line read as the page's wrapping: a press-office formula, an
// institution's name alone, a menu or a line printed on every block of the
// page (head_lexicon.h).
bool ReadsAsWrapping(const LineFeatures& line) {
  return line.Has(VoteFeature(Vote::kPressOffice)) ||
         line.Has(VoteFeature(Vote::kInstitutionName)) || line.Has(VoteFeature(Vote::kMenu)) ||
         line.Has(feature::kRepeated3);
}

// Paragraphs searched for a headline the cascade kept as body.
constexpr int kOpeningParagraphs = 4;

// A headline read from the page's shape may be a line the cascade kept as
// body, joined there with the type label below it ("Mali – Attaque contre
// un convoi de la MINUSMA Déclaration de la porte-parole"): that paragraph
// goes, the type readers having read the label. A paragraph that only
// opens with the title's words is the text's own ("Jens Stoltenberg said
// today …") and stays whole.
void CutTitleFromOpeningParagraph(v1::Document* document) {
  const std::string& title = document->title();
  if (title.empty()) return;
  auto* paragraphs = document->mutable_paragraphs();
  for (int p = 0; p < std::min(paragraphs->size(), kOpeningParagraphs); ++p) {
    absl::string_view text = paragraphs->Get(p).text();
    if (!absl::ConsumePrefix(&text, title) || !absl::ConsumePrefix(&text, " ")) continue;
    const absl::string_view rest = TrimLine(text);
    if (DocTypeFromLabelLine(rest).has_value() ||
        (CountWordsUpTo(rest, 5) <= 5 && !EndsSentence(rest) &&
         DocTypeLabelPrefix(rest, /*any_rest=*/true).has_value())) {
      paragraphs->DeleteSubrange(p, 1);
    }
    return;
  }
}

// Title lines also show the run they belong to: "title_run" with the
// run's score and the run features that weigh most for it.
void Explain(const std::vector<SourceLine>& lines, const std::vector<LineFeatures>& features,
             const std::vector<LineRole>& roles, const LineRoleModel& model,
             const TitleCandidate& title_run, ParseDocumentResponse* response) {
  std::vector<std::pair<std::string, float>> run_features;
  float run_score = 0;
  if (title_run.end > title_run.begin) {
    run_score = model.SpanScore(title_run);
    run_features = model.TopSpanFeatures(title_run, 3);
  }
  size_t k = 0;
  const size_t listed = std::min(lines.size(), static_cast<size_t>(kMaxListedLines));
  response->set_lines_not_listed(static_cast<int32_t>(lines.size() - listed));
  for (size_t i = 0; i < listed; ++i) {
    v1::LineExplanation* explanation = response->add_lines();
    explanation->set_line_number(lines[i].number);
    explanation->set_text(std::string(lines[i].text));
    if (k < features.size() && features[k].line_index == i) {
      explanation->set_role(std::string(LineRoleName(roles[k])));
      if (roles[k] == LineRole::kTitle && k >= title_run.begin && k < title_run.end) {
        v1::LineFeature* run = explanation->add_features();
        run->set_name(absl::StrCat("title_run(lines ",
                                   lines[features[title_run.begin].line_index].number, "-",
                                   lines[features[title_run.end - 1].line_index].number, ")"));
        run->set_weight(run_score);
        for (const auto& [name, weight] : run_features) {
          v1::LineFeature* feature = explanation->add_features();
          feature->set_name(absl::StrCat("run:", name));
          feature->set_weight(weight);
        }
      }
      for (const auto& [name, weight] :
           model.TopFeatures(features[k], roles[k], kExplainedFeatures)) {
        v1::LineFeature* feature = explanation->add_features();
        feature->set_name(name);
        feature->set_weight(weight);
      }
      ++k;
    }
  }
}

// The model's best candidate, unless the cascade's own title (the
// candidate spelling it, or "no title") scores within kOverrideMargin of it:
// the cascade keeps what it is not clearly wrong about.
// How the title run was chosen: `declared` when the page itself names it
// (its <h1>, its URL or <title>, a headline printed twice), not the model's
// ranking.
struct TitleChoiceOfRun {
  size_t candidate = 0;
  bool declared = false;
  // Declared only by being printed twice, as a site prints its own name
  // too; the page's shape may still overrule it.
  bool printed_twice = false;
};

// "Previous press release: …", "Next: …", "Article précédent : …": a
// link to a neighbouring page, named by its place in the series.
bool OpensWithLinkToAnotherPage(absl::string_view text) {
  const std::string folded = FoldAccents(text);
  for (absl::string_view link :
       {"previous", "next", "precedent", "suivant", "anterior", "siguiente", "vorherige", "nachste",
        "precedente", "successivo", "article precedent", "article suivant"}) {
    if (absl::StartsWith(folded, link)) return true;
  }
  return false;
}

// The first line kept by the rules right over a line read as the type
// label or the date line ("Mayor launches £2m fund …" / "Press release";
// "FDA Roundup: March 12, 2024" / "For Immediate Release: …"), shaped as
// a headline: a few words, no sentence, no menu item, no breadcrumb.
// Only asked when no run ranked as a title.
std::optional<size_t> HeadlineOverLabelOrDate(const std::vector<SourceLine>& lines,
                                              const std::vector<LineFeatures>& features,
                                              const std::vector<LineRole>& roles) {
  constexpr int kLeastWords = 3;
  constexpr int kMostWords = 25;
  for (size_t k = 0; k + 1 < features.size(); ++k) {
    const absl::string_view text = TrimLine(lines[features[k].line_index].text);
    // The head ends where the text's prose begins: a sign-off over its
    // place and date at the foot of a statement is no headline.
    if (features[k].rule_fate == "kept" && ReadsAsProse(text)) return std::nullopt;
    // Right over the label or the date line (one blank line at most), and
    // a date line that reads as one.
    const absl::string_view next = TrimLine(lines[features[k + 1].line_index].text);
    const bool over_label = roles[k + 1] == LineRole::kTypeLabel;
    const bool over_date = roles[k + 1] == LineRole::kDate && ParseDateLine(next).has_value();
    if ((!over_label && !over_date) || features[k + 1].line_index - features[k].line_index > 2 ||
        features[k].rule_fate != "kept") {
      continue;
    }
    // A line of its own: the last line of a block (a wrapped headline's
    // standfirst under it) is not the headline.
    if (k > 0 && features[k].line_index - features[k - 1].line_index == 1 &&
        features[k - 1].rule_fate == "kept" && roles[k - 1] != LineRole::kFurniture) {
      continue;
    }
    const int words = CountWordsUpTo(text, kMostWords + 1);
    if (words < kLeastWords || words > kMostWords || EndsSentence(text) ||
        DocTypeFromLabelLine(text).has_value() || ParseDateLine(text).has_value() ||
        OpensWithLinkToAnotherPage(text)) {
      continue;
    }
    TitleCandidate single;
    single.begin = k;
    single.end = k + 1;
    if (IsNeverHeadline(single, lines, features)) continue;
    return k;
  }
  return std::nullopt;
}

TitleChoiceOfRun ChooseTitleCandidate(const std::vector<TitleCandidate>& candidates,
                                      const std::vector<SourceLine>& lines,
                                      const std::vector<LineFeatures>& features,
                                      const LayoutOptions& options, absl::string_view source_uri) {
  // The page's declared headline wins when the text spells it.
  if (const std::string headline = FoldForMatching(options.html_headline); !headline.empty()) {
    for (size_t c = 0; c < candidates.size(); ++c) {
      const TitleCandidate& candidate = candidates[c];
      if (candidate.begin == candidate.end) continue;
      if (FoldForMatching(JoinRunLines(lines, features, candidate.begin, candidate.end)) ==
          headline) {
        return {c, true};
      }
    }
  }
  if (std::optional<size_t> hinted =
          CandidateNamedByHints(candidates, lines, features, source_uri, options.page_title)) {
    return {*hinted, true};
  }
  // A banner printed twice (its logo's text, then its name) is no headline
  // printed twice.
  if (std::optional<size_t> twice = CandidatePrintedTwice(candidates, lines, features);
      twice.has_value() && !IsBannerRun(candidates[*twice], lines, features)) {
    return {*twice, true, true};
  }
  const float margin = kOverrideMargin;
  // Prose the cascade kept as body is never made the title by the model
  // alone (the same reasoning as for furniture, see ReadsAsProse).
  size_t best = 0;  // "No title" is always allowed.
  float best_score = candidates[0].score;
  // Sentences of body the cascade kept above each line: after three, the
  // body has begun, and a short line there is a heading inside it (a
  // digest's item, a section), not the document's headline. (Site notices
  // above a headline are one or two sentences.)
  constexpr int kMaxProseAboveTitle = 2;
  std::vector<int> prose_above(features.size() + 1, 0);
  for (size_t k = 0; k < features.size(); ++k) {
    const bool prose = features[k].rule_fate == "kept" &&
                       ReadsAsProse(TrimLine(lines[features[k].line_index].text));
    prose_above[k + 1] = prose_above[k] + (prose ? 1 : 0);
  }
  for (size_t c = 1; c < candidates.size(); ++c) {
    const TitleCandidate& candidate = candidates[c];
    const float score = candidate.score;
    if (score <= best_score) continue;
    if (prose_above[candidate.begin] > kMaxProseAboveTitle) continue;
    // A label printed with its date ("Press Release 28 June 2004") is the
    // date line, not a headline.
    if (candidate.end == candidate.begin + 1) {
      const absl::string_view text = TrimLine(lines[features[candidate.begin].line_index].text);
      if (std::vector<FoundDate> dates = FindDates(text); !dates.empty()) {
        const std::string rest =
            absl::StrCat(text.substr(0, dates.front().begin), text.substr(dates.front().end));
        if (DocTypeFromLabelLine(rest).has_value()) continue;
      }
    }
    // A list item ("- soit faire une recherche …") or a numbered paragraph
    // ("2 - Liberté de la presse …", "1. The Council met …") is never a
    // headline.
    if (candidate.end > candidate.begin &&
        FindParagraphMarker(lines[features[candidate.begin].line_index].text).has_value()) {
      continue;
    }
    if (IsNeverHeadline(candidate, lines, features)) continue;
    if (candidate.end > candidate.begin && features[candidate.begin].rule_fate == "kept" &&
        ReadsAsProse(JoinRunLines(lines, features, candidate.begin, candidate.end))) {
      continue;
    }
    best = c;
    best_score = score;
  }
  std::optional<size_t> cascade;
  for (size_t c = 0; c < candidates.size() && !cascade.has_value(); ++c) {
    if (candidates[c].rule_choice) cascade = c;
  }
  if (!cascade.has_value()) return {best};
  if (IsNeverHeadline(candidates[*cascade], lines, features)) return {best};
  // The cascade's title is not protected when it reads as the page's
  // wrapping: a press-office formula, an institution's name alone, a menu or
  // a line printed on every block of the page (head_lexicon.h).
  if (const TitleCandidate& kept = candidates[*cascade]; kept.end > kept.begin) {
    if (ReadsAsWrapping(features[kept.begin])) return {best};
  }
  return {candidates[best].score - candidates[*cascade].score > margin ? best : *cascade};
}

// Whether the model itself doubts the chosen run: a run of lines that reads
// as the page's wrapping (a press-office formula, an institution named
// alone, a menu, a line printed on every block), or a rival it ranks at
// least as high — "no title", or a run sharing no line with the chosen one
// (overlapping runs are the same headline with other edges). A page that
// names its headline is not doubted. The search side gives such titles no
// extra weight (docs/RELEVANCE.md): a wrong title is site furniture more
// often than not, and its words would otherwise rank the page first.
bool TitleRunUncertain(const std::vector<TitleCandidate>& candidates,
                       const TitleChoiceOfRun& choice, const std::vector<LineFeatures>& features) {
  const TitleCandidate& chosen = candidates[choice.candidate];
  if (choice.declared || chosen.end == chosen.begin) return false;
  for (size_t k = chosen.begin; k < chosen.end; ++k) {
    if (ReadsAsWrapping(features[k])) return true;
  }
  for (const TitleCandidate& rival : candidates) {
    const bool disjoint = rival.end <= chosen.begin || rival.begin >= chosen.end;
    if (disjoint && rival.score >= chosen.score) return true;
  }
  return false;
}

std::vector<SourceLine> SplitLines(absl::string_view text) {
  std::vector<SourceLine> lines;
  int number = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) lines.push_back({line, ++number});
  return lines;
}

}  // namespace

void ReadLayout(absl::string_view text, absl::string_view source_uri, const LayoutOptions& options,
                ParseDocumentResponse* response) {
  const LineRoleModel& model = options.model != nullptr ? *options.model : EmbeddedLineRoleModel();
  // The same lines the cascade reads (it splits leftover <br> tags too),
  // Markdown's marks around whole lines left out.
  // A mailbox's or a news database's header fields read first (message_headers.h).
  TextWithoutHeaders without_headers = WithoutMessageHeaders(WithoutMarkdownMarks(
      absl::StrReplaceAll(text, {{"<br />", "\n"}, {"<br/>", "\n"}, {"<br>", "\n"}})));
  const std::string& unbroken = without_headers.text;
  const std::vector<SourceLine> lines = SplitLines(unbroken);

  // What the furniture rules say of each line, read once for both runs of
  // the cascade and the line features.
  LineReadings readings;
  ParseDocumentResponse parsed;
  ParsePlainText(unbroken, source_uri, &parsed, &readings);
  const std::vector<LineFeatures> features = ComputeLineFeatures(lines, parsed, &readings);
  std::vector<LineRole> roles = model.Decode(features);
  // The title is one run of lines: the best-ranked candidate run decides
  // which lines are the title.
  // The choice needs only the runs' scores; their features as strings are
  // built only for an explanation or a tool's trace.
  std::vector<TitleCandidate> candidates = ScoredTitleCandidates(
      lines, features, parsed, model.span_weights(), model.span_line_weights());
  std::vector<TitleCandidate> named;
  if (options.explain || options.trace != nullptr) {
    named = TitleCandidates(lines, features, parsed);
  }
  TitleChoiceOfRun choice = ChooseTitleCandidate(candidates, lines, features, options, source_uri);
  bool from_page_shape = false;
  if (!choice.declared || choice.printed_twice) {
    if (std::optional<size_t> headline =
            HeadlineUnderBrowserTitle(candidates, choice.candidate, lines, features)) {
      choice.candidate = *headline;
      from_page_shape = true;
    }
    if (std::optional<size_t> headline =
            HeadlineBelowBanner(candidates, choice.candidate, lines, features, roles)) {
      choice.candidate = *headline;
      from_page_shape = true;
    } else if (std::optional<size_t> above =
                   HeadlineAboveDateLine(candidates, choice.candidate, lines, features, roles)) {
      choice.candidate = *above;
      from_page_shape = true;
    }
    if (std::optional<size_t> longer =
            CapitalHeadlineGoingOn(candidates, choice.candidate, lines, features, roles)) {
      choice.candidate = *longer;
    }
  }
  if (!choice.declared || choice.printed_twice) {
    if (std::optional<size_t> below =
            HeadlineBelowBreadcrumb(candidates, choice.candidate, lines, features, roles)) {
      choice.candidate = *below;
      choice.declared = false;
      from_page_shape = true;
    } else if (std::optional<size_t> over = HeadlineRightUnderBreadcrumb(
                   candidates, choice.candidate, lines, features, roles)) {
      choice.candidate = *over;
      choice.declared = false;
      from_page_shape = true;
    } else if (std::optional<size_t> named =
                   HeadlineNamingTheLabel(candidates, choice.candidate, lines, features, roles)) {
      choice.candidate = *named;
      choice.declared = false;
      from_page_shape = true;
    } else if (std::optional<size_t> over_label = HeadlineOverLabelAndStandfirst(
                   candidates, choice.candidate, lines, features, roles)) {
      choice.candidate = *over_label;
      choice.declared = false;
      from_page_shape = true;
    }
  }
  const bool title_uncertain = TitleRunUncertain(candidates, choice, features);
  TitleCandidate title_run = candidates[choice.candidate];
  if (!named.empty()) title_run.features = named[choice.candidate].features;
  RepairTitleRun(lines, features, &title_run);
  // A site's welcome banner opening the run is the page's, not the headline's.
  while (title_run.end > title_run.begin + 1 &&
         IsWelcomeBannerLine(lines[features[title_run.begin].line_index].text)) {
    ++title_run.begin;
  }
  // No run ranked as a title, and the model took the headline for the
  // page's: the page's shape still names it (a headline right over the
  // type label or the date line).
  bool title_from_fallback = false;
  if (title_run.end == title_run.begin) {
    if (std::optional<size_t> headline = HeadlineOverLabelOrDate(lines, features, roles)) {
      title_run.begin = *headline;
      title_run.end = *headline + 1;
      from_page_shape = true;
      title_from_fallback = true;
    }
  }
  const TitleCandidate& chosen = title_run;
  for (size_t k = 0; k < roles.size(); ++k) {
    const bool in_title = k >= chosen.begin && k < chosen.end;
    if (in_title) {
      roles[k] = LineRole::kTitle;
    } else if (roles[k] == LineRole::kTitle) {
      roles[k] = k < chosen.begin ? LineRole::kHeadOther : LineRole::kBody;
    }
  }
  if (options.trace != nullptr) {
    options.trace->lines.clear();
    for (const SourceLine& line : lines) options.trace->lines.emplace_back(line.text);
    options.trace->features = features;
    options.trace->title_candidates = std::move(named);
  }

  // A salutation, or a speech's list of the dignitaries it greets, one to
  // a line and each closed by a semicolon, down to "Ladies and Gentlemen":
  // the speech's opening, however short its lines. Asked only of the lines
  // the model dropped.
  auto greets = [&](size_t k) {
    for (; k < features.size(); ++k) {
      const absl::string_view text = TrimLine(lines[features[k].line_index].text);
      if (!absl::EndsWith(text, ";")) return IsSalutation(text);
    }
    return false;
  };
  // A salutation in another script than the Latin one, which IsSalutation
  // does not know the words of ("السيد الرئيس،", "Дорогі українці та
  // українки!"): a few words closed by a comma or '!' right over the
  // speech's first sentence.
  auto closes_a_salutation = [](absl::string_view text) {
    return absl::EndsWith(text, ",") || absl::EndsWith(text, "\xD8\x8C") ||
           absl::EndsWith(text, "!");
  };
  auto greets_in_another_script = [&](size_t k) {
    constexpr int kMostWords = 6;
    const absl::string_view text = TrimLine(lines[features[k].line_index].text);
    if (text.empty() || CountWordsUpTo(text, kMostWords + 1) > kMostWords ||
        std::any_of(text.begin(), text.end(),
                    [](char c) { return absl::ascii_isalpha(static_cast<unsigned char>(c)); })) {
      return false;
    }
    if (!closes_a_salutation(text)) return false;
    // Down any other line of the salutation to the first sentence.
    for (size_t next = k + 1; next < features.size() && next <= k + 3; ++next) {
      const absl::string_view below = TrimLine(lines[features[next].line_index].text);
      if (roles[next] == LineRole::kBody && ReadsAsProseInAnyScript(below)) return true;
      if (!closes_a_salutation(below)) return false;
    }
    return false;
  };
  // A related item's teaser over its date: furniture, sentence though it is.
  auto teaser_over_its_date = [&](size_t k) {
    if (k + 1 >= features.size()) return false;
    const absl::string_view next = TrimLine(lines[features[k + 1].line_index].text);
    return ParseDateLine(next).has_value() || ParseDateLineWithTime(next).has_value();
  };
  // Furniture the cascade kept: read the text again without it.
  std::vector<size_t> furniture;
  // The model's roles before any line is given back, so that one sentence
  // given back does not carry the lines under it (a related list's
  // teasers) with it.
  const std::vector<LineRole> model_roles = roles;
  for (size_t k = 0; k < features.size(); ++k) {
    if (roles[k] != LineRole::kFurniture || absl::StartsWith(features[k].rule_fate, "dropped_")) {
      continue;
    }
    // A sentence of another script than the Latin one that goes on from the
    // body above it ("… στην ιστοσελίδα του Υπουργείου." over a line of
    // tags): ReadsAsProse counts lower-case words in ASCII only. Not
    // asked of such lines elsewhere: a site's notice in a sentence is
    // furniture that the model is right to drop.
    const absl::string_view text = lines[features[k].line_index].text;
    if (ReadsAsProse(text) || greets(k) || greets_in_another_script(k) ||
        (k > 0 && model_roles[k - 1] == LineRole::kBody && !teaser_over_its_date(k) &&
         ReadsAsProseInAnyScript(text))) {
      roles[k] = LineRole::kBody;
      continue;
    }
    furniture.push_back(features[k].line_index);
  }
  // Furniture told by shapes the model's inputs leave out (late_furniture.h).
  for (size_t k = 0; k < features.size(); ++k) {
    if (roles[k] == LineRole::kFurniture || roles[k] == LineRole::kTitle ||
        (features[k].rule_fate != "kept" && features[k].rule_fate != "title")) {
      continue;
    }
    const absl::string_view line = lines[features[k].line_index].text;
    if (LateFurnitureReason(line, readings.Read(line).folded).has_value()) {
      roles[k] = LineRole::kFurniture;
      furniture.push_back(features[k].line_index);
    }
  }
  MarkLinkListItems(lines, features, chosen.end, &roles, &furniture);
  MarkCaptionsOverCredits(lines, features, &roles, &furniture);
  MarkPageHistory(lines, features, &roles, &furniture);
  MarkEmbeddedPosts(lines, features, &roles, &furniture);
  MarkRunningHeadsAndFeet(lines, features, &roles, &furniture);
  std::sort(furniture.begin(), furniture.end());
  // What the cascade kept as body above the title run is the page's head
  // (banners, "official website" and archive notices): a headline opens
  // the text a reader reads.
  std::vector<size_t> head;
  for (size_t k = 0; k < chosen.begin && chosen.end > chosen.begin; ++k) {
    if (features[k].rule_fate != "kept" || roles[k] == LineRole::kFurniture) continue;
    // A line naming the type stays for the type readers.
    const absl::string_view text = TrimLine(lines[features[k].line_index].text);
    if (DocTypeFromLabelLine(text).has_value() || DocTypeFromTitle(text).has_value()) continue;
    roles[k] = LineRole::kHeadOther;
    head.push_back(features[k].line_index);
  }
  // With no title there is no run to stand below, but a line naming an
  // institution alone ("Organization for Security and Co-operation in
  // Europe") above the text's first date or prose line is still the
  // page's banner, not the text's first paragraph.
  if (chosen.end == chosen.begin) {
    constexpr FeatureId kProseLine = static_cast<FeatureId>(feature::kToProse + feature::kOffsetAt);
    for (size_t k = 0; k < features.size(); ++k) {
      if (roles[k] == LineRole::kDate || features[k].Has(kProseLine)) break;
      // The cascade may have read the banner as its title, which the model
      // did not take.
      const bool kept = features[k].rule_fate == "kept" || features[k].rule_fate == "title";
      if (!kept || roles[k] == LineRole::kFurniture ||
          !features[k].Has(VoteFeature(Vote::kInstitutionName)) ||
          !NamesInstitutionAsABanner(lines[features[k].line_index].text)) {
        continue;
      }
      roles[k] = LineRole::kHeadOther;
      head.push_back(features[k].line_index);
    }
  }
  if (!furniture.empty() || !head.empty()) {
    std::vector<size_t> removed = furniture;
    removed.insert(removed.end(), head.begin(), head.end());
    std::sort(removed.begin(), removed.end());
    std::vector<absl::string_view> kept;
    kept.reserve(lines.size());
    size_t f = 0;
    for (size_t i = 0; i < lines.size(); ++i) {
      if (f < removed.size() && removed[f] == i) {
        kept.push_back("");
        ++f;
      } else {
        kept.push_back(lines[i].text);
      }
    }
    // The date the cascade read is kept when the text read again without
    // the furniture finds none (a date line the model took for the page's:
    // "Paris, 11 juin 2021" under a label).
    // A fallback's date (an Updated header, a date in the body) comes back
    // with its warning, so that the stamp readers below may still correct
    // it.
    std::optional<v1::Date> first_published;
    std::vector<v1::ParseWarning> first_fallbacks;
    if (parsed.document().has_published()) {
      first_published = parsed.document().published();
      for (const v1::ParseWarning& warning : parsed.document().warnings()) {
        std::optional<ParseWarningCode> code = ParseWarningCodeOf(warning.code());
        if (code.has_value() && IsPublishedFallback(*code)) first_fallbacks.push_back(warning);
      }
    }
    parsed.Clear();
    ParsePlainText(absl::StrJoin(kept, "\n"), source_uri, &parsed, &readings);
    if (first_published.has_value() && !parsed.document().has_published()) {
      v1::Document* document = parsed.mutable_document();
      *document->mutable_published() = *first_published;
      RemoveWarnings(document, ParseWarningCode::kNoPublishedDate);
      for (v1::ParseWarning& warning : first_fallbacks) {
        *document->add_warnings() = std::move(warning);
      }
    }
    for (size_t index : furniture) DropLine(lines[index], "furniture", &parsed);
    for (size_t index : head) DropLine(lines[index], "head", &parsed);
  }

  for (const RemovedHeaderLine& header : without_headers.removed) {
    DropLine({header.text, header.number}, "message_header", &parsed);
  }
  SetTitleFromRoles(lines, features, roles, &parsed);
  ReplaceIssuerTitle(lines, features, roles, &parsed);
  ReadContentsUnderTitle(lines, features, roles, &parsed);
  if (from_page_shape) CutTitleFromOpeningParagraph(parsed.mutable_document());
  if ((title_uncertain || title_from_fallback) && !parsed.document().title().empty()) {
    AddWarning(ParseWarningCode::kTitleUncertain,
               "the title reads as site furniture, or another run of lines ranks as high",
               parsed.mutable_document());
  }
  ReadStampLine(lines, features, parsed.mutable_document());
  ReadDateNextToTitle(lines, features, roles, &parsed);
  DropPublishedDateParagraph(lines, &parsed);
  // A forwarded message whose text prints no date: the date it was sent.
  if (!without_headers.sent.empty() &&
      HasWarning(parsed.document(), ParseWarningCode::kNoPublishedDate)) {
    if (std::optional<FoundDate> sent = FindFirstDate(without_headers.sent)) {
      v1::Document* document = parsed.mutable_document();
      *document->mutable_published() = sent->date;
      RemoveWarnings(document, ParseWarningCode::kNoPublishedDate);
      AddWarning(ParseWarningCode::kPublishedFromMessageHeader,
                 "no date in the text; published is the date the message was sent", document);
    }
  }
  ReadTypeAndReferenceFromRoles(lines, features, roles, parsed.mutable_document());
  // After every printed sign: the address is the weakest evidence of a type.
  SetTypeFromSourcePath(source_uri, parsed.mutable_document());
  SetTypeFromReleaseMarks(lines, features, parsed.mutable_document());
  SetTypeFromReleaseShape(lines, features, roles, parsed.mutable_document());
  SetTypeFromReadingTime(lines, features, roles, parsed.mutable_document());
  RemoveDuplicateDroppedLines(&parsed);
  ReportUnkeptHeadLines(lines, features, roles, &parsed);
  if (options.explain) Explain(lines, features, roles, model, title_run, &parsed);
  response->MergeFrom(parsed);
}

}  // namespace docsearch::ingest
