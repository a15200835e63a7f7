// Minimal structured logging to stderr.
//
// Abseil 20220623 (Debian 12) has no absl/log, and the services log little:
// a start-up line, recovery reports, warnings. One line per event, prefixed
// with a UTC timestamp, the severity and the program name, written with a
// single write(2) so concurrent lines do not interleave.
#ifndef DOCSEARCH_COMMON_LOG_H_
#define DOCSEARCH_COMMON_LOG_H_

#include <string_view>

namespace docsearch {

enum class LogSeverity { kInfo, kWarning, kError };

// Writes one line. Thread-safe.
void LogLine(LogSeverity severity, std::string_view message);

inline void LogInfo(std::string_view message) { LogLine(LogSeverity::kInfo, message); }
inline void LogWarning(std::string_view message) { LogLine(LogSeverity::kWarning, message); }
inline void LogError(std::string_view message) { LogLine(LogSeverity::kError, message); }

}  // namespace docsearch

#endif  // DOCSEARCH_COMMON_LOG_H_
