// The comparison and bulk-read RPCs through a coordinator of two shards
// answer exactly as one node holding the same corpus: CompareSets (two
// rounds), TermTrend (summed), FindSimilar and CompareDocuments (cluster-wide
// statistics), FindNearDuplicates (fingerprints), BatchGetDocuments and
// ListVersions (owning shard), and the same errors for bad requests.
#include <grpcpp/create_channel.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "docsearch/v1/query_service.grpc.pb.h"
#include "tests/cluster/cluster_client.h"
#include "tests/cluster/two_shard_topology.h"

namespace docsearch::testing {
namespace {

namespace fs = std::filesystem;
namespace v1 = docsearch::v1;
using Stub = v1::QueryService::Stub;

template <typename Request, typename Response>
using Method = grpc::Status (Stub::*)(grpc::ClientContext*, const Request&, Response*);

// One unary QueryService call at `address`.
template <typename Request, typename Response>
absl::StatusOr<Response> CallAt(const std::string& address, Method<Request, Response> method,
                                const Request& request) {
  grpc::ChannelArguments arguments;
  arguments.SetMaxReceiveMessageSize(-1);
  auto stub = v1::QueryService::NewStub(
      grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(), arguments));
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(30)));
  Response response;
  grpc::Status status = ((*stub).*method)(&context, request, &response);
  if (!status.ok()) {
    return absl::Status(static_cast<absl::StatusCode>(status.error_code()), status.error_message());
  }
  return response;
}

class ClusterComparisonEquivalenceTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::vector<v1::RawDocument> corpus = LoadDevelopmentCorpus(DOCSEARCH_SHARED_CORPUS);
    if (corpus.empty()) return;  // Each test skips.
    const fs::path work =
        fs::path(::testing::TempDir()) / absl::StrCat("cluster_comparison_equivalence-", getpid());
    absl::StatusOr<std::unique_ptr<TwoShardTopology>> started = StartTwoShardTopology(
        work.string(), DOCSEARCH_QUERY_SERVICE_BINARY, DOCSEARCH_INGEST_SERVICE_BINARY, corpus);
    ASSERT_TRUE(started.ok()) << started.status();
    topology_ = started->release();
  }

  static void TearDownTestSuite() {
    delete topology_;
    topology_ = nullptr;
  }

  void SetUp() override {
    if (topology_ == nullptr) GTEST_SKIP() << "no corpus (or the cluster did not start)";
  }

  // Asks the single node and the coordinator; expects the same answer, or
  // the same error. Returns the single node's answer.
  template <typename Request, typename Response>
  static absl::StatusOr<Response> ExpectSameAnswer(Method<Request, Response> method,
                                                   const Request& request) {
    SCOPED_TRACE(request.ShortDebugString().substr(0, 300));
    absl::StatusOr<Response> one = CallAt(topology_->single_node->address(), method, request);
    absl::StatusOr<Response> many = CallAt(topology_->coordinator->address(), method, request);
    EXPECT_EQ(one.status(), many.status());
    if (one.ok() && many.ok()) {
      EXPECT_EQ(one->DebugString(), many->DebugString());
    }
    return one;
  }

  template <typename Request, typename Response>
  static void ExpectSame(Method<Request, Response> method, const Request& request) {
    ExpectSameAnswer(method, request).IgnoreError();
  }

  static const std::string& IdAt(size_t i) {
    return topology_->single_acks[i % topology_->single_acks.size()].id();
  }

  static TwoShardTopology* topology_;
};

TwoShardTopology* ClusterComparisonEquivalenceTest::topology_ = nullptr;

