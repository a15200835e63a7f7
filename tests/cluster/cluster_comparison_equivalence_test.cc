// The comparison and bulk-read RPCs through a coordinator of two shards
// answer exactly as one node holding the same corpus: CompareSets (two
// rounds), TermTrend (summed), FindSimilar and CompareDocuments (cluster-wide
// statistics), FindNearDuplicates (fingerprints: pairs, and clusters
// spanning both shards), Search with collapse_duplicates (each hit's
// cluster walked over the shards), BatchGetDocuments and
// ListVersions (owning shard), ExportDocuments (one node's order and resume
// tokens), FindPassageReuse (merged by date), ListTwins (the owner's
// signals scored on every shard, merged best first), and the same errors
// for bad requests.
#include <grpcpp/create_channel.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "cluster/shard_router.h"
#include "docsearch/v1/query_service.grpc.pb.h"
#include "tests/cluster/cluster_client.h"
#include "tests/cluster/scratch_directory.h"
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
    std::vector<v1::RawDocument> corpus = LoadDevelopmentCorpus(DOCSEARCH_SHARED_CORPUS);
    if (corpus.empty()) return;  // Each test skips.
    // Mirrors of one statement under other addresses (so other ids, spread
    // over the shards by their hash), beside the development set's own.
    const v1::RawDocument original = corpus.front();
    for (int copy = 0; copy < 4; ++copy) {
      v1::RawDocument& mirror = corpus.emplace_back(original);
      mirror.set_source_uri(absl::StrCat("mirror-", copy, "/", original.source_uri()));
    }
    scratch_ = new ScratchDirectory("cluster_comparison_equivalence");
    absl::StatusOr<std::unique_ptr<TwoShardTopology>> started =
        StartTwoShardTopology(scratch_->string(), DOCSEARCH_QUERY_SERVICE_BINARY,
                              DOCSEARCH_INGEST_SERVICE_BINARY, corpus);
    ASSERT_TRUE(started.ok()) << started.status();
    topology_ = started->release();
  }

  static void TearDownTestSuite() {
    delete topology_;
    topology_ = nullptr;
    delete scratch_;  // After the processes that write into it.
    scratch_ = nullptr;
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

  static ScratchDirectory* scratch_;
  static TwoShardTopology* topology_;
};

ScratchDirectory* ClusterComparisonEquivalenceTest::scratch_ = nullptr;
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

// Whether `cluster`'s members are stored on more than one shard.
bool SpansShards(const v1::NearDuplicateCluster& cluster) {
  for (const auto& member : cluster.members()) {
    if (cluster::ShardOf(member.id(), TwoShardTopology::kShards) !=
        cluster::ShardOf(cluster.members(0).id(), TwoShardTopology::kShards)) {
      return true;
    }
  }
  return false;
}

TEST_F(ClusterComparisonEquivalenceTest, NearDuplicateClustersMatchOneNode) {
  v1::FindNearDuplicatesRequest all;
  all.set_page_size(1000);
  absl::StatusOr<v1::FindNearDuplicatesResponse> one =
      ExpectSameAnswer(&Stub::FindNearDuplicates, all);
  ASSERT_TRUE(one.ok()) << one.status();
  ASSERT_GT(one->clusters_size(), 0) << "the corpus has near-copies";
  const v1::NearDuplicateCluster* spanning = nullptr;
  for (const auto& cluster : one->clusters()) {
    if (SpansShards(cluster)) {
      spanning = &cluster;
      break;
    }
  }
  ASSERT_NE(spanning, nullptr) << "no cluster has members on both shards";
  // Pages, a filter (members limited to it), another threshold (clusters
  // built over the filtered documents) and the clusters of one document.
  v1::FindNearDuplicatesRequest paged;
  paged.set_page_size(2);
  for (int page = 0; page < 3; ++page) {
    absl::StatusOr<v1::FindNearDuplicatesResponse> answer =
        ExpectSameAnswer(&Stub::FindNearDuplicates, paged);
    ASSERT_TRUE(answer.ok()) << answer.status();
    if (answer->next_page_token().empty()) break;
    paged.set_page_token(answer->next_page_token());
  }
  v1::FindNearDuplicatesRequest filtered = all;
  filtered.mutable_filter()->mutable_match()->set_text("nato");
  ExpectSame(&Stub::FindNearDuplicates, filtered);
  filtered.set_min_resemblance(0.3);
  ExpectSame(&Stub::FindNearDuplicates, filtered);
  v1::FindNearDuplicatesRequest of_one;
  of_one.set_id(spanning->members(spanning->members_size() - 1).id());
  ExpectSame(&Stub::FindNearDuplicates, of_one);
  of_one.set_id("no-such-document");
  ExpectSame(&Stub::FindNearDuplicates, of_one);
}

