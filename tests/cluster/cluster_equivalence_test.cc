// The same corpus on one node and on a cluster of two shards (one NATS
// server with JetStream, a replica per shard, a coordinator, the ingest
// service in cluster mode) gives the same answers: hit ids and order,
// scores, snippets, totals, facets, histograms, page tokens and documents.
#include <grpcpp/create_channel.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "cluster/shard_router.h"
#include "docsearch/v1/shard_service.grpc.pb.h"
#include "tests/cluster/cluster_client.h"
#include "tests/cluster/nats_server_process.h"
#include "tests/cluster/scratch_directory.h"
#include "tests/integration/service_process.h"

namespace docsearch::testing {
namespace {

namespace fs = std::filesystem;
using docsearch::v1::SearchRequest;
using docsearch::v1::SearchResponse;

constexpr uint32_t kShards = 2;

struct Topology {
  std::optional<NatsServerProcess> nats;
  std::optional<ServiceProcess> cluster_ingest;
  std::vector<ServiceProcess> replicas;
  std::optional<ServiceProcess> coordinator;
  std::optional<ServiceProcess> single_node;
  std::optional<ServiceProcess> single_ingest;
  std::vector<docsearch::v1::IngestDocumentResponse> cluster_acks;
  std::vector<docsearch::v1::IngestDocumentResponse> single_acks;
  int64_t documents = 0;
};

class ClusterEquivalenceTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::vector<docsearch::v1::RawDocument> corpus =
        LoadDevelopmentCorpus(DOCSEARCH_SHARED_CORPUS);
    if (corpus.empty()) return;  // Each test skips.
    scratch_ = new ScratchDirectory("cluster_equivalence");
    const fs::path& work = scratch_->path();
    topology_ = new Topology();
    Topology& t = *topology_;
    absl::StatusOr<NatsServerProcess> nats =
        NatsServerProcess::Start((work / "nats").string(), FreeLoopbackPort());
    ASSERT_TRUE(nats.ok()) << nats.status();
    t.nats.emplace(*std::move(nats));
    const std::string url = t.nats->url();
    auto start = [&](const std::string& binary,
                     std::vector<std::string> arguments) -> std::optional<ServiceProcess> {
      arguments.push_back("--listen=127.0.0.1:0");
      absl::StatusOr<ServiceProcess> process =
          ServiceProcess::Start(binary, std::move(arguments), work.string());
      EXPECT_TRUE(process.ok()) << binary << ": " << process.status();
      if (!process.ok()) return std::nullopt;
      return *std::move(process);
    };
    t.cluster_ingest =
        start(DOCSEARCH_INGEST_SERVICE_BINARY,
              {"--nats=" + url, absl::StrCat("--shards=", kShards), "--stream_replicas=1"});
    ASSERT_TRUE(t.cluster_ingest.has_value());
    for (uint32_t shard = 0; shard < kShards; ++shard) {
      std::optional<ServiceProcess> replica =
          start(DOCSEARCH_QUERY_SERVICE_BINARY,
                {"--nats=" + url, absl::StrCat("--shards=", shard), "--stream_replicas=1",
                 "--data_dir=" + (work / absl::StrCat("replica", shard)).string()});
      ASSERT_TRUE(replica.has_value());
      t.replicas.push_back(*std::move(replica));
    }
    t.coordinator = start(DOCSEARCH_QUERY_SERVICE_BINARY,
                          {"--nats=" + url, "--role=coordinator", "--stream_replicas=1"});
    ASSERT_TRUE(t.coordinator.has_value());
    t.single_node = start(DOCSEARCH_QUERY_SERVICE_BINARY, {});
    ASSERT_TRUE(t.single_node.has_value());
    t.single_ingest =
        start(DOCSEARCH_INGEST_SERVICE_BINARY, {"--query_service=" + t.single_node->address()});
    ASSERT_TRUE(t.single_ingest.has_value());

