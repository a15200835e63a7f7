// One NATS server with JetStream, the ingest service in cluster mode, one
// replica for each of two shards and a coordinator, beside a single node
// with its own ingest service; the same corpus ingested into both. What the
// equivalence tests compare.
#ifndef DOCSEARCH_TESTS_CLUSTER_TWO_SHARD_TOPOLOGY_H_
#define DOCSEARCH_TESTS_CLUSTER_TWO_SHARD_TOPOLOGY_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "docsearch/v1/ingest_service.pb.h"
#include "tests/cluster/nats_server_process.h"
#include "tests/integration/service_process.h"

namespace docsearch::testing {

struct TwoShardTopology {
  static constexpr uint32_t kShards = 2;

  std::optional<NatsServerProcess> nats;
  std::optional<ServiceProcess> cluster_ingest;
  std::vector<ServiceProcess> replicas;  // By shard.
  std::optional<ServiceProcess> coordinator;
  std::optional<ServiceProcess> single_node;
  std::optional<ServiceProcess> single_ingest;
  std::vector<docsearch::v1::IngestDocumentResponse> single_acks;
  int64_t documents = 0;
};

// Starts everything under `work_dir` (binaries given), ingests `corpus`
// into both and waits until the coordinator counts every document.
absl::StatusOr<std::unique_ptr<TwoShardTopology>> StartTwoShardTopology(
    const std::string& work_dir, const std::string& query_service_binary,
    const std::string& ingest_service_binary,
    const std::vector<docsearch::v1::RawDocument>& corpus);

}  // namespace docsearch::testing

#endif  // DOCSEARCH_TESTS_CLUSTER_TWO_SHARD_TOPOLOGY_H_
