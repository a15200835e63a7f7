#include "cli/reparse_command.h"

#include <algorithm>
#include <memory>

#include "absl/strings/str_format.h"
#include "cli/json_output.h"
#include "cli/rpc_context.h"
#include "cli/unary_call.h"
#include "docsearch/v1/ingest_service.grpc.pb.h"

namespace docsearch::cli {

void PrintReparseSummary(const docsearch::v1::ReparseResponse& response, std::ostream& out) {
  out << absl::StrFormat(
      "%s %d documents: %d changed%s, %d unchanged, %d skipped (no raw bytes kept), %d failed\n",
      response.dry_run() ? "dry run over" : "reparsed", response.matched_count(),
      response.changed_count(), response.dry_run() ? " (not written)" : "",
      response.unchanged_count(), response.skipped_count(), response.failed_count());
  size_t width = 0;
  for (const auto& field : response.field_changes()) width = std::max(width, field.field().size());
  for (const auto& field : response.field_changes()) {
    out << absl::StrFormat("  %-*s %d\n", static_cast<int>(width), field.field(),
                           field.document_count());
  }
  for (const auto& failure : response.failures()) {
    out << absl::StrFormat("  failed %s: %s\n", failure.id(), failure.message());
  }
  if (response.failures_size() < response.failed_count()) {
    out << absl::StrFormat("  (%d more failures not listed)\n",
                           response.failed_count() - response.failures_size());
  }
}

absl::Status RunReparse(const CommandEnv& env, const ReparseOptions& options) {
  docsearch::v1::ReparseRequest request;
  if (options.query_string.empty()) {
    request.mutable_query()->mutable_match_all();
  } else {
    request.set_query_string(options.query_string);
  }
  request.set_dry_run(options.dry_run);
  absl::StatusOr<docsearch::v1::ReparseResponse> response = CallIngestService(
      env, *IngestStub(env), &docsearch::v1::IngestService::Stub::Reparse, request);
  if (!response.ok()) return response.status();
  if (env.json) return WriteJsonLine(*response, *env.out);
  PrintReparseSummary(*response, *env.out);
  return absl::OkStatus();
}

}  // namespace docsearch::cli
