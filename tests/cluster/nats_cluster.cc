#include "tests/cluster/nats_cluster.h"

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "docsearch/v1/ingest_service.grpc.pb.h"

namespace docsearch::testing {

absl::StatusOr<NatsCluster> NatsCluster::Start(const std::string& work_dir, int size) {
  NatsCluster cluster;
  cluster.work_dir_ = work_dir;
  for (int i = 0; i < size; ++i) {
    cluster.client_ports_.push_back(FreeLoopbackPort());
    // A lone server is no cluster: JetStream in cluster mode would wait
    // for peers.
    if (size > 1) cluster.route_ports_.push_back(FreeLoopbackPort());
  }
  for (int i = 0; i < size; ++i) {
    absl::StatusOr<NatsServerProcess> server = NatsServerProcess::Start(
        absl::StrCat(work_dir, "/nats", i), cluster.client_ports_[i], cluster.route_ports_, i);
    if (!server.ok()) return server.status();
    cluster.servers_.push_back(*std::move(server));
  }
  return cluster;
}

std::string NatsCluster::url(int server) const {
  return absl::StrCat("nats://127.0.0.1:", client_ports_[server]);
}

std::string NatsCluster::urls() const {
  std::vector<std::string> urls;
  for (size_t i = 0; i < client_ports_.size(); ++i) urls.push_back(url(static_cast<int>(i)));
  return absl::StrJoin(urls, ",");
}

absl::Status NatsCluster::Restart(int server) {
  servers_[server].Kill();
  // The killed server's sockets may linger for a moment; a start that
  // fails on them is tried again rather than failing the test.
  const absl::Time deadline = absl::Now() + absl::Seconds(15);
  while (true) {
    absl::StatusOr<NatsServerProcess> restarted = NatsServerProcess::Start(
        absl::StrCat(work_dir_, "/nats", server), client_ports_[server], route_ports_, server);
    if (restarted.ok()) {
      servers_[server] = *std::move(restarted);
      return absl::OkStatus();
    }
    if (absl::Now() > deadline) return restarted.status();
    absl::SleepFor(absl::Milliseconds(500));
  }
}

absl::StatusOr<docsearch::v1::IngestDocumentResponse> IngestOne(
    const std::string& ingest_address, const docsearch::v1::RawDocument& document,
    absl::Duration deadline) {
  auto stub = docsearch::v1::IngestService::NewStub(
      grpc::CreateChannel(ingest_address, grpc::InsecureChannelCredentials()));
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + deadline));
  docsearch::v1::IngestDocumentRequest request;
  *request.mutable_document() = document;
  docsearch::v1::IngestDocumentResponse response;
  grpc::Status status = stub->IngestDocument(&context, request, &response);
  if (!status.ok()) {
    return absl::Status(static_cast<absl::StatusCode>(status.error_code()), status.error_message());
  }
  return response;
}

}  // namespace docsearch::testing
