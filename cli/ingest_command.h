// `docsearch ingest PATH...`: walks the paths, streams every raw document
// over one IngestService.IngestDocuments call, and reports the outcome.
//
// Failures on the client side (a missing path, a refused symlink, an
// unreadable or oversized file) do not stop the run; they are reported with
// the server's per-document failures in the summary. Only a failure of the
// stream itself (service unreachable, deadline exceeded) fails the command.
#ifndef DOCSEARCH_CLI_INGEST_COMMAND_H_
#define DOCSEARCH_CLI_INGEST_COMMAND_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "cli/command_env.h"
#include "cli/ingest_summary.h"

namespace docsearch::cli {

struct IngestOptions {
  std::vector<std::string> paths;
  // Documents larger than this are not sent but reported as failed, because
  // one message above the server's receive limit would break the stream for
  // every document after it. The default is the ingest service's default
  // --max_document_bytes.
  int64_t max_document_bytes = 16 * 1024 * 1024;
};

// Runs the ingest and prints the summary (text, or JSON with env.json) to
// env.out; the live progress line goes to env.err when it is a terminal.
// Returns the summary so the caller can choose the exit code, or the
// stream's error.
absl::StatusOr<IngestSummary> RunIngest(const CommandEnv& env, const IngestOptions& options);

}  // namespace docsearch::cli

#endif  // DOCSEARCH_CLI_INGEST_COMMAND_H_
