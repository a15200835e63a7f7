// Messages the services cannot decode (invalid UTF-8 in a string field,
// garbage bytes, nesting past the limit) get a precise answer: a stream
// never ends OK with messages unaccounted for, and a unary call answers
// INVALID_ARGUMENT naming the problem (gRPC alone answered UNIMPLEMENTED
// with an empty message, and ended a stream OK at the bad message).
//
// The raw bytes go through grpc::GenericStub, as a hostile client would
// send them.
#include <grpcpp/create_channel.h>
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/security/credentials.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "docsearch/v1/index_service.grpc.pb.h"
#include "docsearch/v1/ingest_service.grpc.pb.h"
#include "docsearch/v1/query_service.grpc.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/integration/service_process.h"

namespace docsearch::testing {
namespace {

using ::testing::HasSubstr;

constexpr char kInvalidUtf8[] = "bad-\xC3\x28-\xFF.txt";
constexpr char kGarbage[] = "\xFF\xFF\xFF\xFF\xFF\x0F garbage";

struct RawOutcome {
  grpc::Status status;
  std::vector<std::string> responses;
};

grpc::ByteBuffer ToBuffer(const std::string& bytes) {
  grpc::Slice slice(bytes);
  return grpc::ByteBuffer(&slice, 1);
}

std::string FromBuffer(const grpc::ByteBuffer& buffer) {
  std::vector<grpc::Slice> slices;
  std::string bytes;
  if (!buffer.Dump(&slices).ok()) return bytes;
  for (const grpc::Slice& slice : slices) {
    bytes.append(reinterpret_cast<const char*>(slice.begin()), slice.size());
  }
  return bytes;
}

// Sends `messages` as they are on `method` (any kind of method: a unary
// call is one message each way on the wire), closes the sending side, and
// reads every response until the call ends.
RawOutcome CallRaw(const std::shared_ptr<grpc::Channel>& channel, const std::string& method,
                   const std::vector<std::string>& messages) {
  grpc::GenericStub stub(channel);
  grpc::CompletionQueue queue;
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
  std::unique_ptr<grpc::GenericClientAsyncReaderWriter> call =
      stub.PrepareCall(&context, method, &queue);
  void* tag = nullptr;
  bool ok = false;
  const auto wait = [&] { return queue.Next(&tag, &ok) && ok; };
  RawOutcome outcome;
  call->StartCall(nullptr);
  bool open = wait();
  for (const std::string& message : messages) {
    if (!open) break;
    call->Write(ToBuffer(message), nullptr);
    open = wait();
  }
  if (open) {
    call->WritesDone(nullptr);
    wait();
  }
  while (true) {
    grpc::ByteBuffer response;
    call->Read(&response, nullptr);
    if (!wait()) break;
    outcome.responses.push_back(FromBuffer(response));
  }
  call->Finish(&outcome.status, nullptr);
  queue.Next(&tag, &ok);
  queue.Shutdown();
  while (queue.Next(&tag, &ok)) {
  }
  return outcome;
}

std::string IngestMessage(const std::string& id, const std::string& source_uri) {
  v1::IngestDocumentsRequest request;
  request.mutable_document()->set_id(id);
  request.mutable_document()->set_source_uri(source_uri);
  request.mutable_document()->set_content(
      absl::StrCat("Updated: 07-Dec-2001 NATO Press Statement\n\n7 Dec. 2001\n\nTitle ", id,
                   "\n\nBody text about ", id, ".\n"));
  return request.SerializeAsString();
}

std::string WriteBatch(int batch_id, const std::string& id) {
  v1::WriteRequest request;
  request.set_batch_id(batch_id);
  v1::Document* document = request.add_documents();
  document->set_id(id);
  document->set_title(absl::StrCat("Document ", id));
  document->add_paragraphs()->set_text(absl::StrCat("Text of ", id));
  return request.SerializeAsString();
}

class UndecodableRequestsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    work_dir_ = ::testing::TempDir() + "/undecodable_" + std::to_string(getpid());
    std::filesystem::create_directories(work_dir_);
    auto query = ServiceProcess::Start(
        DOCSEARCH_QUERY_SERVICE_BINARY,
        {"--listen=127.0.0.1:0", "--data_dir=" + work_dir_ + "/data"}, work_dir_);
    ASSERT_TRUE(query.ok()) << query.status();
    query_ = std::make_unique<ServiceProcess>(*std::move(query));
    auto ingest = ServiceProcess::Start(
        DOCSEARCH_INGEST_SERVICE_BINARY,
        {"--listen=127.0.0.1:0", "--query_service=" + query_->address()}, work_dir_);
    ASSERT_TRUE(ingest.ok()) << ingest.status();
    ingest_ = std::make_unique<ServiceProcess>(*std::move(ingest));
    query_channel_ = grpc::CreateChannel(query_->address(), grpc::InsecureChannelCredentials());
    ingest_channel_ = grpc::CreateChannel(ingest_->address(), grpc::InsecureChannelCredentials());
  }
  void TearDown() override {
    ingest_.reset();
    query_.reset();
    std::filesystem::remove_all(work_dir_);
  }

