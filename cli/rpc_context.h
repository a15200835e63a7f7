// What every command needs to talk to the services: where they are, how long
// a call may take, and how a failed call is reported.
//
// Every channel is built by MakeChannel(), which applies the connection's
// TLS root certificates and bearer token (common/client_channel.h) so that
// no command can forget them.
#ifndef DOCSEARCH_CLI_RPC_CONTEXT_H_
#define DOCSEARCH_CLI_RPC_CONTEXT_H_

#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>
#include <grpcpp/support/status.h>

#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace docsearch::cli {

struct ConnectionOptions {
  // host:port of the IngestService.
  std::string ingest_address = "127.0.0.1:50051";
  // host:port of the QueryService.
  std::string query_address = "127.0.0.1:50052";
  // Applies to every RPC, for ingest to the whole stream. InfiniteDuration()
  // means no deadline.
  absl::Duration deadline = absl::Seconds(30);
  // --tls_ca: PEM root certificates; non-empty connects with TLS.
  std::string tls_root_pem;
  // --token_file or DOCSEARCH_TOKEN: sent as `authorization: Bearer <token>`
  // on every call when non-empty.
  std::string token;
};

// A channel to `address` (one of `connection`'s addresses) with
// `connection`'s TLS and token. Connection happens lazily on the first call.
std::shared_ptr<grpc::Channel> MakeChannel(const ConnectionOptions& connection,
                                           const std::string& address);

// Sets the deadline of `context` to now + `deadline` (none when infinite).
void ApplyDeadline(absl::Duration deadline, grpc::ClientContext& context);

// Converts a failed call into an absl::Status whose message a user can act
// on: UNAVAILABLE names the service and address that could not be reached,
// DEADLINE_EXCEEDED names the --deadline that ran out, UNAUTHENTICATED and
// PERMISSION_DENIED say where the token comes from.
absl::Status StatusFromRpc(const grpc::Status& status, absl::string_view service_name,
                           absl::string_view address, absl::Duration deadline);

}  // namespace docsearch::cli

#endif  // DOCSEARCH_CLI_RPC_CONTEXT_H_
