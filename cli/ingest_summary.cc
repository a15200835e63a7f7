#include "cli/ingest_summary.h"

#include <google/protobuf/struct.pb.h>

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
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
  // Built as a google.protobuf.Struct so the JSON printer does the escaping.
  google::protobuf::Struct json;
  auto& fields = *json.mutable_fields();
  fields["files"].set_number_value(static_cast<double>(summary.files_sent));
  fields["documentsSent"].set_number_value(static_cast<double>(summary.documents_sent));
  fields["bytesSent"].set_number_value(static_cast<double>(summary.bytes_sent));
  fields["ingested"].set_number_value(static_cast<double>(summary.ingested));
  fields["failed"].set_number_value(static_cast<double>(summary.failures.size()));
  google::protobuf::ListValue* failures = fields["failures"].mutable_list_value();
  for (const IngestFailure& failure : summary.failures) {
    auto& entry = *failures->add_values()->mutable_struct_value()->mutable_fields();
    entry["path"].set_string_value(failure.path);
    entry["code"].set_string_value(absl::StatusCodeToString(failure.code));
    entry["message"].set_string_value(failure.message);
  }
  fields["elapsedSeconds"].set_number_value(absl::ToDoubleSeconds(summary.elapsed));
  fields["documentsPerSecond"].set_number_value(PerSecond(summary.documents_sent, summary.elapsed));
  fields["megabytesPerSecond"].set_number_value(PerSecond(summary.bytes_sent, summary.elapsed) /
                                                1e6);
  return MessageToJsonLine(json);
}

}  // namespace docsearch::cli
