// The live progress line of `docsearch ingest` on stderr:
//   sent 1,204 files, 3,310 docs  412.5 docs/s  1.84 MB/s  2 errors
// redrawn in place (carriage return + erase line) at most a few times a
// second, and only when stderr is a terminal, so logs and pipes stay clean.
// Not thread-safe: one sending loop owns it.
#ifndef DOCSEARCH_CLI_PROGRESS_REPORTER_H_
#define DOCSEARCH_CLI_PROGRESS_REPORTER_H_

#include <cstdint>
#include <ostream>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace docsearch::cli {

// What has been sent so far.
struct IngestProgress {
  int64_t files_sent = 0;
  int64_t documents_sent = 0;
  int64_t bytes_sent = 0;
  // Documents or paths that failed on the client side (unreadable, refused
  // symlink, too large). Failures reported by the server arrive only at the
  // end of the stream and are not counted here.
  int64_t errors = 0;
};

// Documents (or bytes) per second, 0 when no time has passed.
double PerSecond(int64_t amount, absl::Duration elapsed);

// The text of the progress line, without control characters.
std::string FormatProgressLine(const IngestProgress& progress, absl::Duration elapsed);

class ProgressReporter {
 public:
  // `live` false makes every call a no-op (stderr is not a terminal). Lines
  // are cut to `width` columns (0 = no limit): a line that wrapped could not
  // be redrawn in place.
  ProgressReporter(std::ostream& err, bool live, absl::Time start, int width = 0);
  ~ProgressReporter();

  ProgressReporter(const ProgressReporter&) = delete;
  ProgressReporter& operator=(const ProgressReporter&) = delete;

  // Redraws the line if the last redraw is old enough.
  void Update(const IngestProgress& progress, absl::Time now);
  // Replaces the line with a status message, e.g. "waiting for acks".
  void ShowStatus(absl::string_view message);
  // Erases the line so the summary starts on a clean line. Idempotent.
  void Clear();

 private:
  void Draw(absl::string_view text);

  std::ostream& err_;
  const bool live_;
  const absl::Time start_;
  const int width_;
  absl::Time last_draw_ = absl::InfinitePast();
  bool line_shown_ = false;
};

}  // namespace docsearch::cli

#endif  // DOCSEARCH_CLI_PROGRESS_REPORTER_H_
