// docsearch export and docsearch get ID...: the bulk reads
// (QueryService.ExportDocuments, BatchGetDocuments).
#ifndef DOCSEARCH_CLI_BULK_COMMANDS_H_
#define DOCSEARCH_CLI_BULK_COMMANDS_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "cli/command_env.h"

namespace docsearch::cli {

struct ExportOptions {
  // A query string; empty exports every document (match_all).
  std::string query_string;
  // Document fields to keep (e.g. id,title,published); empty keeps all.
  std::vector<std::string> fields;
  // Continue an export that stopped (printed on stderr when it does).
  std::string resume_token;
};

// Writes every matching document as one JSON object per line to env.out,
// and a progress line ("exported N of M documents") to env.err. When the
// stream breaks, env.err gets the --resume_token that continues it.
absl::Status RunExport(const CommandEnv& env, const ExportOptions& options);

// Several documents by id in one call: each found document (one JSON object
// per line with --json, else rendered), then the ids not stored, on env.err.
// NOT_FOUND when none of them is stored.
absl::Status RunBatchGet(const CommandEnv& env, const std::vector<std::string>& ids,
                         const std::vector<std::string>& fields);

}  // namespace docsearch::cli

#endif  // DOCSEARCH_CLI_BULK_COMMANDS_H_
