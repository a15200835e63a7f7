#include "common/log.h"

#include <errno.h>  // program_invocation_short_name (glibc)
#include <unistd.h>

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace docsearch {
namespace {

std::string_view SeverityName(LogSeverity severity) {
  switch (severity) {
    case LogSeverity::kInfo:
      return "INFO";
    case LogSeverity::kWarning:
      return "WARN";
    case LogSeverity::kError:
      return "ERROR";
  }
  return "INFO";
}

}  // namespace

void LogLine(LogSeverity severity, std::string_view message) {
  std::string line =
      absl::StrCat(absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ", absl::Now(), absl::UTCTimeZone()), " ",
                   absl::string_view(SeverityName(severity).data(), SeverityName(severity).size()),
                   " ", absl::string_view(program_invocation_short_name), ": ",
                   absl::string_view(message.data(), message.size()), "\n");
  // One write keeps lines whole when threads log at once; a short write to
  // stderr is not worth retrying.
  ssize_t ignored = ::write(STDERR_FILENO, line.data(), line.size());
  (void)ignored;
}

}  // namespace docsearch
