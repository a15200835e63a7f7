#include "common/authenticating_server_credentials.h"

#include <grpc/grpc.h>
#include <grpc/grpc_security.h>

#include <utility>

#include "absl/container/inlined_vector.h"
#include "absl/strings/string_view.h"
#include "absl/types/optional.h"

namespace docsearch {
namespace {

absl::string_view ViewOf(const grpc_slice& slice) {
  return absl::string_view(reinterpret_cast<const char*>(GRPC_SLICE_START_PTR(slice)),
                           GRPC_SLICE_LENGTH(slice));
}

// grpc_auth_metadata_processor.process: called by the core once per call,
// before the call reaches the server's handlers. `state` is a
// std::shared_ptr<const BearerTokenChecker>*.
void ProcessMetadata(void* state, grpc_auth_context* /*context*/, const grpc_metadata* metadata,
                     size_t count, grpc_process_auth_metadata_done_cb done, void* user_data) {
  const auto& checker = *static_cast<const std::shared_ptr<const BearerTokenChecker>*>(state);
  absl::string_view path;
  absl::InlinedVector<absl::string_view, 1> authorizations;
  for (size_t i = 0; i < count; ++i) {
    const absl::string_view key = ViewOf(metadata[i].key);
    if (key == ":path") path = ViewOf(metadata[i].value);
    if (key == "authorization") authorizations.push_back(ViewOf(metadata[i].value));
  }
  const absl::Status verdict = checker->Check(path, authorizations);
  const std::string message(verdict.message());
  done(user_data, nullptr, 0, nullptr, 0, static_cast<grpc_status_code>(verdict.code()),
       verdict.ok() ? nullptr : message.c_str());
}

void DestroyState(void* state) {
  delete static_cast<std::shared_ptr<const BearerTokenChecker>*>(state);
}

class AuthenticatingServerCredentials final : public grpc::ServerCredentials {
 public:
  AuthenticatingServerCredentials(std::string cert_pem, std::string key_pem,
                                  std::shared_ptr<const BearerTokenChecker> checker)
      : cert_pem_(std::move(cert_pem)),
        key_pem_(std::move(key_pem)),
        checker_(std::move(checker)) {}

  // The C++ processor hook is not used: the check is fixed at construction
  // and installed on the core credentials in AddPortToServer.
  void SetAuthMetadataProcessor(const std::shared_ptr<grpc::AuthMetadataProcessor>&) override {}

 private:
  int AddPortToServer(const std::string& address, grpc_server* server) override {
    grpc_server_credentials* credentials = nullptr;
    if (cert_pem_.empty()) {
      credentials = grpc_insecure_server_credentials_create();
    } else {
      // The core copies the PEM text.
      grpc_ssl_pem_key_cert_pair pair{key_pem_.c_str(), cert_pem_.c_str()};
      credentials = grpc_ssl_server_credentials_create_ex(
          nullptr, &pair, 1, GRPC_SSL_DONT_REQUEST_CLIENT_CERTIFICATE, nullptr);
    }
    if (credentials == nullptr) return 0;
    if (checker_ != nullptr) {
      grpc_server_credentials_set_auth_metadata_processor(
          credentials,
          grpc_auth_metadata_processor{&ProcessMetadata, &DestroyState,
                                       new std::shared_ptr<const BearerTokenChecker>(checker_)});
    }
    const int port = grpc_server_add_http2_port(server, address.c_str(), credentials);
    grpc_server_credentials_release(credentials);
    return port;
  }

  const std::string cert_pem_;
  const std::string key_pem_;
  const std::shared_ptr<const BearerTokenChecker> checker_;
};

}  // namespace

std::shared_ptr<grpc::ServerCredentials> MakeAuthenticatingServerCredentials(
    std::string tls_cert_pem, std::string tls_key_pem,
    std::shared_ptr<const BearerTokenChecker> checker) {
  return std::make_shared<AuthenticatingServerCredentials>(
      std::move(tls_cert_pem), std::move(tls_key_pem), std::move(checker));
}

}  // namespace docsearch
