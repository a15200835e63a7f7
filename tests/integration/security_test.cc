// TLS and bearer tokens on the real service binaries: who may call what,
// which status a caller without the right token gets, that health stays
// open, that the ingest service reaches a TLS query service with the token,
// that the CLI sends its token, and that bad flag combinations stop a server
// at start-up with a message.
//
// The TLS certificate is made at test time with the openssl binary (a
// self-signed P-256 certificate for localhost and 127.0.0.1), so no key
// material lives in the repository.
#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "docsearch/v1/index_service.grpc.pb.h"
#include "docsearch/v1/ingest_service.grpc.pb.h"
#include "docsearch/v1/query_service.grpc.pb.h"
#include "gmock/gmock.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "gtest/gtest.h"
#include "tests/integration/service_process.h"

namespace docsearch::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

constexpr char kToken[] = "s3cret-token_for.tests";
constexpr char kDocument[] =
    "NATO and Russia: a joint statement\n\nThe ministers met in Brussels and spoke of "
    "quokkas, an unusual word that makes this document easy to find.\n";

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void WriteFile(const fs::path& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

// Runs a shell command; returns its exit code and what it printed on
// stdout and stderr together.
std::pair<int, std::string> RunCommand(const std::string& command) {
  std::string output;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return {-1, "popen failed"};
  char buffer[4096];
  size_t read = 0;
  while ((read = fread(buffer, 1, sizeof(buffer), pipe)) > 0) output.append(buffer, read);
  const int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

grpc::ClientContext* WithDeadline(grpc::ClientContext* context,
                                  absl::Duration timeout = absl::Seconds(10)) {
  context->set_deadline(absl::ToChronoTime(absl::Now() + timeout));
  return context;
}

grpc::ClientContext* WithToken(grpc::ClientContext* context, const std::string& token) {
  context->AddMetadata("authorization", "Bearer " + token);
  return WithDeadline(context);
}

class SecurityTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    shared_dir_ = new fs::path(fs::path(::testing::TempDir()) /
                               ("security_test_" + std::to_string(getpid())));
    fs::remove_all(*shared_dir_);
    fs::create_directories(*shared_dir_);
    const auto [code, output] = RunCommand(absl::StrCat(
        "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 "
        "-subj /CN=localhost -addext subjectAltName=DNS:localhost,IP:127.0.0.1 -keyout ",
        (*shared_dir_ / "key.pem").string(), " -out ", (*shared_dir_ / "cert.pem").string()));
    ASSERT_EQ(code, 0) << output;
    WriteFile(*shared_dir_ / "token", std::string(kToken) + "\n");
    WriteFile(*shared_dir_ / "wrong_token", "not-the-token\n");
  }

  static void TearDownTestSuite() {
    fs::remove_all(*shared_dir_);
    delete shared_dir_;
  }

  void SetUp() override {
    work_dir_ = *shared_dir_ / ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::create_directories(work_dir_);
  }

  static std::string Path(const std::string& name) { return (*shared_dir_ / name).string(); }

  static std::shared_ptr<grpc::ChannelCredentials> TlsCredentials() {
    grpc::SslCredentialsOptions options;
    options.pem_root_certs = ReadFile(*shared_dir_ / "cert.pem");
    return grpc::SslCredentials(options);
  }

  ServiceProcess StartQuery(std::vector<std::string> flags,
                            std::shared_ptr<grpc::ChannelCredentials> credentials = nullptr) {
    flags.insert(flags.begin(), "--listen=127.0.0.1:0");
    auto process =
        ServiceProcess::Start(DOCSEARCH_QUERY_SERVICE_BINARY, flags, work_dir_, credentials);
    EXPECT_TRUE(process.ok()) << process.status();
    return *std::move(process);
  }

  ServiceProcess StartIngest(const std::string& query_address, std::vector<std::string> flags,
                             std::shared_ptr<grpc::ChannelCredentials> credentials = nullptr) {
    flags.insert(flags.begin(), "--query_service=" + query_address);
    flags.insert(flags.begin(), "--listen=127.0.0.1:0");
    auto process =
        ServiceProcess::Start(DOCSEARCH_INGEST_SERVICE_BINARY, flags, work_dir_, credentials);
    EXPECT_TRUE(process.ok()) << process.status();
    return *std::move(process);
  }

  static std::shared_ptr<grpc::Channel> Plaintext(const ServiceProcess& process) {
    return grpc::CreateChannel(process.address(), grpc::InsecureChannelCredentials());
  }

  static grpc::Status Delete(const std::shared_ptr<grpc::Channel>& channel,
                             std::optional<std::string> token) {
    auto stub = v1::IndexService::NewStub(channel);
    grpc::ClientContext context;
    v1::DeleteDocumentRequest request;
    request.set_id("no-such-document");
    v1::DeleteDocumentResponse response;
    return stub->DeleteDocument(token ? WithToken(&context, *token) : WithDeadline(&context),
                                request, &response);
  }

  static grpc::Status Stats(const std::shared_ptr<grpc::Channel>& channel,
                            std::optional<std::string> token) {
    auto stub = v1::QueryService::NewStub(channel);
    grpc::ClientContext context;
    v1::GetIndexStatsResponse response;
    return stub->GetIndexStats(token ? WithToken(&context, *token) : WithDeadline(&context), {},
                               &response);
  }

  static grpc::Status Ingest(const std::shared_ptr<grpc::Channel>& channel,
                             std::optional<std::string> token) {
    auto stub = v1::IngestService::NewStub(channel);
    grpc::ClientContext context;
    v1::IngestDocumentRequest request;
    request.mutable_document()->set_content(kDocument);
    request.mutable_document()->set_source_uri("quokka-statement.txt");
    v1::IngestDocumentResponse response;
    return stub->IngestDocument(token ? WithToken(&context, *token) : WithDeadline(&context),
                                request, &response);
  }

  static int64_t CountMatches(const std::shared_ptr<grpc::Channel>& channel,
                              const std::string& text, std::optional<std::string> token) {
    auto stub = v1::QueryService::NewStub(channel);
    grpc::ClientContext context;
    v1::SearchRequest request;
    request.mutable_query()->mutable_match()->set_text(text);
    v1::SearchResponse response;
    grpc::Status status = stub->Search(token ? WithToken(&context, *token) : WithDeadline(&context),
                                       request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response.total_size();
  }

  static fs::path* shared_dir_;
  fs::path work_dir_;
};

fs::path* SecurityTest::shared_dir_ = nullptr;

TEST_F(SecurityTest, WriteRpcsOfTheQueryServiceNeedTheRightToken) {
  ServiceProcess query = StartQuery({"--auth_token_file=" + Path("token")});
  auto channel = Plaintext(query);

  grpc::Status missing = Delete(channel, std::nullopt);
  EXPECT_EQ(missing.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_THAT(missing.error_message(), HasSubstr("authorization: Bearer"));

  grpc::Status malformed = [&] {
    auto stub = v1::IndexService::NewStub(channel);
    grpc::ClientContext context;
    context.AddMetadata("authorization", kToken);  // No "Bearer " scheme.
    v1::DeleteDocumentRequest request;
    request.set_id("x");
    v1::DeleteDocumentResponse response;
    return stub->DeleteDocument(WithDeadline(&context), request, &response);
  }();
  EXPECT_EQ(malformed.error_code(), grpc::StatusCode::UNAUTHENTICATED);

  EXPECT_EQ(Delete(channel, "not-the-token").error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Delete(channel, std::string(kToken) + "x").error_code(),
            grpc::StatusCode::PERMISSION_DENIED);

  // Two authorization headers, the right one first: only the first used to
  // be checked.
  grpc::Status two_headers = [&] {
    auto stub = v1::IndexService::NewStub(channel);
    grpc::ClientContext context;
    context.AddMetadata("authorization", std::string("Bearer ") + kToken);
    context.AddMetadata("authorization", "Bearer not-the-token");
    v1::DeleteDocumentRequest request;
    request.set_id("x");
    v1::DeleteDocumentResponse response;
    return stub->DeleteDocument(WithDeadline(&context), request, &response);
  }();
  EXPECT_EQ(two_headers.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_THAT(two_headers.error_message(), HasSubstr("2 authorization headers"));

  grpc::Status right = Delete(channel, kToken);
  EXPECT_NE(right.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_NE(right.error_code(), grpc::StatusCode::PERMISSION_DENIED);
}

TEST_F(SecurityTest, ReadsAreOpenByDefaultAndHealthAlways) {
  ServiceProcess query = StartQuery({"--auth_token_file=" + Path("token")});
  auto channel = Plaintext(query);

  EXPECT_TRUE(Stats(channel, std::nullopt).ok());

  auto health = grpc::health::v1::Health::NewStub(channel);
  grpc::ClientContext context;
  grpc::health::v1::HealthCheckRequest request;
  request.set_service("docsearch.v1.IndexService");
  grpc::health::v1::HealthCheckResponse response;
  ASSERT_TRUE(health->Check(WithDeadline(&context), request, &response).ok());
  EXPECT_EQ(response.status(), grpc::health::v1::HealthCheckResponse::SERVING);
}

TEST_F(SecurityTest, AuthReadsClosesQueryServiceButNotHealth) {
  ServiceProcess query = StartQuery({"--auth_token_file=" + Path("token"), "--auth_reads"});
  auto channel = Plaintext(query);

  EXPECT_EQ(Stats(channel, std::nullopt).error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(Stats(channel, "wrong").error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_TRUE(Stats(channel, kToken).ok());

  auto health = grpc::health::v1::Health::NewStub(channel);
  grpc::ClientContext context;
  grpc::health::v1::HealthCheckResponse response;
  EXPECT_TRUE(health->Check(WithDeadline(&context), {}, &response).ok());
}

TEST_F(SecurityTest, TokenFromTheEnvironmentProtectsTheIngestService) {
  ServiceProcess query = StartQuery({"--auth_token_file=" + Path("token")});
  // The ingest service takes DOCSEARCH_AUTH_TOKEN and, with no
  // --query_service_token_file, sends the same token to the query service.
  setenv("DOCSEARCH_AUTH_TOKEN", kToken, 1);
  ServiceProcess ingest = StartIngest(query.address(), {});
  unsetenv("DOCSEARCH_AUTH_TOKEN");
  auto channel = Plaintext(ingest);

  EXPECT_EQ(Ingest(channel, std::nullopt).error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(Ingest(channel, "wrong").error_code(), grpc::StatusCode::PERMISSION_DENIED);
  grpc::Status right = Ingest(channel, kToken);
  EXPECT_TRUE(right.ok()) << right.error_message();
  EXPECT_EQ(CountMatches(Plaintext(query), "quokkas", std::nullopt), 1);
}

TEST_F(SecurityTest, IngestServiceWithTheWrongQueryTokenCannotWrite) {
  ServiceProcess query = StartQuery({"--auth_token_file=" + Path("token")});
  ServiceProcess ingest =
      StartIngest(query.address(),
                  {"--auth_token_file=" + Path("token"),
                   "--query_service_token_file=" + Path("wrong_token"), "--max_ingest_wait=2s"});

  // No client deadline, so the ingest service's --max_ingest_wait answers.
  auto stub = v1::IngestService::NewStub(Plaintext(ingest));
  grpc::ClientContext context;
  context.AddMetadata("authorization", absl::StrCat("Bearer ", kToken));
  v1::IngestDocumentRequest request;
  request.mutable_document()->set_content(kDocument);
  v1::IngestDocumentResponse response;
  grpc::Status status = stub->IngestDocument(&context, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_THAT(status.error_message(), HasSubstr("PERMISSION_DENIED"));
  EXPECT_EQ(CountMatches(Plaintext(query), "quokkas", std::nullopt), 0);
}

TEST_F(SecurityTest, TlsEndToEndWithTokenThroughTheIngestService) {
  const std::vector<std::string> tls = {"--tls_cert=" + Path("cert.pem"),
                                        "--tls_key=" + Path("key.pem"),
                                        "--auth_token_file=" + Path("token")};
  ServiceProcess query = StartQuery(tls, TlsCredentials());
  std::vector<std::string> ingest_flags = tls;
  ingest_flags.push_back("--query_service_tls_ca=" + Path("cert.pem"));
  ServiceProcess ingest = StartIngest(query.address(), ingest_flags, TlsCredentials());

  auto ingest_channel = grpc::CreateChannel(ingest.address(), TlsCredentials());
  grpc::Status ingested = Ingest(ingest_channel, kToken);
  ASSERT_TRUE(ingested.ok()) << ingested.error_message();

  auto query_channel = grpc::CreateChannel(query.address(), TlsCredentials());
  EXPECT_EQ(CountMatches(query_channel, "quokkas", std::nullopt), 1);

  // A plaintext client cannot talk to a TLS server at all.
  grpc::Status plaintext = Stats(Plaintext(query), std::nullopt);
  EXPECT_EQ(plaintext.error_code(), grpc::StatusCode::UNAVAILABLE);
}

TEST_F(SecurityTest, CliSendsItsTokenOverTls) {
  const std::vector<std::string> tls = {"--tls_cert=" + Path("cert.pem"),
                                        "--tls_key=" + Path("key.pem"),
                                        "--auth_token_file=" + Path("token")};
  ServiceProcess query = StartQuery(tls, TlsCredentials());
  std::vector<std::string> ingest_flags = tls;
  ingest_flags.push_back("--query_service_tls_ca=" + Path("cert.pem"));
  ServiceProcess ingest = StartIngest(query.address(), ingest_flags, TlsCredentials());
  fs::create_directories(work_dir_ / "corpus");
  WriteFile(work_dir_ / "corpus" / "quokka.txt", kDocument);

  const std::string cli =
      absl::StrCat(DOCSEARCH_CLI_BINARY, " --ingest_service=", ingest.address(),
                   " --query_service=", query.address(), " --tls_ca=", Path("cert.pem"));
  const std::string corpus = (work_dir_ / "corpus").string();

  const auto [without_code, without_output] =
      RunCommand(absl::StrCat("env -u DOCSEARCH_TOKEN ", cli, " ingest ", corpus));
  EXPECT_NE(without_code, 0);
  EXPECT_THAT(without_output, HasSubstr("UNAUTHENTICATED"));

  const auto [file_code, file_output] =
      RunCommand(absl::StrCat(cli, " --token_file=", Path("token"), " ingest ", corpus));
  EXPECT_EQ(file_code, 0) << file_output;

  // DOCSEARCH_TOKEN works as well, here for a read.
  const auto [env_code, env_output] =
      RunCommand(absl::StrCat("DOCSEARCH_TOKEN=", kToken, " ", cli, " --json search quokkas"));
  EXPECT_EQ(env_code, 0) << env_output;
  EXPECT_THAT(env_output, HasSubstr("quokka"));
}

TEST_F(SecurityTest, MaxConcurrentStreamsQueuesCallsBeyondTheLimit) {
  ServiceProcess query = StartQuery({"--max_concurrent_streams=1"});
  auto channel = Plaintext(query);
  ASSERT_TRUE(Stats(channel, std::nullopt).ok());  // Connected, settings exchanged.

  // One open Write stream takes the connection's only stream...
  auto index = v1::IndexService::NewStub(channel);
  grpc::ClientContext stream_context;
  auto stream = index->Write(&stream_context);
  absl::SleepFor(absl::Milliseconds(200));
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Milliseconds(500)));
  v1::GetIndexStatsResponse response;
  EXPECT_EQ(v1::QueryService::NewStub(channel)->GetIndexStats(&context, {}, &response).error_code(),
            grpc::StatusCode::DEADLINE_EXCEEDED);

  // ...and once it ends, calls flow again.
  stream->WritesDone();
  EXPECT_TRUE(stream->Finish().ok());
  EXPECT_TRUE(Stats(channel, std::nullopt).ok());
}

TEST_F(SecurityTest, MalformedSecurityFlagsStopTheServersWithAMessage) {
  const std::string query = DOCSEARCH_QUERY_SERVICE_BINARY;
  const std::string ingest = DOCSEARCH_INGEST_SERVICE_BINARY;
  struct Case {
    std::string command;
    std::string message;
  };
  const Case cases[] = {
      {absl::StrCat(query, " --listen=127.0.0.1:0 --tls_cert=", Path("cert.pem")),
       "--tls_cert and --tls_key go together"},
      {absl::StrCat(ingest, " --listen=127.0.0.1:0 --tls_key=", Path("key.pem")),
       "--tls_cert and --tls_key go together"},
      {absl::StrCat("env -u DOCSEARCH_AUTH_TOKEN ", query, " --listen=127.0.0.1:0 --auth_reads"),
       "--auth_reads needs a token"},
      {absl::StrCat(query, " --listen=127.0.0.1:0 --auth_token_file=", Path("missing")),
       "--auth_token_file: cannot read"},
      {absl::StrCat(query, " --listen=127.0.0.1:0 --tls_cert=", Path("token"),
                    " --tls_key=", Path("key.pem")),
       "holds no PEM block"},
      {absl::StrCat(query, " --listen=127.0.0.1:0 --max_concurrent_streams=-1"),
       "--max_concurrent_streams must be"},
      // An empty token in the environment used to turn authentication off
      // silently, and a two-character token was accepted.
      {absl::StrCat("timeout 10 env DOCSEARCH_AUTH_TOKEN= ", query, " --listen=127.0.0.1:0"),
       "DOCSEARCH_AUTH_TOKEN is set but empty"},
      {absl::StrCat("timeout 10 env DOCSEARCH_AUTH_TOKEN= ", ingest, " --listen=127.0.0.1:0"),
       "DOCSEARCH_AUTH_TOKEN is set but empty"},
      {absl::StrCat("timeout 10 env DOCSEARCH_AUTH_TOKEN=ab ", query, " --listen=127.0.0.1:0"),
       "is 2 characters; a server token needs at least 16"},
      {absl::StrCat("timeout 10 ", query,
                    " --listen=127.0.0.1:0 --auth_token_file=", Path("wrong_token")),
       "is 13 characters; a server token needs at least 16"},
  };
  for (const Case& c : cases) {
    const auto [code, output] = RunCommand(c.command);
    EXPECT_NE(code, 0) << c.command;
    EXPECT_THAT(output, HasSubstr(c.message)) << c.command;
  }
}

// A scoring setting out of its range stops the query service with a
// message, rather than ranking with it.
TEST_F(SecurityTest, AnOtherLanguageWeightOutOfRangeStopsTheQueryService) {
  for (const char* weight : {"0", "-0.5", "1.5"}) {
    const std::string command =
        absl::StrCat("timeout 10 ", DOCSEARCH_QUERY_SERVICE_BINARY,
                     " --listen=127.0.0.1:0 --other_language_weight=", weight);
    const auto [code, output] = RunCommand(command);
    EXPECT_NE(code, 0) << command;
    EXPECT_THAT(output, HasSubstr("--other_language_weight must be in (0, 1]")) << command;
  }
}

TEST_F(SecurityTest, AFunctionWordWeightOutOfRangeStopsTheQueryService) {
  for (const char* weight : {"-0.5", "1.5"}) {
    const std::string command =
        absl::StrCat("timeout 10 ", DOCSEARCH_QUERY_SERVICE_BINARY,
                     " --listen=127.0.0.1:0 --function_word_weight=", weight);
    const auto [code, output] = RunCommand(command);
    EXPECT_NE(code, 0) << command;
    EXPECT_THAT(output, HasSubstr("--function_word_weight must be in [0, 1]")) << command;
  }
}

}  // namespace
}  // namespace docsearch::testing
