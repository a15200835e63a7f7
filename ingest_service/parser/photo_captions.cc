#include "ingest_service/parser/photo_captions.h"

#include "ingest_service/parser/site_notices.h"
#include "ingest_service/parser/title_run.h"

namespace docsearch::ingest {

void MarkCaptionsOverCredits(const std::vector<SourceLine>& lines,
                             const std::vector<LineFeatures>& features,
                             std::vector<LineRole>* roles, std::vector<size_t>* furniture) {
  // A photo stands between paragraphs: the text's next prose line is near.
  constexpr size_t kMostLinesToText = 3;
  for (size_t k = 0; k + 1 < features.size(); ++k) {
    const LineRole role = (*roles)[k];
    if (role == LineRole::kFurniture || role == LineRole::kTitle ||
        features[k].rule_fate != "kept") {
      continue;
    }
    const SourceLine& caption = lines[features[k].line_index];
    const SourceLine& credit = lines[features[k + 1].line_index];
    if (credit.number != caption.number + 1 ||
        !IsCaptionOverCreditLine(caption.text, credit.text)) {
      continue;
    }
    bool text_goes_on = false;
    for (size_t j = k + 2; j < features.size() && j <= k + 1 + kMostLinesToText; ++j) {
      text_goes_on = text_goes_on || ReadsAsProse(lines[features[j].line_index].text);
    }
    if (!text_goes_on) continue;
    (*roles)[k] = LineRole::kFurniture;
    furniture->push_back(features[k].line_index);
    if ((*roles)[k + 1] != LineRole::kFurniture && features[k + 1].rule_fate == "kept") {
      (*roles)[k + 1] = LineRole::kFurniture;
      furniture->push_back(features[k + 1].line_index);
    }
    ++k;
  }
}

}  // namespace docsearch::ingest
