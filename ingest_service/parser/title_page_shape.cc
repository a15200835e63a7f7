#include "ingest_service/parser/title_page_shape.h"

#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"
#include "ingest_service/parser/boilerplate.h"
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
// Body lines read for the headline's words to come back in.
constexpr size_t kBodyLinesRead = 60;

absl::string_view TextOf(const std::vector<SourceLine>& lines,
                         const std::vector<LineFeatures>& features, size_t k) {
  return TrimLine(lines[features[k].line_index].text);
}

bool IsBannerRun(const TitleCandidate& run, const std::vector<SourceLine>& lines,
                 const std::vector<LineFeatures>& features) {
  if (run.end <= run.begin || run.end - run.begin > kMaxBannerLines) return false;
  for (size_t k = run.begin; k < run.end; ++k) {
    if (!IsSiteBannerLine(TextOf(lines, features, k))) return false;
  }
  return OpensSiteBanner(TextOf(lines, features, run.begin));
}

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
// line is trusted for furniture, dates, references and headers only: in
// these layouts it may take a headline for a label or for the body.
bool MayBeHeadlineLine(absl::string_view text, LineRole role) {
  if (role == LineRole::kFurniture || role == LineRole::kDate || role == LineRole::kReference ||
      role == LineRole::kHeader) {
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

// The run may be a headline: every line may, but for a type label opening
// it above a byline, which the label opens ("Speech" / "by NATO Deputy
// Secretary General … at the Riga Conference 2016"). A short label naming
// who speaks under a headline ends no headline: it is the label.
bool MayBeHeadline(const TitleCandidate& run, const std::vector<SourceLine>& lines,
                   const std::vector<LineFeatures>& features, const std::vector<LineRole>& roles) {
  if (run.end == run.begin) return false;
  if (run.end - run.begin >= 2) {
    const absl::string_view last = TextOf(lines, features, run.end - 1);
    if (CountWordsUpTo(last, kMaxSpeakerLabelWords) <= kMaxSpeakerLabelWords &&
        DocTypeLabelPrefix(last, /*any_rest=*/true).has_value()) {
      return false;
    }
  }
  size_t k = run.begin;
  if (run.end - run.begin >= 2 && DocTypeFromLabelLine(TextOf(lines, features, k)).has_value()) {
    const absl::string_view next = TextOf(lines, features, k + 1);
    if (IsByline(next) && !OpensTheText(next) && roles[k + 1] != LineRole::kFurniture) k += 2;
  }
  for (; k < run.end; ++k) {
    if (!MayBeHeadlineLine(TextOf(lines, features, k), roles[k])) return false;
  }
  return true;
}

// A word's stem for "comes back": its first five letters, so that
// "welcomes" comes back as "welcomed" and "Finland's" as "Finland".
constexpr size_t kStemLetters = 5;

// Whether most of the run's content words come back in the lines from
// `from` on: a headline names its text's subject; a banner, a section name
// or a menu does not.
bool WordsComeBackBelow(const TitleCandidate& run, size_t from,
                        const std::vector<SourceLine>& lines,
                        const std::vector<LineFeatures>& features) {
  absl::flat_hash_set<std::string> below;
  for (size_t k = from; k < features.size() && k < from + kBodyLinesRead; ++k) {
    for (std::string& word : ContentWords(TextOf(lines, features, k))) {
      below.insert(word.substr(0, kStemLetters));
    }
  }
  int words = 0;
  int back = 0;
  for (size_t k = run.begin; k < run.end; ++k) {
    for (const std::string& word : ContentWords(TextOf(lines, features, k))) {
      ++words;
      back += below.contains(word.substr(0, kStemLetters)) ? 1 : 0;
    }
  }
  return words > 0 && 2 * back > words;
}

}  // namespace

std::optional<size_t> HeadlineBelowBanner(const std::vector<TitleCandidate>& candidates,
                                          size_t chosen, const std::vector<SourceLine>& lines,
                                          const std::vector<LineFeatures>& features,
                                          const std::vector<LineRole>& roles) {
  const TitleCandidate& banner = candidates[chosen];
  if (!IsBannerRun(banner, lines, features)) return std::nullopt;
  // A banner opens the page: nothing but furniture above it. (A Title-Case
  // headline naming a council, "North Atlantic Council Renews Commitment to
  // NATO Transformation", reads as a banner too, but below a date line.)
  for (size_t k = 0; k < banner.begin; ++k) {
    if (roles[k] != LineRole::kFurniture) return std::nullopt;
  }
  // The headline stands above the date line, or above the text's first
  // sentence where no date line is printed. A line opening with a date
  // bounds the search whatever role the model gave it ("04 Nov. 2016 - |
  // Last updated: …" may read as a header): a run below it would leave the
  // date line above the title, among the page's head. (A headline may end
  // with its date: "… (Bruxelles, 4 avril 2019)".)
  size_t limit = banner.end;
  while (limit < features.size() && roles[limit] != LineRole::kDate &&
         roles[limit] != LineRole::kHeader && !OpensWithDate(TextOf(lines, features, limit)) &&
         !OpensTheText(TextOf(lines, features, limit))) {
    ++limit;
  }
  if (limit == features.size()) return std::nullopt;
  // Runs whose words come back in the text first ("Mali – Attaque contre un
  // convoi de la MINUSMA" over "Déclaration de la porte-parole"), then the
  // best-ranked.
  std::optional<size_t> best;
  bool best_comes_back = false;
  for (size_t c = 0; c < candidates.size(); ++c) {
    const TitleCandidate& run = candidates[c];
    if (run.begin < banner.end || run.end > limit) continue;
    if (!MayBeHeadline(run, lines, features, roles)) continue;
    const bool comes_back = WordsComeBackBelow(run, limit, lines, features);
    if (!best.has_value() || comes_back > best_comes_back ||
        (comes_back == best_comes_back && run.score > candidates[*best].score)) {
      best = c;
      best_comes_back = comes_back;
    }
  }
  return best;
}

std::optional<size_t> HeadlineAboveDateLine(const std::vector<TitleCandidate>& candidates,
                                            size_t chosen, const std::vector<SourceLine>& lines,
                                            const std::vector<LineFeatures>& features,
                                            const std::vector<LineRole>& roles) {
  size_t date = 0;
  while (date < features.size() && roles[date] != LineRole::kDate) ++date;
  if (date == features.size() || date == 0) return std::nullopt;
  // The model chose no title, or a sentence of the body.
  const TitleCandidate& current = candidates[chosen];
  if (current.end > current.begin && !OpensTheText(TextOf(lines, features, current.begin))) {
    return std::nullopt;
  }
  std::optional<size_t> best;
  for (size_t c = 0; c < candidates.size(); ++c) {
    const TitleCandidate& run = candidates[c];
    if (run.end != date || run.end - run.begin > kMaxHeadlineLines) continue;
    if (!MayBeHeadline(run, lines, features, roles)) continue;
    // A line dated itself right above the date line ("Daily News 12 / 07 /
    // 2021") is the page's wrapping, not a headline.
    bool dated = false;
    for (size_t k = run.begin; k < run.end; ++k) {
      dated |= !FindDates(TextOf(lines, features, k)).empty();
    }
    if (dated) continue;
    // It opens the page, or stands under a type label or a banner.
    if (run.begin > 0) {
      const absl::string_view above = TextOf(lines, features, run.begin - 1);
      const bool label = roles[run.begin - 1] == LineRole::kTypeLabel ||
                         DocTypeFromLabelLine(above).has_value() ||
                         DocTypeLabelPrefix(above, /*any_rest=*/true).has_value();
      if (!label && !IsSiteBannerLine(above) && roles[run.begin - 1] != LineRole::kFurniture) {
        continue;
      }
    }
    if (!WordsComeBackBelow(run, date + 1, lines, features)) continue;
    if (!best.has_value() || run.score > candidates[*best].score) best = c;
  }
  return best;
}

}  // namespace docsearch::ingest
