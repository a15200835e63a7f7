#include "common/log.h"

#include <errno.h>  // program_invocation_short_name (glibc)
#include <unistd.h>

#include <atomic>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
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

// Set once at start-up (SetLogFormat); atomic so a late reader is safe.
std::atomic<bool> json_lines{false};

absl::string_view View(std::string_view text) {
  return absl::string_view(text.data(), text.size());
}

// A JSON string literal (quotes included) holding `text`.
std::string JsonString(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          absl::StrAppend(&out, "\\u00", absl::Hex(static_cast<unsigned char>(c), absl::kZeroPad2));
        } else {
          out += c;
        }
    }
  }
  out += "\"";
  return out;
}

std::string TextLine(std::string_view time, LogSeverity severity, std::string_view message,
                     const LogFields& fields) {
  std::string line =
      absl::StrCat(View(time), " ", View(SeverityName(severity)), " ",
                   absl::string_view(program_invocation_short_name), ": ", View(message));
  if (!fields.request_id.empty()) absl::StrAppend(&line, " request_id=", View(fields.request_id));
  if (!fields.method.empty()) absl::StrAppend(&line, " method=", View(fields.method));
  if (!fields.code.empty()) absl::StrAppend(&line, " code=", View(fields.code));
  if (fields.latency_seconds >= 0) {
    absl::StrAppend(&line, " latency=", absl::StrFormat("%.6fs", fields.latency_seconds));
  }
  return line;
}

std::string JsonLine(std::string_view time, LogSeverity severity, std::string_view message,
                     const LogFields& fields) {
  std::string line = absl::StrCat("{\"time\":", JsonString(time),
                                  ",\"level\":", JsonString(SeverityName(severity)),
                                  ",\"service\":", JsonString(program_invocation_short_name),
                                  ",\"message\":", JsonString(message));
  if (!fields.request_id.empty()) {
    absl::StrAppend(&line, ",\"request_id\":", JsonString(fields.request_id));
  }
  if (!fields.method.empty()) absl::StrAppend(&line, ",\"method\":", JsonString(fields.method));
  if (!fields.code.empty()) absl::StrAppend(&line, ",\"code\":", JsonString(fields.code));
  if (fields.latency_seconds >= 0) {
    absl::StrAppend(&line,
                    ",\"latency_seconds\":", absl::StrFormat("%.6f", fields.latency_seconds));
  }
  line += "}";
  return line;
}

}  // namespace

void SetLogFormat(LogFormat format) {
  json_lines.store(format == LogFormat::kJson, std::memory_order_relaxed);
}

absl::Status SetLogFormatFromFlag(std::string_view value) {
  if (value == "text") {
    SetLogFormat(LogFormat::kText);
  } else if (value == "json") {
    SetLogFormat(LogFormat::kJson);
  } else {
    return absl::InvalidArgumentError(
        absl::StrCat("--log_format: '", View(value), "' is neither text nor json"));
  }
  return absl::OkStatus();
}

void LogLine(LogSeverity severity, std::string_view message, const LogFields& fields) {
  const std::string time =
      absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ", absl::Now(), absl::UTCTimeZone());
  std::string line = json_lines.load(std::memory_order_relaxed)
                         ? JsonLine(time, severity, message, fields)
                         : TextLine(time, severity, message, fields);
  line += "\n";
  // One write keeps lines whole when threads log at once; a short write to
  // stderr is not worth retrying.
  ssize_t ignored = ::write(STDERR_FILENO, line.data(), line.size());
  (void)ignored;
}

}  // namespace docsearch
