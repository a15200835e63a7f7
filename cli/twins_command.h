// `docsearch twins ID` (QueryService.ListTwins): the documents in other
// languages that are the same statement as ID, best first, each with the
// evidence that links them (shared reference, date difference, numbered
// paragraphs matched, shared numbers and names).
#ifndef DOCSEARCH_CLI_TWINS_COMMAND_H_
#define DOCSEARCH_CLI_TWINS_COMMAND_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "cli/command_env.h"
#include "docsearch/v1/comparison.pb.h"

namespace docsearch::cli {

struct TwinsOptions {
  std::string id = {};
  // --threshold: lowest score (0: the server's calibrated 0.18).
  double threshold = 0;
  // --top: most twins (0: the server's 10).
  int top = 0;
};

// INVALID_ARGUMENT naming the argument: no id, --threshold outside [0, 1],
// a negative --top.
absl::StatusOr<docsearch::v1::ListTwinsRequest> BuildTwinsRequest(const TwinsOptions& options);

// Asks and prints the twins (or one JSON object).
absl::Status RunTwins(const CommandEnv& env, const TwinsOptions& options);

// The twins as printed.
std::string RenderTwins(const docsearch::v1::ListTwinsResponse& response);

}  // namespace docsearch::cli

#endif  // DOCSEARCH_CLI_TWINS_COMMAND_H_
