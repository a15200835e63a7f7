#include "tests/cluster/two_shard_topology.h"

#include <filesystem>
#include <utility>

#include "absl/strings/str_cat.h"
#include "tests/cluster/cluster_client.h"

namespace docsearch::testing {

namespace fs = std::filesystem;

absl::StatusOr<std::unique_ptr<TwoShardTopology>> StartTwoShardTopology(
    const std::string& work_dir, const std::string& query_service_binary,
    const std::string& ingest_service_binary,
    const std::vector<docsearch::v1::RawDocument>& corpus) {
  fs::remove_all(work_dir);
  fs::create_directories(work_dir);
  auto t = std::make_unique<TwoShardTopology>();
  absl::StatusOr<NatsServerProcess> nats =
      NatsServerProcess::Start((fs::path(work_dir) / "nats").string(), FreeLoopbackPort());
  if (!nats.ok()) return nats.status();
  t->nats.emplace(*std::move(nats));
  const std::string url = t->nats->url();
  auto start = [&](const std::string& binary,
                   std::vector<std::string> arguments) -> absl::StatusOr<ServiceProcess> {
    arguments.push_back("--listen=127.0.0.1:0");
    absl::StatusOr<ServiceProcess> process =
        ServiceProcess::Start(binary, std::move(arguments), work_dir);
    if (!process.ok()) {
      return absl::Status(process.status().code(),
                          absl::StrCat(binary, ": ", process.status().message()));
    }
    return process;
  };
  const std::string shards = absl::StrCat("--shards=", TwoShardTopology::kShards);
  absl::StatusOr<ServiceProcess> ingest =
      start(ingest_service_binary, {"--nats=" + url, shards, "--stream_replicas=1"});
  if (!ingest.ok()) return ingest.status();
  t->cluster_ingest.emplace(*std::move(ingest));
  for (uint32_t shard = 0; shard < TwoShardTopology::kShards; ++shard) {
    absl::StatusOr<ServiceProcess> replica =
        start(query_service_binary,
              {"--nats=" + url, absl::StrCat("--shards=", shard), "--stream_replicas=1",
               "--data_dir=" + (fs::path(work_dir) / absl::StrCat("replica", shard)).string()});
    if (!replica.ok()) return replica.status();
    t->replicas.push_back(*std::move(replica));
  }
  absl::StatusOr<ServiceProcess> coordinator =
      start(query_service_binary, {"--nats=" + url, "--role=coordinator", "--stream_replicas=1"});
  if (!coordinator.ok()) return coordinator.status();
  t->coordinator.emplace(*std::move(coordinator));
  absl::StatusOr<ServiceProcess> single = start(query_service_binary, {});
  if (!single.ok()) return single.status();
  t->single_node.emplace(*std::move(single));
  absl::StatusOr<ServiceProcess> single_ingest =
      start(ingest_service_binary, {"--query_service=" + t->single_node->address()});
  if (!single_ingest.ok()) return single_ingest.status();
  t->single_ingest.emplace(*std::move(single_ingest));

  absl::StatusOr<std::vector<docsearch::v1::IngestDocumentResponse>> cluster_acks =
      IngestAll(t->cluster_ingest->address(), corpus);
  if (!cluster_acks.ok()) return cluster_acks.status();
  absl::StatusOr<std::vector<docsearch::v1::IngestDocumentResponse>> single_acks =
      IngestAll(t->single_ingest->address(), corpus);
  if (!single_acks.ok()) return single_acks.status();
  t->single_acks = *std::move(single_acks);
  t->documents = DocumentCountAt(t->single_node->address());
  // The replicas apply what JetStream acknowledged; answers through the
  // coordinator cover all of it once they have.
  if (!WaitUntil([&] { return DocumentCountAt(t->coordinator->address()) == t->documents; },
                 absl::Seconds(30))) {
    return absl::DeadlineExceededError(absl::StrCat("the coordinator counts ",
                                                    DocumentCountAt(t->coordinator->address()),
                                                    " of ", t->documents, " documents after 30 s"));
  }
  return t;
}

}  // namespace docsearch::testing
