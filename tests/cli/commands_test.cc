// The commands against in-process fake services: what is sent over the wire,
// and what the user sees for the answers and for failures.
#include <gmock/gmock.h>
#include <grpcpp/server.h>
#include <grpcpp/server_builder.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "cli/compare_command.h"
#include "cli/explore_commands.h"
#include "cli/ingest_command.h"
#include "cli/search_command.h"
#include "cli/simple_commands.h"
#include "docsearch/v1/ingest_service.grpc.pb.h"
#include "docsearch/v1/query_service.grpc.pb.h"

namespace docsearch::cli {
namespace {

namespace fs = std::filesystem;
namespace v1 = docsearch::v1;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

// Indexes everything except documents containing "reject".
class FakeIngestService final : public v1::IngestService::Service {
 public:
  grpc::Status IngestDocuments(grpc::ServerContext* context,
                               grpc::ServerReader<v1::IngestDocumentsRequest>* reader,
                               v1::IngestDocumentsResponse* response) override {
    v1::IngestDocumentsRequest request;
    int index = 0;
    while (reader->Read(&request)) {
      v1::IngestResult* result = response->add_results();
      result->set_index(index++);
      result->set_source_uri(request.document().source_uri());
      if (absl::StrContains(request.document().content(), "reject")) {
        result->set_code(grpc::StatusCode::INVALID_ARGUMENT);
        result->set_message("document.content has no date line");
        response->set_failed_count(response->failed_count() + 1);
      } else {
        response->set_ingested_count(response->ingested_count() + 1);
      }
      absl::MutexLock lock(&mutex_);
      received_.push_back(request.document());
      had_deadline_ = context->deadline() != std::chrono::system_clock::time_point::max();
    }
    return grpc::Status::OK;
  }

  std::vector<v1::RawDocument> received() {
    absl::MutexLock lock(&mutex_);
    return received_;
  }
  bool had_deadline() {
    absl::MutexLock lock(&mutex_);
    return had_deadline_;
  }

 private:
  absl::Mutex mutex_;
  std::vector<v1::RawDocument> received_ ABSL_GUARDED_BY(mutex_);
  bool had_deadline_ ABSL_GUARDED_BY(mutex_) = false;
};

// Knows one document, "known" (two paragraphs); answers every search with
// one hit, and the comparison RPCs with small fixed answers, except
// FindNearDuplicates, which it does not implement (as a server still
// adding it would).
class FakeQueryService final : public v1::QueryService::Service {
 public:
  grpc::Status Search(grpc::ServerContext*, const v1::SearchRequest* request,
                      v1::SearchResponse* response) override {
    {
      absl::MutexLock lock(&mutex_);
      last_search_ = *request;
      searches_.push_back(*request);
      if (request->collapse_duplicates() && collapse_refusal_.has_value()) {
        return *collapse_refusal_;
      }
    }
    v1::SearchHit* hit = response->add_hits();
    hit->set_id("known");
    hit->set_score(1.5);
    hit->set_title("Known Document");
    if (request->collapse_duplicates()) {
      hit->set_cluster_id("known");
      hit->set_duplicate_count(2);
      hit->add_duplicate_ids("known-mirror-1");
      hit->add_duplicate_ids("known-mirror-2");
    }
    response->set_total_size(1);
    for (const std::string& field : request->facets()) {
      v1::KeywordCount* value = response->add_facets()->add_values();
      response->mutable_facets(response->facets_size() - 1)->set_field(field);
      value->set_value("press_statement");
      value->set_count(1);
    }
    return grpc::Status::OK;
  }

  grpc::Status GetDocument(grpc::ServerContext*, const v1::GetDocumentRequest* request,
                           v1::GetDocumentResponse* response) override {
    if (request->id() != "known") {
      return grpc::Status(grpc::StatusCode::NOT_FOUND,
                          absl::StrCat("no document with id '", request->id(), "'"));
    }
    response->mutable_document()->set_id("known");
    response->mutable_document()->set_title("Known Document");
    response->mutable_document()->add_paragraphs()->set_text("The known first paragraph.");
    response->mutable_document()->add_paragraphs()->set_text("The known second paragraph.");
    return grpc::Status::OK;
  }

