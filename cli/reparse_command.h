// docsearch reparse [-q QUERY] [--dry_run]: IngestService.Reparse, with the
// per-field summary of what the current parser changed.
#ifndef DOCSEARCH_CLI_REPARSE_COMMAND_H_
#define DOCSEARCH_CLI_REPARSE_COMMAND_H_

#include <ostream>
#include <string>

#include "absl/status/status.h"
#include "cli/command_env.h"
#include "docsearch/v1/ingest_service.pb.h"

namespace docsearch::cli {

struct ReparseOptions {
  // A query string; empty re-parses every document (match_all).
  std::string query_string;
  bool dry_run = false;
};

// Asks the ingest service to parse the matching stored documents again and
// prints the summary (one JSON object with --json).
absl::Status RunReparse(const CommandEnv& env, const ReparseOptions& options);

// The summary as people read it:
//   reparsed 12 documents: 3 changed, 8 unchanged, 1 skipped (no raw bytes), 0 failed
//     title       3
//     warnings    3
// then each listed failure.
void PrintReparseSummary(const docsearch::v1::ReparseResponse& response, std::ostream& out);

}  // namespace docsearch::cli

#endif  // DOCSEARCH_CLI_REPARSE_COMMAND_H_
