#include "ingest_service/parser/title_span.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "ingest_service/parser/head_lexicon.h"
#include "ingest_service/parser/line_shape.h"
#include "ingest_service/parser/parse_warnings.h"
#include "ingest_service/parser/text_normalizer.h"
#include "ingest_service/parser/title_chooser.h"

namespace docsearch::ingest {
namespace {

std::string Bucket(size_t value, std::initializer_list<size_t> bounds) {
  size_t low = 0;
  for (size_t bound : bounds) {
    if (value < bound) return absl::StrCat(low, "-", bound - 1);
    low = bound;
  }
  return absl::StrCat(low, "+");
}

bool HasFeature(const LineFeatures& line, absl::string_view name) {
  for (const std::string& feature : line.features) {
    if (feature == name) return true;
  }
  return false;
}

bool IsVote(const std::string& feature) { return absl::StartsWith(feature, "vote="); }

// Features of a line worth carrying into a run's features: everything but
// the words of other lines.
bool CarriedFromEdge(const std::string& feature) { return !absl::StartsWith(feature, "word="); }

}  // namespace

std::vector<TitleCandidate> TitleCandidates(const std::vector<SourceLine>& lines,
                                            const std::vector<LineFeatures>& features,
                                            const v1::ParseDocumentResponse& rule_parse) {
  std::vector<TitleCandidate> candidates;
  const std::string rule_title = FoldForMatching(rule_parse.document().title());
  const bool digest = HasWarning(rule_parse.document(), ParseWarningCode::kDigestWithoutTitle);
  TitleCandidate none;
  none.features = {"none", rule_title.empty() ? "none:rule_has_none" : "none:rule_has_title"};
  if (digest) none.features.push_back("none:digest");
  for (size_t k = 0; k < features.size() && k < 12; ++k) {
    for (const std::string& feature : features[k].features) {
      if (feature == "vote=byline" || feature == "vote=salutation" ||
          feature == "vote=updated_header" || feature == "vote=date_line") {
        none.features.push_back(absl::StrCat("none:head_has_", feature.substr(5)));
      }
    }
  }
  candidates.push_back(std::move(none));

  // A run's case and word counts are the sums of its lines' (computed once),
  // except where a line ends with a hyphen, the run opens with a quote or
  // ends with a pipe: joining merges or cuts words there, so the joined text
  // is counted instead.
  const size_t window = std::min(features.size(), kTitleWindow + kMaxTitleLines);
  std::vector<TitleCaseCounts> case_counts(window);
  std::vector<int> word_counts(window);
  std::vector<std::string> folded_lines(window);
  for (size_t k = 0; k < window; ++k) {
    const absl::string_view text = TrimLine(lines[features[k].line_index].text);
    case_counts[k] = CountTitleCase(text);
    word_counts[k] = CountWords(text);
    folded_lines[k] = FoldForMatching(text);
  }
  // Each line opens, closes or sits inside up to kMaxTitleLines runs: its
  // features are prefixed for those places once, not once per run.
  std::vector<std::vector<std::string>> as_first(window);
  std::vector<std::vector<std::string>> as_last(window);
  std::vector<std::vector<std::string>> as_inner(window);
  for (size_t k = 0; k < window; ++k) {
    for (const std::string& feature : features[k].features) {
      if (CarriedFromEdge(feature)) {
        as_first[k].push_back(absl::StrCat("first:", feature));
        as_last[k].push_back(absl::StrCat("last:", feature));
      }
      if (IsVote(feature) && !absl::StartsWith(feature, "vote=fate_title") &&
          !absl::StartsWith(feature, "vote=title_case") &&
          !absl::StartsWith(feature, "vote=short") &&
          !absl::StartsWith(feature, "vote=lower_start")) {
        as_inner[k].push_back(absl::StrCat("inner:", feature.substr(5)));
      }
    }
  }

  // Lines that read as the page's wrapping (head_lexicon.h): a run after
  // one of them is below the banner, where headlines are.
  std::vector<bool> wrapping(window, false);
  for (size_t k = 0; k < window; ++k) {
    for (const std::string& feature : features[k].features) {
      if (feature == "vote=press_office" || feature == "vote=institution_name" ||
          feature == "vote=menu" || feature == "repeated_3+") {
        wrapping[k] = true;
      }
    }
  }
  bool after_wrapping = false;
  for (size_t begin = 0; begin < features.size() && begin < kTitleWindow; ++begin) {
    if (begin > 0 && wrapping[begin - 1]) after_wrapping = true;
    std::vector<absl::string_view> parts;
    TitleCaseCounts run_case;
    int run_words = 0;
    std::string run_folded;
    bool count_joined = false;
    bool crosses_blank = false;
    std::vector<std::string> inner;
    for (size_t end = begin + 1; end <= features.size() && end - begin <= kMaxTitleLines; ++end) {
      const LineFeatures& last = features[end - 1];
      const absl::string_view part = TrimLine(lines[last.line_index].text);
      if (parts.empty() ? absl::StartsWith(part, "\"")
                        : absl::EndsWith(TrimLine(parts.back()), "-")) {
        count_joined = true;
      }
      parts.push_back(part);
      run_case.content_words += case_counts[end - 1].content_words;
      run_case.capitalized += case_counts[end - 1].capitalized;
      run_words += word_counts[end - 1];
      absl::StrAppend(&run_folded, run_folded.empty() ? "" : " ", folded_lines[end - 1]);
      if (end - 1 > begin) {
        if (last.line_index != features[end - 2].line_index + 1) crosses_blank = true;
        inner.insert(inner.end(), as_inner[end - 1].begin(), as_inner[end - 1].end());
      }
      TitleCandidate candidate;
      candidate.begin = begin;
      candidate.end = end;
      std::vector<std::string>& f = candidate.features;
      f.reserve(as_first[begin].size() + as_last[end - 1].size() + inner.size() + 12);
      f.push_back("span");
      if (after_wrapping) f.push_back("after_wrapping");
      f.push_back(absl::StrCat("lines=", Bucket(end - begin, {2, 3, 5, 9})));
      if (crosses_blank) f.push_back("crosses_blank");
      f.insert(f.end(), as_first[begin].begin(), as_first[begin].end());
      f.insert(f.end(), as_last[end - 1].begin(), as_last[end - 1].end());
      f.insert(f.end(), inner.begin(), inner.end());
      // "Opening Statement" / "by the Secretary General at ...",
      // "Chairman's Summary" / "of the Meeting of ...": a printed label
      // opening a title that its next line continues (a byline or a
      // lower-case start, as the cascade reads them).
      if (end - begin >= 2 && HasFeature(features[begin], "vote=type_label") &&
          (HasFeature(features[begin + 1], "vote=byline") ||
           HasFeature(features[begin + 1], "vote=lower_start"))) {
        f.push_back("label_then_byline");
      }
      // Trailing table pipes are cut from the joined text.
      const bool exact = count_joined || absl::EndsWith(part, "|");
      const std::string joined = exact ? JoinTitleLines(parts) : std::string();
      const absl::string_view text = exact ? absl::string_view(joined) : part;  // Its end.
      const std::string folded = exact ? FoldForMatching(joined) : run_folded;
      if (rule_title.empty()) {
        f.push_back("rule:none");
      } else if (folded == rule_title) {
        f.push_back("rule:same");
      } else if (absl::StrContains(rule_title, folded)) {
        f.push_back("rule:part_of_it");
      } else if (absl::StrContains(folded, rule_title)) {
        f.push_back("rule:contains_it");
      } else {
        f.push_back("rule:unrelated");
      }
      const int words = exact ? CountWords(joined) : run_words;
      // The run as a whole names an institution or a press office and
      // nothing else ("Office of the Press Secretary / (Aboard ...)").
      if (end - begin > 1 && words <= 12) {
        const std::string whole = exact ? joined : JoinTitleLines(parts);
        if (words <= 8 && NamesInstitutionOnly(whole)) f.push_back("span_institution_only");
        if (IsPressOfficeFormula(whole)) f.push_back("span_press_office");
      }
      f.push_back(absl::StrCat("span_words=", Bucket(words, {3, 5, 9, 16, 26, 40})));
      if (exact ? IsTitleCase(joined) : IsTitleCase(run_case)) f.push_back("span_title_case");
      if (EndsSentence(text)) f.push_back("span_ends_sentence");
      if (EndsWithFunctionWord(text)) f.push_back("span_ends_function_word");
      if (absl::EndsWith(text, ",") || absl::EndsWith(text, ":")) f.push_back("span_ends_comma");
      candidates.push_back(std::move(candidate));
      if (crosses_blank && end - begin >= 3) break;
    }
  }
  return candidates;
}

}  // namespace docsearch::ingest
