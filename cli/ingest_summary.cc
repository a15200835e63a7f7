#include "cli/ingest_summary.h"

#include <algorithm>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "cli/json_output.h"
#include "cli/progress_reporter.h"
#include "cli/terminal_text.h"

namespace docsearch::cli {

std::string RenderIngestSummary(const IngestSummary& summary) {
  std::string out = absl::StrFormat(
      "Ingested %s of %s documents from %s %s in %s (%.1f docs/s, %.2f MB/s).\n",
      FormatCount(summary.ingested), FormatCount(summary.documents_sent),
      FormatCount(summary.files_sent), summary.files_sent == 1 ? "file" : "files",
      FormatElapsed(summary.elapsed), PerSecond(summary.documents_sent, summary.elapsed),
      PerSecond(summary.bytes_sent, summary.elapsed) / 1e6);
  if (summary.failures.empty()) return out;
  absl::StrAppend(&out, FormatCount(static_cast<int64_t>(summary.failures.size())), " failed:\n");
  size_t path_width = 0;
  for (const IngestFailure& failure : summary.failures) {
    path_width = std::max(path_width, failure.path.size());
  }
  for (const IngestFailure& failure : summary.failures) {
    absl::StrAppend(&out, absl::StrFormat("  %-*s  %s  %s\n", static_cast<int>(path_width),
                                          failure.path, absl::StatusCodeToString(failure.code),
                                          CollapseWhitespace(failure.message)));
  }
  return out;
}

absl::StatusOr<std::string> IngestSummaryToJson(const IngestSummary& summary) {
  // Written by hand rather than as a google.protobuf.Struct, whose map would
  // print the keys in a different order on every run.
  std::vector<std::string> failures;
  for (const IngestFailure& failure : summary.failures) {
    failures.push_back(absl::StrCat("{\"path\":", JsonString(failure.path), ",\"code\":\"",
                                    absl::StatusCodeToString(failure.code),
                                    "\",\"message\":", JsonString(failure.message), "}"));
  }
  return absl::StrCat(
      "{\"files\":", summary.files_sent, ",\"documentsSent\":", summary.documents_sent,
      ",\"bytesSent\":", summary.bytes_sent, ",\"ingested\":", summary.ingested,
      ",\"failed\":", summary.failures.size(), ",\"failures\":[", absl::StrJoin(failures, ","),
      "],\"elapsedSeconds\":", absl::ToDoubleSeconds(summary.elapsed),
      ",\"documentsPerSecond\":", PerSecond(summary.documents_sent, summary.elapsed),
      ",\"megabytesPerSecond\":", PerSecond(summary.bytes_sent, summary.elapsed) / 1e6, "}");
}

}  // namespace docsearch::cli
