#include "common/server_security_flags.h"

#include "absl/flags/flag.h"
#include "absl/strings/str_cat.h"
#include "common/secret_files.h"

ABSL_FLAG(std::string, tls_cert, "",
          "PEM certificate chain to serve TLS with (needs --tls_key); empty serves plaintext");
ABSL_FLAG(std::string, tls_key, "", "PEM private key of --tls_cert");
ABSL_FLAG(std::string, auth_token_file, "",
          "file holding the bearer token required on write RPCs; without it the environment "
          "variable DOCSEARCH_AUTH_TOKEN is used; neither: no authentication");
ABSL_FLAG(bool, auth_reads, false, "require the bearer token on read RPCs (QueryService) too");
ABSL_FLAG(int, max_concurrent_streams, 0,
          "most concurrent calls (HTTP/2 streams) per client connection; 0 = gRPC's default");

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

  absl::StatusOr<std::string> token = ResolveToken(
      absl::GetFlag(FLAGS_auth_token_file), "auth_token_file", kAuthTokenEnvironmentVariable);
  if (!token.ok()) return token.status();
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
  return absl::OkStatus();
}

}  // namespace docsearch
