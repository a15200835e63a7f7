// FindPassageReuse on the real query service: a paragraph of the 2001 seed
// statement (samples/) republished and quoted in later documents is found
// in each, oldest first with the first known source marked, under a typed
// filter; bad requests get precise statuses; a service started with
// --passage_reuse=false says FAILED_PRECONDITION.
#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
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

// The numbered paragraphs of the seed statement.
std::vector<std::string> SeedParagraphs() {
  std::ifstream in(std::string(DOCSEARCH_SEEDS_DIR) +
                   "/2001-12-07-nato-russia-joint-statement.txt");
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

v1::Document Make(const std::string& id, int year, v1::DocType type,
                  const std::vector<std::string>& paragraphs) {
  v1::Document document;
  document.set_id(id);
  document.set_title("Document " + id);
  document.set_language("en");
  document.set_doc_type(type);
  document.mutable_published()->set_year(year);
  document.mutable_published()->set_month(1);
  document.mutable_published()->set_day(15);
  for (const std::string& text : paragraphs) document.add_paragraphs()->set_text(text);
  document.set_content_hash(id);
  return document;
}

class PassageReuseOverGrpc : public ::testing::Test {
 protected:
  void SetUp() override {
    work_dir_ = absl::StrCat(::testing::TempDir(), "/passage_reuse_", getpid());
    std::filesystem::remove_all(work_dir_);
    std::filesystem::create_directories(work_dir_);
  }
  void TearDown() override { std::filesystem::remove_all(work_dir_); }

  void Start(std::vector<std::string> flags = {}) {
    flags.push_back("--listen=127.0.0.1:0");
    auto query = ServiceProcess::Start(DOCSEARCH_QUERY_SERVICE_BINARY, flags, work_dir_);
    ASSERT_TRUE(query.ok()) << query.status();
    query_.emplace(*std::move(query));
    auto channel = grpc::CreateChannel(query_->address(), grpc::InsecureChannelCredentials());
    stub_ = v1::QueryService::NewStub(channel);
    index_ = v1::IndexService::NewStub(channel);
  }

  void Write(const std::vector<v1::Document>& documents) {
    grpc::ClientContext context;
    auto stream = index_->Write(&context);
    v1::WriteRequest request;
    request.set_batch_id(1);
    for (const auto& document : documents) *request.add_documents() = document;
    ASSERT_TRUE(stream->Write(request));
    v1::WriteResponse response;
    ASSERT_TRUE(stream->Read(&response));
    stream->WritesDone();
    ASSERT_TRUE(stream->Finish().ok());
    for (const auto& result : response.results()) ASSERT_EQ(result.code(), 0) << result.message();
  }

  grpc::Status Reuse(const v1::FindPassageReuseRequest& request,
                     v1::FindPassageReuseResponse* response) {
    grpc::ClientContext context;
    return stub_->FindPassageReuse(&context, request, response);
  }

  std::string work_dir_;
  std::optional<ServiceProcess> query_;
  std::unique_ptr<v1::QueryService::Stub> stub_;
  std::unique_ptr<v1::IndexService::Stub> index_;
};

TEST_F(PassageReuseOverGrpc, FindsEachRepetitionOldestFirst) {
  Start();
  const std::vector<std::string> seed = SeedParagraphs();
  ASSERT_EQ(seed.size(), 4u);
  const std::string& terrorism = seed[2];
  Write({
      Make("reprint-2004", 2004, v1::DOC_TYPE_PRESS_RELEASE, {"A short heading line.", terrorism}),
      Make("statement-2001", 2001, v1::DOC_TYPE_PRESS_STATEMENT, seed),
      Make("speech-2002", 2002, v1::DOC_TYPE_SPEECH,
           {absl::StrCat("As the ministers said in December: ", terrorism, " That remains true.")}),
      Make("other-2000", 2000, v1::DOC_TYPE_PRESS_STATEMENT, {seed[0]}),
  });
  v1::FindPassageReuseRequest request;
  request.mutable_passage()->set_id("reprint-2004");
  request.mutable_passage()->set_paragraph_index(1);
  v1::FindPassageReuseResponse response;
  ASSERT_TRUE(Reuse(request, &response).ok());
  ASSERT_EQ(response.passages_size(), 3);
  EXPECT_EQ(response.passages(0).id(), "statement-2001");
  EXPECT_EQ(response.passages(0).paragraph_index(), 2);
  EXPECT_TRUE(response.passages(0).first_known_source());
  EXPECT_DOUBLE_EQ(response.passages(0).similarity(), 1.0);
  EXPECT_EQ(response.passages(1).id(), "speech-2002");
  EXPECT_THAT(response.passages(1).text(), HasSubstr("We condemn terrorism"));
  EXPECT_GT(response.passages(1).start(), 0);
  EXPECT_EQ(response.passages(2).id(), "reprint-2004");
  EXPECT_TRUE(response.passages(2).is_query());

  // Typed filter: speeches only.
  request.mutable_filter()->mutable_term()->set_field("doc_type");
  request.mutable_filter()->mutable_term()->set_value("speech");
  ASSERT_TRUE(Reuse(request, &response).ok());
  ASSERT_EQ(response.passages_size(), 1);
  EXPECT_EQ(response.passages(0).id(), "speech-2002");

  // Any text: the paragraph as a mirror that lost its line breaks and case.
  v1::FindPassageReuseRequest by_text;
  std::string mirrored = terrorism;
  for (char& c : mirrored) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  by_text.set_text(mirrored);
  ASSERT_TRUE(Reuse(by_text, &response).ok());
  ASSERT_GE(response.passages_size(), 2);
  EXPECT_EQ(response.passages(0).id(), "statement-2001");
}

TEST_F(PassageReuseOverGrpc, BadRequestsGetPreciseStatuses) {
  Start();
  Write({Make("statement-2001", 2001, v1::DOC_TYPE_PRESS_STATEMENT, SeedParagraphs())});
  v1::FindPassageReuseResponse response;
  v1::FindPassageReuseRequest request;
  EXPECT_EQ(Reuse(request, &response).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  request.mutable_passage()->set_id("statement-2001");
  request.mutable_passage()->set_paragraph_index(9);
  grpc::Status status = Reuse(request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_THAT(status.error_message(), HasSubstr("passage.paragraph_index"));
  request.mutable_passage()->set_paragraph_index(0);
  request.set_min_similarity(2);
  status = Reuse(request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("min_similarity"));
  v1::FindPassageReuseRequest short_text;
  short_text.set_text("Too short to say.");
  status = Reuse(short_text, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("text"));
}

TEST_F(PassageReuseOverGrpc, SaysSoWhenFingerprintsAreOff) {
  Start({"--passage_reuse=false"});
  v1::FindPassageReuseRequest request;
  request.set_text(SeedParagraphs()[2]);
  v1::FindPassageReuseResponse response;
  grpc::Status status = Reuse(request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(status.error_message(), HasSubstr("--passage_reuse"));
}

}  // namespace
}  // namespace docsearch::testing
