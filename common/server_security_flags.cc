#include "common/server_security_flags.h"

#include <cstdint>
#include <cstdlib>
#include <utility>

#include "absl/flags/flag.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "common/bearer_token_checker.h"
#include "common/secret_files.h"

ABSL_FLAG(std::string, tls_cert, "",
          "PEM certificate chain to serve TLS with (needs --tls_key); empty serves plaintext");
ABSL_FLAG(std::string, tls_key, "", "PEM private key of --tls_cert");
ABSL_FLAG(std::string, auth_token_file, "",
          "file holding the bearer token required on write RPCs; without it the environment "
          "variable DOCSEARCH_AUTH_TOKEN is used; neither: no authentication");
ABSL_FLAG(bool, auth_reads, false, "require the bearer token on read RPCs (QueryService) too");
ABSL_FLAG(int, max_concurrent_streams, 100,
          "most concurrent calls (HTTP/2 streams) per client connection; 0 = gRPC's default (no "
          "limit)");
ABSL_FLAG(int, max_response_bytes, 64 << 20,
          "largest response message sent, in bytes; a larger one fails with RESOURCE_EXHAUSTED");
ABSL_FLAG(int64_t, max_grpc_memory_bytes, int64_t{1} << 30,
          "memory gRPC may use for connections and calls (its resource quota), in bytes");
ABSL_FLAG(absl::Duration, handshake_timeout, absl::Seconds(10),
          "close a connection that has not finished its HTTP/2 handshake within this");
ABSL_FLAG(absl::Duration, max_connection_idle, absl::Minutes(5),
          "close a connection that has had no call for this long");
ABSL_FLAG(absl::Duration, keepalive_time, absl::Seconds(60),
          "ping a connection after this long without traffic; close it if the ping is not "
          "answered within --keepalive_timeout");
ABSL_FLAG(absl::Duration, keepalive_timeout, absl::Seconds(20),
          "how long a keepalive ping may go unanswered");

namespace docsearch {

absl::Status ApplyServerSecurityFlags(const std::vector<std::string>& write_services,
                                      const std::vector<std::string>& read_services,
                                      GrpcServerConfig& config) {
  const std::string cert_path = absl::GetFlag(FLAGS_tls_cert);
  const std::string key_path = absl::GetFlag(FLAGS_tls_key);
  if (cert_path.empty() != key_path.empty()) {
    return absl::InvalidArgumentError(
        "--tls_cert and --tls_key go together: give both (TLS) or neither (plaintext)");
  }
  if (!cert_path.empty()) {
    absl::StatusOr<std::string> cert = ReadPemFile(cert_path, "tls_cert");
    if (!cert.ok()) return cert.status();
    absl::StatusOr<std::string> key = ReadPemFile(key_path, "tls_key");
    if (!key.ok()) return key.status();
    config.tls_cert_pem = *std::move(cert);
    config.tls_key_pem = *std::move(key);
  }

  const std::string token_file = absl::GetFlag(FLAGS_auth_token_file);
  // Set but empty is a mistake (a missing secret in a deployment), not a
  // request to run without authentication: that is what unset means.
  const char* environment_token = std::getenv(kAuthTokenEnvironmentVariable);
  if (token_file.empty() && environment_token != nullptr && *environment_token == '\0') {
    return absl::InvalidArgumentError(absl::StrCat(
        kAuthTokenEnvironmentVariable, " is set but empty: set a token of at least ",
        kMinAuthTokenLength, " characters, or unset it to serve without authentication"));
  }
  absl::StatusOr<std::string> token =
      ResolveToken(token_file, "auth_token_file", kAuthTokenEnvironmentVariable);
  if (!token.ok()) return token.status();
  if (!token->empty() && token->size() < kMinAuthTokenLength) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the bearer token (",
        token_file.empty() ? kAuthTokenEnvironmentVariable : "--auth_token_file", ") is ",
        token->size(), " characters; a server token needs at least ", kMinAuthTokenLength));
  }
  const bool auth_reads = absl::GetFlag(FLAGS_auth_reads);
  if (auth_reads && token->empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("--auth_reads needs a token: give --auth_token_file or set ",
                     kAuthTokenEnvironmentVariable));
  }
  config.auth_token = *std::move(token);
  config.protected_services.clear();
  if (!config.auth_token.empty()) {
    config.protected_services = write_services;
    if (auth_reads) {
      config.protected_services.insert(config.protected_services.end(), read_services.begin(),
                                       read_services.end());
    }
  }

  const int streams = absl::GetFlag(FLAGS_max_concurrent_streams);
  if (streams < 0) {
    return absl::InvalidArgumentError("--max_concurrent_streams must be 0 (no limit) or positive");
  }
  config.max_concurrent_streams = streams;
  config.max_send_message_bytes = absl::GetFlag(FLAGS_max_response_bytes);
  if (config.max_send_message_bytes < 1024) {
    return absl::InvalidArgumentError("--max_response_bytes must be at least 1024");
  }
  config.max_grpc_memory_bytes = absl::GetFlag(FLAGS_max_grpc_memory_bytes);
  if (config.max_grpc_memory_bytes < (int64_t{16} << 20)) {
    return absl::InvalidArgumentError("--max_grpc_memory_bytes must be at least 16 MiB");
  }
  const std::pair<const char*, absl::Duration> durations[] = {
      {"handshake_timeout", absl::GetFlag(FLAGS_handshake_timeout)},
      {"max_connection_idle", absl::GetFlag(FLAGS_max_connection_idle)},
      {"keepalive_time", absl::GetFlag(FLAGS_keepalive_time)},
      {"keepalive_timeout", absl::GetFlag(FLAGS_keepalive_timeout)}};
  for (const auto& [name, duration] : durations) {
    if (duration < absl::Milliseconds(100)) {
      return absl::InvalidArgumentError(absl::StrCat("--", name, " must be at least 100ms"));
    }
  }
  config.handshake_timeout = durations[0].second;
  config.max_connection_idle = durations[1].second;
  config.keepalive_time = durations[2].second;
  config.keepalive_timeout = durations[3].second;
  return absl::OkStatus();
}

}  // namespace docsearch