  grpc::Status CompareDocuments(grpc::ServerContext*, const v1::CompareDocumentsRequest* request,
                                v1::CompareDocumentsResponse* response) override {
    {
      absl::MutexLock lock(&mutex_);
      last_compare_ = *request;
    }
    response->mutable_a()->set_id(request->a().id());
    response->mutable_a()->set_paragraph_count(2);
    response->mutable_b()->set_id(request->b().id());
    response->mutable_b()->set_paragraph_count(2);
    response->mutable_similarity()->set_cosine(0.5);
    v1::ParagraphPair* pair = response->add_paragraph_pairs();
    pair->set_a_index(1);
    pair->set_b_index(0);
    pair->set_similarity(0.75);
    return grpc::Status::OK;
  }

  grpc::Status FindSimilar(grpc::ServerContext*, const v1::FindSimilarRequest* request,
                           v1::FindSimilarResponse* response) override {
    {
      absl::MutexLock lock(&mutex_);
      last_similar_ = *request;
    }
    v1::SimilarHit* hit = response->add_hits();
    hit->set_id("known");
    hit->set_title("Known Document");
    hit->add_matched_terms("known");
    response->set_total_size(1);
    return grpc::Status::OK;
  }

  grpc::Status TermTrend(grpc::ServerContext*, const v1::TermTrendRequest* request,
                         v1::TermTrendResponse* response) override {
    for (const std::string& term : request->terms()) {
      v1::TermSeries* series = response->add_series();
      series->set_term(term);
      v1::TrendPoint* point = series->add_points();
      point->set_period("2001");
      point->set_documents(2);
      point->set_period_documents(4);
    }
    return grpc::Status::OK;
  }

  // Refuses a query string naming the field "colour", as the server does.
  grpc::Status CompareSets(grpc::ServerContext*, const v1::CompareSetsRequest* request,
                           v1::CompareSetsResponse* response) override {
    {
      absl::MutexLock lock(&mutex_);
      last_sets_ = *request;
    }
    if (absl::StrContains(request->query_string_b(), "colour:")) {
      return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                          "query_string_b: position 1: unknown field 'colour'");
    }
    response->set_documents_a(3);
    response->set_analyzed_a(3);
    response->set_documents_b(4);
    response->set_analyzed_b(4);
    v1::SignificantTerm* term = response->add_phrases_a();
    term->set_text("arms control");
    term->set_key("arm control");
    term->set_documents_a(3);
    term->set_score(9.5);
    return grpc::Status::OK;
  }

  v1::CompareSetsRequest last_sets() {
    absl::MutexLock lock(&mutex_);
    return last_sets_;
  }
  v1::SearchRequest last_search() {
    absl::MutexLock lock(&mutex_);
    return last_search_;
  }
  std::vector<v1::SearchRequest> searches() {
    absl::MutexLock lock(&mutex_);
    return searches_;
  }
  // Searches with collapse_duplicates are then refused with `refusal`, as a
  // coordinator of an older release (UNIMPLEMENTED) or a query service run
  // with --duplicate_clusters=false (FAILED_PRECONDITION) refuses them.
  void RefuseCollapse(grpc::Status refusal) {
    absl::MutexLock lock(&mutex_);
    collapse_refusal_ = std::move(refusal);
  }
  v1::CompareDocumentsRequest last_compare() {
    absl::MutexLock lock(&mutex_);
    return last_compare_;
  }
  v1::FindSimilarRequest last_similar() {
    absl::MutexLock lock(&mutex_);
    return last_similar_;
  }

