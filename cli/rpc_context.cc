#include "cli/rpc_context.h"

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <grpcpp/support/channel_arguments.h>

#include <chrono>

#include "absl/strings/str_cat.h"
#include "common/grpc_status.h"

namespace docsearch::cli {
namespace {

// Stored documents can be large; the CLI is a trusted reader of its own
// services, so it accepts responses up to this size rather than gRPC's 4 MiB.
constexpr int kMaxResponseBytes = 256 * 1024 * 1024;

}  // namespace

std::shared_ptr<grpc::Channel> MakeChannel(const std::string& address) {
  grpc::ChannelArguments arguments;
  arguments.SetMaxReceiveMessageSize(kMaxResponseBytes);
  return grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(), arguments);
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
    default:
      return result;
  }
}

}  // namespace docsearch::cli