    absl::StatusOr<std::vector<docsearch::v1::IngestDocumentResponse>> cluster_acks =
        IngestAll(t.cluster_ingest->address(), corpus);
    ASSERT_TRUE(cluster_acks.ok()) << cluster_acks.status();
    t.cluster_acks = *std::move(cluster_acks);
    absl::StatusOr<std::vector<docsearch::v1::IngestDocumentResponse>> single_acks =
        IngestAll(t.single_ingest->address(), corpus);
    ASSERT_TRUE(single_acks.ok()) << single_acks.status();
    t.single_acks = *std::move(single_acks);
    t.documents = DocumentCountAt(t.single_node->address());
    ASSERT_GT(t.documents, 100);
    // The replicas apply what JetStream acknowledged; searches through the
    // coordinator see all of it once they have.
    ASSERT_TRUE(WaitUntil([&] { return DocumentCountAt(t.coordinator->address()) == t.documents; },
                          absl::Seconds(30)))
        << "coordinator counts " << DocumentCountAt(t.coordinator->address()) << " of "
        << t.documents;
  }

  static void TearDownTestSuite() {
    delete topology_;
    topology_ = nullptr;
    delete scratch_;  // After the processes that write into it.
    scratch_ = nullptr;
  }

  void SetUp() override {
    if (topology_ == nullptr) GTEST_SKIP() << "no corpus at " << DOCSEARCH_SHARED_CORPUS;
    ASSERT_TRUE(topology_->coordinator.has_value()) << "the cluster did not start";
  }

  // Asks both and expects the same answer; returns both.
  static std::pair<SearchResponse, SearchResponse> ExpectSameAnswer(const SearchRequest& request) {
    SCOPED_TRACE(request.ShortDebugString());
    absl::StatusOr<SearchResponse> one = SearchAt(topology_->single_node->address(), request);
    absl::StatusOr<SearchResponse> many = SearchAt(topology_->coordinator->address(), request);
    EXPECT_TRUE(one.ok()) << one.status();
    EXPECT_TRUE(many.ok()) << many.status();
    if (!one.ok() || !many.ok()) return {};
    EXPECT_GT(one->hits_size(), 0) << "a query that finds nothing compares nothing";
    EXPECT_EQ(one->hits_size(), many->hits_size());
    for (int i = 0; i < std::min(one->hits_size(), many->hits_size()); ++i) {
      EXPECT_EQ(one->hits(i).id(), many->hits(i).id()) << "hit " << i;
      EXPECT_NEAR(one->hits(i).score(), many->hits(i).score(), 1e-6) << "hit " << i;
      EXPECT_EQ(one->hits(i).title(), many->hits(i).title()) << "hit " << i;
      EXPECT_EQ(one->hits(i).snippets_size(), many->hits(i).snippets_size()) << "hit " << i;
      const int snippets = std::min(one->hits(i).snippets_size(), many->hits(i).snippets_size());
      for (int s = 0; s < snippets; ++s) {
        EXPECT_EQ(one->hits(i).snippets(s).ShortDebugString(),
                  many->hits(i).snippets(s).ShortDebugString());
      }
    }
    if (one->total_relation() == docsearch::v1::TOTAL_RELATION_EQUAL_TO) {
      EXPECT_EQ(one->total_size(), many->total_size());
      EXPECT_EQ(many->total_relation(), docsearch::v1::TOTAL_RELATION_EQUAL_TO);
    }
    EXPECT_EQ(one->facets_size(), many->facets_size());
    for (int f = 0; f < std::min(one->facets_size(), many->facets_size()); ++f) {
      EXPECT_EQ(one->facets(f).ShortDebugString(), many->facets(f).ShortDebugString());
    }
    EXPECT_EQ(one->date_histogram_size(), many->date_histogram_size());
    for (int b = 0; b < std::min(one->date_histogram_size(), many->date_histogram_size()); ++b) {
      EXPECT_EQ(one->date_histogram(b).ShortDebugString(),
                many->date_histogram(b).ShortDebugString());
    }
    EXPECT_EQ(one->query_language(), many->query_language());
    EXPECT_EQ(one->next_page_token(), many->next_page_token());
    return {*std::move(one), *std::move(many)};
  }

  static ScratchDirectory* scratch_;
  static Topology* topology_;
};

ScratchDirectory* ClusterEquivalenceTest::scratch_ = nullptr;
Topology* ClusterEquivalenceTest::topology_ = nullptr;

