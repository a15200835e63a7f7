// The security and connection-limit flags both servers share, defined once
// here so that each main() needs one call:
//
//   --tls_cert=FILE --tls_key=FILE   serve TLS with this PEM certificate chain
//                                    and private key (both or neither)
//   --auth_token_file=FILE           require `authorization: Bearer <token>`
//                                    on write RPCs; the token is the file's
//                                    content. Alternative: the environment
//                                    variable DOCSEARCH_AUTH_TOKEN (the file
//                                    wins when both are set). At least 16
//                                    characters; DOCSEARCH_AUTH_TOKEN set but
//                                    empty is a start-up error.
//   --auth_reads                     require the token on read RPCs too
//   --max_concurrent_streams=N       HTTP/2 streams per connection (default
//                                    100; 0: gRPC's default, no limit)
//   --max_response_bytes=N           largest response message (64 MiB)
//   --max_grpc_memory_bytes=N        gRPC's resource quota (1 GiB)
//   --handshake_timeout=D            HTTP/2 handshake deadline (10s)
//   --max_connection_idle=D          close connections idle this long (5m)
//   --keepalive_time=D, --keepalive_timeout=D   server pings (60s, 20s)
//
// Health checks and server reflection never need the token.
#ifndef DOCSEARCH_COMMON_SERVER_SECURITY_FLAGS_H_
#define DOCSEARCH_COMMON_SERVER_SECURITY_FLAGS_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "common/grpc_server.h"

namespace docsearch {

// The environment variable read when --auth_token_file is not given.
inline constexpr char kAuthTokenEnvironmentVariable[] = "DOCSEARCH_AUTH_TOKEN";

// Fills the TLS, auth and connection-limit fields of `config` from the flags.
// `write_services` always need the token (when one is configured);
// `read_services` only with --auth_reads. INVALID_ARGUMENT (naming the flag)
// for --tls_cert without --tls_key or the reverse, --auth_reads without a
// token, a negative stream limit or a limit below its minimum; NOT_FOUND for
// unreadable files.
absl::Status ApplyServerSecurityFlags(const std::vector<std::string>& write_services,
                                      const std::vector<std::string>& read_services,
                                      GrpcServerConfig& config);

}  // namespace docsearch

#endif  // DOCSEARCH_COMMON_SERVER_SECURITY_FLAGS_H_
