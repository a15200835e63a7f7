#include "query_service/search/background_thread.h"

#include <pthread.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>

#include "absl/strings/str_cat.h"

namespace docsearch::query {
namespace {

// PRIO_PROCESS with a thread id addresses that one thread on Linux (nice
// values are per thread there, contrary to POSIX).
id_t CurrentThreadId() { return static_cast<id_t>(syscall(SYS_gettid)); }

}  // namespace

absl::Status MakeCurrentThreadBackground(std::string_view name, int nice_increment) {
  // The kernel keeps 15 bytes and a NUL; longer names are refused, not cut.
  const std::string short_name(name.substr(0, 15));
  pthread_setname_np(pthread_self(), short_name.c_str());
  if (nice_increment <= 0) return absl::OkStatus();
  const int target = std::min(19, CurrentThreadNice() + nice_increment);
  if (setpriority(PRIO_PROCESS, CurrentThreadId(), target) != 0) {
    return absl::InternalError(absl::StrCat("cannot set the nice value of thread ", short_name,
                                            " to ", target, ": ", std::strerror(errno)));
  }
  return absl::OkStatus();
}

int CurrentThreadNice() {
  // getpriority returns -1 both as a value and as an error: errno tells.
  errno = 0;
  const int nice = getpriority(PRIO_PROCESS, CurrentThreadId());
  return errno == 0 ? nice : 0;
}

}  // namespace docsearch::query
