// docsearch: the command-line client of the ingest and query services.
// See UsageText() in command_line.cc, or run `docsearch --help`.
//
// Flags are absl flags, read exactly once here into the plain structs the
// commands take; nothing else in the CLI reads a flag.
#include <cstdint>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "cli/backup_command.h"
#include "cli/bulk_commands.h"
#include "cli/command_env.h"
#include "cli/command_line.h"
#include "cli/compare_command.h"
#include "cli/explore_commands.h"
#include "cli/ingest_command.h"
#include "cli/reparse_command.h"
#include "cli/reuse_command.h"
#include "cli/search_command.h"
#include "cli/simple_commands.h"
#include "cli/twins_command.h"
#include "cli/version_commands.h"
#include "common/secret_files.h"

ABSL_FLAG(std::string, ingest_service, "127.0.0.1:50051", "host:port of the ingest service");
ABSL_FLAG(std::string, query_service, "127.0.0.1:50052", "host:port of the query service");
ABSL_FLAG(std::string, tls_ca, "",
          "PEM root certificates to verify the servers with; turns TLS on");
ABSL_FLAG(std::string, token_file, "",
          "file holding the bearer token to send (default: $DOCSEARCH_TOKEN)");
ABSL_FLAG(bool, json, false, "print responses as JSON objects, one per line");
ABSL_FLAG(absl::Duration, deadline, absl::Seconds(30),
          "deadline of every RPC (for ingest: of the whole stream); inf for none");
ABSL_FLAG(bool, full, false, "parse/get: print long paragraphs in full");
ABSL_FLAG(bool, lines, false,
          "parse: print every line with the role the parser gave it and the features behind it");
ABSL_FLAG(std::vector<std::string>, fields, {},
          "export/get: document fields to keep, e.g. id,title,published (default all)");
ABSL_FLAG(std::string, resume_token, "", "export: continue an export that stopped");
ABSL_FLAG(bool, dry_run, false, "reparse: report what would change, write nothing");
ABSL_FLAG(std::vector<std::string>, doc_type, {},
          "search: document types, comma-separated or repeated (e.g. press_statement)");
ABSL_FLAG(std::string, from, "",
          "search: published on or after YYYY[-MM[-DD]]; diff: the older version number");
ABSL_FLAG(std::string, to, "",
          "search: published on or before YYYY[-MM[-DD]]; diff: the newer version number");
ABSL_FLAG(bool, all, false, "search: every word must occur");
ABSL_FLAG(bool, phrase, false, "search: the words as a phrase, in order");
ABSL_FLAG(int32_t, page_size, 0, "search: hits per page (0 = server default)");
ABSL_FLAG(std::string, page_token, "", "search: next_page_token of the previous page");
ABSL_FLAG(std::string, sort, "score", "search: score, newest or oldest");
ABSL_FLAG(std::string, query_string, "",
          "search: a query string (-q), e.g. 'title:russia AND \"missile defence\"'");
ABSL_FLAG(std::vector<std::string>, facets, {},
          "search: keyword fields to count values of, comma-separated or repeated");
ABSL_FLAG(std::string, histogram, "", "search: year or month; matches per period");
ABSL_FLAG(bool, explain, false, "search: print how each hit's score is computed");
ABSL_FLAG(bool, collapse, true,
          "search: one hit per near-duplicate cluster, with the number of its copies "
          "(--nocollapse: every copy); left at the default, a server that cannot collapse gets "
          "the search again without it");
ABSL_FLAG(bool, pairs, false, "duplicates: list near-copy pairs instead of clusters");
ABSL_FLAG(std::string, language, "",
          "search: the language the words are in, e.g. fr (default: the server tells)");
ABSL_FLAG(std::string, text, "",
          "compare/similar: a local FILE whose content is the second side; reuse: the passage");
ABSL_FLAG(int32_t, top, 0,
          "compare: entries per list (0 = 8); similar, duplicates: most results; sets: entries per "
          "list (0 = server default)");
ABSL_FLAG(std::string, interval, "year", "trend: year or month");
ABSL_FLAG(double, threshold, 0,
          "duplicates: lowest resemblance in (0, 1] (0 = server default, 0.8); reuse: (0.5); "
          "twins: lowest score (0.18)");
ABSL_FLAG(int64_t, max_document_bytes, 16 * 1024 * 1024,
          "ingest: larger documents are reported as failed instead of sent");