 private:
  absl::Mutex mutex_;
  v1::SearchRequest last_search_ ABSL_GUARDED_BY(mutex_);
  std::vector<v1::SearchRequest> searches_ ABSL_GUARDED_BY(mutex_);
  std::optional<grpc::Status> collapse_refusal_ ABSL_GUARDED_BY(mutex_);
  v1::CompareDocumentsRequest last_compare_ ABSL_GUARDED_BY(mutex_);
  v1::FindSimilarRequest last_similar_ ABSL_GUARDED_BY(mutex_);
  v1::CompareSetsRequest last_sets_ ABSL_GUARDED_BY(mutex_);
};

class CommandsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    int port = 0;
    grpc::ServerBuilder builder;
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port);
    builder.RegisterService(&ingest_);
    builder.RegisterService(&query_);
    server_ = builder.BuildAndStart();
    ASSERT_NE(server_, nullptr);
    env_.connection.ingest_address = absl::StrCat("127.0.0.1:", port);
    env_.connection.query_address = env_.connection.ingest_address;
    env_.connection.deadline = absl::Seconds(10);
    env_.out = &out_;
    env_.err = &err_;

    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    folder_ =
        fs::path(::testing::TempDir()) / absl::StrCat("commands_", info->name(), "_", getpid());
    fs::remove_all(folder_);
    fs::create_directories(folder_);
  }

  void TearDown() override {
    server_->Shutdown();
    fs::remove_all(folder_);
  }

  std::string Write(const std::string& name, const std::string& content) {
    std::ofstream(folder_ / name, std::ios::binary) << content;
    return (folder_ / name).string();
  }

  FakeIngestService ingest_;
  FakeQueryService query_;
  std::unique_ptr<grpc::Server> server_;
  CommandEnv env_;
  std::ostringstream out_;
  std::ostringstream err_;
  fs::path folder_;
};

TEST_F(CommandsTest, IngestSendsEveryDocumentOfAFolderOverOneStream) {
  Write("a.txt", "A statement");
  Write("b.html", "<p>A page</p>");
  Write("c.jsonl", "{\"title\":\"one\"}\n{\"title\":\"two\"}\n");

  absl::StatusOr<IngestSummary> summary = RunIngest(env_, {.paths = {folder_.string()}});

  ASSERT_TRUE(summary.ok()) << summary.status();
  std::vector<std::string> uris;
  std::vector<v1::ContentType> types;
  for (const v1::RawDocument& document : ingest_.received()) {
    uris.push_back(document.source_uri());
    types.push_back(document.content_type());
  }
  EXPECT_THAT(uris, ElementsAre("a.txt", "b.html", "", ""));
  EXPECT_THAT(types, ElementsAre(v1::CONTENT_TYPE_TEXT, v1::CONTENT_TYPE_HTML,
                                 v1::CONTENT_TYPE_JSON, v1::CONTENT_TYPE_JSON));
  EXPECT_TRUE(ingest_.had_deadline());
  EXPECT_EQ(summary->ingested, 4);
  EXPECT_TRUE(summary->failures.empty());
  EXPECT_THAT(out_.str(), HasSubstr("Ingested 4 of 4 documents from 3 files"));
  EXPECT_EQ(err_.str(), "");  // No progress line when stderr is not a terminal.
}

