#include "cli/rpc_context.h"

#include <grpcpp/support/channel_arguments.h>

#include <chrono>

#include "absl/strings/str_cat.h"
#include "common/client_channel.h"
#include "common/grpc_status.h"

namespace docsearch::cli {
namespace {

// Stored documents can be large; the CLI is a trusted reader of its own
// services, so it accepts responses up to this size rather than gRPC's 4 MiB.
constexpr int kMaxResponseBytes = 256 * 1024 * 1024;

}  // namespace

std::shared_ptr<grpc::Channel> MakeChannel(const ConnectionOptions& connection,
                                           const std::string& address) {
  grpc::ChannelArguments arguments;
  arguments.SetMaxReceiveMessageSize(kMaxResponseBytes);
  return MakeClientChannel(address, ClientSecurity{connection.tls_root_pem, connection.token},
                           arguments);
}

void ApplyDeadline(absl::Duration deadline, grpc::ClientContext& context) {
  if (deadline == absl::InfiniteDuration()) return;
  context.set_deadline(absl::ToChronoTime(absl::Now() + deadline));
}

absl::Status StatusFromRpc(const grpc::Status& status, absl::string_view service_name,
                           absl::string_view address, absl::Duration deadline) {
  absl::Status result = FromGrpcStatus(status);
  switch (result.code()) {
    case absl::StatusCode::kUnavailable:
      return absl::UnavailableError(
          absl::StrCat(result.message(), " (", service_name, " at ", address, "; is it running?)"));
    case absl::StatusCode::kDeadlineExceeded:
      return absl::DeadlineExceededError(
          absl::StrCat(result.message(), " (", service_name, " at ", address,
                       " did not answer within --deadline=", absl::FormatDuration(deadline), ")"));
    case absl::StatusCode::kUnauthenticated:
      return absl::UnauthenticatedError(
          absl::StrCat(result.message(), " (", service_name, " at ", address,
                       " wants a token: give --token_file=FILE or set DOCSEARCH_TOKEN)"));
    case absl::StatusCode::kPermissionDenied:
      return absl::PermissionDeniedError(
          absl::StrCat(result.message(), " (", service_name, " at ", address,
                       " refused the token from --token_file or DOCSEARCH_TOKEN)"));
    default:
      return result;
  }
}

}  // namespace docsearch::cli
