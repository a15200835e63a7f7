// Server credentials (plaintext or TLS) that put every incoming call through
// a BearerTokenChecker before any handler sees it.
//
// Why this mechanism, for gRPC 1.51:
//   - grpc::AuthMetadataProcessor is the hook gRPC intends for this, and it
//     rejects a call with the status we choose before the handler runs. But
//     the C++ API only accepts one on secure credentials:
//     InsecureServerCredentials()->SetAuthMetadataProcessor() is
//     GPR_ASSERT(0), and we must support plaintext too.
//   - A server interceptor (experimental in 1.51) cannot end a call with a
//     status before the handler: it can only rewrite the status on the way
//     out, after IndexService.Write would already have applied the write.
// The C core has no such restriction: grpc_server_credentials_set_auth_
// metadata_processor() works on insecure and on SSL core credentials alike,
// the processor sees :path and every header, and the status it returns
// (UNAUTHENTICATED, PERMISSION_DENIED) is what the caller gets. So this class
// builds the core credentials itself, attaches the processor, and adds the
// port with grpc_server_add_http2_port(). One check, one place, for both.
//
// It relies on grpc::ServerCredentials::AddPortToServer being the virtual
// through which grpc::Server adds ports, which holds for the gRPC 1.51 that
// Debian 12 ships (later versions wrap a core credentials pointer directly,
// which would make this class a constructor call).
#ifndef DOCSEARCH_COMMON_AUTHENTICATING_SERVER_CREDENTIALS_H_
#define DOCSEARCH_COMMON_AUTHENTICATING_SERVER_CREDENTIALS_H_

#include <grpcpp/security/server_credentials.h>

#include <memory>
#include <string>

#include "common/bearer_token_checker.h"

namespace docsearch {

// `tls_cert_pem`/`tls_key_pem`: the certificate chain and private key (PEM
// text); both empty serves plaintext. `checker`: null lets every call
// through.
std::shared_ptr<grpc::ServerCredentials> MakeAuthenticatingServerCredentials(
    std::string tls_cert_pem, std::string tls_key_pem,
    std::shared_ptr<const BearerTokenChecker> checker);

}  // namespace docsearch

#endif  // DOCSEARCH_COMMON_AUTHENTICATING_SERVER_CREDENTIALS_H_