TEST_F(CommandsTest, IngestReportsServerFailuresByTheirLocalPath) {
  Write("good.txt", "A statement");
  const std::string bad = Write("bad.txt", "reject this");

  absl::StatusOr<IngestSummary> summary = RunIngest(env_, {.paths = {folder_.string()}});

  ASSERT_TRUE(summary.ok()) << summary.status();
  EXPECT_EQ(summary->ingested, 1);
  ASSERT_EQ(summary->failures.size(), 1u);
  EXPECT_EQ(summary->failures[0].path, bad);
  EXPECT_EQ(summary->failures[0].code, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(out_.str(), HasSubstr("1 failed:\n  " + bad +
                                    "  INVALID_ARGUMENT  document.content has no date line\n"));
}

TEST_F(CommandsTest, IngestReportsAFailedJsonLineByItsFileAndLine) {
  const std::string lines = Write("batch.jsonl", "{\"body\":\"fine\"}\n\n{\"body\":\"reject\"}\n");

  absl::StatusOr<IngestSummary> summary = RunIngest(env_, {.paths = {folder_.string()}});

  ASSERT_TRUE(summary.ok()) << summary.status();
  ASSERT_EQ(summary->failures.size(), 1u);
  EXPECT_EQ(summary->failures[0].path, lines + "#3");
}

TEST_F(CommandsTest, IngestReportsLocalFailuresAndStillSendsTheRest) {
  Write("small.txt", "short");
  const std::string big = Write("big.txt", std::string(100, 'x'));
  const std::string missing = (folder_ / "missing").string();

  absl::StatusOr<IngestSummary> summary =
      RunIngest(env_, {.paths = {missing, folder_.string()}, .max_document_bytes = 50});

  ASSERT_TRUE(summary.ok()) << summary.status();
  EXPECT_EQ(ingest_.received().size(), 1u);
  ASSERT_EQ(summary->failures.size(), 2u);
  EXPECT_EQ(summary->failures[0].path, missing);
  EXPECT_EQ(summary->failures[0].code, absl::StatusCode::kNotFound);
  EXPECT_EQ(summary->failures[1].path, big);
  EXPECT_EQ(summary->failures[1].code, absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(summary->failures[1].message, HasSubstr("--max_document_bytes=50"));
}

TEST_F(CommandsTest, IngestWithJsonPrintsOneJsonSummary) {
  Write("a.txt", "A statement");
  env_.json = true;

  ASSERT_TRUE(RunIngest(env_, {.paths = {folder_.string()}}).ok());

  const std::string out = out_.str();
  EXPECT_THAT(out, HasSubstr("{\"files\":1,\"documentsSent\":1,"));
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 1);
}

TEST_F(CommandsTest, UnreachableServiceIsAnErrorNamingItsAddress) {
  Write("a.txt", "A statement");
  env_.connection.ingest_address = "127.0.0.1:1";

  absl::StatusOr<IngestSummary> summary = RunIngest(env_, {.paths = {folder_.string()}});

  EXPECT_EQ(summary.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(std::string(summary.status().message()),
              HasSubstr("ingest service at 127.0.0.1:1; is it running?"));
}

TEST_F(CommandsTest, SearchSendsTheBuiltQueryAndPrintsTheHits) {
  absl::StatusOr<v1::SearchRequest> request =
      BuildSearchRequest({.text = "terrorism", .doc_types = {"press_statement"}});
  ASSERT_TRUE(request.ok());

  ASSERT_TRUE(RunSearch(env_, *request).ok());

  EXPECT_EQ(query_.last_search().query().boolean().filter(0).term().value(), "press_statement");
  EXPECT_THAT(out_.str(), HasSubstr("known  [+2 copies] Known Document\n"));
  EXPECT_THAT(out_.str(), HasSubstr("1 shown of 1 match"));
}

TEST_F(CommandsTest, SearchWithJsonPrintsTheResponseAsOneJsonObject) {
  env_.json = true;

  ASSERT_TRUE(RunSearch(env_, *BuildSearchRequest({.text = "x"})).ok());

  EXPECT_THAT(out_.str(), HasSubstr("\"hits\":[{\"id\":\"known\",\"score\":1.5,"));
  EXPECT_THAT(out_.str(), HasSubstr("\"totalSize\":\"1\""));
}

TEST_F(CommandsTest, SearchCollapsesCopiesByDefaultAndShowsTheirCount) {
  ASSERT_TRUE(RunSearch(env_, *BuildSearchRequest({.query_string = "riga summit"}),
                        CollapseFallback::kRetryWithoutCollapse)
                  .ok());

  ASSERT_EQ(query_.searches().size(), 1u);
  EXPECT_TRUE(query_.last_search().collapse_duplicates());
  EXPECT_THAT(out_.str(), HasSubstr("[+2 copies] Known Document"));
  EXPECT_EQ(err_.str(), "");
}

TEST_F(CommandsTest, SearchAgainstAnOlderCoordinatorFallsBackToEveryCopyAndSaysSoInOneLine) {
  query_.RefuseCollapse(grpc::Status(
      grpc::StatusCode::UNIMPLEMENTED,
      "collapse_duplicates is served by a single query service, not by a cluster coordinator"));

  ASSERT_TRUE(RunSearch(env_, *BuildSearchRequest({.query_string = "riga summit"}),
                        CollapseFallback::kRetryWithoutCollapse)
                  .ok());

  const std::vector<v1::SearchRequest> searches = query_.searches();
  ASSERT_EQ(searches.size(), 2u);
  EXPECT_TRUE(searches[0].collapse_duplicates());
  EXPECT_FALSE(searches[1].collapse_duplicates());
  EXPECT_EQ(searches[1].query_string(), "riga summit");
  EXPECT_THAT(out_.str(), HasSubstr("known  Known Document\n"));
  EXPECT_THAT(out_.str(), Not(HasSubstr("copies]")));
  EXPECT_THAT(err_.str(), HasSubstr("UNIMPLEMENTED"));
  const std::string note = err_.str();
  EXPECT_EQ(std::count(note.begin(), note.end(), '\n'), 1);
}

TEST_F(CommandsTest, SearchWithJsonFallsBackWithTheNoteOnStderrOnly) {
  env_.json = true;
  query_.RefuseCollapse(
      grpc::Status(grpc::StatusCode::FAILED_PRECONDITION,
                   "collapse_duplicates needs the near-duplicate clusters kept on ingest; this "
                   "server runs with --duplicate_clusters=false"));

  ASSERT_TRUE(
      RunSearch(env_, *BuildSearchRequest({.text = "x"}), CollapseFallback::kRetryWithoutCollapse)
          .ok());

  EXPECT_THAT(out_.str(), HasSubstr("\"hits\":[{\"id\":\"known\""));
  const std::string json = out_.str();
  EXPECT_EQ(std::count(json.begin(), json.end(), '\n'), 1);
  EXPECT_THAT(err_.str(), HasSubstr("FAILED_PRECONDITION"));
}

TEST_F(CommandsTest, SearchWithCollapseTypedPassesTheRefusalThrough) {
  query_.RefuseCollapse(grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "not by a coordinator"));

  const absl::Status status =
      RunSearch(env_, *BuildSearchRequest({.text = "x"}), CollapseFallback::kNone);

  EXPECT_EQ(status.code(), absl::StatusCode::kUnimplemented);
  EXPECT_EQ(query_.searches().size(), 1u);
  EXPECT_EQ(out_.str(), "");
}

TEST_F(CommandsTest, SearchWithNocollapseAsksForEveryCopy) {
  query_.RefuseCollapse(grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "not by a coordinator"));

  ASSERT_TRUE(RunSearch(env_, *BuildSearchRequest({.text = "x", .collapse = false}),
                        CollapseFallback::kRetryWithoutCollapse)
                  .ok());

  ASSERT_EQ(query_.searches().size(), 1u);
  EXPECT_FALSE(query_.last_search().collapse_duplicates());
  EXPECT_EQ(err_.str(), "");
}

