#include "ingest_service/parser/link_list_items.h"

#include "absl/strings/string_view.h"
#include "ingest_service/parser/date_parser.h"
#include "ingest_service/parser/line_shape.h"
#include "ingest_service/parser/page_controls.h"
#include "ingest_service/parser/title_run.h"

namespace docsearch::ingest {
namespace {

// Most items a list of links under its heading runs to.
constexpr size_t kMaxLinkListItems = 12;

}  // namespace

void MarkLinkListItems(const std::vector<SourceLine>& lines,
                       const std::vector<LineFeatures>& features, size_t title_end,
                       std::vector<LineRole>* roles, std::vector<size_t>* furniture) {
  constexpr int kMostDateItemWords = 8;
  // An item's date the first reading took for a date line of the text
  // (and dropped from it) goes too, or the reading without the furniture
  // counts the list's dates as a digest's.
  auto mark = [&](size_t j, bool dated_item = false) {
    if ((*roles)[j] == LineRole::kFurniture ||
        (features[j].rule_fate != "kept" && features[j].rule_fate != "title" && !dated_item)) {
      return;
    }
    (*roles)[j] = LineRole::kFurniture;
    furniture->push_back(features[j].line_index);
  };
  for (size_t k = 0; k < features.size(); ++k) {
    if ((*roles)[k] == LineRole::kTitle || !IsLinkListHeading(lines[features[k].line_index].text)) {
      continue;
    }
    // Below the title and after the text's first prose: the text's own
    // date, printed near the title, is never an item.
    bool below_text = false;
    for (size_t j = title_end; title_end > 0 && j < k && !below_text; ++j) {
      below_text = (*roles)[j] == LineRole::kBody &&
                   ReadsAsProse(TrimLine(lines[features[j].line_index].text));
    }
    mark(k);
    for (size_t j = k + 1; j < features.size() && j <= k + kMaxLinkListItems; ++j) {
      const absl::string_view item = TrimLine(lines[features[j].line_index].text);
      const LineRole role = (*roles)[j];
      // An item the model read as furniture already.
      if (role == LineRole::kFurniture) continue;
      const bool dated_item = below_text &&
                              CountWordsUpTo(item, kMostDateItemWords + 1) <= kMostDateItemWords &&
                              !FindDates(item).empty();
      // The text's head (its label, reference, subtitle) ends a list
      // printed above it.
      if (role == LineRole::kTitle || role == LineRole::kTypeLabel ||
          role == LineRole::kReference || role == LineRole::kSubtitle ||
          role == LineRole::kHeader || (role == LineRole::kDate && !dated_item) ||
          EndsSentence(item) || ReadsAsProse(item) || CountWordsUpTo(item, 16) > 15) {
        break;
      }
      mark(j, dated_item);
    }
  }
}

}  // namespace docsearch::ingest
