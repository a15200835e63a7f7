// grpc.health.v1.Health, served from our own compiled copy of the protocol.
//
// gRPC's built-in health service has no descriptor in Debian's build, so
// reflection clients (grpcurl, buf curl) could not call it. This one is
// compiled from proto/grpc/health/v1/health.proto and so is described by
// reflection like any other service.
//
// Status model: one serving flag for the whole server. The empty service
// name and every registered service name report it; other names are
// NOT_FOUND for Check and SERVICE_UNKNOWN for Watch, as the protocol says.
// Servers start NOT_SERVING, switch to SERVING once ready (after recovery),
// and back to NOT_SERVING while draining on shutdown.
//
// Thread safety: all methods are thread-safe.
#ifndef DOCSEARCH_COMMON_HEALTH_SERVICE_H_
#define DOCSEARCH_COMMON_HEALTH_SERVICE_H_

#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_set.h"
#include "absl/synchronization/mutex.h"
#include "grpc/health/v1/health.grpc.pb.h"

namespace docsearch {

class HealthService final : public grpc::health::v1::Health::CallbackService {
 public:
  using ServingStatus = grpc::health::v1::HealthCheckResponse::ServingStatus;

  // `service_names` are the fully qualified services this server offers.
  explicit HealthService(std::vector<std::string> service_names);
  ~HealthService() override;

  // Sets the status reported for every service and tells watchers.
  void SetServing(bool serving);

  // Ends every Watch stream with OK; later Watch calls end at once. Call
  // before shutting the server down so the drain does not wait on watchers.
  void Shutdown();

  grpc::ServerUnaryReactor* Check(grpc::CallbackServerContext* context,
                                  const grpc::health::v1::HealthCheckRequest* request,
                                  grpc::health::v1::HealthCheckResponse* response) override;
  grpc::ServerWriteReactor<grpc::health::v1::HealthCheckResponse>* Watch(
      grpc::CallbackServerContext* context,
      const grpc::health::v1::HealthCheckRequest* request) override;

  class Watcher;  // A Watch stream; defined in health_service.cc.

 private:
  ServingStatus StatusOf(const std::string& service) const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void Unregister(Watcher* watcher);

  const absl::flat_hash_set<std::string> service_names_;
  mutable absl::Mutex mu_;
  bool serving_ ABSL_GUARDED_BY(mu_) = false;
  bool shut_down_ ABSL_GUARDED_BY(mu_) = false;
  absl::flat_hash_set<Watcher*> watchers_ ABSL_GUARDED_BY(mu_);
};

}  // namespace docsearch

#endif  // DOCSEARCH_COMMON_HEALTH_SERVICE_H_
