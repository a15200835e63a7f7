// `docsearch search` collapses near-duplicate copies by default, on the real
// binaries: the copies of the Riga Summit Declaration in the development set
// show as one hit with "[+N copies]"; --nocollapse lists every copy; a query
// service that keeps no clusters (--duplicate_clusters=false, which refuses
// collapse_duplicates with FAILED_PRECONDITION, as a coordinator whose
// replicas keep none does) gets the search again without collapse and
// the user one line saying so, while a typed --collapse makes the refusal
// the answer.
#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/integration/service_process.h"

namespace docsearch::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

// Five renderings of the Riga Summit Declaration (one near-duplicate cluster)
// and two documents of other texts.
const std::vector<std::string> kFiles = {
    "pr-2006-p06-150e.txt",         "pr-2006-p06-150e_v2.txt",
    "auscity-20061129110504.txt",   "scribd-Riga-Summit-Declaration.txt",
    "cps-official_texts_37920.txt", "pr-2001-p01-171e.txt",
    "pr-2003-p03-147e.txt"};

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream content;
  content << in.rdbuf();
  return content.str();
}

struct CliResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

class CliSearchCollapse : public ::testing::Test {
 protected:
  void SetUp() override {
    const fs::path corpus = fs::path(DOCSEARCH_SHARED_CORPUS) / "nato-dev" / "docs";
    if (!fs::is_directory(corpus)) {
      GTEST_SKIP() << "development corpus absent (" << corpus.string() << ")";
    }
    work_dir_ = absl::StrCat(::testing::TempDir(), "/cli_search_collapse_", getpid());
    fs::remove_all(work_dir_);
    fs::create_directories(fs::path(work_dir_) / "docs");
    for (const std::string& file : kFiles) {
      fs::copy_file(corpus / file, fs::path(work_dir_) / "docs" / file);
    }
  }
  void TearDown() override {
    ingest_.reset();
    query_.reset();
    if (!work_dir_.empty()) fs::remove_all(work_dir_);
  }

  // A query service with `query_flags` and an ingest service in front of it,
  // the documents ingested through the CLI.
  void StartAndIngest(const std::vector<std::string>& query_flags) {
    std::vector<std::string> arguments = {"--listen=127.0.0.1:0",
                                          "--data_dir=" + work_dir_ + "/data"};
    arguments.insert(arguments.end(), query_flags.begin(), query_flags.end());
    auto query = ServiceProcess::Start(DOCSEARCH_QUERY_SERVICE_BINARY, arguments, work_dir_);
    ASSERT_TRUE(query.ok()) << query.status();
    query_.emplace(*std::move(query));
    auto ingest = ServiceProcess::Start(
        DOCSEARCH_INGEST_SERVICE_BINARY,
        {"--listen=127.0.0.1:0", "--query_service=" + query_->address()}, work_dir_);
    ASSERT_TRUE(ingest.ok()) << ingest.status();
    ingest_.emplace(*std::move(ingest));
    const CliResult ingested = Cli("ingest " + work_dir_ + "/docs");
    ASSERT_EQ(ingested.exit_code, 0) << ingested.out << ingested.err;
  }

  CliResult Cli(const std::string& arguments) {
    const std::string out = work_dir_ + "/cli.out";
    const std::string err = work_dir_ + "/cli.err";
    const std::string command =
        absl::StrCat(DOCSEARCH_CLI_BINARY, " --ingest_service=", ingest_->address(),
                     " --query_service=", query_->address(), " ", arguments, " >", out, " 2>", err);
    const int status = std::system(command.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, ReadFile(out), ReadFile(err)};
  }

  // The table of hits and snippets, without the line of totals and time
  // that follows its blank line.
  static std::string HitTable(const std::string& out) { return out.substr(0, out.find("\n\n")); }

  static int Lines(const std::string& text) {
    return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
  }

  std::string work_dir_;
  std::optional<ServiceProcess> query_;
  std::optional<ServiceProcess> ingest_;
};

TEST_F(CliSearchCollapse, CopiesAreOneHitWithTheirCountByDefaultAndEveryCopyWithNocollapse) {
  StartAndIngest({});

  const CliResult collapsed = Cli("search -q 'riga summit declaration'");
  ASSERT_EQ(collapsed.exit_code, 0) << collapsed.err;
  EXPECT_THAT(collapsed.out, HasSubstr(" copies] "));
  EXPECT_EQ(collapsed.err, "");

  for (const char* off : {"--nocollapse", "--collapse=false"}) {
    const CliResult every = Cli(absl::StrCat("search -q 'riga summit declaration' ", off));
    ASSERT_EQ(every.exit_code, 0) << every.err;
    EXPECT_THAT(every.out, Not(HasSubstr(" copies] "))) << off;
    // Four more rows: the copies the collapsed hit stood for.
    EXPECT_GE(Lines(every.out), Lines(collapsed.out) + 4) << off << "\n" << every.out;
  }
}

TEST_F(CliSearchCollapse, AServerThatCannotCollapseGetsTheSearchAgainWithAOneLineNote) {
  StartAndIngest({"--duplicate_clusters=false"});

  const CliResult fallback = Cli("search -q 'riga summit declaration'");
  ASSERT_EQ(fallback.exit_code, 0) << fallback.err;
  EXPECT_THAT(fallback.out, HasSubstr("riga"));
  EXPECT_THAT(fallback.out, Not(HasSubstr(" copies] ")));
  EXPECT_EQ(Lines(fallback.err), 1) << fallback.err;
  EXPECT_THAT(fallback.err, HasSubstr("FAILED_PRECONDITION"));
  EXPECT_THAT(fallback.err, HasSubstr("--nocollapse"));

  // --json: stdout stays one JSON object.
  const CliResult json = Cli("--json search -q 'riga summit declaration'");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_EQ(Lines(json.out), 1);
  EXPECT_TRUE(absl::StartsWith(json.out, "{\"hits\":[")) << json.out;

  const CliResult quiet = Cli("search -q 'riga summit declaration' --nocollapse");
  ASSERT_EQ(quiet.exit_code, 0) << quiet.err;
  EXPECT_EQ(quiet.err, "");
  EXPECT_EQ(HitTable(fallback.out), HitTable(quiet.out)) << "the fallback lists every copy";

  // The next page of a fallback: its token is a plain search's.
  const CliResult small = Cli("--json search -q 'riga summit declaration' --page_size=2");
  ASSERT_EQ(small.exit_code, 0) << small.err;
  const size_t token_at = small.out.find("\"nextPageToken\":\"");
  ASSERT_NE(token_at, std::string::npos) << small.out;
  const size_t token_begin = token_at + std::string("\"nextPageToken\":\"").size();
  const std::string token =
      small.out.substr(token_begin, small.out.find('"', token_begin) - token_begin);
  const CliResult next =
      Cli("search -q 'riga summit declaration' --page_size=2 --page_token=" + token);
  EXPECT_EQ(next.exit_code, 0) << next.err;
  EXPECT_EQ(Lines(next.err), 1) << next.err;

  const CliResult typed = Cli("search -q 'riga summit declaration' --collapse");
  EXPECT_NE(typed.exit_code, 0);
  EXPECT_THAT(typed.err, HasSubstr("FAILED_PRECONDITION"));
  EXPECT_EQ(typed.out, "");
}

}  // namespace
}  // namespace docsearch::testing
