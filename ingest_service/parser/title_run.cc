#include "ingest_service/parser/title_run.h"

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "ingest_service/parser/boilerplate.h"
#include "ingest_service/parser/date_parser.h"
#include "ingest_service/parser/doc_type.h"
#include "ingest_service/parser/line_shape.h"
#include "ingest_service/parser/text_normalizer.h"
#include "ingest_service/parser/title_chooser.h"
#include "ingest_service/parser/title_hints.h"

namespace docsearch::ingest {
namespace {

// Longer than any headline: a run of this many words is a headline fused
// with what follows it, or prose.
constexpr int kMaxTitleWords = 40;
// A continuation line is a wrapped headline's next line, not a paragraph.
constexpr int kMaxContinuationWords = 20;
// Lines a label printed one word a line ("Opening" / "Statement") takes.
constexpr size_t kMaxLabelLines = 3;
// Words a line of a narrow column holds.
constexpr int kNarrowLineWords = 3;

absl::string_view LineText(const std::vector<SourceLine>& lines,
                           const std::vector<LineFeatures>& features, size_t k) {
  return TrimLine(lines[features[k].line_index].text);
}

// No blank line between model lines k - 1 and k.
bool Adjacent(const std::vector<LineFeatures>& features, size_t k) {
  return k > 0 && features[k].line_index == features[k - 1].line_index + 1;
}

// A line that can continue a headline wrapped before it: short, not prose,
// not a date, furniture or a new label.
bool CanContinueHeadline(absl::string_view text) {
  return !text.empty() && !absl::ascii_isdigit(static_cast<unsigned char>(text.front())) &&
         CountWords(text) <= kMaxContinuationWords && !ReadsAsProse(text) && !EndsSentence(text) &&
         !ParseDateLine(text).has_value() && !BoilerplateReason(text).has_value() &&
         !DocTypeFromLabelLine(text).has_value() && !StartsSubtitle(text);
}

bool StartsWithBy(absl::string_view text) {
  return text == "by" || text == "By" || absl::StartsWith(text, "by ") ||
         absl::StartsWith(text, "By ");
}

// "at the Level of Defence Ministers", "on the Occasion of …", "held in
// Brussels": a line opening in lower case with a preposition goes on with
// the line before it.
bool StartsWithLowerFunctionWord(absl::string_view text) {
  const absl::string_view word = text.substr(0, text.find(' '));
  for (absl::string_view function : {"at", "on", "in", "of", "held", "for", "to", "with", "under",
                                     "du", "de", "des", "sur", "pour", "en", "tenue"}) {
    if (word == function) return true;
  }
  return false;
}

// A headline printed in a narrow column, a word or three a line
// ("Meeting" / "of Allied" / "and Partner"): every line of the run is
// that short.
bool NarrowColumn(const std::vector<SourceLine>& lines, const std::vector<LineFeatures>& features,
                  const TitleCandidate& run) {
  if (run.end - run.begin < 2) return false;
  for (size_t k = run.begin; k < run.end; ++k) {
    if (CountWords(LineText(lines, features, k)) > kNarrowLineWords) return false;
  }
  return true;
}

}  // namespace

bool ReadsAsProse(absl::string_view line) {
  line = absl::StripAsciiWhitespace(line);
  if (line.empty()) return false;
  const char last = line.back();
  if (last != '.' && last != '!' && last != '?' && last != ';') return false;
  int words = 0;
  int lower = 0;
  for (absl::string_view word : absl::StrSplit(line, ' ', absl::SkipEmpty())) {
    ++words;
    if (absl::ascii_islower(static_cast<unsigned char>(word.front()))) ++lower;
  }
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
  std::optional<size_t> best;
  HintMatch best_match;
  size_t best_lines = 0;
  for (size_t c = 0; c < candidates.size(); ++c) {
    const TitleCandidate& candidate = candidates[c];
    if (candidate.begin == candidate.end) continue;
    const std::string text = JoinRunLines(lines, features, candidate.begin, candidate.end);
    if (CountWords(text) > kMaxTitleWords || ReadsAsProse(text)) continue;
    for (const std::vector<std::string>& hint : hints) {
      const HintMatch match = MatchHint(hint, text);
      if (!IsStrongHintMatch(match)) continue;
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

void RepairTitleRun(const std::vector<SourceLine>& lines, const std::vector<LineFeatures>& features,
                    TitleCandidate* run) {
  if (run->begin == run->end) return;
  // The same headline twice in a row (a breadcrumb's last item, then the
  // headline; a page title echoed): the first one.
  const std::string first = FoldForMatching(LineText(lines, features, run->begin));
  for (size_t k = run->begin + 1; k < run->end; ++k) {
    if (FoldForMatching(LineText(lines, features, k)) == first) {
      run->end = k;
      break;
    }
  }
  // A run ending on a function word, a comma or a broken word stops
  // inside its headline, and so does a narrow column stopping before its
  // next short line: the next line, when it can, continues it.
  while (run->end < features.size() && Adjacent(features, run->end)) {
    const absl::string_view last = LineText(lines, features, run->end - 1);
    const absl::string_view next = LineText(lines, features, run->end);
    const bool cut = EndsWithFunctionWord(last) || absl::EndsWith(last, ",") ||
                     absl::EndsWith(last, "-") || StartsWithLowerFunctionWord(next) ||
                     (NarrowColumn(lines, features, *run) && CountWords(next) <= kNarrowLineWords);
    if (!cut || !CanContinueHeadline(next)) break;
    ++run->end;
  }
  // "by NATO Secretary General …" under a label printed on lines of its
  // own: the label opens the headline ("Opening Statement by …").
  if (StartsWithBy(LineText(lines, features, run->begin))) {
    size_t label_begin = run->begin;
    for (size_t size = 1; size <= kMaxLabelLines && size <= run->begin; ++size) {
      const size_t begin = run->begin - size;
      bool adjacent = true;
      for (size_t k = begin + 1; k <= run->begin; ++k) adjacent &= Adjacent(features, k);
      if (!adjacent) break;
      // The longest label: "Opening" / "Statement", not "Statement".
      if (DocTypeFromLabelLine(JoinRunLines(lines, features, begin, run->begin)).has_value()) {
        label_begin = begin;
      }
    }
    run->begin = label_begin;
  }
}

}  // namespace docsearch::ingest