  int64_t DocumentCount() {
    grpc::ClientContext context;
    v1::GetIndexStatsResponse stats;
    grpc::Status status =
        v1::QueryService::NewStub(query_channel_)->GetIndexStats(&context, {}, &stats);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return stats.document_count();
  }

  bool Has(const std::string& id) {
    grpc::ClientContext context;
    v1::GetDocumentRequest request;
    request.set_id(id);
    v1::GetDocumentResponse response;
    return v1::QueryService::NewStub(query_channel_)
        ->GetDocument(&context, request, &response)
        .ok();
  }

  std::string work_dir_;
  std::unique_ptr<ServiceProcess> query_;
  std::unique_ptr<ServiceProcess> ingest_;
  std::shared_ptr<grpc::Channel> query_channel_;
  std::shared_ptr<grpc::Channel> ingest_channel_;
};

TEST_F(UndecodableRequestsTest, IngestStreamGivesEveryMessageAnOutcome) {
  RawOutcome outcome =
      CallRaw(ingest_channel_, "/docsearch.v1.IngestService/IngestDocuments",
              {IngestMessage("doc-1", "one.txt"), IngestMessage("doc-2", "two.txt"),
               IngestMessage("doc-3", kInvalidUtf8), kGarbage, IngestMessage("doc-5", "five.txt"),
               IngestMessage("doc-6", "six.txt")});
  ASSERT_TRUE(outcome.status.ok()) << outcome.status.error_message();
  ASSERT_EQ(outcome.responses.size(), 1u);
  v1::IngestDocumentsResponse response;
  ASSERT_TRUE(response.ParseFromString(outcome.responses[0]));
  EXPECT_EQ(response.ingested_count(), 4);
  EXPECT_EQ(response.failed_count(), 2);
  ASSERT_EQ(response.results_size(), 6);
  for (int i = 0; i < 6; ++i) EXPECT_EQ(response.results(i).index(), i);
  EXPECT_EQ(response.results(2).code(), static_cast<int>(grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(response.results(2).message(),
              HasSubstr("message 2 of the stream: the request could not be decoded as "
                        "docsearch.v1.IngestDocumentsRequest: document.source_uri is not valid "
                        "UTF-8"));
  EXPECT_EQ(response.results(3).code(), static_cast<int>(grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(response.results(3).message(), HasSubstr("malformed bytes"));
  EXPECT_EQ(response.results(5).code(), 0) << response.results(5).message();
  EXPECT_TRUE(Has("doc-5"));
  EXPECT_TRUE(Has("doc-6"));
  EXPECT_EQ(DocumentCount(), 4);
}

TEST_F(UndecodableRequestsTest, WriteStreamFailsAtTheFirstUndecodableBatch) {
  v1::WriteRequest bad_batch;
  bad_batch.set_batch_id(2);
  bad_batch.add_documents()->set_id("w-2");
  bad_batch.mutable_documents(0)->set_title(kInvalidUtf8);
  RawOutcome outcome =
      CallRaw(query_channel_, "/docsearch.v1.IndexService/Write",
              {WriteBatch(1, "w-1"), bad_batch.SerializeAsString(), WriteBatch(3, "w-3")});
  EXPECT_EQ(outcome.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(outcome.status.error_message(),
              HasSubstr("write message 2 of this stream: the request could not be decoded as "
                        "docsearch.v1.WriteRequest: documents.title is not valid UTF-8"));
  EXPECT_THAT(outcome.status.error_message(), HasSubstr("the 1 batches before it were applied"));
  ASSERT_EQ(outcome.responses.size(), 1u);
  v1::WriteResponse first;
  ASSERT_TRUE(first.ParseFromString(outcome.responses[0]));
  EXPECT_EQ(first.batch_id(), 1u);
  EXPECT_TRUE(Has("w-1"));
  EXPECT_FALSE(Has("w-2"));
  EXPECT_FALSE(Has("w-3"));
}

TEST_F(UndecodableRequestsTest, UnaryCallsAnswerInvalidArgumentNamingTheProblem) {
  struct Row {
    std::string method;
    std::string bytes;
    std::string message_part;
  };
  v1::SearchRequest invalid_text;
  invalid_text.set_query_string(kInvalidUtf8);
  v1::SearchRequest deep;
  v1::Query* query = deep.mutable_query();
  for (int level = 0; level < 60; ++level) query = query->mutable_boolean()->add_must();
  query->mutable_match_all();
  v1::IngestDocumentRequest invalid_uri;
  invalid_uri.mutable_document()->set_content("text");
  invalid_uri.mutable_document()->set_source_uri(kInvalidUtf8);
  const std::vector<Row> rows = {
      {"/docsearch.v1.QueryService/Search", invalid_text.SerializeAsString(),
       "docsearch.v1.SearchRequest: query_string is not valid UTF-8"},
      {"/docsearch.v1.QueryService/Search", deep.SerializeAsString(),
       "messages nest deeper than 100 levels"},
      {"/docsearch.v1.QueryService/GetDocument", kGarbage, "malformed bytes"},
      {"/docsearch.v1.IndexService/DeleteDocument", kGarbage, "malformed bytes"},
      {"/docsearch.v1.IngestService/IngestDocument", invalid_uri.SerializeAsString(),
       "document.source_uri is not valid UTF-8"},
      {"/docsearch.v1.IngestService/ParseDocument", kGarbage, "malformed bytes"},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.method + " expecting " + row.message_part);
    const bool ingest = row.method.find("IngestService") != std::string::npos;
    RawOutcome outcome =
        CallRaw(ingest ? ingest_channel_ : query_channel_, row.method, {row.bytes});
    EXPECT_EQ(outcome.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
        << outcome.status.error_message();
    EXPECT_THAT(outcome.status.error_message(), HasSubstr(row.message_part));
  }
  // Still serving, and a valid request through the same path still works.
  v1::SearchRequest fine;
  fine.mutable_query()->mutable_match_all();
  RawOutcome outcome =
      CallRaw(query_channel_, "/docsearch.v1.QueryService/Search", {fine.SerializeAsString()});
  EXPECT_TRUE(outcome.status.ok()) << outcome.status.error_message();
  EXPECT_EQ(outcome.responses.size(), 1u);
}

// A 5 MiB id used to be stored, and its acknowledgement (echoing the id)
// broke the ingest service's shared Write stream: every other caller then
// waited out its deadline. Now the id is refused before it is sent, and a
// normal document right after goes through at once.
TEST_F(UndecodableRequestsTest, AnOversizedIdIsRefusedAndDoesNotStallIngestion) {
  auto stub = v1::IngestService::NewStub(ingest_channel_);
  const auto ingest = [&](const std::string& id) {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    v1::IngestDocumentRequest request;
    request.mutable_document()->set_id(id);
    request.mutable_document()->set_content(
        absl::StrCat("Statement\n\nA document filed as ", id.substr(0, 16), ".\n"));
    v1::IngestDocumentResponse response;
    return stub->IngestDocument(&context, request, &response);
  };
  grpc::Status huge = ingest(std::string(5 << 20, 'h'));
  EXPECT_EQ(huge.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << huge.error_message();
  EXPECT_THAT(huge.error_message(), HasSubstr("document.id is 5242880 bytes"));
  EXPECT_LT(huge.error_message().size(), 1024u);
  grpc::Status normal = ingest("normal-after-huge");
  EXPECT_TRUE(normal.ok()) << normal.error_message();
  EXPECT_TRUE(Has("normal-after-huge"));
  EXPECT_EQ(DocumentCount(), 1);

  // Straight to Write: the acknowledgement stays small.
  RawOutcome outcome = CallRaw(query_channel_, "/docsearch.v1.IndexService/Write",
                               {WriteBatch(1, std::string(5 << 20, 'w'))});
  ASSERT_TRUE(outcome.status.ok()) << outcome.status.error_message();
  ASSERT_EQ(outcome.responses.size(), 1u);
  EXPECT_LT(outcome.responses[0].size(), 2048u);
  v1::WriteResponse response;
  ASSERT_TRUE(response.ParseFromString(outcome.responses[0]));
  ASSERT_EQ(response.results_size(), 1);
  EXPECT_EQ(response.results(0).code(), static_cast<int>(grpc::StatusCode::INVALID_ARGUMENT));
}

}  // namespace
}  // namespace docsearch::testing
