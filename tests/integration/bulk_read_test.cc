// Bulk reads on the real query service: ExportDocuments streams every match
// in a stable order (oldest published first, ties by id, undated last),
// with a field mask, in chunks, resumable from any chunk's token without
// repeating or skipping a document; BatchGetDocuments reports missing ids
// instead of failing; bad input gets INVALID_ARGUMENT naming the field.
#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/str_cat.h"
#include "docsearch/v1/index_service.grpc.pb.h"
#include "docsearch/v1/query_service.grpc.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/integration/service_process.h"

namespace docsearch::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr int kDocuments = 130;
constexpr int kMaxPageSize = 50;  // Export chunks are min(256, this).

// Every 7th document is undated; the others spread over 2001-2004 with
// repeats, so ties by id matter.
v1::Document MakeDocument(int i) {
  v1::Document document;
  document.set_id(absl::StrCat("doc-", 1000 + (i * 37) % kDocuments));
  document.set_title(i % 3 == 0 ? "Alpha statement" : "Beta statement");
  document.set_language("en");
  document.add_paragraphs()->set_text(absl::StrCat("Paragraph of document ", i, "."));
  if (i % 7 != 0) {
    document.mutable_published()->set_year(2001 + i % 4);
    document.mutable_published()->set_month(1 + i % 12);
    document.mutable_published()->set_day(1 + i % 5);
  }
  return document;
}

// The export order: dated before undated, then by date, then by id.
std::tuple<bool, int, int, int, std::string> SortKey(const v1::Document& document) {
  const bool undated = !document.has_published();
  return {undated, document.published().year(), document.published().month(),
          document.published().day(), document.id()};
}

struct Export {
  grpc::Status status;
  std::vector<v1::ExportDocumentsResponse> chunks;
  std::vector<std::string> ids() const {
    std::vector<std::string> out;
    for (const auto& chunk : chunks) {
      for (const auto& document : chunk.documents()) out.push_back(document.id());
    }
    return out;
  }
};

class BulkReadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    work_dir_ = absl::StrCat(::testing::TempDir(), "/bulk_read_", getpid());
    std::filesystem::remove_all(work_dir_);
    std::filesystem::create_directories(work_dir_);
    auto query = ServiceProcess::Start(
        DOCSEARCH_QUERY_SERVICE_BINARY,
        {"--listen=127.0.0.1:0", absl::StrCat("--max_page_size=", kMaxPageSize)}, work_dir_);
    ASSERT_TRUE(query.ok()) << query.status();
    query_.emplace(*std::move(query));
    auto channel = grpc::CreateChannel(query_->address(), grpc::InsecureChannelCredentials());
    stub_ = v1::QueryService::NewStub(channel);
    index_ = v1::IndexService::NewStub(channel);
    std::vector<v1::Document> documents;
    for (int i = 0; i < kDocuments; ++i) documents.push_back(MakeDocument(i));
    Write(documents);
    for (const auto& document : documents) expected_.push_back(document);
    std::sort(expected_.begin(), expected_.end(),
              [](const auto& a, const auto& b) { return SortKey(a) < SortKey(b); });
  }

  void TearDown() override { std::filesystem::remove_all(work_dir_); }

  void Write(const std::vector<v1::Document>& documents) {
    grpc::ClientContext context;
    auto stream = index_->Write(&context);
    v1::WriteRequest request;
    request.set_batch_id(++batch_id_);
    for (const auto& document : documents) *request.add_documents() = document;
    ASSERT_TRUE(stream->Write(request));
    v1::WriteResponse response;
    ASSERT_TRUE(stream->Read(&response));
    stream->WritesDone();
    ASSERT_TRUE(stream->Finish().ok());
    for (const auto& result : response.results()) ASSERT_EQ(result.code(), 0) << result.message();
  }

  // Reads an export; stops after `max_chunks` chunks when given.
  Export Run(const v1::ExportDocumentsRequest& request,
             std::optional<int> max_chunks = std::nullopt) {
    Export out;
    grpc::ClientContext context;
    auto reader = stub_->ExportDocuments(&context, request);
    v1::ExportDocumentsResponse chunk;
    while ((!max_chunks.has_value() || static_cast<int>(out.chunks.size()) < *max_chunks) &&
           reader->Read(&chunk)) {
      out.chunks.push_back(chunk);
    }
    if (max_chunks.has_value() && static_cast<int>(out.chunks.size()) == *max_chunks) {
      context.TryCancel();
    }
    out.status = reader->Finish();
    return out;
  }

  std::vector<std::string> ExpectedIds(bool alpha_only = false) const {
    std::vector<std::string> ids;
    for (const auto& document : expected_) {
      if (!alpha_only || document.title() == "Alpha statement") ids.push_back(document.id());
    }
    return ids;
  }

  std::string work_dir_;
  std::optional<ServiceProcess> query_;
  std::unique_ptr<v1::QueryService::Stub> stub_;
  std::unique_ptr<v1::IndexService::Stub> index_;
  std::vector<v1::Document> expected_;
  uint64_t batch_id_ = 0;
};

