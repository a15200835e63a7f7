#include "cli/simple_commands.h"

#include <grpcpp/client_context.h>

#include <filesystem>
#include <system_error>
#include <utility>

#include "absl/strings/str_cat.h"
#include "cli/document_printer.h"
#include "cli/file_walker.h"
#include "cli/json_output.h"
#include "cli/stats_printer.h"
#include "cli/unary_call.h"
#include "docsearch/v1/ingest_service.grpc.pb.h"
#include "docsearch/v1/query_service.grpc.pb.h"

namespace docsearch::cli {
namespace {

DocumentPrintOptions PrintOptionsFor(const CommandEnv& env) {
  DocumentPrintOptions options;
  options.width = DocumentWidthForTerminal(env.terminal.width);
  options.full = env.full;
  return options;
}

}  // namespace

absl::Status RunParse(const CommandEnv& env, const std::string& path, bool lines) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    return absl::NotFoundError(absl::StrCat(path, ": no such file"));
  }
  const FoundFile file =
      DescribeFile(path, std::filesystem::path(path).lexically_normal().generic_string());

  auto stub = docsearch::v1::IngestService::NewStub(
      MakeChannel(env.connection, env.connection.ingest_address));
  absl::Status result = absl::OkStatus();
  int parsed = 0;
  absl::Status read = ReadRawDocuments(file, [&](LocalDocument document) {
    grpc::ClientContext context;
    ApplyDeadline(env.connection.deadline, context);
    docsearch::v1::ParseDocumentRequest request;
    request.set_explain_lines(lines);
    const std::string label = LocalLabel(file, document);
    *request.mutable_document() = std::move(document.raw);
    docsearch::v1::ParseDocumentResponse response;
    grpc::Status status = stub->ParseDocument(&context, request, &response);
    if (!status.ok()) {
      result = StatusFromRpc(status, "ingest service", env.connection.ingest_address,
                             env.connection.deadline);
      if (file.json_lines) {
        result = absl::Status(result.code(), absl::StrCat(label, ": ", result.message()));
      }
      return false;
    }
    if (env.json) {
      result = WriteJsonLine(response, *env.out);
      return result.ok();
    }
    if (parsed++ > 0) *env.out << "\n" << std::string(40, '=') << "\n\n";
    if (file.json_lines) *env.out << "# " << label << "\n";
    *env.out << RenderParseResponse(response, PrintOptionsFor(env));
    if (lines) *env.out << "\n" << RenderLineRoles(response);
    return true;
  });
  return read.ok() ? result : read;
}

absl::Status RunGet(const CommandEnv& env, const std::string& id) {
  docsearch::v1::GetDocumentRequest request;
  request.set_id(id);
  absl::StatusOr<docsearch::v1::GetDocumentResponse> response = CallQueryService(
      env, *QueryStub(env), &docsearch::v1::QueryService::Stub::GetDocument, request);
  if (!response.ok()) return response.status();
  if (env.json) return WriteJsonLine(*response, *env.out);
  *env.out << RenderDocument(response->document(), PrintOptionsFor(env));
  return absl::OkStatus();
}

absl::Status RunStats(const CommandEnv& env) {
  absl::StatusOr<docsearch::v1::GetIndexStatsResponse> response =
      CallQueryService(env, *QueryStub(env), &docsearch::v1::QueryService::Stub::GetIndexStats,
                       docsearch::v1::GetIndexStatsRequest());
  if (!response.ok()) return response.status();
  if (env.json) return WriteJsonLine(*response, *env.out);
  *env.out << RenderIndexStats(*response);
  return absl::OkStatus();
}

}  // namespace docsearch::cli