TEST_F(ClusterComparisonEquivalenceTest, CollapsedSearchMatchesOneNodeOverPages) {
  v1::FindNearDuplicatesRequest all;
  all.set_page_size(1000);
  absl::StatusOr<v1::FindNearDuplicatesResponse> clusters =
      CallAt(topology_->single_node->address(), &Stub::FindNearDuplicates, all);
  ASSERT_TRUE(clusters.ok()) << clusters.status();
  std::vector<std::string> spanning;  // Cluster ids.
  for (const auto& cluster : clusters->clusters()) {
    if (SpansShards(cluster)) spanning.push_back(cluster.cluster_id());
  }
  ASSERT_FALSE(spanning.empty()) << "no cluster has members on both shards";

  // A broad query (many clusters among its hits) read over several pages,
  // by score and by date, and a narrow one.
  for (const v1::SortOrder sort : {v1::SORT_ORDER_UNSPECIFIED, v1::SORT_ORDER_PUBLISHED_DESC}) {
    v1::SearchRequest request;
    request.mutable_query()->mutable_match()->set_text("nato summit statement");
    request.set_collapse_duplicates(true);
    request.set_page_size(7);
    request.set_exact_total(true);
    request.add_facets("doc_type");
    request.set_sort(sort);
    int collapsed_hits = 0;
    bool spanning_hit = false;
    for (int page = 0; page < 4; ++page) {
      SCOPED_TRACE(absl::StrCat("sort ", sort, " page ", page));
      absl::StatusOr<v1::SearchResponse> one =
          CallAt(topology_->single_node->address(), &Stub::Search, request);
      absl::StatusOr<v1::SearchResponse> many =
          CallAt(topology_->coordinator->address(), &Stub::Search, request);
      ASSERT_TRUE(one.ok()) << one.status();
      ASSERT_TRUE(many.ok()) << many.status();
      one->clear_took();
      many->clear_took();
      EXPECT_EQ(one->DebugString(), many->DebugString());
      for (const auto& hit : one->hits()) {
        // Snippets come for the page's hits (the batches read none).
        EXPECT_GT(hit.snippets_size(), 0) << hit.id();
        if (hit.duplicate_count() > 0) ++collapsed_hits;
        if (std::find(spanning.begin(), spanning.end(), hit.cluster_id()) != spanning.end()) {
          spanning_hit = true;
        }
      }
      if (one->next_page_token().empty()) break;
      ASSERT_EQ(one->next_page_token(), many->next_page_token());
      request.set_page_token(one->next_page_token());
    }
    EXPECT_GT(collapsed_hits, 0) << "some hit stands for copies";
    if (sort == v1::SORT_ORDER_UNSPECIFIED) {
      EXPECT_TRUE(spanning_hit) << "some hit's cluster spans both shards";
    }
  }
  // The mirrors' statement itself: one hit for all its copies.
  v1::GetDocumentRequest get;
  get.set_id(spanning.front());
  absl::StatusOr<v1::GetDocumentResponse> canonical =
      CallAt(topology_->single_node->address(), &Stub::GetDocument, get);
  ASSERT_TRUE(canonical.ok()) << canonical.status();
  v1::SearchRequest narrow;
  narrow.mutable_query()->mutable_match()->set_text(canonical->document().title());
  narrow.set_collapse_duplicates(true);
  // A lower-bound total depends on how the engine is split (as without
  // collapse): counted exactly, it is one node's.
  narrow.set_exact_total(true);
  absl::StatusOr<v1::SearchResponse> one =
      CallAt(topology_->single_node->address(), &Stub::Search, narrow);
  absl::StatusOr<v1::SearchResponse> many =
      CallAt(topology_->coordinator->address(), &Stub::Search, narrow);
  ASSERT_TRUE(one.ok() && many.ok()) << one.status() << " " << many.status();
  one->clear_took();
  many->clear_took();
  EXPECT_EQ(one->DebugString(), many->DebugString());
  // A token of a plain search is refused alike.
  narrow.set_page_token("bm90LWEtdG9rZW4");
  ExpectSame(&Stub::Search, narrow);
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

// Every document of `request`'s export at `address`, each chunk's
// total_size and resume_token.
struct Export {
  std::vector<v1::Document> documents;
  std::vector<int64_t> totals;
  std::vector<std::string> tokens;
};

absl::StatusOr<Export> ExportAt(const std::string& address,
                                const v1::ExportDocumentsRequest& request) {
  grpc::ChannelArguments arguments;
  arguments.SetMaxReceiveMessageSize(-1);
  auto stub = v1::QueryService::NewStub(
      grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(), arguments));
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(30)));
  std::unique_ptr<grpc::ClientReader<v1::ExportDocumentsResponse>> reader =
      stub->ExportDocuments(&context, request);
  Export exported;
  v1::ExportDocumentsResponse chunk;
  while (reader->Read(&chunk)) {
    for (v1::Document& document : *chunk.mutable_documents()) {
      // Each service stamps its own ingest time.
      document.clear_ingested_at();
      exported.documents.push_back(std::move(document));
    }
    exported.totals.push_back(chunk.total_size());
    exported.tokens.push_back(chunk.resume_token());
  }
  grpc::Status status = reader->Finish();
  if (!status.ok()) {
    return absl::Status(static_cast<absl::StatusCode>(status.error_code()), status.error_message());
  }
  return exported;
}

