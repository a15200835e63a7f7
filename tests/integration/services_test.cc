// End-to-end behaviour of the two real service binaries over gRPC on
// loopback: ingest → search → get, errors users can act on, retries while
// the query service is away, durability across a kill -9, health and
// graceful shutdown.
#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <signal.h>
#include <sys/wait.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "docsearch/v1/ingest_service.grpc.pb.h"
#include "docsearch/v1/query_service.grpc.pb.h"
#include "gmock/gmock.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "gtest/gtest.h"
#include "tests/integration/service_process.h"

namespace docsearch::testing {
namespace {

using ::docsearch::v1::IngestDocumentRequest;
using ::docsearch::v1::IngestDocumentResponse;
using ::docsearch::v1::SearchRequest;
using ::docsearch::v1::SearchResponse;
using ::testing::HasSubstr;

constexpr char kStatement2001[] = "2001-12-07-nato-russia-joint-statement";
constexpr char kUpdate2003[] = "2003-12-04-nato-update-new-spirit-of-cooperation";

std::string ReadSample(const std::string& name) {
  std::ifstream in(absl::StrCat(DOCSEARCH_SAMPLES_DIR, "/", name, ".txt"), std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

grpc::ClientContext* WithDeadline(grpc::ClientContext* context, absl::Duration timeout) {
  context->set_deadline(absl::ToChronoTime(absl::Now() + timeout));
  return context;
}

class ServicesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    work_dir_ = ::testing::TempDir() + "/services_test_" + std::to_string(getpid()) + "_" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::filesystem::remove_all(work_dir_);
    std::filesystem::create_directories(work_dir_);
    StartQueryService();
    StartIngestService(query_->address());
  }

  void TearDown() override { std::filesystem::remove_all(work_dir_); }

  void StartQueryService() {
    auto process = ServiceProcess::Start(
        DOCSEARCH_QUERY_SERVICE_BINARY,
        {"--listen=127.0.0.1:0", "--data_dir=" + work_dir_ + "/data", "--max_page_size=50"},
        work_dir_);
    ASSERT_TRUE(process.ok()) << process.status();
    query_.emplace(*std::move(process));
    query_stub_ = v1::QueryService::NewStub(
        grpc::CreateChannel(query_->address(), grpc::InsecureChannelCredentials()));
  }

  void StartIngestService(const std::string& query_address) {
    auto process = ServiceProcess::Start(
        DOCSEARCH_INGEST_SERVICE_BINARY,
        {"--listen=127.0.0.1:0", "--query_service=" + query_address}, work_dir_);
    ASSERT_TRUE(process.ok()) << process.status();
    ingest_.emplace(*std::move(process));
    ingest_stub_ = v1::IngestService::NewStub(
        grpc::CreateChannel(ingest_->address(), grpc::InsecureChannelCredentials()));
  }

  grpc::Status Ingest(const std::string& sample, absl::Duration timeout = absl::Seconds(20)) {
    IngestDocumentRequest request;
    request.mutable_document()->set_content(ReadSample(sample));
    request.mutable_document()->set_source_uri(sample + ".txt");
    IngestDocumentResponse response;
    grpc::ClientContext context;
    return ingest_stub_->IngestDocument(WithDeadline(&context, timeout), request, &response);
  }

  grpc::Status Search(const SearchRequest& request, SearchResponse* response) {
    grpc::ClientContext context;
    return query_stub_->Search(WithDeadline(&context, absl::Seconds(10)), request, response);
  }

  static SearchRequest MatchRequest(const std::string& text) {
    SearchRequest request;
    request.mutable_query()->mutable_match()->set_text(text);
    return request;
  }

  std::string work_dir_;
  std::optional<ServiceProcess> query_;
  std::optional<ServiceProcess> ingest_;
  std::unique_ptr<v1::QueryService::Stub> query_stub_;
  std::unique_ptr<v1::IngestService::Stub> ingest_stub_;
};

TEST_F(ServicesTest, FindsTheSeedStatementsByTypedSearch) {
  ASSERT_TRUE(Ingest(kStatement2001).ok());
  ASSERT_TRUE(Ingest(kUpdate2003).ok());

  // terrorism, filtered to press statements: the 2001 joint statement.
  SearchRequest terrorism;
  auto* boolean = terrorism.mutable_query()->mutable_boolean();
  boolean->add_must()->mutable_match()->set_text("terrorism");
  auto* type = boolean->add_filter()->mutable_term();
  type->set_field("doc_type");
  type->set_value("press_statement");
  SearchResponse response;
  ASSERT_TRUE(Search(terrorism, &response).ok());
  ASSERT_EQ(response.hits_size(), 1);
  EXPECT_EQ(response.hits(0).id(), kStatement2001);
  EXPECT_EQ(response.total_size(), 1);
  ASSERT_GT(response.hits(0).snippets_size(), 0);
  const auto& snippet = response.hits(0).snippets(0);
  ASSERT_GT(snippet.highlights_size(), 0);
  EXPECT_EQ(absl::AsciiStrToLower(
                snippet.text().substr(snippet.highlights(0).start(),
                                      snippet.highlights(0).end() - snippet.highlights(0).start())),
            "terrorism");

  // "airspace management" only appears in the 2003 update.
  response.Clear();
  ASSERT_TRUE(Search(MatchRequest("airspace management"), &response).ok());
  ASSERT_GE(response.hits_size(), 1);
  EXPECT_EQ(response.hits(0).id(), kUpdate2003);

  // A date range keeps only 2003.
  SearchRequest in_2003;
  auto* range = in_2003.mutable_query()->mutable_range();
  range->set_field("published");
  range->set_gte("2003");
  range->set_lte("2003-12");
  response.Clear();
  ASSERT_TRUE(Search(in_2003, &response).ok());
  ASSERT_EQ(response.hits_size(), 1);
  EXPECT_EQ(response.hits(0).id(), kUpdate2003);

  // The stored document comes back whole.
  v1::GetDocumentRequest get;
  get.set_id(kStatement2001);
  v1::GetDocumentResponse document;
  grpc::ClientContext context;
  ASSERT_TRUE(query_stub_->GetDocument(&context, get, &document).ok());
  EXPECT_EQ(document.document().title(), "NATO-Russia Joint Statement");
  EXPECT_EQ(document.document().published().year(), 2001);
  EXPECT_EQ(document.document().paragraphs_size(), 4);
}

// A scrape glued two blocks together ("consultésL'Alliance"): the word
// before the joint is found, highlighted and stored with its space back.
TEST_F(ServicesTest, AWordGluedByTheScrapeIsFoundOnItsOwn) {
  IngestDocumentRequest request;
  request.mutable_document()->set_content(
      "Déclaration du porte-parole\n\n"
      "Les Alliés ont été consultésL'Alliance restera vigilante face à la situation dans la "
      "région et appelle toutes les parties au calme.\n");
  request.mutable_document()->set_source_uri("glued.txt");
  IngestDocumentResponse ingested;
  grpc::ClientContext ingest_context;
  ASSERT_TRUE(
      ingest_stub_
          ->IngestDocument(WithDeadline(&ingest_context, absl::Seconds(20)), request, &ingested)
          .ok());

  SearchResponse response;
  ASSERT_TRUE(Search(MatchRequest("consultés"), &response).ok());
  ASSERT_EQ(response.hits_size(), 1);
  ASSERT_GT(response.hits(0).snippets_size(), 0);
  const auto& snippet = response.hits(0).snippets(0);
  ASSERT_GT(snippet.highlights_size(), 0);
  EXPECT_EQ(snippet.text().substr(snippet.highlights(0).start(),
                                  snippet.highlights(0).end() - snippet.highlights(0).start()),
            "consultés");

  v1::GetDocumentRequest get;
  get.set_id(response.hits(0).id());
  v1::GetDocumentResponse document;
  grpc::ClientContext context;
  ASSERT_TRUE(query_stub_->GetDocument(&context, get, &document).ok());
  ASSERT_GT(document.document().paragraphs_size(), 0);
  EXPECT_THAT(document.document().paragraphs(0).text(), HasSubstr("consultés L'Alliance"));
}

TEST_F(ServicesTest, PagesThroughResultsWithOpaqueTokens) {
  ASSERT_TRUE(Ingest(kStatement2001).ok());
  ASSERT_TRUE(Ingest(kUpdate2003).ok());
  SearchRequest request = MatchRequest("NATO Russia cooperation");
  request.set_page_size(1);
  SearchResponse first;
  ASSERT_TRUE(Search(request, &first).ok());
  ASSERT_EQ(first.hits_size(), 1);
  EXPECT_EQ(first.total_size(), 2);
  ASSERT_FALSE(first.next_page_token().empty());

  request.set_page_token(first.next_page_token());
  SearchResponse second;
  ASSERT_TRUE(Search(request, &second).ok());
  ASSERT_EQ(second.hits_size(), 1);
  EXPECT_NE(second.hits(0).id(), first.hits(0).id());
  EXPECT_TRUE(second.next_page_token().empty());

  // The token belongs to its query.
  SearchRequest other = MatchRequest("terrorism");
  other.set_page_token(first.next_page_token());
  SearchResponse ignored;
  grpc::Status status = Search(other, &ignored);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("page_token"));
}

TEST_F(ServicesTest, RejectsBadInputWithTheFieldAtFault) {
  // Empty document.
  IngestDocumentRequest empty;
  IngestDocumentResponse ingested;
  grpc::ClientContext ingest_context;
  grpc::Status status = ingest_stub_->IngestDocument(&ingest_context, empty, &ingested);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("content"));

