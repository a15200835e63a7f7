// Deletes in cluster mode are tombstones in the log of record: a delete
// through the coordinator removes the document from its shard's replicas,
// a replica built from the stream afterwards never has it, and writing it
// again brings it back (JetStream's de-duplication by Nats-Msg-Id does not
// swallow the second write of a version written before the tombstone).
#include <grpcpp/create_channel.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "cluster/shard_router.h"
#include "docsearch/v1/index_service.grpc.pb.h"
#include "tests/cluster/cluster_client.h"
#include "tests/cluster/nats_server_process.h"
#include "tests/cluster/scratch_directory.h"
#include "tests/integration/service_process.h"

namespace docsearch::testing {
namespace {

namespace fs = std::filesystem;

grpc::Status DeleteAt(const std::string& address, const std::string& id) {
  auto stub = docsearch::v1::IndexService::NewStub(
      grpc::CreateChannel(address, grpc::InsecureChannelCredentials()));
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(10)));
  docsearch::v1::DeleteDocumentRequest request;
  request.set_id(id);
  docsearch::v1::DeleteDocumentResponse response;
  return stub->DeleteDocument(&context, request, &response);
}

TEST(ClusterDeleteTest, ATombstoneRemovesTheDocumentEverywhereAndAWriteBringsItBack) {
  std::vector<docsearch::v1::RawDocument> corpus = LoadDevelopmentCorpus(DOCSEARCH_SHARED_CORPUS);
  if (corpus.empty()) GTEST_SKIP() << "no corpus at " << DOCSEARCH_SHARED_CORPUS;
  corpus.resize(std::min<size_t>(corpus.size(), 20));
  const ScratchDirectory scratch("cluster_delete");
  const fs::path& work = scratch.path();
  absl::StatusOr<NatsServerProcess> nats =
      NatsServerProcess::Start((work / "nats").string(), FreeLoopbackPort());
  ASSERT_TRUE(nats.ok()) << nats.status();
  const std::string flag = "--nats=" + nats->url();
  auto start = [&](const std::string& binary, std::vector<std::string> arguments) {
    arguments.push_back("--listen=127.0.0.1:0");
    arguments.push_back("--stream_replicas=1");
    return ServiceProcess::Start(binary, std::move(arguments), work.string());
  };
  absl::StatusOr<ServiceProcess> ingest =
      start(DOCSEARCH_INGEST_SERVICE_BINARY, {flag, "--shards=2"});
  ASSERT_TRUE(ingest.ok()) << ingest.status();
  std::vector<ServiceProcess> replicas;
  for (int shard = 0; shard < 2; ++shard) {
    absl::StatusOr<ServiceProcess> replica =
        start(DOCSEARCH_QUERY_SERVICE_BINARY, {flag, absl::StrCat("--shards=", shard)});
    ASSERT_TRUE(replica.ok()) << replica.status();
    replicas.push_back(*std::move(replica));
  }
  absl::StatusOr<ServiceProcess> coordinator =
      start(DOCSEARCH_QUERY_SERVICE_BINARY, {flag, "--role=coordinator"});
  ASSERT_TRUE(coordinator.ok()) << coordinator.status();
  absl::StatusOr<std::vector<docsearch::v1::IngestDocumentResponse>> acks =
      IngestAll(ingest->address(), corpus);
  ASSERT_TRUE(acks.ok()) << acks.status();
  const std::string id = acks->front().id();
  const uint32_t shard = cluster::ShardOf(id, 2);
  ASSERT_TRUE(
      WaitUntil([&] { return GetDocumentAt(coordinator->address(), id).ok(); }, absl::Seconds(20)));

  ASSERT_TRUE(DeleteAt(coordinator->address(), id).ok());
  EXPECT_TRUE(WaitUntil(
      [&] {
        return GetDocumentAt(replicas[shard].address(), id).status().code() ==
               absl::StatusCode::kNotFound;
      },
      absl::Seconds(20)));
  EXPECT_EQ(GetDocumentAt(coordinator->address(), id).status().code(), absl::StatusCode::kNotFound);
  // The log's last word on the id is the tombstone now.
  EXPECT_EQ(DeleteAt(coordinator->address(), id).error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(DeleteAt(coordinator->address(), "never-written").error_code(),
            grpc::StatusCode::NOT_FOUND);

  // A new replica of the shard replays the stream: the document's versions
  // are gone from it (one message per subject), the tombstone is applied.
  absl::StatusOr<ServiceProcess> fresh =
      start(DOCSEARCH_QUERY_SERVICE_BINARY, {flag, absl::StrCat("--shards=", shard)});
  ASSERT_TRUE(fresh.ok()) << fresh.status();
  ASSERT_TRUE(WaitUntil(
      [&] {
        return DocumentCountAt(fresh->address()) == DocumentCountAt(replicas[shard].address());
      },
      absl::Seconds(20)));
  EXPECT_EQ(GetDocumentAt(fresh->address(), id).status().code(), absl::StatusCode::kNotFound);

  // The same version written again (same id and content hash, within
  // JetStream's 2-minute duplicate window) comes back.
  ASSERT_TRUE(IngestAll(ingest->address(), {corpus.front()}).ok());
  EXPECT_TRUE(
      WaitUntil([&] { return GetDocumentAt(coordinator->address(), id).ok(); }, absl::Seconds(20)))
      << "the second write was taken for a duplicate of the first";
  EXPECT_TRUE(
      WaitUntil([&] { return GetDocumentAt(fresh->address(), id).ok(); }, absl::Seconds(20)));
}

}  // namespace
}  // namespace docsearch::testing
