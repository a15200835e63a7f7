// Near-duplicate clusters on the real services: the development set
// (../shared/corpus, ingested raw through the ingest service) is clustered
// on ingest, and the clusters are scored against the mirrors its labels name
// (pairwise precision and recall, printed); pages walk every cluster once;
// Search with collapse_duplicates shows each cluster once with its copies,
// across pages; a restart rebuilds the same clusters from the log; the two
// seeds stay apart while a republished seed joins its original.
#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <signal.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "docsearch/v1/ingest_service.grpc.pb.h"
#include "docsearch/v1/query_service.grpc.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/integration/service_process.h"

namespace docsearch::testing {
namespace {

// The development set's files that hold one statement in one language
// (mirrors, re-renderings of one URL, excerpts), as labels.jsonl's notes
// say: the ground truth of the clusters.
const std::vector<std::vector<std::string>> kMirrorGroups = {
    {"avalon-nato_018.txt", "pr-2001-p011218e.txt"},
    {"pr-2007-p07-130e.txt", "pr-2007-p07-130e_v2.txt"},
    {"pr-2001-p01-171e.txt", "pr-2001-p01-171e_v2.txt"},
    {"pr-2003-p03-147e.txt", "pr-2003-p03-147e_v2.txt"},
    {"pr-1996-p96-172e.txt", "pr-1996-p96-172e_v2.txt", "fas-p96-172e.txt"},
    {"speech-2004-s040402c.txt", "speech-2004-s040402c_v2.txt"},
    {"update-2003-06-june-e0626a.txt", "update-2003-06-june-e0626a_v2.txt"},
    {"pr-2006-p06-150e.txt", "pr-2006-p06-150e_v2.txt", "auscity-20061129110504.txt",
     "scribd-Riga-Summit-Declaration.txt", "cps-official_texts_37920.txt", "rigasummit-278.txt"},
    {"clintonwh-1999-04-24-washington-summit-communique.txt", "gpo-PPP-1999-book1-doc-pg613.txt",
     "ukparl-45908.txt", "ucsb-washington-summit-communique.txt"},
    {"untwebarchive-pr-1998-p98-099e.txt", "pr-1998-p98-099e.txt"},
    {"cidob-nac-berlin-3-june-1996.txt", "worldlii-NATOLRes-1996-1.txt"},
    {"natospeech-s020606a.txt", "natospeech-s020606a_v2.txt"},
    {"natopr-p03-065e.txt", "natopr-p03-065e_v2.txt", "globalsecurity-mil-030612-usia05.txt"},
    {"natocps-fr-official_texts_25971.txt", "natopr-p98-071f.txt"},
    {"alterinfo-a106012.txt", "youscribe-2493259.txt"},
};

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream content;
  content << in.rdbuf();
  return content.str();
}

class NearDuplicateClustersOverGrpc : public ::testing::Test {
 protected:
  void SetUp() override {
    corpus_ = std::filesystem::path(DOCSEARCH_SHARED_CORPUS);
    if (!std::filesystem::is_directory(corpus_ / "nato-dev" / "docs")) {
      GTEST_SKIP() << "development corpus absent (" << corpus_.string() << "/nato-dev)";
    }
    work_dir_ = absl::StrCat(::testing::TempDir(), "/near_duplicate_clusters_", getpid());
    std::filesystem::remove_all(work_dir_);
    std::filesystem::create_directories(work_dir_);
    StartQuery();
    auto ingest = ServiceProcess::Start(
        DOCSEARCH_INGEST_SERVICE_BINARY,
        {"--listen=127.0.0.1:0", "--query_service=" + query_->address()}, work_dir_);
    ASSERT_TRUE(ingest.ok()) << ingest.status();
    ingest_.emplace(*std::move(ingest));
    ingest_stub_ = v1::IngestService::NewStub(
        grpc::CreateChannel(ingest_->address(), grpc::InsecureChannelCredentials()));
  }
  void TearDown() override { std::filesystem::remove_all(work_dir_); }