  SearchResponse response;
  // Unknown field in a filter.
  SearchRequest unknown_field;
  auto* term = unknown_field.mutable_query()->mutable_boolean()->add_filter()->mutable_term();
  term->set_field("colour");
  term->set_value("red");
  status = Search(unknown_field, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("colour"));
  EXPECT_THAT(status.error_message(), HasSubstr("query.boolean.filter[0].term.field"));

  // page_size over the server's limit (50 here).
  SearchRequest too_big = MatchRequest("nato");
  too_big.set_page_size(51);
  status = Search(too_big, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("page_size"));

  // Malformed page token.
  SearchRequest bad_token = MatchRequest("nato");
  bad_token.set_page_token("!!not-a-token!!");
  status = Search(bad_token, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("page_token"));

  // A range on a text field, and a bad date.
  SearchRequest wrong_kind;
  wrong_kind.mutable_query()->mutable_range()->set_field("title");
  status = Search(wrong_kind, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("'title' is a text field"));
  SearchRequest bad_date;
  bad_date.mutable_query()->mutable_range()->set_field("published");
  bad_date.mutable_query()->mutable_range()->set_gte("7 Dec 2001");
  status = Search(bad_date, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("query.range.gte"));

  // No query at all.
  status = Search(SearchRequest(), &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);

