// The servers' --log_format flag (text or json), applied to common/log.h.
#ifndef DOCSEARCH_COMMON_LOG_FORMAT_FLAG_H_
#define DOCSEARCH_COMMON_LOG_FORMAT_FLAG_H_

#include "absl/status/status.h"

namespace docsearch {

// Applies --log_format; INVALID_ARGUMENT naming the flag for other values.
// Call first thing in main, before other threads log.
absl::Status ApplyLogFormatFlag();

}  // namespace docsearch

#endif  // DOCSEARCH_COMMON_LOG_FORMAT_FLAG_H_
