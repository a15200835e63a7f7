#include "ingest_service/parser/menu_labels.h"

#include "absl/strings/string_view.h"
#include "ingest_service/parser/date_parser.h"
#include "ingest_service/parser/line_shape.h"
#include "ingest_service/parser/title_run.h"

namespace docsearch::ingest {

bool IsLabelAmongMenuItems(const std::vector<SourceLine>& lines,
                           const std::vector<LineFeatures>& features, size_t k) {
  constexpr int kMostItemWords = 3;
  // Items around the label: a menu of four entries or more.
  constexpr size_t kLeastOtherItems = 3;
  auto is_item = [&](size_t j) {
    const absl::string_view text = TrimLine(lines[features[j].line_index].text);
    return !text.empty() && CountWordsUpTo(text, kMostItemWords + 1) <= kMostItemWords &&
           !EndsSentence(text) && FindDates(text).empty();
  };
  // Feature lines `a` and `b` print one right under the other.
  auto touching = [&](size_t a, size_t b) {
    return lines[features[b].line_index].number == lines[features[a].line_index].number + 1;
  };
  size_t before = 0;
  for (size_t j = k; j > 0 && touching(j - 1, j) && is_item(j - 1); --j) ++before;
  size_t after = 0;
  for (size_t j = k; j + 1 < features.size() && touching(j, j + 1) && is_item(j + 1); ++j) ++after;
  return before >= 1 && after >= 1 && before + after >= kLeastOtherItems;
}

}  // namespace docsearch::ingest