  // A missing document.
  v1::GetDocumentRequest get;
  get.set_id("no-such-document");
  v1::GetDocumentResponse document;
  grpc::ClientContext get_context;
  status = query_stub_->GetDocument(&get_context, get, &document);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
}

TEST_F(ServicesTest, StreamsManyDocumentsAndReportsEachOutcome) {
  v1::IngestDocumentsResponse response;
  grpc::ClientContext context;
  auto stream = ingest_stub_->IngestDocuments(WithDeadline(&context, absl::Seconds(30)), &response);
  for (const char* sample : {kStatement2001, kUpdate2003}) {
    v1::IngestDocumentsRequest request;
    request.mutable_document()->set_content(ReadSample(sample));
    request.mutable_document()->set_source_uri(absl::StrCat(sample, ".txt"));
    ASSERT_TRUE(stream->Write(request));
  }
  v1::IngestDocumentsRequest empty;  // One bad document does not fail the stream.
  ASSERT_TRUE(stream->Write(empty));
  stream->WritesDone();
  ASSERT_TRUE(stream->Finish().ok());
  EXPECT_EQ(response.ingested_count(), 2);
  EXPECT_EQ(response.failed_count(), 1);
  ASSERT_EQ(response.results_size(), 3);
  EXPECT_EQ(response.results(0).id(), kStatement2001);
  EXPECT_EQ(response.results(2).code(), static_cast<int>(grpc::StatusCode::INVALID_ARGUMENT));

  v1::GetIndexStatsResponse stats;
  grpc::ClientContext stats_context;
  ASSERT_TRUE(query_stub_->GetIndexStats(&stats_context, {}, &stats).ok());
  EXPECT_EQ(stats.document_count(), 2);
}

