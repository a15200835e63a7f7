#include "common/metrics_server.h"

#include <exception>
#include <filesystem>
#include <fstream>
#include <utility>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/strings/str_cat.h"
#include "common/log.h"
#include "prometheus/collectable.h"
#include "prometheus/exposer.h"

ABSL_FLAG(std::string, metrics_listen, "",
          "host:port serving Prometheus metrics over HTTP at /metrics (port 0 picks one); empty "
          "turns metrics off");
ABSL_FLAG(std::string, metrics_port_file, "",
          "write the bound metrics port here once serving (for tests)");

namespace docsearch {
namespace {

// The registry's families, with the owner's gauges refreshed first.
class RefreshingCollectable : public prometheus::Collectable {
 public:
  RefreshingCollectable(std::shared_ptr<prometheus::Registry> registry,
                        std::function<void()> before_scrape)
      : registry_(std::move(registry)), before_scrape_(std::move(before_scrape)) {}

  std::vector<prometheus::MetricFamily> Collect() const override {
    if (before_scrape_) before_scrape_();
    return registry_->Collect();
  }

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  std::function<void()> before_scrape_;
};

absl::Status WritePortFile(const std::string& path, int port) {
  // Write then rename, so a reader polling for the file never sees it empty.
  const std::string temporary = path + ".tmp";
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

absl::StatusOr<std::unique_ptr<MetricsServer>> MetricsServer::Start(
    const std::string& listen_address, std::shared_ptr<prometheus::Registry> registry,
    std::function<void()> before_scrape, const std::string& port_file) {
  std::unique_ptr<MetricsServer> server(new MetricsServer());
  // civetweb reports a failed bind by throwing; keep the exception here.
  try {
    server->exposer_ = std::make_unique<prometheus::Exposer>(listen_address, /*num_threads=*/1);
  } catch (const std::exception& error) {
    return absl::UnavailableError(
        absl::StrCat("--metrics_listen: cannot listen on ", listen_address, ": ", error.what()));
  }
  const std::vector<int> ports = server->exposer_->GetListeningPorts();
  if (ports.empty()) {
    return absl::UnavailableError(
        absl::StrCat("--metrics_listen: cannot listen on ", listen_address));
  }
  server->port_ = ports.front();
  server->collectable_ =
      std::make_shared<RefreshingCollectable>(std::move(registry), std::move(before_scrape));
  server->exposer_->RegisterCollectable(server->collectable_);
  if (!port_file.empty()) {
    if (absl::Status written = WritePortFile(port_file, server->port_); !written.ok()) {
      return written;
    }
  }
  LogInfo(absl::StrCat("metrics: serving /metrics on port ", server->port_));
  return server;
}

absl::StatusOr<std::unique_ptr<MetricsServer>> MetricsServer::StartFromFlags(
    std::shared_ptr<prometheus::Registry> registry, std::function<void()> before_scrape) {
  const std::string listen = absl::GetFlag(FLAGS_metrics_listen);
  if (listen.empty()) return std::unique_ptr<MetricsServer>();
  return Start(listen, std::move(registry), std::move(before_scrape),
               absl::GetFlag(FLAGS_metrics_port_file));
}

MetricsServer::~MetricsServer() = default;

}  // namespace docsearch