TEST_F(ClusterComparisonEquivalenceTest, CompareSetsMatchesOneNode) {
  struct Sides {
    const char* a;
    const char* b;
  };
  for (const Sides& sides : {Sides{"published:[* TO 2001-12-31]", "published:[2002-01-01 TO *]"},
                             Sides{"russia", "terrorism"}, Sides{"nuclear", "title:summit"}}) {
    v1::CompareSetsRequest request;
    request.set_query_string_a(sides.a);
    request.set_query_string_b(sides.b);
    absl::StatusOr<v1::CompareSetsResponse> one = ExpectSameAnswer(&Stub::CompareSets, request);
    ASSERT_TRUE(one.ok()) << one.status();
    EXPECT_GT(one->documents_a(), 0) << sides.a;
    EXPECT_GT(one->documents_b(), 0) << sides.b;
    EXPECT_GT(one->terms_a_size() + one->terms_b_size(), 0) << sides.a << " / " << sides.b;
    EXPECT_GT(one->phrases_a_size() + one->phrases_b_size(), 0) << sides.a << " / " << sides.b;
    // Longer lists: deeper in the ranking, still the same.
    request.set_max_terms(100);
    ExpectSame(&Stub::CompareSets, request);
  }
  // A typed side against everything.
  v1::CompareSetsRequest typed;
  typed.mutable_a()->mutable_match()->set_text("kosovo");
  typed.mutable_b()->mutable_match_all();
  ExpectSame(&Stub::CompareSets, typed);
}

TEST_F(ClusterComparisonEquivalenceTest, CompareSetsSamplesAcrossShardsInProportion) {
  // More matches than max_documents: each shard tallies its share of the
  // sample, so the sizes agree with one node (the documents need not).
  v1::CompareSetsRequest request;
  request.mutable_a()->mutable_match_all();
  request.set_query_string_b("nato");
  request.set_max_documents(25);
  absl::StatusOr<v1::CompareSetsResponse> one =
      CallAt(topology_->single_node->address(), &Stub::CompareSets, request);
  absl::StatusOr<v1::CompareSetsResponse> many =
      CallAt(topology_->coordinator->address(), &Stub::CompareSets, request);
  ASSERT_TRUE(one.ok() && many.ok()) << one.status() << " " << many.status();
  ASSERT_GT(one->documents_a(), 25);
  EXPECT_EQ(many->documents_a(), one->documents_a());
  EXPECT_EQ(many->documents_b(), one->documents_b());
  EXPECT_EQ(many->analyzed_a(), 25);
  EXPECT_EQ(many->analyzed_b(), one->analyzed_b());
  EXPECT_GT(many->terms_a_size() + many->terms_b_size(), 0);
}

TEST_F(ClusterComparisonEquivalenceTest, TermTrendMatchesOneNode) {
  for (v1::Interval interval : {v1::INTERVAL_YEAR, v1::INTERVAL_MONTH}) {
    v1::TermTrendRequest request;
    for (const char* term : {"terrorism", "nuclear weapons", "kosovo", "sécurité"}) {
      request.add_terms(term);
    }
    request.set_interval(interval);
    absl::StatusOr<v1::TermTrendResponse> one = ExpectSameAnswer(&Stub::TermTrend, request);
    ASSERT_TRUE(one.ok()) << one.status();
    ASSERT_EQ(one->series_size(), 4);
    EXPECT_GT(one->series(0).points_size(), 1);
    request.mutable_filter()->mutable_match()->set_text("alliance");
    ExpectSame(&Stub::TermTrend, request);
  }
}

TEST_F(ClusterComparisonEquivalenceTest, FindSimilarMatchesOneNode) {
  for (size_t i = 0; i < topology_->single_acks.size(); i += 29) {
    v1::FindSimilarRequest request;
    request.mutable_like()->set_id(IdAt(i));
    absl::StatusOr<v1::FindSimilarResponse> one = ExpectSameAnswer(&Stub::FindSimilar, request);
    ASSERT_TRUE(one.ok()) << one.status();
    EXPECT_GT(one->hits_size(), 0);
    request.set_max_results(30);
    request.set_max_query_terms(50);
    ExpectSame(&Stub::FindSimilar, request);
  }
  v1::FindSimilarRequest text;
  text.mutable_like()->set_text(
      "The Allies discussed nuclear deterrence, missile defence and cooperation with Russia.");
  text.mutable_filter()->mutable_match()->set_text("ministers");
  ExpectSame(&Stub::FindSimilar, text);
}