// Regression: a stream used to Finish while holding its own mutex, so the
// OnDone that deletes it could run on another thread first, and the ingest
// service aborted ("Mutex unlocked when destroyed"). Many short streams at
// once, each finishing on the acknowledgement thread, make that race likely.
TEST_F(ServicesTest, ManyShortConcurrentStreamsAllFinishAndTheServiceStaysUp) {
  const std::string content = ReadSample(kStatement2001);
  constexpr int kThreads = 6;
  constexpr int kStreamsPerThread = 40;
  std::atomic<int> ok_streams{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kStreamsPerThread; ++i) {
        v1::IngestDocumentsResponse response;
        grpc::ClientContext context;
        auto stream =
            ingest_stub_->IngestDocuments(WithDeadline(&context, absl::Seconds(30)), &response);
        v1::IngestDocumentsRequest request;
        // A distinct id per stream, so each is a real write to acknowledge.
        request.mutable_document()->set_content(
            absl::StrCat(content, "\n\nStream marker ", t, "-", i, ".\n"));
        request.mutable_document()->set_source_uri(absl::StrCat("stream-", t, "-", i, ".txt"));
        if (!stream->Write(request)) continue;
        stream->WritesDone();
        if (stream->Finish().ok() && response.ingested_count() == 1) ++ok_streams;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(ok_streams.load(), kThreads * kStreamsPerThread);
  EXPECT_TRUE(Ingest(kUpdate2003).ok()) << "the ingest service no longer answers";
}

// SIGTERM while a client is still streaming: the stream stops reading and
// answers with the outcome of every document it read (and says it stopped),
// instead of being cut off with UNAVAILABLE and no results after the grace.
TEST_F(ServicesTest, SigtermDuringAStreamAnswersWithTheResultsOfWhatWasRead) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  v1::IngestDocumentsResponse response;
  auto stream = ingest_stub_->IngestDocuments(&context, &response);
  for (const char* sample : {kStatement2001, kUpdate2003}) {
    v1::IngestDocumentsRequest request;
    request.mutable_document()->set_content(ReadSample(sample));
    request.mutable_document()->set_source_uri(absl::StrCat(sample, ".txt"));
    ASSERT_TRUE(stream->Write(request));
  }
  // Both stored: the stream is now just open, as a long upload would be.
  const absl::Time deadline = absl::Now() + absl::Seconds(10);
  int64_t stored = 0;
  while (absl::Now() < deadline && stored < 2) {
    grpc::ClientContext stats_context;
    v1::GetIndexStatsResponse stats;
    if (query_stub_->GetIndexStats(&stats_context, {}, &stats).ok())
      stored = stats.document_count();
    if (stored < 2) absl::SleepFor(absl::Milliseconds(50));
  }
  ASSERT_EQ(stored, 2);

  ASSERT_EQ(kill(ingest_->pid(), SIGTERM), 0);
  const absl::Time signalled = absl::Now();
  const grpc::Status status = stream->Finish();
  std::cout << "stream answered " << absl::Now() - signalled << " after SIGTERM\n";
  ASSERT_TRUE(status.ok()) << status.error_code() << " " << status.error_message();
  EXPECT_TRUE(response.stopped_reading());
  EXPECT_EQ(response.ingested_count(), 2);
  ASSERT_EQ(response.results_size(), 2);
  EXPECT_EQ(response.results(0).id(), kStatement2001);
  EXPECT_EQ(response.results(1).code(), 0) << response.results(1).message();
  absl::StatusOr<int> exit = ingest_->Stop(SIGTERM, absl::Seconds(15));
  ASSERT_TRUE(exit.ok()) << exit.status();
  EXPECT_TRUE(WIFEXITED(*exit) && WEXITSTATUS(*exit) == 0);
}

TEST_F(ServicesTest, AcknowledgedDocumentsSurviveKillNine) {
  ASSERT_TRUE(Ingest(kStatement2001).ok());
  ASSERT_TRUE(query_->Stop(SIGKILL, absl::Seconds(10)).ok());
  query_.reset();
  StartQueryService();  // Same data_dir: recovery replays the log.
  v1::GetDocumentRequest get;
  get.set_id(kStatement2001);
  v1::GetDocumentResponse document;
  grpc::ClientContext context;
  ASSERT_TRUE(query_stub_->GetDocument(&context, get, &document).ok());
  EXPECT_EQ(document.document().title(), "NATO-Russia Joint Statement");
}

TEST_F(ServicesTest, IngestAnswersUnavailableWhenTheQueryServiceStaysDown) {
  ASSERT_TRUE(query_->Stop(SIGKILL, absl::Seconds(10)).ok());
  query_.reset();
  const absl::Time started = absl::Now();
  grpc::Status status = Ingest(kStatement2001, absl::Seconds(2));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE) << status.error_message();
  EXPECT_LT(absl::Now() - started, absl::Seconds(5));
}

