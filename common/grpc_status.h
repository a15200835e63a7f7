// Conversions between absl::Status (the project's error currency) and
// grpc::Status (what crosses the wire). The canonical codes are the same
// numbers in both, so the mapping is exact.
#ifndef DOCSEARCH_COMMON_GRPC_STATUS_H_
#define DOCSEARCH_COMMON_GRPC_STATUS_H_

#include <grpcpp/support/status.h>

#include <string>

#include "absl/status/status.h"

namespace docsearch {

inline grpc::Status ToGrpcStatus(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  return grpc::Status(static_cast<grpc::StatusCode>(status.code()), std::string(status.message()));
}

inline absl::Status FromGrpcStatus(const grpc::Status& status) {
  if (status.ok()) return absl::OkStatus();
  return absl::Status(static_cast<absl::StatusCode>(status.error_code()), status.error_message());
}

}  // namespace docsearch

#endif  // DOCSEARCH_COMMON_GRPC_STATUS_H_
