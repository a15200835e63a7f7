// Document versions on the real query service: writing the 2001 seed (samples/)
// statement's id again with edited text keeps the earlier versions
// (--max_versions), ListVersions lists them, CompareVersions shows the
// edits, both survive a restart (snapshot at SIGTERM), and bad requests get
// precise statuses.
#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <signal.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "docsearch/v1/index_service.grpc.pb.h"
#include "docsearch/v1/query_service.grpc.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/integration/service_process.h"

namespace docsearch::testing {
namespace {

using ::testing::HasSubstr;

constexpr char kId[] = "2001-12-07-nato-russia-joint-statement";

// The numbered paragraphs of the seed statement ("  1. Today we ...").
std::vector<std::string> SeedParagraphs() {
  std::ifstream in(std::string(DOCSEARCH_SEEDS_DIR) + "/" + kId + ".txt");
  std::stringstream content;
  content << in.rdbuf();
  std::vector<std::string> paragraphs;
  for (absl::string_view line : absl::StrSplit(content.str(), '\n')) {
    line = absl::StripLeadingAsciiWhitespace(line);
    if (line.size() > 3 && line[1] == '.' && line[0] >= '1' && line[0] <= '9') {
      paragraphs.emplace_back(line.substr(3));
    }
  }
  return paragraphs;
}

v1::Document Statement(const std::vector<std::string>& paragraphs, const std::string& hash) {
  v1::Document document;
  document.set_id(kId);
  document.set_title("NATO-Russia Joint Statement");
  document.set_language("en");
  document.mutable_published()->set_year(2001);
  document.mutable_published()->set_month(12);
  document.mutable_published()->set_day(7);
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    auto* paragraph = document.add_paragraphs();
    paragraph->set_number(std::to_string(i + 1));
    paragraph->set_text(paragraphs[i]);
  }
  document.set_content_hash(hash);
  return document;
}

class VersionsOverGrpc : public ::testing::Test {
 protected:
  void SetUp() override {
    work_dir_ = absl::StrCat(::testing::TempDir(), "/versions_", getpid());
    std::filesystem::remove_all(work_dir_);
    std::filesystem::create_directories(work_dir_);
    Start();
  }
  void TearDown() override { std::filesystem::remove_all(work_dir_); }

  void Start() {
    auto query = ServiceProcess::Start(
        DOCSEARCH_QUERY_SERVICE_BINARY,
        {"--listen=127.0.0.1:0", "--data_dir=" + work_dir_ + "/data", "--max_versions=3"},
        work_dir_);
    ASSERT_TRUE(query.ok()) << query.status();
    query_.emplace(*std::move(query));
    auto channel = grpc::CreateChannel(query_->address(), grpc::InsecureChannelCredentials());
    stub_ = v1::QueryService::NewStub(channel);
    index_ = v1::IndexService::NewStub(channel);
  }

  void Write(const v1::Document& document) {
    grpc::ClientContext context;
    auto stream = index_->Write(&context);
    v1::WriteRequest request;
    request.set_batch_id(++batch_id_);
    *request.add_documents() = document;
    ASSERT_TRUE(stream->Write(request));
    v1::WriteResponse response;
    ASSERT_TRUE(stream->Read(&response));
    stream->WritesDone();
    ASSERT_TRUE(stream->Finish().ok());
    ASSERT_EQ(response.results(0).code(), 0) << response.results(0).message();
  }

  grpc::Status List(const std::string& id, v1::ListVersionsResponse* response) {
    grpc::ClientContext context;
    v1::ListVersionsRequest request;
    request.set_id(id);
    return stub_->ListVersions(&context, request, response);
  }

  grpc::Status Compare(const std::string& id, int from, int to,
                       v1::CompareVersionsResponse* response) {
    grpc::ClientContext context;
    v1::CompareVersionsRequest request;
    request.set_id(id);
    request.set_from(from);
    request.set_to(to);
    return stub_->CompareVersions(&context, request, response);
  }

