// `docsearch versions ID` (QueryService.ListVersions) and
// `docsearch diff ID [--from N --to M]` (QueryService.CompareVersions):
// the kept versions of a document and what changed between two of them.
#ifndef DOCSEARCH_CLI_VERSION_COMMANDS_H_
#define DOCSEARCH_CLI_VERSION_COMMANDS_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "cli/command_env.h"
#include "docsearch/v1/comparison.pb.h"

namespace docsearch::cli {

// INVALID_ARGUMENT naming the flag when --from or --to is not a version
// number (empty means the server's default: the current version and the
// one before it).
absl::StatusOr<docsearch::v1::CompareVersionsRequest> BuildDiffRequest(const std::string& id,
                                                                       const std::string& from,
                                                                       const std::string& to);

// Lists the versions (or one JSON object).
absl::Status RunVersions(const CommandEnv& env, const std::string& id);

// Prints the changes (or one JSON object).
absl::Status RunDiff(const CommandEnv& env, const docsearch::v1::CompareVersionsRequest& request);

// The listing and the diff as printed.
std::string RenderVersions(const docsearch::v1::ListVersionsResponse& response);
std::string RenderVersionDiff(const docsearch::v1::CompareVersionsResponse& response);

// `text` with `edits` (whose to-spans index into it) marked as wdiff does:
// [-deleted-]{+inserted+}.
std::string MarkEdits(const std::string& text,
                      const google::protobuf::RepeatedPtrField<docsearch::v1::WordEdit>& edits);

}  // namespace docsearch::cli

#endif  // DOCSEARCH_CLI_VERSION_COMMANDS_H_
