#include "tests/soak/process_memory.h"

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace docsearch::testing {

absl::StatusOr<int64_t> ResidentBytesFromStatus(absl::string_view status_text) {
  for (absl::string_view line : absl::StrSplit(status_text, '\n')) {
    if (!absl::ConsumePrefix(&line, "VmRSS:")) continue;
    // "VmRSS:	   12345 kB": the kernel always reports kB (KiB).
    std::vector<absl::string_view> parts =
        absl::StrSplit(absl::StripAsciiWhitespace(line), ' ', absl::SkipEmpty());
    int64_t kib = 0;
    if (parts.size() != 2 || parts[1] != "kB" || !absl::SimpleAtoi(parts[0], &kib)) {
      return absl::InternalError(absl::StrCat("unreadable VmRSS line: '", line, "'"));
    }
    return kib * 1024;
  }
  return absl::InternalError("no VmRSS line (a kernel thread or a zombie?)");
}

absl::StatusOr<int64_t> ResidentBytes(pid_t pid) {
  std::ifstream in(absl::StrCat("/proc/", pid, "/status"));
  if (!in) return absl::NotFoundError(absl::StrCat("no process ", pid));
  std::stringstream text;
  text << in.rdbuf();
  return ResidentBytesFromStatus(text.str());
}

}  // namespace docsearch::testing
