// Counts and times every RPC a server handles, by method and status code,
// as the Prometheus series
//   grpc_server_handled_total{grpc_service, grpc_method, grpc_code}
//   grpc_server_handling_seconds{grpc_service, grpc_method} (histogram)
// (the names go-grpc-prometheus and grpc-java use, so existing dashboards
// and alerts fit). Recorded by a server interceptor, so no handler has to
// remember to; a long-lived stream is observed once, when it ends.
//
// Methods that are not in this binary's generated descriptor pool (a
// caller asking for a method nobody implements) are labelled "unknown", so
// a caller cannot create series at will.
#ifndef DOCSEARCH_COMMON_RPC_METRICS_H_
#define DOCSEARCH_COMMON_RPC_METRICS_H_

#include <grpcpp/support/server_interceptor.h>

#include <memory>
#include <string>
#include <vector>

#include "prometheus/counter.h"
#include "prometheus/family.h"
#include "prometheus/histogram.h"
#include "prometheus/registry.h"

namespace docsearch {

// Latency buckets in seconds shared by the services' histograms: 0.5 ms to
// 30 s, roughly ×2.5 apart.
const std::vector<double>& LatencyBucketsSeconds();

class RpcMetrics {
 public:
  explicit RpcMetrics(prometheus::Registry& registry);

  // Records one finished call; `full_method` is gRPC's "/pkg.Service/Method".
  void Observe(const std::string& full_method, int code, double seconds);

  // An interceptor factory for GrpcServerConfig::interceptors; `this` must
  // outlive the server.
  std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface> MakeInterceptorFactory();

 private:
  prometheus::Family<prometheus::Counter>& handled_;
  prometheus::Family<prometheus::Histogram>& handling_seconds_;
};

// "OK", "INVALID_ARGUMENT", ...: the label values grpc_code takes.
const char* StatusCodeName(int code);

}  // namespace docsearch

#endif  // DOCSEARCH_COMMON_RPC_METRICS_H_