TEST_F(BulkReadTest, ExportsEveryMatchInAStableOrderInChunks) {
  v1::ExportDocumentsRequest request;
  request.mutable_query()->mutable_match_all();
  Export all = Run(request);
  ASSERT_TRUE(all.status.ok()) << all.status.error_message();
  EXPECT_EQ(all.ids(), ExpectedIds());
  ASSERT_EQ(all.chunks.size(), (kDocuments + kMaxPageSize - 1) / kMaxPageSize);
  EXPECT_EQ(all.chunks.front().total_size(), kDocuments);
  EXPECT_TRUE(all.chunks.back().resume_token().empty());
  EXPECT_FALSE(all.chunks.front().resume_token().empty());
  // Whole documents by default.
  EXPECT_EQ(all.chunks.front().documents(0).paragraphs_size(), 1);

  v1::ExportDocumentsRequest alpha;
  alpha.set_query_string("title:alpha");
  Export some = Run(alpha);
  ASSERT_TRUE(some.status.ok()) << some.status.error_message();
  EXPECT_EQ(some.ids(), ExpectedIds(/*alpha_only=*/true));
}

TEST_F(BulkReadTest, AFieldMaskKeepsOnlyTheFieldsAsked) {
  v1::ExportDocumentsRequest request;
  request.set_query_string("title:beta");
  request.mutable_field_mask()->add_paths("id");
  request.mutable_field_mask()->add_paths("published");
  Export out = Run(request);
  ASSERT_TRUE(out.status.ok()) << out.status.error_message();
  ASSERT_FALSE(out.ids().empty());
  for (const auto& chunk : out.chunks) {
    for (const auto& document : chunk.documents()) {
      EXPECT_FALSE(document.id().empty());
      EXPECT_TRUE(document.title().empty());
      EXPECT_EQ(document.paragraphs_size(), 0);
      EXPECT_TRUE(document.language().empty());
    }
  }
}

TEST_F(BulkReadTest, ResumesAfterTheLastChunkReadWithoutRepeatsOrGaps) {
  v1::ExportDocumentsRequest request;
  request.mutable_query()->mutable_match_all();
  Export first = Run(request, 1);
  ASSERT_EQ(first.chunks.size(), 1u);
  const std::string token = first.chunks.back().resume_token();
  ASSERT_FALSE(token.empty());
  // Written between the two halves: one sorts before the position reached
  // (not exported: the export has passed it), one after (exported).
  v1::Document early = MakeDocument(1);
  early.set_id("doc-0000-early");
  early.mutable_published()->set_year(1990);
  v1::Document late = MakeDocument(1);
  late.set_id("doc-9999-late");
  late.clear_published();
  Write({early, late});

  request.set_resume_token(token);
  Export rest = Run(request);
  ASSERT_TRUE(rest.status.ok()) << rest.status.error_message();
  std::vector<std::string> ids = first.ids();
  for (const auto& id : rest.ids()) ids.push_back(id);
  std::vector<std::string> expected = ExpectedIds();
  expected.push_back("doc-9999-late");
  EXPECT_EQ(ids, expected);
  EXPECT_EQ(rest.chunks.front().total_size(), kDocuments + 2);
}

