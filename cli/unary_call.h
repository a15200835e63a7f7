// One unary call from a command to a service: the command's deadline on the
// context, and a failure turned into a status a user can act on.
//
// Every command that asks one question and prints one answer used to spell
// out the same six lines (context, deadline, response, call, status check,
// error conversion); a forgotten deadline or a raw grpc::Status message was
// one copy away. Commands now write
//
//   auto stub = QueryStub(env);
//   absl::StatusOr<v1::GetDocumentResponse> response =
//       CallQueryService(env, *stub, &v1::QueryService::Stub::GetDocument, request);
//
// Streaming calls (ingest, export, backup) keep their own loops.
#ifndef DOCSEARCH_CLI_UNARY_CALL_H_
#define DOCSEARCH_CLI_UNARY_CALL_H_

#include <grpcpp/client_context.h>
#include <grpcpp/support/status.h>

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "cli/command_env.h"
#include "cli/rpc_context.h"
#include "docsearch/v1/ingest_service.grpc.pb.h"
#include "docsearch/v1/query_service.grpc.pb.h"

namespace docsearch::cli {

// A generated stub's blocking unary method, e.g. &QueryService::Stub::Search.
template <typename Stub, typename Request, typename Response>
using UnaryMethod = grpc::Status (Stub::*)(grpc::ClientContext*, const Request&, Response*);

// Calls `method` on `stub` with `request` under the command's --deadline.
// `service_name` and `address` name the far end in the error a user sees.
template <typename Stub, typename Request, typename Response>
absl::StatusOr<Response> CallUnary(const CommandEnv& env, Stub& stub,
                                   UnaryMethod<Stub, Request, Response> method,
                                   const Request& request, absl::string_view service_name,
                                   const std::string& address) {
  grpc::ClientContext context;
  ApplyDeadline(env.connection.deadline, context);
  Response response;
  grpc::Status status = (stub.*method)(&context, request, &response);
  if (!status.ok()) {
    return StatusFromRpc(status, service_name, address, env.connection.deadline);
  }
  return response;
}

// A QueryService stub on the command's connection (TLS and token applied).
inline std::unique_ptr<docsearch::v1::QueryService::Stub> QueryStub(const CommandEnv& env) {
  return docsearch::v1::QueryService::NewStub(
      MakeChannel(env.connection, env.connection.query_address));
}

// An IngestService stub on the command's connection (TLS and token applied).
inline std::unique_ptr<docsearch::v1::IngestService::Stub> IngestStub(const CommandEnv& env) {
  return docsearch::v1::IngestService::NewStub(
      MakeChannel(env.connection, env.connection.ingest_address));
}

template <typename Request, typename Response>
absl::StatusOr<Response> CallQueryService(
    const CommandEnv& env, docsearch::v1::QueryService::Stub& stub,
    UnaryMethod<docsearch::v1::QueryService::Stub, Request, Response> method,
    const Request& request) {
  return CallUnary(env, stub, method, request, "query service", env.connection.query_address);
}

template <typename Request, typename Response>
absl::StatusOr<Response> CallIngestService(
    const CommandEnv& env, docsearch::v1::IngestService::Stub& stub,
    UnaryMethod<docsearch::v1::IngestService::Stub, Request, Response> method,
    const Request& request) {
  return CallUnary(env, stub, method, request, "ingest service", env.connection.ingest_address);
}

}  // namespace docsearch::cli

#endif  // DOCSEARCH_CLI_UNARY_CALL_H_
