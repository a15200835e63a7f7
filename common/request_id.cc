#include "common/request_id.h"

#include <chrono>

#include "absl/random/random.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_format.h"
#include "common/log.h"
#include "common/rpc_metrics.h"

namespace docsearch {
namespace {

using grpc::experimental::InterceptionHookPoints;

constexpr size_t kMaxRequestIdBytes = 128;

bool IsQuiet(std::string_view method) {
  return method.rfind("/grpc.health.", 0) == 0 || method.rfind("/grpc.reflection.", 0) == 0;
}

class RequestIdInterceptor : public grpc::experimental::Interceptor {
 public:
  explicit RequestIdInterceptor(std::string method)
      : method_(std::move(method)), start_(std::chrono::steady_clock::now()) {}

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::POST_RECV_INITIAL_METADATA)) {
      std::multimap<grpc::string_ref, grpc::string_ref>* metadata =
          methods->GetRecvInitialMetadata();
      auto found = metadata->find(kRequestIdMetadataKey);
      if (found != metadata->end() &&
          IsUsableRequestId(std::string_view(found->second.data(), found->second.size()))) {
        request_id_.assign(found->second.data(), found->second.size());
      } else {
        if (found != metadata->end()) metadata->erase(found);
        request_id_ = NewRequestId();
        // string_refs into members: the interceptor lives as long as the
        // call, and so does the map.
        metadata->emplace(grpc::string_ref(kRequestIdMetadataKey), grpc::string_ref(request_id_));
      }
    }
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_STATUS)) {
      if (!request_id_.empty()) {
        methods->GetSendTrailingMetadata()->emplace(kRequestIdMetadataKey, request_id_);
      }
      if (!IsQuiet(method_)) {
        const grpc::Status status = methods->GetSendStatus();
        const std::chrono::duration<double> latency = std::chrono::steady_clock::now() - start_;
        LogFields fields;
        fields.request_id = request_id_;
        fields.method = method_;
        fields.code = StatusCodeName(status.error_code());
        fields.latency_seconds = latency.count();
        LogLine(status.ok() ? LogSeverity::kInfo : LogSeverity::kWarning,
                status.ok() ? std::string("rpc") : "rpc: " + status.error_message(), fields);
      }
    }
    methods->Proceed();
  }

 private:
  const std::string method_;
  const std::chrono::steady_clock::time_point start_;
  std::string request_id_;
};

class RequestIdInterceptorFactory : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override {
    return new RequestIdInterceptor(info->method() == nullptr ? "" : info->method());
  }
};

}  // namespace

std::string RequestIdOf(const grpc::ServerContextBase& context) {
  const auto& metadata = context.client_metadata();
  auto found = metadata.find(kRequestIdMetadataKey);
  if (found == metadata.end()) return "";
  return std::string(found->second.data(), found->second.size());
}

bool IsUsableRequestId(std::string_view id) {
  if (id.empty() || id.size() > kMaxRequestIdBytes) return false;
  for (const char c : id) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) &&
        std::string_view("._:/+=~-").find(c) == std::string_view::npos) {
      return false;
    }
  }
  return true;
}

std::string NewRequestId() {
  absl::BitGen random;
  return absl::StrFormat("%016x%016x", absl::Uniform<uint64_t>(random),
                         absl::Uniform<uint64_t>(random));
}

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
MakeRequestIdInterceptorFactory() {
  return std::make_unique<RequestIdInterceptorFactory>();
}

}  // namespace docsearch