namespace docsearch::cli {
namespace {

int UsageError(absl::string_view message) {
  std::cerr << "error: " << message << "\n\n" << UsageText();
  return kExitUsage;
}

// A flag value or argument the request builders refused: a usage error.
int InvalidFlagError(const absl::Status& status) {
  return UsageError(absl::StrCat(absl::StatusCodeToString(status.code()), ": ", status.message()));
}

int ReportError(const absl::Status& status) {
  std::cerr << "error: " << absl::StatusCodeToString(status.code()) << ": " << status.message()
            << "\n";
  return kExitFailure;
}

int ExitCodeFor(const absl::Status& status) { return status.ok() ? kExitOk : ReportError(status); }

// Requires exactly `count` arguments after the command name.
bool HasArguments(const std::vector<char*>& positional, size_t count) {
  return positional.size() == 2 + count;
}

// --doc_type, --from and --to for the commands that filter like search.
FilterOptions ReadFilterFlags() {
  FilterOptions filter;
  filter.doc_types = absl::GetFlag(FLAGS_doc_type);
  filter.from = absl::GetFlag(FLAGS_from);
  filter.to = absl::GetFlag(FLAGS_to);
  return filter;
}

// `collapse_typed`: --collapse appears on the command line in some form.
int Run(const std::vector<char*>& positional, bool collapse_typed) {
  if (positional.size() < 2) return UsageError("no command given");
  const std::string command = positional[1];

  CommandEnv env;
  env.connection.ingest_address = absl::GetFlag(FLAGS_ingest_service);
  env.connection.query_address = absl::GetFlag(FLAGS_query_service);
  env.connection.deadline = absl::GetFlag(FLAGS_deadline);
  if (env.connection.deadline <= absl::ZeroDuration()) {
    return UsageError("--deadline must be positive (or inf for none)");
  }
  if (const std::string ca = absl::GetFlag(FLAGS_tls_ca); !ca.empty()) {
    absl::StatusOr<std::string> pem = docsearch::ReadPemFile(ca, "tls_ca");
    if (!pem.ok()) return UsageError(pem.status().message());
    env.connection.tls_root_pem = *std::move(pem);
  }
  // The file wins over the environment: it is the more explicit of the two.
  absl::StatusOr<std::string> token =
      docsearch::ResolveToken(absl::GetFlag(FLAGS_token_file), "token_file", "DOCSEARCH_TOKEN");
  if (!token.ok()) return UsageError(token.status().message());
  env.connection.token = *std::move(token);
  env.json = absl::GetFlag(FLAGS_json);
  env.full = absl::GetFlag(FLAGS_full);
  env.terminal = DetectTerminal();
  env.out = &std::cout;
  env.err = &std::cerr;

  if (command == "ingest") {
    if (positional.size() < 3) return UsageError("ingest needs at least one PATH");
    IngestOptions options;
    options.paths.assign(positional.begin() + 2, positional.end());
    options.max_document_bytes = absl::GetFlag(FLAGS_max_document_bytes);
    absl::StatusOr<IngestSummary> summary = RunIngest(env, options);
    if (!summary.ok()) return ReportError(summary.status());
    return summary->failures.empty() ? kExitOk : kExitFailure;
  }
  if (command == "parse") {
    if (!HasArguments(positional, 1)) return UsageError("parse needs exactly one FILE");
    return ExitCodeFor(RunParse(env, positional[2], absl::GetFlag(FLAGS_lines)));
  }
  if (command == "search") {
    SearchOptions options;
    options.query_string = absl::GetFlag(FLAGS_query_string);
    if (options.query_string.empty() && !HasArguments(positional, 1)) {
      return UsageError("search needs exactly one TEXT (quote it when it has spaces)");
    }
    if (!options.query_string.empty() && positional.size() > 3) {
      return UsageError("search --query_string takes no other arguments (quote the query)");
    }
    if (positional.size() == 3) options.text = positional[2];
    options.doc_types = absl::GetFlag(FLAGS_doc_type);
    options.from = absl::GetFlag(FLAGS_from);
    options.to = absl::GetFlag(FLAGS_to);
    options.all_words = absl::GetFlag(FLAGS_all);
    options.phrase = absl::GetFlag(FLAGS_phrase);
    options.page_size = absl::GetFlag(FLAGS_page_size);
    options.page_token = absl::GetFlag(FLAGS_page_token);
    options.sort = absl::GetFlag(FLAGS_sort);
    options.facets = absl::GetFlag(FLAGS_facets);
    options.histogram = absl::GetFlag(FLAGS_histogram);
    options.explain = absl::GetFlag(FLAGS_explain);
    options.collapse = absl::GetFlag(FLAGS_collapse);
    options.language = absl::GetFlag(FLAGS_language);
    absl::StatusOr<docsearch::v1::SearchRequest> request = BuildSearchRequest(options);
    if (!request.ok()) return InvalidFlagError(request.status());
    // Typed --collapse means "collapse or fail"; the default only "collapse
    // where the server can".
    return ExitCodeFor(RunSearch(
        env, *request,
        collapse_typed ? CollapseFallback::kNone : CollapseFallback::kRetryWithoutCollapse));
  }
  if (command == "compare") {
    CompareOptions options;
    options.text_path = absl::GetFlag(FLAGS_text);
    const size_t ids = options.text_path.empty() ? 2 : 1;
    if (!HasArguments(positional, ids)) {
      return UsageError("compare needs two IDs, or one ID and --text=FILE");
    }
    options.id_a = positional[2];
    if (ids == 2) options.id_b = positional[3];
    const int top = absl::GetFlag(FLAGS_top);
    if (top != 0) options.top = top;
    if (absl::Status built = BuildCompareRequest(options).status(); !built.ok()) {
      return InvalidFlagError(built);
    }
    return ExitCodeFor(RunCompare(env, std::move(options)));
  }
  if (command == "similar") {
    SimilarOptions options;
    options.text_path = absl::GetFlag(FLAGS_text);
    const size_t ids = options.text_path.empty() ? 1 : 0;
    if (!HasArguments(positional, ids)) return UsageError("similar needs one ID, or --text=FILE");
    if (ids == 1) options.id = positional[2];
    options.filter = ReadFilterFlags();
    options.top = absl::GetFlag(FLAGS_top);
    if (absl::Status built = BuildSimilarRequest(options).status(); !built.ok()) {
      return InvalidFlagError(built);
    }
    return ExitCodeFor(RunSimilar(env, std::move(options)));
  }
  if (command == "trend") {
    if (positional.size() < 3) return UsageError("trend needs at least one TERM");
    TrendOptions options;
    options.terms.assign(positional.begin() + 2, positional.end());
    options.interval = absl::GetFlag(FLAGS_interval);
    options.filter = ReadFilterFlags();
    if (absl::Status built = BuildTrendRequest(options).status(); !built.ok()) {
      return InvalidFlagError(built);
    }
    return ExitCodeFor(RunTrend(env, options));
  }
  if (command == "duplicates") {
    if (positional.size() > 3) return UsageError("duplicates takes at most one ID");
    DuplicatesOptions options;
    if (positional.size() == 3) options.id = positional[2];
    options.threshold = absl::GetFlag(FLAGS_threshold);
    options.top = absl::GetFlag(FLAGS_top);
    options.pairs = absl::GetFlag(FLAGS_pairs);
    options.page_token = absl::GetFlag(FLAGS_page_token);
    options.filter = ReadFilterFlags();
    if (absl::Status built = BuildDuplicatesRequest(options).status(); !built.ok()) {
      return InvalidFlagError(built);
    }
    return ExitCodeFor(RunDuplicates(env, options));
  }
  if (command == "sets") {
    if (!HasArguments(positional, 2)) return UsageError("sets needs two query strings, A and B");
    SetsOptions options;
    options.query_a = positional[2];
    options.query_b = positional[3];
    options.top = absl::GetFlag(FLAGS_top);
    if (absl::Status built = BuildSetsRequest(options).status(); !built.ok()) {
      return InvalidFlagError(built);
    }
    return ExitCodeFor(RunSets(env, options));
  }
  if (command == "reuse") {
    ReuseOptions options;
    options.text_path = absl::GetFlag(FLAGS_text);
    const size_t passages = options.text_path.empty() ? 1 : 0;
    if (!HasArguments(positional, passages)) {
      return UsageError("reuse needs ID#N (paragraph N of ID), or --text=FILE");
    }
    if (passages == 1) options.passage = positional[2];
    options.threshold = absl::GetFlag(FLAGS_threshold);
    options.top = absl::GetFlag(FLAGS_top);
    options.filter = ReadFilterFlags();
    if (absl::Status built = BuildReuseRequest(options).status(); !built.ok()) {
      return InvalidFlagError(built);
    }
    return ExitCodeFor(RunReuse(env, std::move(options)));
  }
  if (command == "twins") {
    if (!HasArguments(positional, 1)) return UsageError("twins needs exactly one ID");
    TwinsOptions options;
    options.id = positional[2];
    options.threshold = absl::GetFlag(FLAGS_threshold);
    options.top = absl::GetFlag(FLAGS_top);
    if (absl::Status built = BuildTwinsRequest(options).status(); !built.ok()) {
      return InvalidFlagError(built);
    }
    return ExitCodeFor(RunTwins(env, options));
  }
  if (command == "versions") {
    if (!HasArguments(positional, 1)) return UsageError("versions needs exactly one ID");
    return ExitCodeFor(RunVersions(env, positional[2]));
  }
  if (command == "diff") {
    if (!HasArguments(positional, 1)) return UsageError("diff needs exactly one ID");
    absl::StatusOr<docsearch::v1::CompareVersionsRequest> request =
        BuildDiffRequest(positional[2], absl::GetFlag(FLAGS_from), absl::GetFlag(FLAGS_to));
    if (!request.ok()) return InvalidFlagError(request.status());
    return ExitCodeFor(RunDiff(env, *request));
  }
  if (command == "get") {
    if (positional.size() < 3) return UsageError("get needs at least one ID");
    const std::vector<std::string> fields = absl::GetFlag(FLAGS_fields);
    if (positional.size() == 3 && fields.empty()) return ExitCodeFor(RunGet(env, positional[2]));
    return ExitCodeFor(RunBatchGet(
        env, std::vector<std::string>(positional.begin() + 2, positional.end()), fields));
  }
  if (command == "snapshot") {
    if (!HasArguments(positional, 0)) return UsageError("snapshot takes no arguments");
    return ExitCodeFor(RunSnapshot(env));
  }
  if (command == "backup") {
    if (!HasArguments(positional, 1)) return UsageError("backup needs exactly one DIR");
    return ExitCodeFor(RunBackup(env, positional[2]));
  }
  if (command == "export") {
    if (!HasArguments(positional, 0)) {
      return UsageError("export takes no arguments; give the query with -q QUERY");
    }
    ExportOptions options;
    options.query_string = absl::GetFlag(FLAGS_query_string);
    options.fields = absl::GetFlag(FLAGS_fields);
    options.resume_token = absl::GetFlag(FLAGS_resume_token);
    return ExitCodeFor(RunExport(env, options));
  }
  if (command == "reparse") {
    if (!HasArguments(positional, 0)) {
      return UsageError("reparse takes no arguments; give the query with -q QUERY");
    }
    ReparseOptions options;
    options.query_string = absl::GetFlag(FLAGS_query_string);
    options.dry_run = absl::GetFlag(FLAGS_dry_run);
    return ExitCodeFor(RunReparse(env, options));
  }
  if (command == "stats") {
    if (!HasArguments(positional, 0)) return UsageError("stats takes no arguments");
    return ExitCodeFor(RunStats(env));
  }
  return UsageError(absl::StrCat("unknown command \"", command, "\""));
}

}  // namespace
}  // namespace docsearch::cli

