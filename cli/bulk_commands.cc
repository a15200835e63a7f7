#include "cli/bulk_commands.h"

#include <google/protobuf/util/json_util.h>

#include <memory>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "cli/document_printer.h"
#include "cli/json_output.h"
#include "cli/rpc_context.h"
#include "cli/unary_call.h"
#include "docsearch/v1/query_service.grpc.pb.h"

namespace docsearch::cli {
namespace {

DocumentPrintOptions PrintOptionsFor(const CommandEnv& env) {
  DocumentPrintOptions options;
  options.width = DocumentWidthForTerminal(env.terminal.width);
  options.full = env.full;
  return options;
}

absl::Status QueryServiceError(const CommandEnv& env, const grpc::Status& status) {
  return StatusFromRpc(status, "query service", env.connection.query_address,
                       env.connection.deadline);
}

}  // namespace

absl::Status RunExport(const CommandEnv& env, const ExportOptions& options) {
  auto stub = docsearch::v1::QueryService::NewStub(
      MakeChannel(env.connection, env.connection.query_address));
  // An export of a large index takes as long as it takes: the deadline
  // applies only when given explicitly (--deadline is per RPC).
  grpc::ClientContext context;
  ApplyDeadline(env.connection.deadline, context);
  docsearch::v1::ExportDocumentsRequest request;
  if (options.query_string.empty()) {
    request.mutable_query()->mutable_match_all();
  } else {
    request.set_query_string(options.query_string);
  }
  for (const std::string& field : options.fields) request.mutable_field_mask()->add_paths(field);
  request.set_resume_token(options.resume_token);
  std::unique_ptr<grpc::ClientReader<docsearch::v1::ExportDocumentsResponse>> reader =
      stub->ExportDocuments(&context, request);
  docsearch::v1::ExportDocumentsResponse chunk;
  int64_t exported = 0;
  int64_t total = 0;
  std::string resume_token = options.resume_token;
  google::protobuf::util::JsonPrintOptions json;
  json.preserve_proto_field_names = true;
  std::string line;
  while (reader->Read(&chunk)) {
    total = chunk.total_size();
    for (const docsearch::v1::Document& document : chunk.documents()) {
      line.clear();
      if (!google::protobuf::util::MessageToJsonString(document, &line, json).ok()) {
        return absl::InternalError(
            absl::StrCat("cannot write document ", document.id(), " as JSON"));
      }
      *env.out << line << "\n";
      ++exported;
    }
    resume_token = chunk.resume_token();
    *env.err << (env.terminal.stderr_is_tty ? "\r" : "") << "exported " << exported << " of "
             << total << " documents" << (env.terminal.stderr_is_tty ? "" : "\n") << std::flush;
  }
  if (env.terminal.stderr_is_tty) *env.err << "\n";
  env.out->flush();
  grpc::Status status = reader->Finish();
  if (!status.ok()) {
    if (!resume_token.empty()) {
      *env.err << "export stopped after " << exported
               << " documents; continue with --resume_token=" << resume_token << "\n";
    }
    return QueryServiceError(env, status);
  }
  return absl::OkStatus();
}

absl::Status RunBatchGet(const CommandEnv& env, const std::vector<std::string>& ids,
                         const std::vector<std::string>& fields) {
  docsearch::v1::BatchGetDocumentsRequest request;
  for (const std::string& id : ids) request.add_ids(id);
  for (const std::string& field : fields) request.mutable_field_mask()->add_paths(field);
  absl::StatusOr<docsearch::v1::BatchGetDocumentsResponse> found = CallQueryService(
      env, *QueryStub(env), &docsearch::v1::QueryService::Stub::BatchGetDocuments, request);
  if (!found.ok()) return found.status();
  const docsearch::v1::BatchGetDocumentsResponse& response = *found;
  for (int i = 0; i < response.documents_size(); ++i) {
    if (env.json) {
      if (absl::Status written = WriteJsonLine(response.documents(i), *env.out); !written.ok()) {
        return written;
      }
      continue;
    }
    if (i > 0) *env.out << "\n" << std::string(40, '=') << "\n\n";
    *env.out << RenderDocument(response.documents(i), PrintOptionsFor(env));
  }
  if (response.missing_ids_size() > 0) {
    *env.err << "not found: " << absl::StrJoin(response.missing_ids(), " ") << "\n";
  }
  if (response.documents_size() == 0) {
    return absl::NotFoundError(absl::StrCat("none of the ", ids.size(), " ids is stored"));
  }
  return absl::OkStatus();
}

}  // namespace docsearch::cli