  std::string work_dir_;
  std::optional<ServiceProcess> query_;
  std::unique_ptr<v1::QueryService::Stub> stub_;
  std::unique_ptr<v1::IndexService::Stub> index_;
  int batch_id_ = 0;
};

TEST_F(VersionsOverGrpc, KeepsListsAndComparesVersionsAcrossARestart) {
  const std::vector<std::string> original = SeedParagraphs();
  ASSERT_EQ(original.size(), 4u) << "the seed statement has four numbered paragraphs";
  // Version 2: Reykjavik in June instead of May, paragraph 4 withdrawn, a
  // new closing paragraph.
  std::vector<std::string> revised = original;
  ASSERT_NE(revised[1].find("May 2002"), std::string::npos);
  revised[1] = absl::StrReplaceAll(revised[1], {{"May 2002", "June 2002"}});
  revised[3] = "The Council will meet again in Reykjavik.";
  // Version 3: paragraphs 1 and 3 swapped.
  std::vector<std::string> reordered = revised;
  std::swap(reordered[0], reordered[2]);
  // Version 4 pushes version 1 out (--max_versions=3).
  std::vector<std::string> fourth = reordered;
  fourth.push_back("A fifth paragraph.");

  Write(Statement(original, "hash-1"));
  Write(Statement(revised, "hash-2"));
  Write(Statement(revised, "hash-2"));  // Unchanged: no new version.
  v1::ListVersionsResponse listed;
  ASSERT_TRUE(List(kId, &listed).ok());
  ASSERT_EQ(listed.versions_size(), 2);
  EXPECT_EQ(listed.max_versions(), 3);
  EXPECT_EQ(listed.versions(0).content_hash(), "hash-1");
  EXPECT_TRUE(listed.versions(1).current());
  EXPECT_TRUE(listed.versions(1).has_ingested_at());

  v1::CompareVersionsResponse diff;
  ASSERT_TRUE(Compare(kId, 0, 0, &diff).ok());
  EXPECT_EQ(diff.from().number(), 1);
  EXPECT_EQ(diff.to().number(), 2);
  EXPECT_EQ(diff.unchanged_paragraphs(), 2);
  ASSERT_EQ(diff.changes_size(), 3);
  // Paragraph 2: one word edit (the month).
  const v1::ParagraphChange& month = diff.changes(0);
  EXPECT_EQ(month.kind(), v1::PARAGRAPH_CHANGE_KIND_CHANGED);
  EXPECT_EQ(month.to_number(), "2");
  ASSERT_EQ(month.edits_size(), 1);
  EXPECT_EQ(month.edits(0).from_text(), "May");
  EXPECT_EQ(month.edits(0).to_text(), "June");
  // Paragraph 4 rewritten throughout: removed, and the new one added.
  EXPECT_EQ(diff.changes(1).kind(), v1::PARAGRAPH_CHANGE_KIND_REMOVED);
  EXPECT_EQ(diff.changes(1).from_index(), 3);
  EXPECT_EQ(diff.changes(2).kind(), v1::PARAGRAPH_CHANGE_KIND_ADDED);
  EXPECT_EQ(diff.changes(2).text(), "The Council will meet again in Reykjavik.");

  Write(Statement(reordered, "hash-3"));
  Write(Statement(fourth, "hash-4"));
  ASSERT_TRUE(List(kId, &listed).ok());
  ASSERT_EQ(listed.versions_size(), 3);
  EXPECT_EQ(listed.versions(0).content_hash(), "hash-2");

  // A restart (snapshot at SIGTERM) keeps the three versions.
  ASSERT_TRUE(query_->Stop(SIGTERM, absl::Seconds(20)).ok());
  Start();
  ASSERT_TRUE(List(kId, &listed).ok());
  ASSERT_EQ(listed.versions_size(), 3);
  EXPECT_EQ(listed.versions(0).content_hash(), "hash-2");
  EXPECT_EQ(listed.versions(2).content_hash(), "hash-4");
  ASSERT_TRUE(Compare(kId, 1, 2, &diff).ok());
  int moved = 0;
  for (const auto& change : diff.changes()) {
    moved += change.kind() == v1::PARAGRAPH_CHANGE_KIND_MOVED ? 1 : 0;
  }
  // Paragraphs 2 and 4 keep their order; the swapped 1 and 3 both moved.
  EXPECT_EQ(moved, 2);
  EXPECT_EQ(diff.unchanged_paragraphs(), 2);
  ASSERT_TRUE(Compare(kId, 0, 0, &diff).ok());
  ASSERT_EQ(diff.changes_size(), 1);
  EXPECT_EQ(diff.changes(0).kind(), v1::PARAGRAPH_CHANGE_KIND_ADDED);
  EXPECT_EQ(diff.changes(0).text(), "A fifth paragraph.");
}

TEST_F(VersionsOverGrpc, BadRequestsGetPreciseStatuses) {
  Write(Statement(SeedParagraphs(), "hash-1"));
  v1::ListVersionsResponse listed;
  grpc::Status status = List("", &listed);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("id"));
  EXPECT_EQ(List("no-such-id", &listed).error_code(), grpc::StatusCode::NOT_FOUND);
  v1::CompareVersionsResponse diff;
  status = Compare(kId, 0, 0, &diff);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_THAT(status.error_message(), HasSubstr("from"));
  status = Compare(kId, 1, 9, &diff);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_THAT(status.error_message(), HasSubstr("to:"));
  status = Compare(kId, -2, 0, &diff);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("from"));
}

}  // namespace
}  // namespace docsearch::testing
