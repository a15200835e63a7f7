#include "ingest_service/parser/page_breaks.h"

#include <string>

#include "absl/strings/string_view.h"
#include "common/text_folding.h"
#include "ingest_service/parser/line_shape.h"
#include "ingest_service/parser/page_controls.h"

namespace docsearch::ingest {
namespace {

// A running head names the text and its publisher in a few words; a
// line of the text cut by the page break is longer or ends a sentence.
constexpr int kMostRunningLineWords = 20;

absl::string_view FeatureText(const std::vector<SourceLine>& lines,
                              const std::vector<LineFeatures>& features, size_t k) {
  return TrimLine(lines[features[k].line_index].text);
}

bool IsCounter(const std::vector<SourceLine>& lines, const std::vector<LineFeatures>& features,
               size_t k) {
  const absl::string_view text = FeatureText(lines, features, k);
  // Counters are short: most lines are not folded.
  if (text.empty() || text.size() > 24) return false;
  return IsPageCounter(FoldAccents(text));
}

bool PrintedElsewhere(const std::vector<SourceLine>& lines,
                      const std::vector<LineFeatures>& features, size_t k) {
  const absl::string_view text = FeatureText(lines, features, k);
  for (size_t j = 0; j < features.size(); ++j) {
    if (j != k && FeatureText(lines, features, j) == text) return true;
  }
  return false;
}

}  // namespace

bool IsRunningHeadOrFoot(const std::vector<SourceLine>& lines,
                         const std::vector<LineFeatures>& features, size_t k) {
  if (k >= features.size()) return false;
  const bool head = k > 0 && IsCounter(lines, features, k - 1);
  const bool foot = k + 1 < features.size() && IsCounter(lines, features, k + 1);
  if (!head && !foot) return false;
  const absl::string_view text = FeatureText(lines, features, k);
  if (text.empty() || EndsSentence(text) || StartsLowercase(text) ||
      CountWordsUpTo(text, kMostRunningLineWords + 1) > kMostRunningLineWords ||
      IsCounter(lines, features, k)) {
    return false;
  }
  if (PrintedElsewhere(lines, features, k)) return true;
  // A head between the halves of a cut sentence.
  return head && k + 1 < features.size() && StartsLowercase(FeatureText(lines, features, k + 1));
}

void MarkRunningHeadsAndFeet(const std::vector<SourceLine>& lines,
                             const std::vector<LineFeatures>& features,
                             std::vector<LineRole>* roles, std::vector<size_t>* furniture) {
  std::vector<bool> marked(features.size(), false);
  for (size_t k = 0; k < features.size(); ++k) {
    if (!IsRunningHeadOrFoot(lines, features, k)) continue;
    // The same line wherever it is printed: the first page's head too.
    const absl::string_view text = FeatureText(lines, features, k);
    for (size_t j = 0; j < features.size(); ++j) {
      if (j == k || FeatureText(lines, features, j) == text) marked[j] = true;
    }
  }
  for (size_t k = 0; k < features.size(); ++k) {
    // A headline printed again as the running head stays the title.
    if (!marked[k] || (*roles)[k] == LineRole::kFurniture || (*roles)[k] == LineRole::kTitle) {
      continue;
    }
    (*roles)[k] = LineRole::kFurniture;
    furniture->push_back(features[k].line_index);
  }
}

}  // namespace docsearch::ingest
