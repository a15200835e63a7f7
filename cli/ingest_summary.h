// The outcome of `docsearch ingest`, and its two printed forms: the summary
// a person reads at the end of a run, and the JSON object a script reads
// with --json.
#ifndef DOCSEARCH_CLI_INGEST_SUMMARY_H_
#define DOCSEARCH_CLI_INGEST_SUMMARY_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace docsearch::cli {

// A document (or a path) that did not make it into the index.
struct IngestFailure {
  // The local path, with "#<line>" for a line of a .jsonl file.
  std::string path;
  absl::StatusCode code = absl::StatusCode::kUnknown;
  std::string message;
};

struct IngestSummary {
  int64_t files_sent = 0;
  int64_t documents_sent = 0;
  int64_t bytes_sent = 0;
  // Documents the ingest service reported as indexed and acknowledged.
  int64_t ingested = 0;
  // Client-side failures first (in walk order), then the server's (in stream
  // order).
  std::vector<IngestFailure> failures;
  absl::Duration elapsed;
};

// E.g.
//   Ingested 41 of 42 documents from 40 files in 2.1s (19.5 docs/s, 0.25 MB/s).
//   1 failed:
//     archive/broken.html  INVALID_ARGUMENT  no text found
std::string RenderIngestSummary(const IngestSummary& summary);

// One JSON object: files, documentsSent, bytesSent, ingested, failed,
// failures[{path, code, message}], elapsedSeconds, documentsPerSecond,
// megabytesPerSecond. Codes are canonical names ("INVALID_ARGUMENT").
absl::StatusOr<std::string> IngestSummaryToJson(const IngestSummary& summary);

}  // namespace docsearch::cli

#endif  // DOCSEARCH_CLI_INGEST_SUMMARY_H_
