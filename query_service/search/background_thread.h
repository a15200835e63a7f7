// Marks the calling thread as background work of the query service: a name
// that `top -H` and `ps -L` show, and a lower scheduling priority (a higher
// nice value) than the threads that answer searches. Search engines give
// searches the CPU first and let merges wait: on a machine with few cores a
// merge otherwise takes the core a search needs, and searches under ingest
// slow down for work that nobody is waiting for.
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_BACKGROUND_THREAD_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_BACKGROUND_THREAD_H_

#include <string_view>

#include "absl/status/status.h"

namespace docsearch::query {

// Names the calling thread `name` (at most 15 bytes are kept, the kernel's
// limit) and raises its nice value by `nice_increment` (0: unchanged; the
// result is capped at 19, the lowest priority). On Linux the nice value is
// per thread, so only the calling thread is affected; a thread can always
// lower its own priority, but raising it back needs privileges, so this is
// for threads that stay background for life. A failure leaves the thread
// as it was and is returned (the caller may run on without it).
absl::Status MakeCurrentThreadBackground(std::string_view name, int nice_increment);

// The calling thread's nice value (for tests and logs).
int CurrentThreadNice();

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_BACKGROUND_THREAD_H_
