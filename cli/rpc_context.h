// What every command needs to talk to the services: where they are, how long
// a call may take, and how a failed call is reported.
//
// The channels are insecure for now (TLS and tokens come with a later
// issue); everything that builds a channel goes through MakeChannel() so that
// change has one place to land.
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
};

// A channel to `address`. Connection happens lazily on the first call.
std::shared_ptr<grpc::Channel> MakeChannel(const std::string& address);

// Sets the deadline of `context` to now + `deadline` (none when infinite).
void ApplyDeadline(absl::Duration deadline, grpc::ClientContext& context);

// Converts a failed call into an absl::Status whose message a user can act
// on: UNAVAILABLE names the service and address that could not be reached,
// DEADLINE_EXCEEDED names the --deadline that ran out.
absl::Status StatusFromRpc(const grpc::Status& status, absl::string_view service_name,
                           absl::string_view address, absl::Duration deadline);

}  // namespace docsearch::cli

#endif  // DOCSEARCH_CLI_RPC_CONTEXT_H_