int main(int argc, char** argv) {
  using docsearch::cli::MergeRepeatedFlag;
  std::vector<std::string> arguments(argv, argv + argc);
  if (docsearch::cli::AsksForHelp(arguments)) {
    // Our usage text rather than absl's --help, which lists only flags of
    // files named like the program and would find none.
    std::cout << docsearch::cli::UsageText();
    return docsearch::cli::kExitOk;
  }
  arguments = docsearch::cli::ExpandShortFlag(std::move(arguments), "q", "query_string");
  arguments = MergeRepeatedFlag(std::move(arguments), "doc_type");
  arguments = MergeRepeatedFlag(std::move(arguments), "facets");
  if (std::optional<std::string> unknown = docsearch::cli::FindUnknownFlag(
          std::vector<std::string>(arguments.begin() + 1, arguments.end()))) {
    return docsearch::cli::UsageError(absl::StrCat("unknown flag ", *unknown));
  }
  std::vector<char*> merged_argv;
  for (std::string& argument : arguments) merged_argv.push_back(argument.data());
  absl::SetProgramUsageMessage(docsearch::cli::UsageText());
  std::vector<char*> positional =
      absl::ParseCommandLine(static_cast<int>(merged_argv.size()), merged_argv.data());
  return docsearch::cli::Run(positional, docsearch::cli::TypesBooleanFlag(arguments, "collapse"));
}