  void StartQuery() {
    auto query = ServiceProcess::Start(
        DOCSEARCH_QUERY_SERVICE_BINARY,
        {"--listen=127.0.0.1:0", "--data_dir=" + work_dir_ + "/data", "--max_page_size=100"},
        work_dir_);
    ASSERT_TRUE(query.ok()) << query.status();
    query_.emplace(*std::move(query));
    stub_ = v1::QueryService::NewStub(
        grpc::CreateChannel(query_->address(), grpc::InsecureChannelCredentials()));
  }

  // Ingests every file of the development set and the seeds; remembers
  // each file's document id.
  void IngestCorpus() {
    std::vector<std::filesystem::path> files;
    for (const char* folder : {"nato-dev/docs", "statements-dev/docs"}) {
      for (const auto& entry : std::filesystem::directory_iterator(corpus_ / folder)) {
        files.push_back(entry.path());
      }
    }
    for (const auto& entry : std::filesystem::directory_iterator(DOCSEARCH_SAMPLES_DIR)) {
      files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    v1::IngestDocumentsResponse response;
    grpc::ClientContext context;
    auto stream = ingest_stub_->IngestDocuments(&context, &response);
    for (const auto& file : files) {
      v1::IngestDocumentsRequest request;
      request.mutable_document()->set_content(ReadFile(file));
      request.mutable_document()->set_source_uri(file.filename().string());
      ASSERT_TRUE(stream->Write(request));
    }
    stream->WritesDone();
    ASSERT_TRUE(stream->Finish().ok());
    ASSERT_EQ(response.results_size(), static_cast<int>(files.size()));
    for (size_t i = 0; i < files.size(); ++i) {
      ASSERT_EQ(response.results(i).code(), 0) << files[i] << ": " << response.results(i).message();
      id_of_[files[i].filename().string()] = response.results(i).id();
    }
  }

  // Every cluster, walking pages of `page_size`.
  std::vector<v1::NearDuplicateCluster> Clusters(int page_size) {
    std::vector<v1::NearDuplicateCluster> clusters;
    v1::FindNearDuplicatesRequest request;
    request.set_page_size(page_size);
    for (int page = 0; page < 200; ++page) {
      v1::FindNearDuplicatesResponse response;
      grpc::ClientContext context;
      grpc::Status status = stub_->FindNearDuplicates(&context, request, &response);
      EXPECT_TRUE(status.ok()) << status.error_message();
      if (!status.ok()) break;
      for (const auto& cluster : response.clusters()) clusters.push_back(cluster);
      if (response.next_page_token().empty()) break;
      request.set_page_token(response.next_page_token());
    }
    return clusters;
  }

  v1::SearchResponse Search(v1::SearchRequest request) {
    v1::SearchResponse response;
    grpc::ClientContext context;
    grpc::Status status = stub_->Search(&context, request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response;
  }

  std::filesystem::path corpus_;
  std::string work_dir_;
  std::map<std::string, std::string> id_of_;  // File name → document id.
  std::optional<ServiceProcess> query_;
  std::optional<ServiceProcess> ingest_;
  std::unique_ptr<v1::QueryService::Stub> stub_;
  std::unique_ptr<v1::IngestService::Stub> ingest_stub_;
};

TEST_F(NearDuplicateClustersOverGrpc, ClustersMatchTheLabelledMirrors) {
  IngestCorpus();
  const std::vector<v1::NearDuplicateCluster> clusters = Clusters(1000);
  // Pairs inside one cluster, found and expected.
  std::set<std::pair<std::string, std::string>> found, expected;
  for (const auto& cluster : clusters) {
    for (int i = 0; i < cluster.members_size(); ++i) {
      for (int j = 0; j < cluster.members_size(); ++j) {
        if (cluster.members(i).id() < cluster.members(j).id()) {
          found.insert({cluster.members(i).id(), cluster.members(j).id()});
        }
      }
    }
  }
  for (const auto& group : kMirrorGroups) {
    for (const auto& a : group) {
      for (const auto& b : group) {
        ASSERT_TRUE(id_of_.count(a) && id_of_.count(b)) << a << " or " << b << " not ingested";
        if (id_of_[a] < id_of_[b]) expected.insert({id_of_[a], id_of_[b]});
      }
    }
  }
  int correct = 0;
  for (const auto& pair : found) correct += expected.count(pair);
  const double precision = found.empty() ? 1 : static_cast<double>(correct) / found.size();
  const double recall = static_cast<double>(correct) / expected.size();
  std::cout << "clusters: " << clusters.size() << "; same-statement pairs: " << correct << " of "
            << found.size() << " found are labelled mirrors (precision " << precision << "), "
            << correct << " of " << expected.size() << " labelled found (recall " << recall
            << ")\n";
  for (const auto& pair : expected) {
    if (!found.count(pair)) std::cout << "  missed: " << pair.first << " ~ " << pair.second << "\n";
  }
  for (const auto& pair : found) {
    if (!expected.count(pair))
      std::cout << "  extra: " << pair.first << " ~ " << pair.second << "\n";
  }
  EXPECT_GE(precision, 0.95);
  EXPECT_GE(recall, 0.75);

  // The Riga declaration's canonical copy is a dated one, and names the
  // cluster.
  int riga_clusters = 0;
  for (const auto& cluster : clusters) {
    bool riga = false;
    for (const auto& member : cluster.members())
      riga |= member.id() == id_of_["pr-2006-p06-150e.txt"];
    if (!riga) continue;
    ++riga_clusters;
    EXPECT_TRUE(cluster.members(0).canonical());
    EXPECT_EQ(cluster.cluster_id(), cluster.members(0).id());
    EXPECT_EQ(cluster.members(0).published().year(), 2006);
    EXPECT_EQ(cluster.members_size(), 5);
  }
  EXPECT_EQ(riga_clusters, 1);

  // Small pages walk the same clusters.
  const std::vector<v1::NearDuplicateCluster> paged = Clusters(2);
  ASSERT_EQ(paged.size(), clusters.size());
  for (size_t i = 0; i < paged.size(); ++i) {
    EXPECT_EQ(paged[i].cluster_id(), clusters[i].cluster_id());
  }

  // A restart replays the log: the same clusters.
  ASSERT_TRUE(query_->Stop(SIGTERM, absl::Seconds(20)).ok());
  StartQuery();
  const std::vector<v1::NearDuplicateCluster> after_restart = Clusters(1000);
  ASSERT_EQ(after_restart.size(), clusters.size());
  for (size_t i = 0; i < clusters.size(); ++i) {
    EXPECT_EQ(after_restart[i].SerializeAsString(), clusters[i].SerializeAsString());
  }
}

TEST_F(NearDuplicateClustersOverGrpc, CollapsedSearchShowsEachClusterOnceWithItsCopies) {
  IngestCorpus();
  v1::SearchRequest request;
  request.set_query_string("riga summit declaration");
  request.set_page_size(100);
  const v1::SearchResponse plain = Search(request);
  request.set_collapse_duplicates(true);
  const v1::SearchResponse collapsed = Search(request);
  EXPECT_EQ(collapsed.total_size(), plain.total_size());  // Documents, every copy.
  EXPECT_LT(collapsed.hits_size(), plain.hits_size());
  // The declaration's copies: the best-scoring one stands for them all.
  const std::set<std::string> riga = {
      id_of_["pr-2006-p06-150e.txt"], id_of_["pr-2006-p06-150e_v2.txt"],
      id_of_["auscity-20061129110504.txt"], id_of_["scribd-Riga-Summit-Declaration.txt"],
      id_of_["cps-official_texts_37920.txt"]};
  std::string best_copy;
  for (const auto& hit : plain.hits()) {
    if (riga.count(hit.id())) {
      best_copy = hit.id();
      break;
    }
  }
  ASSERT_FALSE(best_copy.empty());
  int shown = 0;
  for (const auto& hit : collapsed.hits()) {
    if (!riga.count(hit.id())) continue;
    ++shown;
    EXPECT_EQ(hit.id(), best_copy);
    EXPECT_EQ(hit.duplicate_count(), 4);
    EXPECT_EQ(hit.duplicate_ids_size(), 4);
    EXPECT_TRUE(riga.count(hit.cluster_id())) << hit.cluster_id();
    for (const auto& copy : hit.duplicate_ids()) EXPECT_TRUE(riga.count(copy)) << copy;
  }
  EXPECT_EQ(shown, 1);

  // Page by page: no cluster twice, no copy of a shown hit shown.
  request.set_page_size(2);
  std::set<std::string> clusters_seen, ids_seen, copies_seen;
  int pages = 0;
  for (; pages < 100; ++pages) {
    const v1::SearchResponse page = Search(request);
    for (const auto& hit : page.hits()) {
      EXPECT_TRUE(ids_seen.insert(hit.id()).second) << hit.id();
      EXPECT_FALSE(copies_seen.count(hit.id())) << hit.id() << " is a copy of a hit shown";
      if (!hit.cluster_id().empty()) {
        EXPECT_TRUE(clusters_seen.insert(hit.cluster_id()).second) << hit.cluster_id();
      }
      for (const auto& copy : hit.duplicate_ids()) copies_seen.insert(copy);
    }
    if (page.next_page_token().empty()) break;
    request.set_page_token(page.next_page_token());
  }
  EXPECT_EQ(static_cast<int>(ids_seen.size()), collapsed.hits_size());
  EXPECT_GT(pages, 1);

  // A plain token is not a collapsed one.
  request.set_page_token(plain.next_page_token().empty() ? "bad" : plain.next_page_token());
  v1::SearchResponse refused;
  grpc::ClientContext context;
  EXPECT_EQ(stub_->Search(&context, request, &refused).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(NearDuplicateClustersOverGrpc, TheSeedsStayApartAndARepublishedSeedJoinsItsOriginal) {
  IngestCorpus();
  const std::string statement = id_of_["2001-12-07-nato-russia-joint-statement.txt"];
  const std::string update = id_of_["2003-12-04-nato-update-new-spirit-of-cooperation.txt"];
  for (const std::string& id : {statement, update}) {
    v1::FindNearDuplicatesRequest request;
    request.set_id(id);
    v1::FindNearDuplicatesResponse response;
    grpc::ClientContext context;
    ASSERT_TRUE(stub_->FindNearDuplicates(&context, request, &response).ok());
    EXPECT_EQ(response.clusters_size(), 0) << id;
  }
  std::string raw = ReadFile(std::filesystem::path(DOCSEARCH_SAMPLES_DIR) /
                             "2001-12-07-nato-russia-joint-statement.txt");
  raw = absl::StrReplaceAll(raw, {{"Updated: 07-Dec-2001", "Updated: 15-Jan-2002"}});
  v1::IngestDocumentRequest ingest;
  ingest.mutable_document()->set_content(raw);
  ingest.mutable_document()->set_source_uri("republished/joint-statement-copy.txt");
  v1::IngestDocumentResponse ingested;
  grpc::ClientContext ingest_context;
  ASSERT_TRUE(ingest_stub_->IngestDocument(&ingest_context, ingest, &ingested).ok());
  v1::FindNearDuplicatesRequest request;
  request.set_id(statement);
  v1::FindNearDuplicatesResponse response;
  grpc::ClientContext context;
  ASSERT_TRUE(stub_->FindNearDuplicates(&context, request, &response).ok());
  ASSERT_EQ(response.clusters_size(), 1);
  ASSERT_EQ(response.clusters(0).members_size(), 2);
  EXPECT_EQ(response.clusters(0).members(1).id(), ingested.id());
}

}  // namespace
}  // namespace docsearch::testing
