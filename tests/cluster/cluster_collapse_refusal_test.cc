// A coordinator whose replicas keep no near-duplicate clusters
// (--duplicate_clusters=false) refuses Search's collapse_duplicates as one
// such node does: FAILED_PRECONDITION naming collapse_duplicates and the
// flag (what `docsearch search` looks for before searching again without
// collapse), while FindNearDuplicates still lists clusters, built for the
// call at the default threshold. Real processes: nats-server, the ingest
// service, one replica per shard and a coordinator.
#include <grpcpp/create_channel.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "docsearch/v1/query_service.grpc.pb.h"
#include "tests/cluster/cluster_client.h"
#include "tests/cluster/nats_cluster.h"
#include "tests/cluster/scratch_directory.h"
#include "tests/integration/service_process.h"

namespace docsearch::testing {
namespace {

namespace fs = std::filesystem;

TEST(ClusterCollapseRefusalTest, ReplicasWithoutClustersRefuseCollapseAndStillListClusters) {
  const std::vector<docsearch::v1::RawDocument> corpus =
      LoadDevelopmentCorpus(DOCSEARCH_SHARED_CORPUS);
  if (corpus.empty()) GTEST_SKIP() << "no corpus at " << DOCSEARCH_SHARED_CORPUS;
  const ScratchDirectory scratch("cluster_collapse_refusal");
  const fs::path& work = scratch.path();
  absl::StatusOr<NatsCluster> nats = NatsCluster::Start(work.string(), 1);
  ASSERT_TRUE(nats.ok()) << nats.status();
  const std::string nats_flag = "--nats=" + nats->urls();
  absl::StatusOr<ServiceProcess> ingest = ServiceProcess::Start(
      DOCSEARCH_INGEST_SERVICE_BINARY,
      {nats_flag, "--shards=2", "--stream_replicas=1", "--listen=127.0.0.1:0"}, work.string());
  ASSERT_TRUE(ingest.ok()) << ingest.status();
  std::vector<ServiceProcess> replicas;
  for (int shard = 0; shard < 2; ++shard) {
    absl::StatusOr<ServiceProcess> replica =
        ServiceProcess::Start(DOCSEARCH_QUERY_SERVICE_BINARY,
                              {nats_flag, absl::StrCat("--shards=", shard), "--stream_replicas=1",
                               "--duplicate_clusters=false", "--listen=127.0.0.1:0"},
                              work.string());
    ASSERT_TRUE(replica.ok()) << replica.status();
    replicas.push_back(*std::move(replica));
  }
  absl::StatusOr<ServiceProcess> coordinator = ServiceProcess::Start(
      DOCSEARCH_QUERY_SERVICE_BINARY,
      {nats_flag, "--role=coordinator", "--stream_replicas=1", "--listen=127.0.0.1:0"},
      work.string());
  ASSERT_TRUE(coordinator.ok()) << coordinator.status();
  absl::StatusOr<std::vector<docsearch::v1::IngestDocumentResponse>> ingested =
      IngestAll(ingest->address(), corpus);
  ASSERT_TRUE(ingested.ok()) << ingested.status();
  ASSERT_TRUE(WaitUntil(
      [&] {
        return DocumentCountAt(coordinator->address()) == static_cast<int64_t>(corpus.size());
      },
      absl::Seconds(30)));

  docsearch::v1::SearchRequest collapsed;
  collapsed.set_query_string("riga summit declaration");
  collapsed.set_collapse_duplicates(true);
  absl::StatusOr<docsearch::v1::SearchResponse> refused =
      SearchAt(coordinator->address(), collapsed);
  ASSERT_TRUE(absl::IsFailedPrecondition(refused.status())) << refused.status();
  EXPECT_NE(refused.status().message().find("collapse_duplicates"), std::string::npos)
      << refused.status();
  EXPECT_NE(refused.status().message().find("--duplicate_clusters=false"), std::string::npos)
      << refused.status();
  collapsed.set_collapse_duplicates(false);
  EXPECT_TRUE(SearchAt(coordinator->address(), collapsed).ok());

  auto stub = docsearch::v1::QueryService::NewStub(
      grpc::CreateChannel(coordinator->address(), grpc::InsecureChannelCredentials()));
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(30)));
  docsearch::v1::FindNearDuplicatesResponse clusters;
  const grpc::Status listed =
      stub->FindNearDuplicates(&context, docsearch::v1::FindNearDuplicatesRequest(), &clusters);
  ASSERT_TRUE(listed.ok()) << listed.error_message();
  EXPECT_GT(clusters.clusters_size(), 0) << "the corpus has near-copies";
  EXPECT_EQ(clusters.min_resemblance(), 0.5);
}

}  // namespace
}  // namespace docsearch::testing