TEST_F(ClusterComparisonEquivalenceTest, CompareDocumentsMatchesOneNode) {
  for (size_t i = 0; i + 1 < topology_->single_acks.size(); i += 23) {
    v1::CompareDocumentsRequest request;
    request.mutable_a()->set_id(IdAt(i));
    request.mutable_b()->set_id(IdAt(i + 1));
    absl::StatusOr<v1::CompareDocumentsResponse> one =
        ExpectSameAnswer(&Stub::CompareDocuments, request);
    ASSERT_TRUE(one.ok()) << one.status();
    EXPECT_GT(one->shared_terms_size(), 0);
  }
  v1::CompareDocumentsRequest mixed;
  mixed.mutable_a()->set_id(IdAt(5));
  mixed.mutable_b()->set_text(
      "Ministers reviewed the Alliance's partnerships.\n\nThey welcomed progress in the "
      "Balkans and in dialogue with Russia.");
  ExpectSame(&Stub::CompareDocuments, mixed);
}

TEST_F(ClusterComparisonEquivalenceTest, NearDuplicatesMatchOneNode) {
  v1::FindNearDuplicatesRequest every_pair;
  every_pair.set_pairs(true);  // Clusters are listed by single nodes only.
  every_pair.set_min_resemblance(0.3);
  every_pair.set_max_results(1000);
  absl::StatusOr<v1::FindNearDuplicatesResponse> one =
      ExpectSameAnswer(&Stub::FindNearDuplicates, every_pair);
  ASSERT_TRUE(one.ok()) << one.status();
  ASSERT_GT(one->pairs_size(), 0) << "the corpus has near-copies to find";
  // From one document of a pair, with and without a filter.
  v1::FindNearDuplicatesRequest of_one;
  of_one.set_pairs(true);
  of_one.set_id(one->pairs(0).id_a());
  of_one.set_min_resemblance(0.2);
  ExpectSame(&Stub::FindNearDuplicates, of_one);
  of_one.mutable_filter()->mutable_match()->set_text("nato");
  ExpectSame(&Stub::FindNearDuplicates, of_one);
}

TEST_F(ClusterComparisonEquivalenceTest, BulkReadsGoToTheOwningShards) {
  v1::BatchGetDocumentsRequest batch;
  for (size_t i = 0; i < topology_->single_acks.size(); i += 7) batch.add_ids(IdAt(i));
  batch.add_ids("no-such-document");
  batch.add_ids(IdAt(0));  // A repeat is answered once.
  batch.mutable_field_mask()->add_paths("title");
  batch.mutable_field_mask()->add_paths("published");
  absl::StatusOr<v1::BatchGetDocumentsResponse> one =
      ExpectSameAnswer(&Stub::BatchGetDocuments, batch);
  ASSERT_TRUE(one.ok()) << one.status();
  EXPECT_EQ(one->missing_ids_size(), 1);
  for (size_t i = 0; i < topology_->single_acks.size(); i += 31) {
    v1::ListVersionsRequest request;
    request.set_id(IdAt(i));
    absl::StatusOr<v1::ListVersionsResponse> a =
        CallAt(topology_->single_node->address(), &Stub::ListVersions, request);
    absl::StatusOr<v1::ListVersionsResponse> b =
        CallAt(topology_->coordinator->address(), &Stub::ListVersions, request);
    ASSERT_TRUE(a.ok() && b.ok()) << a.status() << " " << b.status();
    ASSERT_EQ(a->versions_size(), b->versions_size());
    for (int v = 0; v < a->versions_size(); ++v) {
      // Indexed at different moments on each.
      a->mutable_versions(v)->clear_ingested_at();
      b->mutable_versions(v)->clear_ingested_at();
    }
    EXPECT_EQ(a->DebugString(), b->DebugString());
  }
}

