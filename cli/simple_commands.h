// The commands that are one unary RPC and one printed response:
//   parse FILE   IngestService.ParseDocument (a dry run of the parser)
//   get ID       QueryService.GetDocument
//   stats        QueryService.GetIndexStats
// Each prints readably, or one JSON object per response with env.json.
#ifndef DOCSEARCH_CLI_SIMPLE_COMMANDS_H_
#define DOCSEARCH_CLI_SIMPLE_COMMANDS_H_

#include <string>

#include "absl/status/status.h"
#include "cli/command_env.h"

namespace docsearch::cli {

// Parses `path` as `ingest` would send it (content type from the extension;
// a .jsonl file is parsed line by line, one response per line). With
// `lines`, also prints every line with its role (RenderLineRoles).
absl::Status RunParse(const CommandEnv& env, const std::string& path, bool lines = false);

absl::Status RunGet(const CommandEnv& env, const std::string& id);

absl::Status RunStats(const CommandEnv& env);

}  // namespace docsearch::cli

#endif  // DOCSEARCH_CLI_SIMPLE_COMMANDS_H_
