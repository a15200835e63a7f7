#include "ingest_service/parser/page_history.h"

#include <string>

#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
#include "common/text_folding.h"
#include "ingest_service/parser/date_parser.h"
#include "ingest_service/parser/line_shape.h"
#include "ingest_service/parser/title_run.h"

namespace docsearch::ingest {
namespace {

// Most entries a page's history lists.
constexpr size_t kMaxHistoryEntries = 20;

bool IsHistoryHeading(absl::string_view line) {
  std::string folded = FoldAccents(TrimLine(line));
  while (!folded.empty() && (folded.back() == ':' || folded.back() == ' ')) folded.pop_back();
  for (absl::string_view heading :
       {"updates to this page", "page history", "change history", "history of this page",
        "historique de la page", "historique des modifications", "anderungshistorie"}) {
    if (folded == heading) return true;
  }
  return false;
}

// "5 April 2022 — Corrected …", "4 April 2022 - First published.",
// "12.03.2021: updated figures".
bool IsHistoryEntry(absl::string_view line) {
  line = TrimLine(line);
  const std::vector<FoundDate> dates = FindDates(line);
  if (dates.empty() || dates.front().begin != 0) return false;
  absl::string_view rest = absl::StripLeadingAsciiWhitespace(line.substr(dates.front().end));
  return absl::StartsWith(rest, "\xE2\x80\x94") || absl::StartsWith(rest, "\xE2\x80\x93") ||
         absl::StartsWith(rest, "-") || absl::StartsWith(rest, ":");
}

}  // namespace

void MarkPageHistory(const std::vector<SourceLine>& lines,
                     const std::vector<LineFeatures>& features, std::vector<LineRole>* roles,
                     std::vector<size_t>* furniture) {
  auto mark = [&](size_t k) { MarkLateFurniture(k, features[k].line_index, roles, furniture); };
  for (size_t k = 0; k < features.size(); ++k) {
    if ((*roles)[k] == LineRole::kTitle || !IsHistoryHeading(lines[features[k].line_index].text)) {
      continue;
    }
    size_t end = k + 1;
    while (end < features.size() && end <= k + kMaxHistoryEntries &&
           IsHistoryEntry(lines[features[end].line_index].text)) {
      ++end;
    }
    // A heading with no dated entry under it is a sentence's words; a
    // record of changes closes the page, with no more of the text under it.
    if (end == k + 1) continue;
    bool text_follows = false;
    for (size_t j = end; j < features.size() && !text_follows; ++j) {
      text_follows =
          (*roles)[j] == LineRole::kBody && ReadsAsProse(lines[features[j].line_index].text);
    }
    if (text_follows) continue;
    for (size_t j = k; j < end; ++j) mark(j);
    k = end - 1;
  }
}

}  // namespace docsearch::ingest
