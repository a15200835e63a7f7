// Starting and stopping one of docsearch's gRPC servers.
//
// Every server gets the same furniture: server reflection (so grpcurl and
// buf curl work without .proto files), the grpc.health.v1 service (starting
// NOT_SERVING), message size and stream limits, optional TLS, an optional
// bearer-token check (common/bearer_token_checker.h), an optional port file
// for tests that bind port 0, and a graceful drain on shutdown.
//
// Typical main():
//   absl::StatusOr<int> signal = WaitForTerminationSignal::BlockSignals();
//   auto server = GrpcServer::Start(config, {&my_service}, &health);
//   ... recover state ...; health.SetServing(true);
//   WaitForTerminationSignal();       // SIGTERM or SIGINT
//   (*server)->Shutdown(absl::Seconds(10));
#ifndef DOCSEARCH_COMMON_GRPC_SERVER_H_
#define DOCSEARCH_COMMON_GRPC_SERVER_H_

#include <grpcpp/server.h>
#include <grpcpp/support/server_interceptor.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/health_service.h"

namespace docsearch {

struct GrpcServerConfig {
  // host:port to bind; port 0 picks a free port.
  std::string listen_address = "127.0.0.1:0";
  // When non-empty, the bound port number is written here (atomically) once
  // the server accepts calls.
  std::string port_file;
  // Largest request message accepted, in bytes.
  int max_receive_message_bytes = 64 * 1024 * 1024;
  // Largest response message sent, in bytes; a larger one fails its call
  // with RESOURCE_EXHAUSTED instead of being buffered.
  int max_send_message_bytes = 64 * 1024 * 1024;
  // Most concurrent calls (HTTP/2 streams) per client connection; 0 leaves
  // gRPC's default (no limit).
  int max_concurrent_streams = 100;
  // Memory gRPC may use for connections and calls (its resource quota);
  // past it, gRPC refuses new work instead of growing.
  int64_t max_grpc_memory_bytes = int64_t{1} << 30;
  // A connection must finish its HTTP/2 handshake (the client's preface and
  // SETTINGS) within this, or it is closed: a client that sends only the
  // preface no longer holds a descriptor for minutes.
  absl::Duration handshake_timeout = absl::Seconds(10);
  // A connection with no call for this long is closed (clients reconnect
  // transparently).
  absl::Duration max_connection_idle = absl::Minutes(5);
  // The server pings a connection after this long without traffic and
  // closes it when the ping is not answered within keepalive_timeout: a
  // peer that vanished or never speaks HTTP/2 is let go.
  absl::Duration keepalive_time = absl::Seconds(60);
  absl::Duration keepalive_timeout = absl::Seconds(20);
  // TLS: the PEM certificate chain and private key (text, not paths). Both
  // empty serves plaintext.
  std::string tls_cert_pem;
  std::string tls_key_pem;
  // When non-empty, calls to `protected_services` (full names, e.g.
  // "docsearch.v1.IndexService") need `authorization: Bearer <auth_token>`.
  // Health and reflection are never protected.
  std::string auth_token;
  std::vector<std::string> protected_services;
  // When set, called once at start: interceptors that see every call
  // (metrics, request ids), run in the order given.
  std::function<
      std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>>()>
      interceptors;
};

class GrpcServer {
 public:
  // Builds and starts a server offering `services` (not owned; they must
  // outlive the server) plus reflection and `health` (not owned).
  // UNAVAILABLE when the address cannot be bound (or, with TLS, the
  // certificate and key are unusable). Logs one line saying whether TLS and
  // authentication are on.
  static absl::StatusOr<std::unique_ptr<GrpcServer>> Start(
      const GrpcServerConfig& config, const std::vector<grpc::Service*>& services,
      HealthService* health);

  ~GrpcServer();

  // The bound port (the chosen one when listen_address asked for port 0).
  int port() const { return port_; }

  // Drains: reports NOT_SERVING, ends health watches, lets calls in flight
  // finish for up to `grace`, then cancels the rest. Idempotent.
  void Shutdown(absl::Duration grace);

 private:
  GrpcServer(std::unique_ptr<grpc::Server> server, HealthService* health, int port)
      : server_(std::move(server)), health_(health), port_(port) {}

  std::unique_ptr<grpc::Server> server_;
  HealthService* health_;
  int port_;
  bool shut_down_ = false;
};

// Raises this process's soft limit on open descriptors (RLIMIT_NOFILE) to
// its hard limit, so connections, log files and snapshots have all the room
// the host allows; returns the limit now in force. Start calls it.
uint64_t RaiseOpenFileLimit();

// Blocks SIGTERM and SIGINT in the calling thread so that threads created
// afterwards (gRPC's among them) inherit the mask and the signals can be
// taken synchronously by WaitForTerminationSignal. Call first thing in main.
absl::Status BlockTerminationSignals();

// Waits until SIGTERM or SIGINT arrives; returns the signal number.
int WaitForTerminationSignal();

}  // namespace docsearch

#endif  // DOCSEARCH_COMMON_GRPC_SERVER_H_
