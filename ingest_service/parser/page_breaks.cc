#include "ingest_service/parser/page_breaks.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/string_view.h"
#include "common/text_folding.h"
#include "ingest_service/parser/line_shape.h"
#include "ingest_service/parser/page_annotations.h"
#include "ingest_service/parser/title_run.h"

namespace docsearch::ingest {
namespace {

// A running head names the text and its publisher in a few words; a
// line of the text cut by the page break is longer or ends a sentence.
constexpr int kMostRunningLineWords = 20;

bool IsCounter(const std::vector<SourceLine>& lines, const std::vector<LineFeatures>& features,
               size_t k) {
  const absl::string_view text = FeatureLineText(lines, features, k);
  // Counters are short and open with "Page", "Pagina", "Página", "Seite" or
  // "Pag.": most lines are not folded.
  if (text.empty() || text.size() > 24) return false;
  const char first = absl::ascii_tolower(static_cast<unsigned char>(text.front()));
  if (first != 'p' && first != 's') return false;
  return IsPageCounter(FoldAccents(text));
}

// A line closed as a lead-in, a salutation or a list's item ("Ladies and
// Gentlemen,", "PRIME MINISTER:") belongs to the text, however often.
bool ClosesAsText(absl::string_view text) {
  const char last = text.back();
  return last == ':' || last == ',' || last == ';';
}

// How many copies of the line of feature `k` stand right under or over a
// page's counter, `k` included.
int CopiesAtBreaks(const std::vector<SourceLine>& lines, const std::vector<LineFeatures>& features,
                   size_t k) {
  const absl::string_view text = FeatureLineText(lines, features, k);
  int copies = 0;
  for (size_t j = 0; j < features.size(); ++j) {
    if (FeatureLineText(lines, features, j) != text) continue;
    const bool at_break = (j > 0 && IsCounter(lines, features, j - 1)) ||
                          (j + 1 < features.size() && IsCounter(lines, features, j + 1));
    copies += at_break ? 1 : 0;
  }
  return copies;
}

}  // namespace

bool IsRunningHeadOrFoot(const std::vector<SourceLine>& lines,
                         const std::vector<LineFeatures>& features, size_t k) {
  if (k >= features.size()) return false;
  const bool head = k > 0 && IsCounter(lines, features, k - 1);
  const bool foot = k + 1 < features.size() && IsCounter(lines, features, k + 1);
  if (!head && !foot) return false;
  const absl::string_view text = FeatureLineText(lines, features, k);
  if (text.empty() || EndsSentence(text) || ClosesAsText(text) || StartsLowercase(text) ||
      CountWordsUpTo(text, kMostRunningLineWords + 1) > kMostRunningLineWords ||
      IsCounter(lines, features, k)) {
    return false;
  }
  // Printed at two page breaks or more.
  if (CopiesAtBreaks(lines, features, k) >= 2) return true;
  // A head between the halves of a sentence the break cut: the text over
  // the counter goes on, and the line under the head opens in lower case
  // (a first page's counter over a wrapped headline cuts nothing).
  if (!head || k < 2 || k + 1 >= features.size()) return false;
  const absl::string_view before = FeatureLineText(lines, features, k - 2);
  return !before.empty() && !EndsSentence(before) &&
         StartsLowercase(FeatureLineText(lines, features, k + 1));
}

void MarkRunningHeadsAndFeet(const std::vector<SourceLine>& lines,
                             const std::vector<LineFeatures>& features,
                             std::vector<LineRole>* roles, std::vector<size_t>* furniture) {
  // Only the copies at the breaks: the same words elsewhere may be the
  // text's own.
  std::vector<bool> marked(features.size(), false);
  for (size_t k = 0; k < features.size(); ++k) marked[k] = IsRunningHeadOrFoot(lines, features, k);
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
