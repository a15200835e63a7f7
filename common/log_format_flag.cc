#include "common/log_format_flag.h"

#include <string>

#include "absl/flags/flag.h"
#include "common/log.h"

ABSL_FLAG(std::string, log_format, "text",
          "log lines as 'text' (time level service: message key=value) or 'json' (one object per "
          "line: time, level, service, message, request_id, method, code, latency_seconds)");

namespace docsearch {

absl::Status ApplyLogFormatFlag() { return SetLogFormatFromFlag(absl::GetFlag(FLAGS_log_format)); }

}  // namespace docsearch
