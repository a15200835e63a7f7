// Minimal structured logging to stderr, as text or JSON lines.
//
// Abseil 20220623 (Debian 12) has no absl/log, and the services log little:
// a start-up line, recovery reports, warnings. One line per event, prefixed
// with a UTC timestamp, the severity and the program name, written with a
// single write(2) so concurrent lines do not interleave.
#ifndef DOCSEARCH_COMMON_LOG_H_
#define DOCSEARCH_COMMON_LOG_H_

#include <string_view>

#include "absl/status/status.h"

namespace docsearch {

enum class LogSeverity { kInfo, kWarning, kError };

enum class LogFormat {
  // 2026-12-03T03:25:00.491Z INFO query_service: message key=value ...
  kText,
  // {"time":"2026-12-03T03:25:00.491Z","level":"INFO","service":"query_service",
  //  "message":"...","request_id":"...","method":"...","code":"OK","latency_seconds":0.0012}
  kJson,
};

// Chooses the format of every later line (both servers' --log_format).
// Call once at start-up, before other threads log: the format belongs to
// the process's stderr, which is process-wide by nature.
void SetLogFormat(LogFormat format);

// Parses "text" or "json"; INVALID_ARGUMENT naming --log_format otherwise.
absl::Status SetLogFormatFromFlag(std::string_view value);

// What a line is about, when it is about one request. Empty fields (and a
// negative latency) are left out.
struct LogFields {
  std::string_view request_id;
  std::string_view method;
  std::string_view code;
  double latency_seconds = -1;
};

// Writes one line. Thread-safe.
void LogLine(LogSeverity severity, std::string_view message, const LogFields& fields = {});

inline void LogInfo(std::string_view message) { LogLine(LogSeverity::kInfo, message); }
inline void LogWarning(std::string_view message) { LogLine(LogSeverity::kWarning, message); }
inline void LogError(std::string_view message) { LogLine(LogSeverity::kError, message); }

}  // namespace docsearch

#endif  // DOCSEARCH_COMMON_LOG_H_
