// Re-parsing with the real binaries: documents are ingested with the
// ingest service's raw bytes kept (the default), the ingest service is
// restarted with a parser option changed (--notitle_from_html_title), and
// IngestService.Reparse then rewrites exactly the documents that option
// changes (HTML pages whose only title was their <title>), leaves the
// others untouched (same content hash, same ingested_at: not rewritten),
// skips a document stored without raw bytes, counts per field what changed,
// and a dry run changes nothing. `docsearch reparse` prints the summary, and
// the rewrites survive a restart of the query service (its log replay).
#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <signal.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/zstd_frame.h"
#include "docsearch/v1/index_service.grpc.pb.h"
#include "docsearch/v1/ingest_service.grpc.pb.h"
#include "docsearch/v1/query_service.grpc.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/integration/service_process.h"

namespace docsearch::testing {
namespace {

using ::testing::HasSubstr;

constexpr int kHtmlPages = 3;

// An HTML page whose text has no title line (two paragraphs of prose), so
// the parser's title comes from <title> or nowhere.
std::string UntitledPage(int n) {
  return absl::StrCat(
      "<html><head><title>Online Library Home</title></head><body>"
      "<p>The committee met on the ",
      n + 2,
      "nd day of the session to review the progress made on the common programme of work "
      "and agreed that further effort is needed over the coming months.</p>"
      "<p>Members welcomed the reports of the working groups, number ",
      n,
      ", and asked them to continue their work in the areas identified last year.</p>"
      "</body></html>");
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

class ReparseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    work_dir_ = absl::StrCat(::testing::TempDir(), "/reparse_", getpid());
    std::filesystem::remove_all(work_dir_);
    std::filesystem::create_directories(work_dir_ + "/data");
    StartQuery();
  }
  void TearDown() override { std::filesystem::remove_all(work_dir_); }

  void StartQuery() {
    auto query = ServiceProcess::Start(
        DOCSEARCH_QUERY_SERVICE_BINARY,
        {"--listen=127.0.0.1:0", "--data_dir=" + work_dir_ + "/data"}, work_dir_);
    ASSERT_TRUE(query.ok()) << query.status();
    query_.emplace(*std::move(query));
  }

  void StartIngest(std::vector<std::string> flags) {
    ingest_.reset();  // Killed, like a redeploy.
    flags.push_back("--listen=127.0.0.1:0");
    flags.push_back("--query_service=" + query_->address());
    auto ingest = ServiceProcess::Start(DOCSEARCH_INGEST_SERVICE_BINARY, flags, work_dir_);
    ASSERT_TRUE(ingest.ok()) << ingest.status();
    ingest_.emplace(*std::move(ingest));
    ingest_stub_ = v1::IngestService::NewStub(
        grpc::CreateChannel(ingest_->address(), grpc::InsecureChannelCredentials()));
  }

  void Ingest(const std::string& content, v1::ContentType type, const std::string& id) {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
    v1::IngestDocumentRequest request;
    request.mutable_document()->set_content(content);
    request.mutable_document()->set_content_type(type);
    request.mutable_document()->set_id(id);
    v1::IngestDocumentResponse response;
    grpc::Status status = ingest_stub_->IngestDocument(&context, request, &response);
    ASSERT_TRUE(status.ok()) << id << ": " << status.error_message();
  }

  // A document written straight to the query service, as one indexed
  // before raw bytes were kept.
  void WriteWithoutRaw(const std::string& id) {
    auto index = v1::IndexService::NewStub(
        grpc::CreateChannel(query_->address(), grpc::InsecureChannelCredentials()));
    grpc::ClientContext context;
    auto stream = index->Write(&context);
    v1::WriteRequest request;
    request.set_batch_id(1);
    v1::Document* document = request.add_documents();
    document->set_id(id);
    document->set_title("Indexed before raw bytes were kept");
    document->set_content_hash("hash-" + id);
    document->add_paragraphs()->set_text("An old memo on civil emergency planning.");
    ASSERT_TRUE(stream->Write(request));
    v1::WriteResponse response;
    ASSERT_TRUE(stream->Read(&response));
    stream->WritesDone();
    ASSERT_TRUE(stream->Finish().ok());
  }