TEST_F(BulkReadTest, BadExportRequestsNameTheFieldAtFault) {
  struct Case {
    std::string name;
    v1::ExportDocumentsRequest request;
    std::string message;
  };
  std::vector<Case> cases;
  {
    Case c{"unknown mask path", {}, "field_mask.paths[1]: 'colour'"};
    c.request.mutable_query()->mutable_match_all();
    c.request.mutable_field_mask()->add_paths("id");
    c.request.mutable_field_mask()->add_paths("colour");
    cases.push_back(c);
  }
  {
    Case c{"malformed token", {}, "resume_token"};
    c.request.mutable_query()->mutable_match_all();
    c.request.set_resume_token("not-a-token");
    cases.push_back(c);
  }
  {
    v1::ExportDocumentsRequest all;
    all.mutable_query()->mutable_match_all();
    Export first = Run(all, 1);
    Case c{"token of another query", {}, "resume_token"};
    c.request.set_query_string("title:alpha");
    c.request.set_resume_token(first.chunks.at(0).resume_token());
    cases.push_back(c);
  }
  cases.push_back(Case{"no query", {}, "query"});
  {
    Case c{"bad query string", {}, "query_string"};
    c.request.set_query_string("title:(");
    cases.push_back(c);
  }
  for (const Case& c : cases) {
    Export out = Run(c.request);
    EXPECT_EQ(out.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << c.name;
    EXPECT_THAT(out.status.error_message(), HasSubstr(c.message)) << c.name;
    EXPECT_TRUE(out.chunks.empty()) << c.name;
  }
}

TEST_F(BulkReadTest, BatchGetReportsMissingIdsAndRefusesBadInput) {
  v1::BatchGetDocumentsRequest request;
  const std::string a = expected_[3].id();
  const std::string b = expected_[77].id();
  for (const std::string& id : {a, std::string("no-such-id"), b, a}) request.add_ids(id);
  request.mutable_field_mask()->add_paths("id");
  request.mutable_field_mask()->add_paths("title");
  {
    grpc::ClientContext context;
    v1::BatchGetDocumentsResponse response;
    grpc::Status status = stub_->BatchGetDocuments(&context, request, &response);
    ASSERT_TRUE(status.ok()) << status.error_message();
    ASSERT_EQ(response.documents_size(), 2);
    EXPECT_EQ(response.documents(0).id(), a);
    EXPECT_EQ(response.documents(1).id(), b);
    EXPECT_FALSE(response.documents(0).title().empty());
    EXPECT_EQ(response.documents(0).paragraphs_size(), 0);
    EXPECT_THAT(response.missing_ids(), ElementsAre("no-such-id"));
  }
  struct Case {
    std::string name;
    v1::BatchGetDocumentsRequest request;
    std::string message;
  };
  std::vector<Case> cases;
  cases.push_back(Case{"no ids", {}, "ids: give at least one id"});
  {
    Case c{"empty id", {}, "ids[1]: empty id"};
    c.request.add_ids(a);
    c.request.add_ids("");
    cases.push_back(c);
  }
  {
    Case c{"too many", {}, "ids: 51 ids, more than the limit of 50"};
    for (int i = 0; i < kMaxPageSize + 1; ++i) c.request.add_ids(absl::StrCat("x", i));
    cases.push_back(c);
  }
  {
    Case c{"unknown mask path", {}, "field_mask.paths[0]: 'colour'"};
    c.request.add_ids(a);
    c.request.mutable_field_mask()->add_paths("colour");
    cases.push_back(c);
  }
  for (const Case& c : cases) {
    grpc::ClientContext context;
    v1::BatchGetDocumentsResponse response;
    grpc::Status status = stub_->BatchGetDocuments(&context, c.request, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << c.name;
    EXPECT_THAT(status.error_message(), HasSubstr(c.message)) << c.name;
  }
}

}  // namespace
}  // namespace docsearch::testing