TEST_F(ClusterComparisonEquivalenceTest, ExportStreamsOneNodesDocumentsInOneNodesOrder) {
  auto expect_same = [](const v1::ExportDocumentsRequest& request) -> absl::StatusOr<Export> {
    SCOPED_TRACE(request.ShortDebugString());
    absl::StatusOr<Export> one = ExportAt(topology_->single_node->address(), request);
    absl::StatusOr<Export> many = ExportAt(topology_->coordinator->address(), request);
    EXPECT_EQ(one.status(), many.status());
    if (!one.ok() || !many.ok()) return one;
    EXPECT_EQ(one->totals, many->totals);
    EXPECT_EQ(one->tokens, many->tokens);
    EXPECT_EQ(one->documents.size(), many->documents.size());
    for (size_t i = 0; i < std::min(one->documents.size(), many->documents.size()); ++i) {
      EXPECT_EQ(one->documents[i].DebugString(), many->documents[i].DebugString()) << "at " << i;
    }
    return one;
  };
  v1::ExportDocumentsRequest everything;
  everything.mutable_query()->mutable_match_all();
  absl::StatusOr<Export> all = expect_same(everything);
  ASSERT_TRUE(all.ok()) << all.status();
  EXPECT_EQ(static_cast<int64_t>(all->documents.size()), topology_->documents);
  v1::ExportDocumentsRequest masked;
  masked.set_query_string("nato OR alliance");
  masked.mutable_field_mask()->add_paths("id");
  masked.mutable_field_mask()->add_paths("published");
  masked.mutable_field_mask()->add_paths("title");
  absl::StatusOr<Export> some = expect_same(masked);
  ASSERT_TRUE(some.ok()) << some.status();
  EXPECT_GT(some->documents.size(), 10u);
  EXPECT_LT(some->documents.size(), all->documents.size());
  // The same refusals.
  v1::ExportDocumentsRequest bad_mask = everything;
  bad_mask.mutable_field_mask()->add_paths("no_such_field");
  EXPECT_EQ(expect_same(bad_mask).status().code(), absl::StatusCode::kInvalidArgument);
  v1::ExportDocumentsRequest bad_token = everything;
  bad_token.set_resume_token("not-a-token");
  EXPECT_EQ(expect_same(bad_token).status().code(), absl::StatusCode::kInvalidArgument);
  v1::ExportDocumentsRequest bad_query;
  bad_query.set_query_string("title:(");
  EXPECT_EQ(expect_same(bad_query).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST_F(ClusterComparisonEquivalenceTest, PassageReuseMatchesOneNode) {
  // Near-copies repeat paragraphs: look for those of both documents of
  // the corpus's closest pairs.
  v1::FindNearDuplicatesRequest pairs;
  pairs.set_pairs(true);
  pairs.set_min_resemblance(0.5);
  absl::StatusOr<v1::FindNearDuplicatesResponse> near =
      CallAt(topology_->single_node->address(), &Stub::FindNearDuplicates, pairs);
  ASSERT_TRUE(near.ok()) << near.status();
  ASSERT_GT(near->pairs_size(), 0);
  int reused = 0;         // Answers with a passage besides the one looked for.
  int across_shards = 0;  // Answers with passages of both shards.
  for (int p = 0; p < std::min(near->pairs_size(), 4); ++p) {
    for (const std::string& id : {near->pairs(p).id_a(), near->pairs(p).id_b()}) {
      for (int paragraph = 0; paragraph < 4; ++paragraph) {
        v1::FindPassageReuseRequest request;
        request.mutable_passage()->set_id(id);
        request.mutable_passage()->set_paragraph_index(paragraph);
        absl::StatusOr<v1::FindPassageReuseResponse> one =
            ExpectSameAnswer(&Stub::FindPassageReuse, request);
        if (!one.ok()) continue;  // A short or missing paragraph: the same error.
        if (one->passages_size() > 1) ++reused;
        bool shard_seen[2] = {false, false};
        for (const v1::PassageReuse& reuse : one->passages()) {
          shard_seen[cluster::ShardOf(reuse.id(), 2)] = true;
        }
        if (shard_seen[0] && shard_seen[1]) ++across_shards;
        // The same paragraph as text, and the earliest passage alone.
        absl::StatusOr<v1::Document> stored = GetDocumentAt(topology_->single_node->address(), id);
        ASSERT_TRUE(stored.ok()) << stored.status();
        v1::FindPassageReuseRequest by_text;
        by_text.set_text(stored->paragraphs(paragraph).text());
        ExpectSame(&Stub::FindPassageReuse, by_text);
        request.set_max_results(1);
        ExpectSame(&Stub::FindPassageReuse, request);
      }
    }
  }
  EXPECT_GT(reused, 0) << "no paragraph of a near-copy repeats elsewhere";
  EXPECT_GT(across_shards, 0) << "no answer merged passages of both shards";
  // With a filter, and the same refusals.
  v1::FindPassageReuseRequest filtered;
  filtered.mutable_passage()->set_id(near->pairs(0).id_a());
  filtered.mutable_passage()->set_paragraph_index(1);
  filtered.mutable_filter()->mutable_range()->set_field("published");
  filtered.mutable_filter()->mutable_range()->set_gte("2001-01-01");
  ExpectSame(&Stub::FindPassageReuse, filtered);
  v1::FindPassageReuseRequest unknown;
  unknown.mutable_passage()->set_id("no-such-document");
  EXPECT_EQ(ExpectSameAnswer(&Stub::FindPassageReuse, unknown).status().code(),
            absl::StatusCode::kNotFound);
  v1::FindPassageReuseRequest past_end;
  past_end.mutable_passage()->set_id(near->pairs(0).id_a());
  past_end.mutable_passage()->set_paragraph_index(100000);
  EXPECT_EQ(ExpectSameAnswer(&Stub::FindPassageReuse, past_end).status().code(),
            absl::StatusCode::kNotFound);
  v1::FindPassageReuseRequest short_text;
  short_text.set_text("three words only");
  EXPECT_EQ(ExpectSameAnswer(&Stub::FindPassageReuse, short_text).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(ClusterComparisonEquivalenceTest, ListTwinsMatchesOneNode) {
  // Every document's twins, at the calibrated score and at a low one with
  // a cut (more candidates pass, so the merge orders and cuts more).
  int linked = 0;         // Twins found.
  int across_shards = 0;  // Twins on another shard than their document.
  int checked = 0;
  for (size_t i = 0; i < topology_->single_acks.size(); ++i) {
    const std::string& id = IdAt(i);
    v1::ListTwinsRequest request;
    request.set_id(id);
    absl::StatusOr<v1::ListTwinsResponse> one = ExpectSameAnswer(&Stub::ListTwins, request);
    ASSERT_TRUE(one.ok()) << one.status();
    checked += one->candidates_checked();
    for (const v1::LanguageTwin& twin : one->twins()) {
      ++linked;
      if (cluster::ShardOf(twin.id(), 2) != cluster::ShardOf(id, 2)) ++across_shards;
    }
    request.set_min_score(0.05);
    request.set_max_results(2);
    ExpectSame(&Stub::ListTwins, request);
  }
  std::printf("ListTwins: %d twins, %d on another shard than their document, %d candidates\n",
              linked, across_shards, checked);
  EXPECT_GT(checked, 0);
  EXPECT_GT(linked, 0) << "no twins in the corpus";
  EXPECT_GT(across_shards, 0) << "no twin on another shard than its document";
  // The same refusals: an unknown id, and each field out of range.
  v1::ListTwinsRequest unknown;
  unknown.set_id("no-such-document");
  EXPECT_EQ(ExpectSameAnswer(&Stub::ListTwins, unknown).status().code(),
            absl::StatusCode::kNotFound);
  v1::ListTwinsRequest no_id;
  EXPECT_EQ(ExpectSameAnswer(&Stub::ListTwins, no_id).status().code(),
            absl::StatusCode::kInvalidArgument);
  v1::ListTwinsRequest bad_score;
  bad_score.set_id(IdAt(0));
  bad_score.set_min_score(1.5);
  EXPECT_EQ(ExpectSameAnswer(&Stub::ListTwins, bad_score).status().code(),
            absl::StatusCode::kInvalidArgument);
  v1::ListTwinsRequest bad_count;
  bad_count.set_id(IdAt(0));
  bad_count.set_max_results(101);
  EXPECT_EQ(ExpectSameAnswer(&Stub::ListTwins, bad_count).status().code(),
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
