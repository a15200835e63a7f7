#include "common/grpc_server.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/resource_quota.h>
#include <grpcpp/security/server_credentials.h>
#include <grpcpp/server_builder.h>
#include <signal.h>
#include <sys/resource.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/accept_guard.h"
#include "common/authenticating_server_credentials.h"
#include "common/bearer_token_checker.h"
#include "common/log.h"

namespace docsearch {
namespace {

absl::Status WritePortFile(const std::string& path, int port) {
  // Write then rename, so a reader polling for the file never sees it empty.
  std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::trunc);
    out << port << "\n";
    if (!out.good()) return absl::InternalError(absl::StrCat("cannot write port file ", temporary));
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) return absl::InternalError(absl::StrCat("cannot rename port file: ", error.message()));
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::unique_ptr<GrpcServer>> GrpcServer::Start(
    const GrpcServerConfig& config, const std::vector<grpc::Service*>& services,
    HealthService* health) {
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  const uint64_t open_file_limit = RaiseOpenFileLimit();
  // gRPC 1.51 stops accepting for good when accept4 fails with EMFILE; the
  // guard keeps the listener alive (common/accept_guard.h).
  InstallAcceptGuard();
  grpc::ServerBuilder builder;
  int port = 0;
  std::shared_ptr<const BearerTokenChecker> checker;
  if (!config.auth_token.empty()) {
    checker =
        std::make_shared<const BearerTokenChecker>(config.auth_token, config.protected_services);
  }
  builder.AddListeningPort(
      config.listen_address,
      MakeAuthenticatingServerCredentials(config.tls_cert_pem, config.tls_key_pem, checker), &port);
  builder.SetMaxReceiveMessageSize(config.max_receive_message_bytes);
  builder.SetMaxSendMessageSize(config.max_send_message_bytes);
  if (config.max_concurrent_streams > 0) {
    builder.AddChannelArgument(GRPC_ARG_MAX_CONCURRENT_STREAMS, config.max_concurrent_streams);
  }
  grpc::ResourceQuota quota("docsearch-server");
  quota.Resize(static_cast<size_t>(config.max_grpc_memory_bytes));
  builder.SetResourceQuota(quota);
  const auto milliseconds = [](absl::Duration duration) {
    return static_cast<int>(std::min<int64_t>(absl::ToInt64Milliseconds(duration), INT32_MAX));
  };
  builder.AddChannelArgument(GRPC_ARG_SERVER_HANDSHAKE_TIMEOUT_MS,
                             milliseconds(config.handshake_timeout));
  builder.AddChannelArgument(GRPC_ARG_MAX_CONNECTION_IDLE_MS,
                             milliseconds(config.max_connection_idle));
  builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_TIME_MS, milliseconds(config.keepalive_time));
  builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_TIMEOUT_MS, milliseconds(config.keepalive_timeout));
  builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 1);
  if (config.interceptors) builder.experimental().SetInterceptorCreators(config.interceptors());
  for (grpc::Service* service : services) builder.RegisterService(service);
  builder.RegisterService(health);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  const bool tls = !config.tls_cert_pem.empty();
  if (server == nullptr || port == 0) {
    return absl::UnavailableError(absl::StrCat(
        "cannot listen on ", config.listen_address,
        tls ? " (with TLS: do --tls_cert and --tls_key hold a certificate and its key?)" : ""));
  }
  LogInfo(absl::StrCat(
      "security: tls=", tls ? "on" : "off (plaintext)", " auth=",
      checker == nullptr ? "off (no token configured)"
                         : absl::StrCat("on for ", absl::StrJoin(config.protected_services, ",")),
      " max_concurrent_streams=",
      config.max_concurrent_streams > 0 ? absl::StrCat(config.max_concurrent_streams)
                                        : std::string("grpc-default"),
      " open_file_limit=", open_file_limit, " max_grpc_memory_bytes=", config.max_grpc_memory_bytes,
      " handshake_timeout=", absl::FormatDuration(config.handshake_timeout),
      " max_connection_idle=", absl::FormatDuration(config.max_connection_idle)));
  if (!config.port_file.empty()) {
    absl::Status written = WritePortFile(config.port_file, port);
    if (!written.ok()) {
      server->Shutdown();
      return written;
    }
  }
  return std::unique_ptr<GrpcServer>(new GrpcServer(std::move(server), health, port));
}

GrpcServer::~GrpcServer() { Shutdown(absl::ZeroDuration()); }

void GrpcServer::Shutdown(absl::Duration grace) {
  if (shut_down_) return;
  shut_down_ = true;
  health_->SetServing(false);
  health_->Shutdown();
  server_->Shutdown(absl::ToChronoTime(absl::Now() + grace));
  server_->Wait();
}

uint64_t RaiseOpenFileLimit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return 0;
  if (limit.rlim_cur < limit.rlim_max) {
    rlimit raised = limit;
    raised.rlim_cur = limit.rlim_max;
    if (setrlimit(RLIMIT_NOFILE, &raised) == 0) limit = raised;
  }
  return static_cast<uint64_t>(limit.rlim_cur);
}

absl::Status BlockTerminationSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  if (pthread_sigmask(SIG_BLOCK, &signals, nullptr) != 0) {
    return absl::InternalError("cannot block SIGTERM/SIGINT");
  }
  return absl::OkStatus();
}

int WaitForTerminationSignal() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  int signal_number = 0;
  while (sigwait(&signals, &signal_number) != 0) {
  }
  return signal_number;
}

}  // namespace docsearch