TEST_F(CommandsTest, GetPrintsTheDocument) {
  ASSERT_TRUE(RunGet(env_, "known").ok());

  EXPECT_THAT(out_.str(), HasSubstr("Title         Known Document\n"));
}

TEST_F(CommandsTest, GetOfAnUnknownIdPassesTheServersNotFoundThrough) {
  const absl::Status status = RunGet(env_, "nope");

  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(status.message(), "no document with id 'nope'");
  EXPECT_EQ(out_.str(), "");
}

TEST_F(CommandsTest, ParseOfAMissingFileFailsBeforeAnyCall) {
  const absl::Status status = RunParse(env_, (folder_ / "missing.txt").string());

  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound);
}

TEST_F(CommandsTest, SearchWithAQueryStringSendsItAndPrintsTheFacets) {
  absl::StatusOr<v1::SearchRequest> request =
      BuildSearchRequest({.query_string = "title:russia -doc_type:speech", .facets = {"doc_type"}});
  ASSERT_TRUE(request.ok());

  ASSERT_TRUE(RunSearch(env_, *request).ok());

  EXPECT_EQ(query_.last_search().query_string(), "title:russia -doc_type:speech");
  EXPECT_FALSE(query_.last_search().has_query());
  EXPECT_THAT(out_.str(), HasSubstr("\ndoc_type\n  press_statement  1\n"));
}

TEST_F(CommandsTest, CompareSendsBothIdsAndShowsParagraphsReadWithGetDocument) {
  ASSERT_TRUE(RunCompare(env_, {.id_a = "known", .id_b = "other"}).ok());

  EXPECT_EQ(query_.last_compare().a().id(), "known");
  EXPECT_EQ(query_.last_compare().b().id(), "other");
  // A's paragraphs come from GetDocument; "other" is unknown there, so B
  // shows its index only.
  EXPECT_THAT(out_.str(), HasSubstr("  0.75  A[1]  The known second paragraph.\n"
                                    "        B[0]\n"));
}

TEST_F(CommandsTest, CompareWithTextSendsTheFileAndShowsItsParagraphs) {
  const std::string path = Write("notes.txt", "My first paragraph.\n\nMy second.\n");

  ASSERT_TRUE(RunCompare(env_, {.id_a = "known", .text_path = path}).ok());

  EXPECT_EQ(query_.last_compare().b().text(), "My first paragraph.\n\nMy second.\n");
  EXPECT_THAT(out_.str(), HasSubstr("B  text " + path + "\n"));
  EXPECT_THAT(out_.str(), HasSubstr("        B[0]  My first paragraph.\n"));
}

