// `docsearch reuse ID#N` and `docsearch reuse --text FILE`
// (QueryService.FindPassageReuse): every passage of the index repeating
// paragraph N (from 1, as `get` shows them) of document ID, or the text of
// a local file, printed as a dated timeline; search filters apply.
#ifndef DOCSEARCH_CLI_REUSE_COMMAND_H_
#define DOCSEARCH_CLI_REUSE_COMMAND_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "cli/command_env.h"
#include "cli/explore_commands.h"
#include "docsearch/v1/comparison.pb.h"

namespace docsearch::cli {

struct ReuseOptions {
  // "ID#N"; empty with --text.
  std::string passage = {};
  // --text: a local file whose content is the passage.
  std::string text_path = {};
  // Its content, once read.
  std::string text = {};
  // --threshold: lowest resemblance (0: the server's 0.5).
  double threshold = 0;
  // --top: most passages (0: the server's 100).
  int top = 0;
  FilterOptions filter = {};
};

// INVALID_ARGUMENT naming the argument: not ID#N with N from 1, both or
// neither of a passage and --text, a bad filter.
absl::StatusOr<docsearch::v1::FindPassageReuseRequest> BuildReuseRequest(
    const ReuseOptions& options);

// Reads --text, asks, prints the timeline (or one JSON object).
absl::Status RunReuse(const CommandEnv& env, ReuseOptions options);

// The timeline as printed.
std::string RenderReuse(const docsearch::v1::FindPassageReuseResponse& response);

}  // namespace docsearch::cli

#endif  // DOCSEARCH_CLI_REUSE_COMMAND_H_
