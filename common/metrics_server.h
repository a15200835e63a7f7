// Serves a Prometheus registry over HTTP at /metrics (prometheus-cpp's
// civetweb exposer), for both servers' --metrics_listen.
//
// The registry is owned by main() and handed to whatever records metrics;
// nothing here is global. Gauges that mirror state owned elsewhere (queue
// depths, document counts) are refreshed just before each scrape by the
// `before_scrape` callback, so no thread polls them.
#ifndef DOCSEARCH_COMMON_METRICS_SERVER_H_
#define DOCSEARCH_COMMON_METRICS_SERVER_H_

#include <functional>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "prometheus/registry.h"

namespace prometheus {
class Exposer;
}  // namespace prometheus

namespace docsearch {

class MetricsServer {
 public:
  // Listens on `listen_address` (host:port; port 0 picks a free one) and
  // serves `registry` at /metrics, calling `before_scrape` (may be empty)
  // first on every scrape. UNAVAILABLE when the address cannot be bound.
  // When `port_file` is non-empty the bound port is written there.
  static absl::StatusOr<std::unique_ptr<MetricsServer>> Start(
      const std::string& listen_address, std::shared_ptr<prometheus::Registry> registry,
      std::function<void()> before_scrape, const std::string& port_file);

  // From the flags --metrics_listen and --metrics_port_file: nullptr when
  // --metrics_listen is empty (metrics off).
  static absl::StatusOr<std::unique_ptr<MetricsServer>> StartFromFlags(
      std::shared_ptr<prometheus::Registry> registry, std::function<void()> before_scrape);

  ~MetricsServer();
  MetricsServer(const MetricsServer&) = delete;
  MetricsServer& operator=(const MetricsServer&) = delete;

  int port() const { return port_; }

 private:
  MetricsServer() = default;

  std::shared_ptr<prometheus::Collectable> collectable_;
  std::unique_ptr<prometheus::Exposer> exposer_;
  int port_ = 0;
};

}  // namespace docsearch

#endif  // DOCSEARCH_COMMON_METRICS_SERVER_H_