TEST_F(CommandsTest, CompareWithAMissingTextFileFailsBeforeAnyCall) {
  const absl::Status status =
      RunCompare(env_, {.id_a = "known", .text_path = (folder_ / "missing.txt").string()});

  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound);
  EXPECT_FALSE(query_.last_compare().has_a());
}

TEST_F(CommandsTest, CompareWithJsonPrintsTheResponseAsOneJsonObject) {
  env_.json = true;

  ASSERT_TRUE(RunCompare(env_, {.id_a = "known", .id_b = "other"}).ok());

  const std::string out = out_.str();
  EXPECT_THAT(out, HasSubstr("\"paragraphPairs\":[{\"aIndex\":1,\"bIndex\":0,"));
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 1);
}

TEST_F(CommandsTest, SimilarSendsTheSourceAndFiltersAndPrintsTheHits) {
  ASSERT_TRUE(RunSimilar(env_, {.id = "known", .filter = {.doc_types = {"speech"}}}).ok());

  EXPECT_EQ(query_.last_similar().like().id(), "known");
  EXPECT_EQ(query_.last_similar().filter().term().value(), "speech");
  EXPECT_THAT(out_.str(), HasSubstr("     matched: known\n"));
}

TEST_F(CommandsTest, SimilarWithTextSendsTheFilesContent) {
  const std::string path = Write("notes.txt", "free text");

  ASSERT_TRUE(RunSimilar(env_, {.text_path = path}).ok());

  EXPECT_EQ(query_.last_similar().like().text(), "free text");
  EXPECT_THAT(out_.str(), HasSubstr("Like text " + path + "\n"));
}

TEST_F(CommandsTest, TrendPrintsATablePerTerm) {
  ASSERT_TRUE(RunTrend(env_, {.terms = {"terrorism", "missile defence"}}).ok());

  EXPECT_THAT(out_.str(), HasSubstr("\"terrorism\"\n"));
  EXPECT_THAT(out_.str(), HasSubstr("\"missile defence\"\n  PERIOD  DOCS  OF  OCCURRENCES\n"
                                    "  2001       2   4            0  " +
                                    std::string(40, '#') + "\n"));
}

TEST_F(CommandsTest, DuplicatesPassesAnUnimplementedRpcThrough) {
  const absl::Status status = RunDuplicates(env_, {.id = "known"});

  EXPECT_EQ(status.code(), absl::StatusCode::kUnimplemented);
  EXPECT_EQ(out_.str(), "");
}

TEST_F(CommandsTest, SetsSendsBothQueryStringsAndPrintsTheTypicalPhrases) {
  ASSERT_TRUE(RunSets(env_, {.query_a = "published:[* TO 2001-12-31]",
                             .query_b = "published:[2003-01-01 TO *]",
                             .top = 5})
                  .ok());

  EXPECT_EQ(query_.last_sets().query_string_a(), "published:[* TO 2001-12-31]");
  EXPECT_EQ(query_.last_sets().query_string_b(), "published:[2003-01-01 TO *]");
  EXPECT_EQ(query_.last_sets().max_terms(), 5);
  EXPECT_THAT(out_.str(), HasSubstr("A: published:[* TO 2001-12-31]\n   3 documents\n"));
  EXPECT_THAT(out_.str(), HasSubstr("Phrases typical of A\n  SCORE  DOCS A  DOCS B  TEXT\n"
                                    "    9.5       3       0  arms control\n"));
}

TEST_F(CommandsTest, SetsWithJsonPrintsTheResponseAsOneJsonObject) {
  env_.json = true;
  ASSERT_TRUE(RunSets(env_, {.query_a = "russia", .query_b = "NOT russia"}).ok());

  const std::string out = out_.str();
  EXPECT_THAT(out, HasSubstr("\"phrasesA\":[{\"text\":\"arms control\""));
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 1);
}

TEST_F(CommandsTest, SetsPassesTheServersQueryStringErrorThrough) {
  const absl::Status status = RunSets(env_, {.query_a = "russia", .query_b = "colour:red"});

  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(status.message()), HasSubstr("query_string_b: position 1"));
  EXPECT_EQ(out_.str(), "");
}

}  // namespace
}  // namespace docsearch::cli
