// FindNearDuplicates as clusters over an index that keeps them on ingest:
// the seed statement and its republished copy form one cluster under the
// original's id; clusters follow deletes and replacements; pages walk every
// cluster once; clusters built per call (another threshold, or a server
// without the kept clusters) equal the kept ones.
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_replace.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "query_service/compare/comparisons.h"
#include "query_service/compare/duplicate_cluster_index.h"
#include "query_service/compare/near_duplicate_lookup.h"
#include "tests/query_service/compare/compare_fixture.h"

namespace docsearch::query::compare {
namespace {

using docsearch::v1::FindNearDuplicatesRequest;
using docsearch::v1::FindNearDuplicatesResponse;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr char kRepublishedId[] = "joint-statement-2001-republished";

std::vector<docsearch::v1::Document> Documents() {
  std::vector<docsearch::v1::Document> documents = {testing::JointStatement2001(),
                                                    testing::Update2003()};
  for (auto& document : testing::DevDocuments()) documents.push_back(std::move(document));
  std::string raw = testing::ReadFile(std::string(DOCSEARCH_SAMPLES) +
                                      "/2001-12-07-nato-russia-joint-statement.txt");
  raw = absl::StrReplaceAll(raw, {{"Updated: 07-Dec-2001", "Updated: 15-Jan-2002"}});
  documents.push_back(testing::Parse(raw, kRepublishedId));
  return documents;
}

std::unique_ptr<SearchIndex> Index(bool keep_clusters) {
  auto index = std::make_unique<SearchIndex>(SearchOptions{});
  if (keep_clusters) index->AttachAnnex(DuplicateClusterIndex::Factory(0.5));
  for (auto& document : Documents()) {
    EXPECT_TRUE(index->Upsert(std::make_unique<docsearch::v1::Document>(document)).ok());
  }
  return index;
}

// Every cluster as "id: member member ...", page by page.
std::vector<std::string> AllClusters(const SearchIndex& index, FindNearDuplicatesRequest request) {
  Comparisons comparisons(index);
  std::vector<std::string> out;
  for (int page = 0; page < 100; ++page) {
    auto response = comparisons.FindNearDuplicates(request);
    EXPECT_TRUE(response.ok()) << response.status();
    if (!response.ok()) break;
    for (const auto& cluster : response->clusters()) {
      std::string line = cluster.cluster_id() + ":";
      for (const auto& member : cluster.members()) line += " " + member.id();
      out.push_back(line);
    }
    if (response->next_page_token().empty()) break;
    request.set_page_token(response->next_page_token());
  }
  return out;
}

TEST(NearDuplicateClusters, TheRepublishedStatementJoinsTheOriginalsCluster) {
  std::unique_ptr<SearchIndex> index = Index(/*keep_clusters=*/true);
  FindNearDuplicatesRequest request;
  request.set_id(kRepublishedId);
  auto response = Comparisons(*index).FindNearDuplicates(request);
  ASSERT_TRUE(response.ok()) << response.status();
  ASSERT_EQ(response->clusters_size(), 1);
  const auto& cluster = response->clusters(0);
  // Same date and length: the smaller id is canonical, and names the cluster.
  EXPECT_EQ(cluster.cluster_id(), testing::kJointStatementId);
  ASSERT_EQ(cluster.members_size(), 2);
  EXPECT_TRUE(cluster.members(0).canonical());
  EXPECT_EQ(cluster.members(0).id(), testing::kJointStatementId);
  EXPECT_EQ(cluster.members(1).id(), kRepublishedId);
  EXPECT_DOUBLE_EQ(cluster.members(1).resemblance(), 1.0);
  EXPECT_GT(cluster.members(1).body_bytes(), 500);
  // The 2003 update on the same topic is in no cluster.
  request.set_id(testing::kUpdateId);
  response = Comparisons(*index).FindNearDuplicates(request);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->clusters_size(), 0);
}

TEST(NearDuplicateClusters, FollowDeletesAndReplacements) {
  std::unique_ptr<SearchIndex> index = Index(/*keep_clusters=*/true);
  FindNearDuplicatesRequest request;
  request.set_id(testing::kJointStatementId);
  ASSERT_EQ(Comparisons(*index).FindNearDuplicates(request)->clusters_size(), 1);
  // Replaced by other content: the copy leaves the cluster, which ends.
  docsearch::v1::Document other = testing::Update2003();
  other.set_id(kRepublishedId);
  other.set_content_hash("replaced");
  ASSERT_TRUE(index->Upsert(std::make_unique<docsearch::v1::Document>(other)).ok());
  auto response = Comparisons(*index).FindNearDuplicates(request);
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(response->clusters_size(), 0);
  // ... and now clusters with the update instead.
  request.set_id(testing::kUpdateId);
  response = Comparisons(*index).FindNearDuplicates(request);
  ASSERT_TRUE(response.ok());
  ASSERT_EQ(response->clusters_size(), 1);
  EXPECT_EQ(response->clusters(0).members_size(), 2);
  // Deleted: gone again.
  ASSERT_TRUE(index->Delete(kRepublishedId).ok());
  response = Comparisons(*index).FindNearDuplicates(request);
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(response->clusters_size(), 0);
}

TEST(NearDuplicateClusters, PagesWalkEveryClusterOnceLargestFirst) {
  std::unique_ptr<SearchIndex> index = Index(/*keep_clusters=*/true);
  FindNearDuplicatesRequest request;
  request.set_page_size(1000);
  auto whole = Comparisons(*index).FindNearDuplicates(request);
  ASSERT_TRUE(whole.ok()) << whole.status();
  ASSERT_GE(whole->clusters_size(), 8);
  EXPECT_EQ(whole->total_clusters(), whole->clusters_size());
  EXPECT_TRUE(whole->next_page_token().empty());
  for (int i = 1; i < whole->clusters_size(); ++i) {
    EXPECT_GE(whole->clusters(i - 1).members_size(), whole->clusters(i).members_size());
  }
  request.set_page_size(3);
  const std::vector<std::string> paged = AllClusters(*index, request);
  request.set_page_size(1000);
  EXPECT_EQ(paged, AllClusters(*index, request));
  EXPECT_EQ(static_cast<int>(paged.size()), whole->clusters_size());
}

TEST(NearDuplicateClusters, BuiltPerCallTheyEqualTheKeptOnes) {
  std::unique_ptr<SearchIndex> kept = Index(/*keep_clusters=*/true);
  std::unique_ptr<SearchIndex> built = Index(/*keep_clusters=*/false);
  FindNearDuplicatesRequest request;
  request.set_page_size(1000);
  EXPECT_EQ(AllClusters(*kept, request), AllClusters(*built, request));
  // A lower threshold joins more: every kept cluster is inside one of them.
  request.set_min_resemblance(0.3);
  auto looser = Comparisons(*kept).FindNearDuplicates(request);
  ASSERT_TRUE(looser.ok()) << looser.status();
  EXPECT_DOUBLE_EQ(looser->min_resemblance(), 0.3);
  int looser_members = 0;
  for (const auto& cluster : looser->clusters()) looser_members += cluster.members_size();
  request.set_min_resemblance(0);
  auto strict = Comparisons(*kept).FindNearDuplicates(request);
  int strict_members = 0;
  for (const auto& cluster : strict->clusters()) strict_members += cluster.members_size();
  EXPECT_GT(looser_members, strict_members);
}

TEST(NearDuplicateClusters, NamesTheFieldAtFault) {
  std::unique_ptr<SearchIndex> index = Index(/*keep_clusters=*/true);
  Comparisons comparisons(*index);
  FindNearDuplicatesRequest request;
  request.set_page_size(5000);
  EXPECT_THAT(comparisons.FindNearDuplicates(request).status().message(), HasSubstr("page_size"));
  request.set_page_size(0);
  request.set_page_token("not a token");
  EXPECT_THAT(comparisons.FindNearDuplicates(request).status().message(), HasSubstr("page_token"));
  request.clear_page_token();
  request.set_id("no-such-document");
  EXPECT_EQ(comparisons.FindNearDuplicates(request).status().code(), absl::StatusCode::kNotFound);
}

// The shard RPC behind cross-shard clusters (GetNearDuplicates) refuses a
// malformed probe naming it, and a replica that keeps no clusters.
TEST(NearDuplicateLookup, RefusesMalformedProbesAndReplicasWithoutClusters) {
  std::unique_ptr<SearchIndex> index = Index(/*keep_clusters=*/true);
  docsearch::v1::GetNearDuplicatesRequest request;
  auto* probe = request.add_probes();
  probe->set_id("short");
  for (int i = 0; i < 3; ++i) probe->add_signature(i);
  auto lookup = [&](const SearchIndex& searched) {
    return searched.Read([&](IndexSnapshot data) { return LookUpNearDuplicates(request, data); });
  };
  absl::StatusOr<docsearch::v1::GetNearDuplicatesResponse> short_signature = lookup(*index);
  EXPECT_EQ(short_signature.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(short_signature.status().message(), HasSubstr("probes[0]"));

  probe->clear_signature();
  for (int i = 0; i < 64; ++i) probe->add_signature(i == 5 ? 70000 : i);
  absl::StatusOr<docsearch::v1::GetNearDuplicatesResponse> too_large = lookup(*index);
  EXPECT_EQ(too_large.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(too_large.status().message(), HasSubstr("above 65535"));

  std::unique_ptr<SearchIndex> without = Index(/*keep_clusters=*/false);
  request.clear_probes();
  EXPECT_EQ(lookup(*without).status().code(), absl::StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace docsearch::query::compare