  // Every stored document by id (without raw bytes).
  std::map<std::string, v1::Document> Stored() {
    auto stub = v1::QueryService::NewStub(
        grpc::CreateChannel(query_->address(), grpc::InsecureChannelCredentials()));
    grpc::ClientContext context;
    v1::ExportDocumentsRequest request;
    request.mutable_query()->mutable_match_all();
    auto reader = stub->ExportDocuments(&context, request);
    std::map<std::string, v1::Document> documents;
    v1::ExportDocumentsResponse chunk;
    while (reader->Read(&chunk)) {
      for (const auto& document : chunk.documents()) {
        EXPECT_FALSE(document.has_raw()) << "raw bytes exported without being asked for";
        documents[document.id()] = document;
      }
    }
    EXPECT_TRUE(reader->Finish().ok());
    return documents;
  }

  absl::StatusOr<v1::ReparseResponse> Reparse(bool dry_run) {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
    v1::ReparseRequest request;
    request.mutable_query()->mutable_match_all();
    request.set_dry_run(dry_run);
    v1::ReparseResponse response;
    grpc::Status status = ingest_stub_->Reparse(&context, request, &response);
    if (!status.ok()) {
      return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                          status.error_message());
    }
    return response;
  }

  int Cli(const std::string& arguments) {
    const std::string command =
        absl::StrCat(DOCSEARCH_CLI_BINARY, " --ingest_service=", ingest_->address(), " ", arguments,
                     " >", work_dir_, "/cli.out 2>&1");
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  std::string work_dir_;
  std::optional<ServiceProcess> query_;
  std::optional<ServiceProcess> ingest_;
  std::unique_ptr<v1::IngestService::Stub> ingest_stub_;
};

// The per-field counts as a map, for one comparison.
std::map<std::string, int64_t> FieldCounts(const v1::ReparseResponse& response) {
  std::map<std::string, int64_t> counts;
  for (const auto& field : response.field_changes()) counts[field.field()] = field.document_count();
  return counts;
}

TEST_F(ReparseTest, RewritesWhatTheChangedParserReadsDifferentlyAndNothingElse) {
  ASSERT_NO_FATAL_FAILURE(StartIngest({}));  // --title_from_html_title on.
  for (int n = 0; n < kHtmlPages; ++n) {
    ASSERT_NO_FATAL_FAILURE(
        Ingest(UntitledPage(n), v1::CONTENT_TYPE_HTML, absl::StrCat("page-", n)));
  }
  const std::string seeds = DOCSEARCH_SAMPLES_DIR;
  std::vector<std::string> untouched_ids;
  for (const auto& entry : std::filesystem::directory_iterator(seeds)) {
    if (entry.path().extension() != ".txt") continue;
    const std::string id = entry.path().stem().string();
    ASSERT_NO_FATAL_FAILURE(Ingest(ReadFile(entry.path()), v1::CONTENT_TYPE_TEXT, id));
    untouched_ids.push_back(id);
  }
  ASSERT_EQ(untouched_ids.size(), 2u);
  ASSERT_NO_FATAL_FAILURE(WriteWithoutRaw("old-memo"));
  const std::map<std::string, v1::Document> before = Stored();
  ASSERT_EQ(before.size(), kHtmlPages + 3u);
  for (int n = 0; n < kHtmlPages; ++n) {
    ASSERT_EQ(before.at(absl::StrCat("page-", n)).title(), "Online Library Home");
  }

  // The raw bytes are kept as sent, returned only when asked for.
  {
    auto stub = v1::QueryService::NewStub(
        grpc::CreateChannel(query_->address(), grpc::InsecureChannelCredentials()));
    grpc::ClientContext get_context;
    v1::GetDocumentRequest get;
    get.set_id("page-1");
    v1::GetDocumentResponse got;
    ASSERT_TRUE(stub->GetDocument(&get_context, get, &got).ok());
    EXPECT_FALSE(got.document().has_raw());
    grpc::ClientContext batch_context;
    v1::BatchGetDocumentsRequest batch;
    batch.add_ids("page-1");
    batch.add_ids("old-memo");
    batch.mutable_field_mask()->add_paths("id");
    batch.mutable_field_mask()->add_paths("raw");
    v1::BatchGetDocumentsResponse batch_response;
    ASSERT_TRUE(stub->BatchGetDocuments(&batch_context, batch, &batch_response).ok());
    ASSERT_EQ(batch_response.documents_size(), 2);
    const v1::KeptRaw& raw = batch_response.documents(0).raw();
    absl::StatusOr<std::string> content = DecompressZstdFrame(raw.zstd_content(), 1 << 20);
    ASSERT_TRUE(content.ok()) << content.status();
    EXPECT_EQ(*content, UntitledPage(1));
    EXPECT_EQ(raw.content_type(), "CONTENT_TYPE_HTML");
    EXPECT_FALSE(batch_response.documents(1).has_raw());
    grpc::ClientContext stats_context;
    v1::GetIndexStatsResponse stats;
    ASSERT_TRUE(stub->GetIndexStats(&stats_context, v1::GetIndexStatsRequest(), &stats).ok());
    EXPECT_GT(stats.raw_bytes(), 0);
    EXPECT_LT(stats.raw_bytes(), stats.memory_bytes());
  }

  // The same parser: nothing to do.
  absl::StatusOr<v1::ReparseResponse> same = Reparse(false);
  ASSERT_TRUE(same.ok()) << same.status();
  EXPECT_EQ(same->matched_count(), kHtmlPages + 3);
  EXPECT_EQ(same->changed_count(), 0);
  EXPECT_EQ(same->unchanged_count(), kHtmlPages + 2);
  EXPECT_EQ(same->skipped_count(), 1);
  EXPECT_EQ(same->failed_count(), 0);

  // A redeploy with the option changed.
  ASSERT_NO_FATAL_FAILURE(StartIngest({"--notitle_from_html_title"}));
  absl::StatusOr<v1::ReparseResponse> dry = Reparse(true);
  ASSERT_TRUE(dry.ok()) << dry.status();
  EXPECT_TRUE(dry->dry_run());
  EXPECT_EQ(dry->matched_count(), kHtmlPages + 3);
  EXPECT_EQ(dry->changed_count(), kHtmlPages);
  EXPECT_EQ(dry->unchanged_count(), 2);
  EXPECT_EQ(dry->skipped_count(), 1);
  EXPECT_EQ(dry->failed_count(), 0);
  // The title, and the warnings that say where it came from.
  const std::map<std::string, int64_t> expected_fields = {{"title", kHtmlPages},
                                                          {"warnings", kHtmlPages}};
  EXPECT_EQ(FieldCounts(*dry), expected_fields);
  EXPECT_EQ(Stored().at("page-0").title(), "Online Library Home") << "a dry run wrote";

  ASSERT_EQ(Cli("reparse"), 0) << ReadFile(work_dir_ + "/cli.out");
  const std::string printed = ReadFile(work_dir_ + "/cli.out");
  EXPECT_THAT(printed, HasSubstr(absl::StrCat("reparsed ", kHtmlPages + 3, " documents: ",
                                              kHtmlPages, " changed, 2 unchanged, 1 skipped")));
  EXPECT_THAT(printed, HasSubstr("  title    3\n"));
  EXPECT_THAT(printed, HasSubstr("  warnings 3\n"));

  auto check_after = [&](const std::map<std::string, v1::Document>& after) {
    ASSERT_EQ(after.size(), before.size());
    for (int n = 0; n < kHtmlPages; ++n) {
      const std::string id = absl::StrCat("page-", n);
      const v1::Document& old_version = before.at(id);
      const v1::Document& new_version = after.at(id);
      EXPECT_EQ(new_version.title(), "") << id;
      EXPECT_EQ(new_version.content_hash(), old_version.content_hash()) << id;
      EXPECT_EQ(new_version.paragraphs_size(), old_version.paragraphs_size()) << id;
      EXPECT_NE(new_version.ingested_at().SerializeAsString(),
                old_version.ingested_at().SerializeAsString())
          << id << " was not rewritten";
    }
    for (const std::string& id : untouched_ids) {
      EXPECT_EQ(after.at(id).SerializeAsString(), before.at(id).SerializeAsString()) << id;
    }
    EXPECT_EQ(after.at("old-memo").SerializeAsString(), before.at("old-memo").SerializeAsString());
  };
  check_after(Stored());

  // Parsed again with the same option: nothing left to change.
  absl::StatusOr<v1::ReparseResponse> again = Reparse(false);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->changed_count(), 0);
  EXPECT_EQ(again->unchanged_count(), kHtmlPages + 2);

  // The rewrites are in the query service's log: a restart keeps them.
  ingest_.reset();
  ASSERT_TRUE(query_->Stop(SIGTERM, absl::Seconds(20)).ok());
  query_.reset();
  ASSERT_NO_FATAL_FAILURE(StartQuery());
  check_after(Stored());
}

TEST_F(ReparseTest, RefusesARequestWithoutExactlyOneQuery) {
  ASSERT_NO_FATAL_FAILURE(StartIngest({}));
  grpc::ClientContext context;
  v1::ReparseRequest request;
  v1::ReparseResponse response;
  grpc::Status status = ingest_stub_->Reparse(&context, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("query or query_string"));
}

}  // namespace
}  // namespace docsearch::testing