TEST_F(ServicesTest, IngestRetriesUntilTheQueryServiceComesBack) {
  // Restart the query service on a known port after a pause, while an
  // ingest call is waiting.
  const int port = query_->port();
  ASSERT_TRUE(query_->Stop(SIGKILL, absl::Seconds(10)).ok());
  query_.reset();
  grpc::Status status;
  std::thread caller([&] { status = Ingest(kStatement2001, absl::Seconds(20)); });
  absl::SleepFor(absl::Seconds(1));
  auto process = ServiceProcess::Start(
      DOCSEARCH_QUERY_SERVICE_BINARY,
      {absl::StrCat("--listen=127.0.0.1:", port), "--data_dir=" + work_dir_ + "/data"}, work_dir_);
  ASSERT_TRUE(process.ok()) << process.status();
  query_.emplace(*std::move(process));
  caller.join();
  EXPECT_TRUE(status.ok()) << status.error_message();
  query_stub_ = v1::QueryService::NewStub(
      grpc::CreateChannel(query_->address(), grpc::InsecureChannelCredentials()));
  SearchResponse response;
  ASSERT_TRUE(Search(MatchRequest("terrorism"), &response).ok());
  EXPECT_EQ(response.total_size(), 1);
}

// The nice value of each of `pid`'s threads named `name` (/proc/PID/task).
std::vector<int> NiceOfThreadsNamed(pid_t pid, const std::string& name) {
  std::vector<int> nice;
  for (const auto& task :
       std::filesystem::directory_iterator(absl::StrCat("/proc/", pid, "/task"))) {
    std::ifstream comm(task.path() / "comm");
    std::string comm_name;
    std::getline(comm, comm_name);
    if (comm_name != name) continue;
    // "tid (comm) state ...": nice is field 19, the 17th after "(comm)".
    std::ifstream stat_file(task.path() / "stat");
    std::stringstream stat;
    stat << stat_file.rdbuf();
    const std::string text = stat.str();
    std::vector<std::string> fields =
        absl::StrSplit(text.substr(text.rfind(')') + 2), ' ', absl::SkipEmpty());
    if (fields.size() > 16) nice.push_back(std::stoi(fields[16]));
  }
  return nice;
}

// Writes and merges are background work: on a busy machine the kernel gives
// the threads that answer searches the CPU first (`ps -L -o tid,comm,nice`
// shows them), and a write still answers and is found.
TEST_F(ServicesTest, WritesAndMergesRunOnNamedThreadsNicerThanSearches) {
  ASSERT_TRUE(Ingest(kStatement2001).ok());
  SearchResponse response;
  ASSERT_TRUE(Search(MatchRequest("terrorism"), &response).ok());
  EXPECT_EQ(response.total_size(), 1);
  const std::vector<int> main_thread = NiceOfThreadsNamed(query_->pid(), "query_service");
  ASSERT_FALSE(main_thread.empty());
  const int searches = main_thread.front();
  // --write_threads=4 and --write_nice=5 by default; merges run at +10.
  // Each thread names itself when it first runs: wait for that, boundedly.
  std::vector<int> writers, mergers;
  for (int attempt = 0; attempt < 100; ++attempt) {
    writers = NiceOfThreadsNamed(query_->pid(), "docsearch-write");
    mergers = NiceOfThreadsNamed(query_->pid(), "docsearch-merge");
    if (writers.size() == 4 && mergers.size() == 1) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  // The kernel caps nice at 19: a suite itself run under `nice` sees the
  // background threads stop there.
  constexpr int kNicest = 19;
  EXPECT_THAT(writers, ::testing::Each(std::min(searches + 5, kNicest)));
  EXPECT_EQ(writers.size(), 4u);
  EXPECT_THAT(mergers, ::testing::ElementsAre(std::min(searches + 10, kNicest)));
}

TEST_F(ServicesTest, ReportsHealthAndStopsCleanlyOnSigterm) {
  for (const ServiceProcess* process : {&*query_, &*ingest_}) {
    auto health = grpc::health::v1::Health::NewStub(
        grpc::CreateChannel(process->address(), grpc::InsecureChannelCredentials()));
    grpc::health::v1::HealthCheckRequest request;
    grpc::health::v1::HealthCheckResponse response;
    grpc::ClientContext context;
    ASSERT_TRUE(health->Check(&context, request, &response).ok());
    EXPECT_EQ(response.status(), grpc::health::v1::HealthCheckResponse::SERVING);
  }
  for (ServiceProcess* process : {&*ingest_, &*query_}) {
    absl::StatusOr<int> status = process->Stop(SIGTERM, absl::Seconds(10));
    ASSERT_TRUE(status.ok()) << status.status();
    EXPECT_TRUE(WIFEXITED(*status));
    EXPECT_EQ(WEXITSTATUS(*status), 0);
  }
}

}  // namespace
}  // namespace docsearch::testing
