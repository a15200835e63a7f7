// Three nats-server processes as one JetStream cluster for the failure
// tests: each server can be killed and restarted on its store and ports,
// or paused and resumed.
#ifndef DOCSEARCH_TESTS_CLUSTER_NATS_CLUSTER_H_
#define DOCSEARCH_TESTS_CLUSTER_NATS_CLUSTER_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "docsearch/v1/ingest_service.pb.h"
#include "tests/cluster/nats_server_process.h"

namespace docsearch::testing {

class NatsCluster {
 public:
  // `size` servers under `work_dir` (nats0, nats1, ...), on free loopback
  // ports, routed to each other (a lone server runs JetStream unclustered).
  static absl::StatusOr<NatsCluster> Start(const std::string& work_dir, int size = 3);

  // Every server's URL, comma-separated (the --nats flag's value).
  std::string urls() const;
  std::string url(int server) const;

  void Kill(int server) { servers_[server].Kill(); }
  // Starts a killed server again on its store and ports.
  absl::Status Restart(int server);
  void Pause(int server) { servers_[server].Pause(); }
  void Resume(int server) { servers_[server].Resume(); }

 private:
  NatsCluster() = default;

  std::string work_dir_;
  std::vector<int> client_ports_;
  std::vector<int> route_ports_;
  std::vector<NatsServerProcess> servers_;
};

// One IngestDocument call with `deadline`.
absl::StatusOr<docsearch::v1::IngestDocumentResponse> IngestOne(
    const std::string& ingest_address, const docsearch::v1::RawDocument& document,
    absl::Duration deadline);

}  // namespace docsearch::testing

#endif  // DOCSEARCH_TESTS_CLUSTER_NATS_CLUSTER_H_
