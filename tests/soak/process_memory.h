// The resident memory of a running process, as the kernel reports it.
//
// Reads VmRSS from /proc/<pid>/status (Linux only), which is what `top`
// and the OOM killer see: pages actually in RAM, not address space.
#ifndef DOCSEARCH_TESTS_SOAK_PROCESS_MEMORY_H_
#define DOCSEARCH_TESTS_SOAK_PROCESS_MEMORY_H_

#include <sys/types.h>

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace docsearch::testing {

// VmRSS of `pid` in bytes. NOT_FOUND when the process is gone,
// INTERNAL when its status file has no readable VmRSS line.
absl::StatusOr<int64_t> ResidentBytes(pid_t pid);

// The VmRSS value, in bytes, from the text of a /proc/<pid>/status file
// (split out so the parsing is testable without a process).
absl::StatusOr<int64_t> ResidentBytesFromStatus(absl::string_view status_text);

}  // namespace docsearch::testing

#endif  // DOCSEARCH_TESTS_SOAK_PROCESS_MEMORY_H_
