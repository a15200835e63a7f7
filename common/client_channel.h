// Channels from our programs to a docsearch server: plaintext or TLS, with
// or without a bearer token. Used by the ingest service (to the query
// service) and by the CLI, so both speak to a secured server the same way.
//
// The token is attached by a client interceptor rather than by call
// credentials: gRPC sends call credentials only over channels with privacy
// and integrity (TLS), so on a plaintext channel they would fail every call
// with UNAUTHENTICATED instead of sending the token. The interceptor adds
// `authorization: Bearer <token>` to every call on the channel whatever the
// transport; sending a token in plaintext is the caller's choice, and is fine
// on a private network (the docker-compose backend) but not across one you
// do not trust — use TLS there.
#ifndef DOCSEARCH_COMMON_CLIENT_CHANNEL_H_
#define DOCSEARCH_COMMON_CLIENT_CHANNEL_H_

#include <grpcpp/channel.h>
#include <grpcpp/support/channel_arguments.h>

#include <memory>
#include <string>

namespace docsearch {

struct ClientSecurity {
  // PEM root certificates to verify the server with; non-empty turns TLS on.
  std::string tls_root_pem;
  // Sent as `authorization: Bearer <token>` on every call when non-empty.
  std::string token;
};

// A channel to `target` (host:port). Connects lazily.
std::shared_ptr<grpc::Channel> MakeClientChannel(const std::string& target,
                                                 const ClientSecurity& security,
                                                 const grpc::ChannelArguments& arguments);

}  // namespace docsearch

#endif  // DOCSEARCH_COMMON_CLIENT_CHANNEL_H_