TEST_F(ClusterComparisonEquivalenceTest, BadRequestsGetTheSameErrors) {
  v1::CompareSetsRequest no_side;
  no_side.set_query_string_a("nato");
  EXPECT_EQ(ExpectSameAnswer(&Stub::CompareSets, no_side).status().code(),
            absl::StatusCode::kInvalidArgument);
  v1::FindSimilarRequest unknown;
  unknown.mutable_like()->set_id("no-such-document");
  EXPECT_EQ(ExpectSameAnswer(&Stub::FindSimilar, unknown).status().code(),
            absl::StatusCode::kNotFound);
  v1::CompareDocumentsRequest missing_b;
  missing_b.mutable_a()->set_id(IdAt(0));
  missing_b.mutable_b()->set_id("no-such-document");
  EXPECT_EQ(ExpectSameAnswer(&Stub::CompareDocuments, missing_b).status().code(),
            absl::StatusCode::kNotFound);
  v1::TermTrendRequest no_interval;
  no_interval.add_terms("nato");
  EXPECT_EQ(ExpectSameAnswer(&Stub::TermTrend, no_interval).status().code(),
            absl::StatusCode::kInvalidArgument);
  v1::FindNearDuplicatesRequest bad_threshold;
  bad_threshold.set_pairs(true);
  bad_threshold.set_min_resemblance(2);
  EXPECT_EQ(ExpectSameAnswer(&Stub::FindNearDuplicates, bad_threshold).status().code(),
            absl::StatusCode::kInvalidArgument);
  v1::FindNearDuplicatesRequest unknown_id;
  unknown_id.set_pairs(true);
  unknown_id.set_id("no-such-document");
  EXPECT_EQ(ExpectSameAnswer(&Stub::FindNearDuplicates, unknown_id).status().code(),
            absl::StatusCode::kNotFound);
  v1::BatchGetDocumentsRequest empty_id;
  empty_id.add_ids(IdAt(0));
  empty_id.add_ids("");
  EXPECT_EQ(ExpectSameAnswer(&Stub::BatchGetDocuments, empty_id).status().code(),
            absl::StatusCode::kInvalidArgument);
}

// Last: it writes. The coordinator remembers each search's shard
// statistics and skips the first phase when it sees the search again; a
// write in between must not leave it scoring with the old ones.
TEST_F(ClusterComparisonEquivalenceTest, ASearchRepeatedAfterAWriteScoresWithFreshStatistics) {
  auto expect_same_search = [](const v1::SearchRequest& request) {
    absl::StatusOr<v1::SearchResponse> one =
        CallAt(topology_->single_node->address(), &Stub::Search, request);
    absl::StatusOr<v1::SearchResponse> many =
        CallAt(topology_->coordinator->address(), &Stub::Search, request);
    ASSERT_TRUE(one.ok() && many.ok()) << one.status() << " " << many.status();
    ASSERT_GT(one->hits_size(), 0);
    one->clear_took();
    many->clear_took();
    EXPECT_EQ(one->DebugString(), many->DebugString());
  };
  v1::SearchRequest request;
  request.set_query_string("nuclear weapons");
  request.set_page_size(8);
  expect_same_search(request);  // Gathers the statistics.
  expect_same_search(request);  // Reuses them, checked by the shards.
  v1::RawDocument added;
  added.set_source_uri("added/nuclear-weapons.txt");
  added.set_content(
      "3 Dec. 2026\n\nNuclear weapons and nuclear weapons again\n\nMinisters discussed "
      "nuclear weapons, nuclear deterrence and the weapons of the Alliance at length.\n");
  ASSERT_TRUE(IngestAll(topology_->single_ingest->address(), {added}).ok());
  ASSERT_TRUE(IngestAll(topology_->cluster_ingest->address(), {added}).ok());
  const int64_t documents = DocumentCountAt(topology_->single_node->address());
  ASSERT_EQ(documents, topology_->documents + 1);
  ASSERT_TRUE(
      WaitUntil([&] { return DocumentCountAt(topology_->coordinator->address()) == documents; },
                absl::Seconds(30)));
  expect_same_search(request);
  request.set_page_size(3);  // Another page size: the same remembered entry.
  expect_same_search(request);
}

}  // namespace
}  // namespace docsearch::testing
