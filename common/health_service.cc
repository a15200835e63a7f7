#include "common/health_service.h"

#include <optional>
#include <utility>

namespace docsearch {

using grpc::health::v1::HealthCheckRequest;
using grpc::health::v1::HealthCheckResponse;

// One Watch stream. It sends the current status, then every change, until
// the client cancels or the service shuts down. Writes are serialized: a
// change that arrives while a write is in flight is remembered and sent when
// that write completes (only the latest status matters).
class HealthService::Watcher final : public grpc::ServerWriteReactor<HealthCheckResponse> {
 public:
  Watcher(HealthService* owner, std::string service)
      : owner_(owner), service_(std::move(service)) {}

  const std::string& service() const { return service_; }

  // Queues `status` for sending. Called with owner_->mu_ held.
  void Notify(ServingStatus status) {
    std::optional<ServingStatus> to_send;
    {
      absl::MutexLock lock(&mu_);
      if (finished_) return;
      pending_ = status;
      if (!writing_) {
        writing_ = true;
        to_send = pending_;
        pending_.reset();
      }
    }
    if (to_send) Send(*to_send);
  }

  // Ends the stream with `status`. Called with owner_->mu_ held.
  void End(const grpc::Status& status) {
    {
      absl::MutexLock lock(&mu_);
      if (finished_) return;
      finished_ = true;
    }
    Finish(status);
  }

  void OnWriteDone(bool ok) override {
    std::optional<ServingStatus> to_send;
    {
      absl::MutexLock lock(&mu_);
      if (!ok || finished_) {
        writing_ = false;
        return;
      }
      if (pending_) {
        to_send = pending_;
        pending_.reset();
      } else {
        writing_ = false;
      }
    }
    if (to_send) Send(*to_send);
  }

  void OnCancel() override { End(grpc::Status::CANCELLED); }

  void OnDone() override {
    owner_->Unregister(this);
    delete this;
  }

 private:
  void Send(ServingStatus status) {
    response_.set_status(status);
    StartWrite(&response_);
  }

  HealthService* const owner_;
  const std::string service_;
  HealthCheckResponse response_;  // Only touched by the one write in flight.
  absl::Mutex mu_;
  bool writing_ ABSL_GUARDED_BY(mu_) = false;
  bool finished_ ABSL_GUARDED_BY(mu_) = false;
  std::optional<ServingStatus> pending_ ABSL_GUARDED_BY(mu_);
};

HealthService::HealthService(std::vector<std::string> service_names)
    : service_names_(service_names.begin(), service_names.end()) {}

HealthService::~HealthService() { Shutdown(); }

HealthService::ServingStatus HealthService::StatusOf(const std::string& service) const {
  if (!service.empty() && !service_names_.contains(service)) {
    return HealthCheckResponse::SERVICE_UNKNOWN;
  }
  return serving_ && !shut_down_ ? HealthCheckResponse::SERVING : HealthCheckResponse::NOT_SERVING;
}

void HealthService::SetServing(bool serving) {
  absl::MutexLock lock(&mu_);
  if (serving_ == serving) return;
  serving_ = serving;
  for (Watcher* watcher : watchers_) watcher->Notify(StatusOf(watcher->service()));
}

void HealthService::Shutdown() {
  absl::MutexLock lock(&mu_);
  if (shut_down_) return;
  shut_down_ = true;
  for (Watcher* watcher : watchers_) {
    watcher->Notify(HealthCheckResponse::NOT_SERVING);
    watcher->End(grpc::Status::OK);
  }
}

void HealthService::Unregister(Watcher* watcher) {
  absl::MutexLock lock(&mu_);
  watchers_.erase(watcher);
}

grpc::ServerUnaryReactor* HealthService::Check(grpc::CallbackServerContext* context,
                                               const HealthCheckRequest* request,
                                               HealthCheckResponse* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  absl::MutexLock lock(&mu_);
  ServingStatus status = StatusOf(request->service());
  if (status == HealthCheckResponse::SERVICE_UNKNOWN) {
    reactor->Finish(
        grpc::Status(grpc::StatusCode::NOT_FOUND, "unknown service '" + request->service() + "'"));
    return reactor;
  }
  response->set_status(status);
  reactor->Finish(grpc::Status::OK);
  return reactor;
}

grpc::ServerWriteReactor<HealthCheckResponse>* HealthService::Watch(
    grpc::CallbackServerContext* context, const HealthCheckRequest* request) {
  auto* watcher = new Watcher(this, request->service());
  absl::MutexLock lock(&mu_);
  watchers_.insert(watcher);
  watcher->Notify(StatusOf(request->service()));
  if (shut_down_) watcher->End(grpc::Status::OK);
  return watcher;
}

}  // namespace docsearch
