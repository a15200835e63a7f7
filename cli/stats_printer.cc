#include "cli/stats_printer.h"

#include <algorithm>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "cli/terminal_text.h"

namespace docsearch::cli {
namespace {

void AppendLine(std::string& out, absl::string_view label, absl::string_view value) {
  absl::StrAppend(&out, absl::StrFormat("%-20s %s\n", label, value));
}

}  // namespace

std::string RenderIndexStats(const docsearch::v1::GetIndexStatsResponse& stats) {
  std::string out;
  AppendLine(out, "Documents", FormatCount(stats.document_count()));
  AppendLine(out, "Distinct terms", FormatCount(stats.term_count()));
  AppendLine(out, "Postings", FormatCount(stats.posting_count()));
  AppendLine(out, "Text ingested", FormatBytes(stats.text_bytes()));
  std::string memory = FormatBytes(stats.memory_bytes());
  if (stats.text_bytes() > 0) {
    absl::StrAppend(&memory,
                    absl::StrFormat(" (%.2f × text)", static_cast<double>(stats.memory_bytes()) /
                                                          static_cast<double>(stats.text_bytes())));
  }
  AppendLine(out, "Index memory", memory);
  // Only when there are any: an index without them says nothing new.
  if (stats.raw_bytes() > 0) {
    AppendLine(out, "Raw documents kept",
               absl::StrCat(FormatBytes(stats.raw_bytes()), " zstd, in the index memory"));
  }
  const std::string earliest = FormatDate(stats.earliest_published());
  const std::string latest = FormatDate(stats.latest_published());
  AppendLine(out, "Published",
             earliest.empty() && latest.empty() ? "(no dated documents)"
                                                : absl::StrCat(earliest, " to ", latest));
  AppendLine(out, "Recovered records", FormatCount(stats.recovered_records()));

  if (!stats.doc_type_counts().empty()) {
    std::vector<const docsearch::v1::KeywordCount*> counts;
    for (const auto& count : stats.doc_type_counts()) counts.push_back(&count);
    std::stable_sort(counts.begin(), counts.end(), [](const auto* a, const auto* b) {
      return a->count() != b->count() ? a->count() > b->count() : a->value() < b->value();
    });
    size_t value_width = 0;
    for (const auto* count : counts) value_width = std::max(value_width, count->value().size());
    out += "\nDocuments by type\n";
    for (const auto* count : counts) {
      absl::StrAppend(&out, absl::StrFormat("  %-*s %10s\n", static_cast<int>(value_width),
                                            count->value().empty() ? "(none)" : count->value(),
                                            FormatCount(count->count())));
    }
  }
  return out;
}

}  // namespace docsearch::cli