SearchRequest QueryString(const std::string& text, int page_size = 20) {
  SearchRequest request;
  request.set_query_string(text);
  request.set_page_size(page_size);
  request.set_exact_total(true);
  return request;
}

TEST_F(ClusterEquivalenceTest, ScoredSearchesMatchOneNode) {
  for (const char* text : {"nuclear weapons", "Russia cooperation", "sécurité européenne",
                           "\"joint statement\"", "partnership AND peace", "kosovo OR bosnia",
                           "terrorism", "enlargement of the Alliance", "Europe", "title:summit"}) {
    ExpectSameAnswer(QueryString(text));
  }
}

TEST_F(ClusterEquivalenceTest, FacetsHistogramsAndTotalsMatchOneNode) {
  SearchRequest request = QueryString("NATO", 10);
  request.add_facets("doc_type");
  request.add_facets("language");
  request.set_date_histogram(docsearch::v1::INTERVAL_YEAR);
  auto [one, many] = ExpectSameAnswer(request);
  EXPECT_GT(one.total_size(), 50);
  ASSERT_EQ(many.facets_size(), 2);
  EXPECT_GT(many.facets(0).values_size(), 1);
  // Without exact_total the top-k path runs; hits still agree.
  SearchRequest pruned = QueryString("ministers meeting", 5);
  pruned.set_exact_total(false);
  ExpectSameAnswer(pruned);
}

TEST_F(ClusterEquivalenceTest, DateSortsAndPagesMatchOneNode) {
  SearchRequest newest = QueryString("council", 7);
  newest.set_sort(docsearch::v1::SORT_ORDER_PUBLISHED_DESC);
  ExpectSameAnswer(newest);
  // Three pages by score, each continued with the page token: the same
  // token on both, so the cursor format is the single node's.
  SearchRequest page = QueryString("defence ministers", 6);
  for (int i = 0; i < 3; ++i) {
    auto [one, many] = ExpectSameAnswer(page);
    if (one.next_page_token().empty()) break;
    page.set_page_token(many.next_page_token());
  }
}

TEST_F(ClusterEquivalenceTest, GetDocumentGoesToTheOwningShard) {
  const Topology& t = *topology_;
  for (size_t i = 0; i < t.single_acks.size(); i += 17) {
    const std::string& id = t.single_acks[i].id();
    absl::StatusOr<docsearch::v1::Document> one = GetDocumentAt(t.single_node->address(), id);
    absl::StatusOr<docsearch::v1::Document> many = GetDocumentAt(t.coordinator->address(), id);
    ASSERT_TRUE(one.ok()) << one.status();
    ASSERT_TRUE(many.ok()) << id << ": " << many.status();
    one->clear_ingested_at();
    many->clear_ingested_at();
    EXPECT_EQ(one->SerializeAsString(), many->SerializeAsString()) << id;
    // Only the owning shard's replica holds it.
    const uint32_t owner = cluster::ShardOf(id, kShards);
    for (uint32_t shard = 0; shard < kShards; ++shard) {
      EXPECT_EQ(GetDocumentAt(t.replicas[shard].address(), id).ok(), shard == owner) << id;
    }
  }
  absl::StatusOr<docsearch::v1::Document> missing =
      GetDocumentAt(t.coordinator->address(), "no-such-document");
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
}

