// The commands that explore the index beyond a search:
//   similar ID | similar --text FILE   QueryService.FindSimilar
//   trend TERM... --interval=year|month QueryService.TermTrend
//   duplicates [ID] [--threshold=X] [--pairs]   QueryService.FindNearDuplicates
//   sets QUERY_A QUERY_B [--top=N]      QueryService.CompareSets (query strings)
// Each takes the search filters (--doc_type, --from, --to) to narrow the
// documents considered, and prints readably (explore_printer.h) or one JSON
// object with env.json.
#ifndef DOCSEARCH_CLI_EXPLORE_COMMANDS_H_
#define DOCSEARCH_CLI_EXPLORE_COMMANDS_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "cli/command_env.h"
#include "docsearch/v1/comparison.pb.h"

namespace docsearch::cli {

// --doc_type / --from / --to, as typed (see BuildFilterQuery).
struct FilterOptions {
  std::vector<std::string> doc_types = {};
  std::string from = {};
  std::string to = {};
};

struct SimilarOptions {
  // The stored document to find others like; empty with --text.
  std::string id = {};
  // --text: a local file whose content is the source.
  std::string text_path = {};
  // The content of `text_path` once read (the builder reads no files).
  std::string text = {};
  FilterOptions filter = {};
  // --top: most hits; 0 = server default (10).
  int top = 0;
};

struct TrendOptions {
  std::vector<std::string> terms = {};
  // "year" or "month".
  std::string interval = "year";
  FilterOptions filter = {};
};

struct DuplicatesOptions {
  // Empty: every near-duplicate cluster (or pair) of the (filtered) index;
  // else the cluster of ID (or its pairs).
  std::string id = {};
  // --threshold: lowest MinHash resemblance, in (0, 1]; 0 = server default.
  double threshold = 0;
  FilterOptions filter = {};
  // --top: clusters per page, or most pairs; 0 = server default (20
  // clusters, 100 pairs).
  int top = 0;
  // --pairs: the pairs instead of clusters.
  bool pairs = false;
  // --page_token: the next page of clusters.
  std::string page_token = {};
};

struct SetsOptions {
  // The two sets, in the query string syntax of `search -q`.
  std::string query_a = {};
  std::string query_b = {};
  // --top: entries per list; 0 = server default (20).
  int top = 0;
};

// Each builder returns INVALID_ARGUMENT naming the flag or argument at fault.
absl::StatusOr<docsearch::v1::FindSimilarRequest> BuildSimilarRequest(
    const SimilarOptions& options);
absl::StatusOr<docsearch::v1::TermTrendRequest> BuildTrendRequest(const TrendOptions& options);
absl::StatusOr<docsearch::v1::FindNearDuplicatesRequest> BuildDuplicatesRequest(
    const DuplicatesOptions& options);

// The query strings are sent as typed; the server parses them and names
// query_string_a / query_string_b and the position of a mistake.
absl::StatusOr<docsearch::v1::CompareSetsRequest> BuildSetsRequest(const SetsOptions& options);

absl::Status RunSimilar(const CommandEnv& env, SimilarOptions options);
absl::Status RunTrend(const CommandEnv& env, const TrendOptions& options);
absl::Status RunDuplicates(const CommandEnv& env, const DuplicatesOptions& options);
absl::Status RunSets(const CommandEnv& env, const SetsOptions& options);

}  // namespace docsearch::cli

#endif  // DOCSEARCH_CLI_EXPLORE_COMMANDS_H_
