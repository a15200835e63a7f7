// Conversions between absl::Status (the project's error currency) and
// grpc::Status (what crosses the wire). The canonical codes are the same
// numbers in both, so the mapping is exact.
#ifndef DOCSEARCH_COMMON_GRPC_STATUS_H_
#define DOCSEARCH_COMMON_GRPC_STATUS_H_

#include <grpcpp/support/status.h>

#include <cstddef>
#include <string>
#include <utility>

#include "absl/status/status.h"

namespace docsearch {

// Longest status message sent. Messages name the field at fault and often
// quote what the client sent; a quote of a huge value would make the status
// itself too large for the client's metadata limit (a 1 MiB unknown id came
// back as RESOURCE_EXHAUSTED instead of NOT_FOUND), so every message is cut
// here, whatever produced it.
inline constexpr size_t kMaxStatusMessageBytes = 2048;

inline grpc::Status ToGrpcStatus(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  std::string message(status.message());
  if (message.size() > kMaxStatusMessageBytes) {
    size_t cut = kMaxStatusMessageBytes;
    // Back off to the start of a UTF-8 character.
    while (cut > 0 && (static_cast<unsigned char>(message[cut]) & 0xC0) == 0x80) --cut;
    message = message.substr(0, cut) + "…(message cut; " + std::to_string(status.message().size()) +
              " bytes)";
  }
  return grpc::Status(static_cast<grpc::StatusCode>(status.code()), std::move(message));
}

inline absl::Status FromGrpcStatus(const grpc::Status& status) {
  if (status.ok()) return absl::OkStatus();
  return absl::Status(static_cast<absl::StatusCode>(status.error_code()), status.error_message());
}

}  // namespace docsearch

#endif  // DOCSEARCH_COMMON_GRPC_STATUS_H_