// The fetch phase: a replica asked for given hits builds exactly those (in
// the order asked, a document it does not hold left out) with the
// snippets one node gives them, and searches nothing else.
TEST_F(ClusterEquivalenceTest, TheFetchPhaseBuildsTheAskedHitsWithOneNodesSnippets) {
  const Topology& t = *topology_;
  absl::StatusOr<SearchResponse> one =
      SearchAt(t.single_node->address(), QueryString("nuclear weapons", 30));
  ASSERT_TRUE(one.ok()) << one.status();
  std::vector<const docsearch::v1::SearchHit*> on_shard0;
  for (const docsearch::v1::SearchHit& hit : one->hits()) {
    if (cluster::ShardOf(hit.id(), kShards) == 0) on_shard0.push_back(&hit);
  }
  ASSERT_GE(on_shard0.size(), 3u);
  docsearch::v1::SearchShardRequest fetch;
  fetch.mutable_search()->set_query_string("nuclear weapons");
  // Asked in reverse: the answer keeps the order asked, not a ranking.
  std::vector<const docsearch::v1::SearchHit*> asked = {on_shard0[2], on_shard0[0]};
  for (const auto* hit : asked) fetch.add_fetch_ids(hit->id());
  fetch.add_fetch_ids("no-such-document");
  // Scored with the whole collection's statistics: one node's own.
  {
    docsearch::v1::GetTermStatisticsRequest ask;
    *ask.mutable_search() = fetch.search();
    docsearch::v1::GetTermStatisticsResponse statistics;
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    grpc::Status status =
        docsearch::v1::ShardService::NewStub(
            grpc::CreateChannel(t.single_node->address(), grpc::InsecureChannelCredentials()))
            ->GetTermStatistics(&context, ask, &statistics);
    ASSERT_TRUE(status.ok()) << status.error_message();
    *fetch.mutable_statistics() = statistics.statistics();
  }
  auto stub = docsearch::v1::ShardService::NewStub(
      grpc::CreateChannel(t.replicas[0].address(), grpc::InsecureChannelCredentials()));
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  docsearch::v1::SearchShardResponse fetched;
  grpc::Status status = stub->SearchShard(&context, fetch, &fetched);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(fetched.search().hits_size(), 2) << fetched.search().ShortDebugString();
  for (int i = 0; i < 2; ++i) {
    const docsearch::v1::SearchHit& hit = fetched.search().hits(i);
    EXPECT_EQ(hit.id(), asked[i]->id());
    EXPECT_EQ(hit.title(), asked[i]->title());
    EXPECT_NEAR(hit.score(), asked[i]->score(), 1e-6);
    EXPECT_GT(asked[i]->snippets_size(), 0) << "one node shows a snippet";
    ASSERT_EQ(hit.snippets_size(), asked[i]->snippets_size()) << hit.id();
    for (int s = 0; s < hit.snippets_size(); ++s) {
      EXPECT_EQ(hit.snippets(s).ShortDebugString(), asked[i]->snippets(s).ShortDebugString());
    }
  }
}

TEST_F(ClusterEquivalenceTest, IndexStatsSumTheShards) {
  const Topology& t = *topology_;
  absl::StatusOr<docsearch::v1::GetIndexStatsResponse> one = IndexStatsAt(t.single_node->address());
  absl::StatusOr<docsearch::v1::GetIndexStatsResponse> many =
      IndexStatsAt(t.coordinator->address());
  ASSERT_TRUE(one.ok() && many.ok());
  EXPECT_EQ(one->document_count(), many->document_count());
  EXPECT_EQ(one->posting_count(), many->posting_count());
  EXPECT_EQ(one->text_bytes(), many->text_bytes());
  ASSERT_EQ(one->doc_type_counts_size(), many->doc_type_counts_size());
  for (int i = 0; i < one->doc_type_counts_size(); ++i) {
    EXPECT_EQ(one->doc_type_counts(i).ShortDebugString(),
              many->doc_type_counts(i).ShortDebugString());
  }
  EXPECT_EQ(one->earliest_published().ShortDebugString(),
            many->earliest_published().ShortDebugString());
  EXPECT_EQ(one->latest_published().ShortDebugString(),
            many->latest_published().ShortDebugString());
}

TEST_F(ClusterEquivalenceTest, IngestAnswersCarryTheWritesPlaceInTheLog) {
  const Topology& t = *topology_;
  ASSERT_EQ(t.cluster_acks.size(), t.single_acks.size());
  for (size_t i = 0; i < t.cluster_acks.size(); ++i) {
    const auto& ack = t.cluster_acks[i];
    ASSERT_TRUE(ack.has_consistency_token()) << ack.id();
    EXPECT_EQ(ack.consistency_token().shard(), cluster::ShardOf(ack.id(), kShards));
    EXPECT_GT(ack.consistency_token().sequence(), 0u);
    EXPECT_FALSE(t.single_acks[i].has_consistency_token());
  }
}

}  // namespace
}  // namespace docsearch::testing
